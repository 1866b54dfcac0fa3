package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetChange;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.Health;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fleet tree's items, kept in step with the poller's snapshots by applying only what changed:
 * items are created once and then updated in place, so selection and expansion survive refreshes
 * and a refresh with few changes touches few rows. FX thread only.
 */
public final class FleetTreeModel {
    private final FilterableTreeItem<FleetRow> root = new FilterableTreeItem<>(FleetRow.ROOT);
    /** Every node's item: FilterableTreeItem for nodes that can have children, a plain TreeItem for PDBs. */
    private final Map<String, TreeItem<FleetRow>> items = new HashMap<>();
    private FleetSnapshot snapshot = FleetSnapshot.EMPTY;
    private String filterText = "";
    private Health filterHealth;
    /** Compartments with nothing in them are hidden unless the DBA asks to see them. */
    private boolean showEmpty;
    /**
     * The predicate in force (null: show everything); one instance until the filter changes, so
     * items prebuilt with it are not filtered again when attached. Read by {@link #prebuild} off the FX thread.
     */
    private volatile java.util.function.Predicate<FleetRow> predicate = makePredicate();

    {
        // The root hands its predicate down to every item (FilterableTreeItem): it must hold the one in force
        // from the start, or attaching prebuilt items would clear theirs.
        root.predicateProperty().set(predicate);
    }

    public FilterableTreeItem<FleetRow> root() {
        return root;
    }

    public FleetSnapshot snapshot() {
        return snapshot;
    }

    public TreeItem<FleetRow> item(String id) {
        return items.get(id);
    }

    public int size() {
        return items.size();
    }

    /**
     * The items of an update's added nodes, made and wired off the FX thread. A TreeItem tree that no
     * control observes is plain objects, so this can run anywhere; only {@link #apply} attaches it, on
     * the FX thread, in one step per attach point. The first load is the largest case (at 10,000
     * databases ~200 ms moved off the FX thread), but not the only one: when the direct connections
     * answer before the tenancy is discovered and read, the regions arrive as additions to a tree that
     * is not empty, and built on the FX thread they stalled it for ~470 ms (FX stall benchmark).
     *
     * @param tops the added items whose parent was not added with them: where they attach
     */
    public record Prebuilt(FleetSnapshot snapshot, Map<String, TreeItem<FleetRow>> items,
                           List<TreeItem<FleetRow>> tops) {
    }

    /**
     * Builds an update's added items; any thread; null when it adds nothing. With the filter in force
     * (empty compartments hidden, say), each attach point gets the predicate here, so attaching them on
     * the FX thread filters nothing more.
     */
    public Prebuilt prebuild(FleetUpdate u) {
        List<FleetNode> added = new ArrayList<>();
        for (FleetChange c : u.changes()) {
            if (c instanceof FleetChange.Added(FleetNode n)) {
                added.add(n);
            }
        }
        return added.isEmpty() ? null : prebuild(u.snapshot(), added, predicate);
    }

    /** Builds these nodes' items (parents before children, as the snapshot has them). */
    private static Prebuilt prebuild(FleetSnapshot s, java.util.Collection<FleetNode> nodes,
                                     java.util.function.Predicate<FleetRow> predicate) {
        Map<String, TreeItem<FleetRow>> items = new HashMap<>();
        Map<String, List<TreeItem<FleetRow>>> kids = new HashMap<>();
        for (FleetNode n : nodes) {
            TreeItem<FleetRow> item = FleetItems.newItem(FleetRow.of(n, s));
            FleetItems.openAtFirst(item, s);
            items.put(n.id(), item);
            kids.computeIfAbsent(n.parentId() == null ? "" : n.parentId(), k -> new ArrayList<>()).add(item);
        }
        List<TreeItem<FleetRow>> tops = new ArrayList<>();
        for (var e : kids.entrySet()) {
            if (!e.getKey().isEmpty() && items.get(e.getKey()) instanceof FilterableTreeItem<FleetRow> parent) {
                parent.sourceChildren().setAll(e.getValue());
            } else {
                tops.addAll(e.getValue());
            }
        }
        if (predicate != null) {
            for (TreeItem<FleetRow> t : tops) {
                if (t instanceof FilterableTreeItem<FleetRow> f) {
                    f.predicateProperty().set(predicate);
                }
            }
        }
        return new Prebuilt(s, items, tops);
    }

    /** Applies a batch of updates from the poller: the latest snapshot, and every node any of them changed. */
    public void apply(List<FleetUpdate> batch) {
        apply(batch, List.of());
    }

    /**
     * Applies a batch. Items prebuilt for its updates ({@link #prebuild}) are attached first; what
     * they hold from the latest snapshot is not touched again, and the rest of the changes are applied
     * as usual.
     */
    public void apply(List<FleetUpdate> batch, List<Prebuilt> prebuilt) {
        if (batch.isEmpty()) {
            return;
        }
        // The newest by the store's order, not the last to arrive: two pollers publish from their own
        // threads and can be told out of order. An older snapshot never replaces a newer one; its
        // changed rows are read from the newest there is.
        FleetUpdate newest = batch.stream().max(java.util.Comparator.comparingLong(FleetUpdate::sequence)).orElseThrow();
        FleetSnapshot latest;
        if (newest.sequence() >= appliedSequence) {
            latest = newest.snapshot();
            appliedSequence = newest.sequence();
        } else {
            latest = snapshot;
        }
        FleetSnapshot before = snapshot;
        Set<String> changed = new LinkedHashSet<>();
        for (FleetUpdate u : batch) {
            for (FleetChange c : u.changes()) {
                changed.add(c.id());
            }
        }
        Map<String, Map<String, Integer>> order = new HashMap<>();
        snapshot = latest; // the predicate reads paths from the latest snapshot
        for (Prebuilt pre : prebuilt) {
            for (String id : attach(pre, order)) {
                if (pre.snapshot() == latest) {
                    changed.remove(id); // its row is the latest already
                }
            }
        }
        boolean emptinessChanged = false;
        if (!changed.isEmpty()) {
            applyChanges(latest, changed, order);
            for (String id : changed) {
                emptinessChanged |= before.isEmptyCompartment(id) != latest.isEmptyCompartment(id);
            }
        }
        // Values changed under a text or health filter, or a compartment became (or stopped being) empty:
        // the filtered lists must look again. Otherwise nothing to redo, which keeps a quiet refresh cheap.
        if (isFiltering() || (!showEmpty && emptinessChanged)) {
            root.refilter();
        }
    }

    /**
     * Attaches each prebuilt subtree whose parent is in the tree and none of whose nodes is; returns
     * the ids attached. A subtree that does not fit (its parent not there yet, say) is left to the
     * ordinary path, which builds what is missing on the FX thread.
     */
    private List<String> attach(Prebuilt pre, Map<String, Map<String, Integer>> order) {
        List<String> attached = new ArrayList<>();
        for (TreeItem<FleetRow> top : pre.tops()) {
            FleetNode n = top.getValue().node();
            FilterableTreeItem<FleetRow> parent = n.parentId() == null ? root : filterable(n.parentId());
            if (parent == null) {
                continue;
            }
            List<String> ids = new ArrayList<>();
            FleetItems.collectIds(top, ids);
            if (ids.stream().anyMatch(items::containsKey)) {
                continue;
            }
            for (String id : ids) {
                items.put(id, pre.items().get(id));
            }
            addChild(parent, top, pre.snapshot(), order);
            attached.addAll(ids);
        }
        return attached;
    }

    /** The store's sequence of the snapshot shown; -1 before the first. */
    private long appliedSequence = -1;

    /** Drops everything, for a profile switch. */
    public void clear() {
        appliedSequence = -1;
        root.sourceChildren().clear();
        items.clear();
        snapshot = FleetSnapshot.EMPTY;
    }

    private void applyChanges(FleetSnapshot s, Set<String> changed, Map<String, Map<String, Integer>> order) {
        // Adds and updates in snapshot order (parents before children), then removals.
        for (FleetNode n : s.nodes().values()) {
            if (!changed.contains(n.id())) {
                continue;
            }
            FleetRow row = FleetRow.of(n, s);
            TreeItem<FleetRow> item = items.get(n.id());
            if (item == null) {
                item = FleetItems.newItem(row);
                FleetItems.openAtFirst(item, s);
                items.put(n.id(), item);
                addChild(parentOf(n), item, s, order);
            } else {
                FleetNode before = item.getValue().node();
                item.setValue(row);
                if (!java.util.Objects.equals(before.parentId(), n.parentId())) {
                    FilterableTreeItem<FleetRow> oldParent = before.parentId() == null ? root : filterable(before.parentId());
                    if (oldParent != null) {
                        oldParent.sourceChildren().remove(item);
                    }
                    addChild(parentOf(n), item, s, order);
                }
            }
        }
        for (String id : changed) {
            if (s.node(id) == null) {
                TreeItem<FleetRow> item = items.remove(id);
                if (item != null) {
                    FleetNode n = item.getValue().node();
                    FilterableTreeItem<FleetRow> parent = n.parentId() == null ? root : filterable(n.parentId());
                    if (parent != null) {
                        parent.sourceChildren().remove(item);
                    }
                    removeDescendants(item);
                }
            }
        }
    }

    /**
     * Adds a child where the snapshot has it among its siblings: a region read after the direct targets
     * answered still goes first, and a compartment created (or moved here) takes its place by name,
     * before its parent's resources. {@code order} caches each parent's sibling positions for one batch.
     */
    private void addChild(FilterableTreeItem<FleetRow> parent, TreeItem<FleetRow> item, FleetSnapshot s,
                          Map<String, Map<String, Integer>> order) {
        var kids = parent.sourceChildren();
        String parentId = parent == root ? "" : parent.getValue().node().id();
        Map<String, Integer> pos = order.computeIfAbsent(parentId, k -> {
            List<String> ids = k.isEmpty() ? s.roots() : s.children(k);
            Map<String, Integer> m = new HashMap<>(ids.size() * 2);
            for (int i = 0; i < ids.size(); i++) {
                m.put(ids.get(i), i);
            }
            return m;
        });
        int mine = pos.getOrDefault(item.getValue().node().id(), Integer.MAX_VALUE);
        for (int i = 0; i < kids.size(); i++) {
            if (pos.getOrDefault(kids.get(i).getValue().node().id(), Integer.MAX_VALUE) > mine) {
                kids.add(i, item);
                return;
            }
        }
        kids.add(item);
    }

    private void removeDescendants(TreeItem<FleetRow> item) {
        if (item instanceof FilterableTreeItem<FleetRow> f) {
            for (TreeItem<FleetRow> c : f.sourceChildren()) {
                items.remove(c.getValue().node().id());
                removeDescendants(c);
            }
        }
    }

    private FilterableTreeItem<FleetRow> filterable(String id) {
        return items.get(id) instanceof FilterableTreeItem<FleetRow> f ? f : null;
    }

    private FilterableTreeItem<FleetRow> parentOf(FleetNode n) {
        if (n.parentId() == null) {
            return root;
        }
        FilterableTreeItem<FleetRow> p = filterable(n.parentId());
        return p == null ? root : p;
    }

    // ---- filter ----

    public boolean isFiltering() {
        return (filterText != null && !filterText.isBlank()) || filterHealth != null;
    }

    public boolean showsEmpty() {
        return showEmpty;
    }

    /** Shows or hides compartments that hold nothing (hidden by default). */
    public void setShowEmpty(boolean show) {
        this.showEmpty = show;
        predicate = makePredicate();
        root.predicateProperty().set(predicate);
    }

    private java.util.function.Predicate<FleetRow> makePredicate() {
        boolean hideEmpty = !showEmpty;
        if (!isFiltering() && !hideEmpty) {
            return null;
        }
        String t = filterText;
        Health h = filterHealth;
        boolean filtering = isFiltering();
        return row -> {
            if (row.node() == null) {
                return true;
            }
            if (hideEmpty && row.emptyCompartment()) {
                return false;
            }
            return !filtering || row.matches(t, h, snapshot.compartmentPath(row.node().id()))
                    || underMatchingResource(row, t, h);
        };
    }

    /**
     * A row under a resource whose name matches the text (an Exadata infrastructure, a VM cluster, a DB
     * system): filtering by its name shows what runs on it, as filtering by a compartment's path does.
     */
    private boolean underMatchingResource(FleetRow row, String text, Health health) {
        if (text == null || text.isBlank() || (health != null && row.node().shownHealth() != health)) {
            return false;
        }
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        List<io.fleetdesk.model.FleetNode> path = snapshot.pathTo(row.node().id());
        for (int i = 0; i < path.size() - 1; i++) {
            io.fleetdesk.model.FleetNode a = path.get(i);
            if (!io.fleetdesk.model.FleetSnapshot.isContainer(a.kind()) && a.name() != null
                    && a.name().toLowerCase(java.util.Locale.ROOT).contains(t)) {
                return true;
            }
        }
        return false;
    }

    /** Shows only rows matching the text (name, state, role, health, OCID) and health, with their ancestors. */
    public void setFilter(String text, Health health) {
        this.filterText = text == null ? "" : text;
        this.filterHealth = health;
        predicate = makePredicate();
        root.predicateProperty().set(predicate);
        if (isFiltering()) {
            FleetItems.expandAll(root);
        }
    }

}
