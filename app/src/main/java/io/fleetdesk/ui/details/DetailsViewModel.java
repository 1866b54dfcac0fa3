package io.fleetdesk.ui.details;

import io.fleetdesk.model.Detail;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.poll.DirectTargetState;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.fleet.FleetRow;
import io.fleetdesk.ui.fleet.FleetViewModel;
import io.fleetdesk.ui.fleet.RowText;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the details pane shows for a row, worded, with no JavaFX: {@link #of} gives a {@link Content}
 * that {@link DetailsPane} lays out, and {@link #outdated} says when the pane shows an older state than
 * the tree. Tested without a screen.
 */
public final class DetailsViewModel {
    /** How many rows below a container are named; the rest are counted. */
    static final int BELOW_NAMED = 5;
    private static final List<Health> WORST_FIRST = List.of(Health.CRITICAL, Health.UNKNOWN, Health.WARNING);

    private final FleetViewModel vm;
    private final Supplier<Instant> now;
    /** What the pane was last built from. */
    private FleetNode shownNode;
    private List<DataGuardActions.Offer> shownOffers = List.of();
    private Instant shownReadAt;

    public DetailsViewModel(FleetViewModel vm, Supplier<Instant> now) {
        this.vm = vm;
        this.now = now;
    }

    /** A row below a container that is not OK: its name, health and first reason (null when it has none). */
    public record BelowRow(String name, Health health, String firstReason) {
    }

    /** What is wrong below a container: counts of the rows that are not OK, the worst named first. */
    public record Below(int critical, int unknown, int warning, List<BelowRow> worst, int more) {
    }

    /** A Data Guard operation the database offers, with why not when it cannot be done now. */
    public record OfferView(DataGuardActions.Offer offer, String label, String whyNot) {
    }

    /** A direct connection's part: the target, whether it is the demo's (read-only), its latest reading. */
    public record Direct(DirectTarget target, boolean demo, DirectTargetState state) {
    }

    /**
     * Everything the pane shows for one row; a part that does not apply is null (or empty).
     *
     * @param path      the row's place in the tenancy, the row last; empty for a top-level row
     * @param below     the rolled-up health when it differs from the row's own, else null
     * @param stale     why the row's values are old, worded, or null when they are fresh
     * @param allGood   "nothing wrong" in the right words, or null when something here or below is wrong
     * @param fields    the row's fields, in order, with values as the model holds them
     * @param discovery for a region: what discovery found, worded
     * @param directRoot for the "Direct connections" group: whether AWR is used, and the settings file
     * @param backups   whether the row has a Backups dialog (a database)
     */
    public record Content(FleetRow row, List<FleetNode> path, String title, String kindLine, Health health,
                          Health rolledUp, String stale, List<String> reasons, Below belowSummary, String allGood,
                          Map<Detail, Object> fields, String discovery, Direct direct, DirectRoot directRoot,
                          boolean backups, List<OfferView> dataGuard) {
        public FleetNode node() {
            return row.node();
        }
    }

    /** The "Direct connections" group's settings. */
    public record DirectRoot(boolean diagnosticsPack, String settingsFile) {
    }

    /** The row's content; null when nothing (or the invisible root) is selected. Remembered for {@link #outdated}. */
    public Content of(FleetRow row) {
        shownNode = row == null ? null : row.node();
        shownOffers = vm.features().dataGuardOffers(row);
        shownReadAt = readAt(row);
        if (row == null || row.node() == null) {
            return null;
        }
        FleetNode n = row.node();
        FleetSnapshot snap = vm.tree().snapshot();
        List<FleetNode> path = n.parentId() == null ? List.of() : snap.pathTo(n.id());
        String kindLine = Messages.get("kind." + n.kind().name().toLowerCase(Locale.ROOT))
                + (n.lifecycleState() == null ? "" : " · " + n.lifecycleState())
                + (n.role() == null ? "" : " · " + n.role());
        Health shown = n.shownHealth();
        String stale = null;
        if (n.stale() != null) {
            String since = n.stale().lastGood() == null ? Messages.get("details.neverRead")
                    : Messages.get("details.lastGood", RowText.time(n.stale().lastGood()),
                    Math.max(0, Duration.between(n.stale().lastGood(), now.get()).toSeconds()));
            stale = Messages.get("details.stale", since, Messages.of(n.stale().reason()));
        }
        boolean container = FleetSnapshot.isContainer(n.kind());
        Below below = container ? below(snap, n) : null;
        String allGood = null;
        if (n.reasons().isEmpty() && (!container || row.rolledUp() == Health.OK)) {
            // "Nothing wrong" only when nothing below says otherwise: a stale compartment over a WARNING
            // database must not read as all good.
            allGood = Messages.get(n.stale() == null ? "details.allGood" : "details.allGoodWhenLastRead");
        }
        String discovery = n.kind() != NodeKind.REGION ? null
                : vm.status().tenancyProperty().get() + ". " + vm.status().tenancyDetailsProperty().get();
        Direct direct = null;
        if (n.kind() == NodeKind.DIRECT_DATABASE) {
            DirectTarget t = vm.targets().of(row);
            direct = t == null ? null : new Direct(t, vm.targets().isDemo(t.id()), vm.targets().poller().state(t.id()));
        }
        DirectRoot directRoot = n.kind() == NodeKind.DIRECT_GROUP && n.parentId() == null
                ? new DirectRoot(vm.targets().diagnosticsPack(), String.valueOf(vm.settings().file())) : null;
        boolean dataGuardKind = n.kind() == NodeKind.DATABASE || n.kind() == NodeKind.AUTONOMOUS_DATABASE
                || n.kind() == NodeKind.AUTONOMOUS_STANDBY || n.kind() == NodeKind.AUTONOMOUS_CONTAINER_DATABASE;
        List<OfferView> dg = !dataGuardKind || n.dataGuard() == null ? List.of()
                : shownOffers.stream().map(o -> new OfferView(o, Messages.get("dg.menu."
                + o.kind().name().toLowerCase(Locale.ROOT)), o.available() ? null : Messages.of(o.reason()))).toList();
        return new Content(row, path, RowText.displayName(n), kindLine, shown,
                row.rolledUp() == shown ? null : row.rolledUp(), stale, Messages.of(n.reasons()), below, allGood,
                n.details(), discovery, direct, directRoot,
                n.kind() == NodeKind.DATABASE || n.kind() == NodeKind.AUTONOMOUS_DATABASE, dg);
    }

    /**
     * Whether the pane shows an older state of the row than the tree has: a rebuild replaces its
     * buttons, and a click that straddles it would be lost, so it is rebuilt only then.
     */
    public boolean outdated(FleetRow row) {
        return row == null || shownNode == null || !row.node().sameAs(shownNode) || row.node().stale() != null
                || !vm.features().dataGuardOffers(row).equals(shownOffers) || !Objects.equals(readAt(row), shownReadAt);
    }

    private Instant readAt(FleetRow row) {
        var st = row == null || row.node() == null ? null : vm.targets().poller().stateOfNode(row.node().id());
        return st == null || st.reading() == null ? null : st.reading().readAt();
    }

    /**
     * For a region, compartment or group: what is wrong below it, so that its details say the same as
     * the rows under it (the worst first, up to {@link #BELOW_NAMED}, with their first reason); null
     * when nothing below is wrong.
     */
    static Below below(FleetSnapshot snap, FleetNode n) {
        Map<Health, Integer> counts = new EnumMap<>(Health.class);
        List<FleetNode> notOk = new ArrayList<>();
        ArrayDeque<String> todo = new ArrayDeque<>(snap.children(n.id()));
        while (!todo.isEmpty()) {
            FleetNode c = snap.node(todo.pop());
            if (c == null) {
                continue;
            }
            todo.addAll(snap.children(c.id()));
            if (!FleetSnapshot.isContainer(c.kind()) || c.stale() != null || !c.reasons().isEmpty()) {
                Health h = c.shownHealth();
                counts.merge(h, 1, Integer::sum);
                if (h != Health.OK) {
                    notOk.add(c);
                }
            }
        }
        if (notOk.isEmpty()) {
            return null;
        }
        notOk.sort(Comparator.comparingInt(c -> WORST_FIRST.indexOf(c.shownHealth())));
        List<BelowRow> worst = notOk.subList(0, Math.min(BELOW_NAMED, notOk.size())).stream().map(c -> {
            List<String> why = RowText.reasons(c);
            return new BelowRow(RowText.displayName(c), c.shownHealth(), why.isEmpty() ? null : why.getFirst());
        }).toList();
        return new Below(counts.getOrDefault(Health.CRITICAL, 0), counts.getOrDefault(Health.UNKNOWN, 0),
                counts.getOrDefault(Health.WARNING, 0), worst, notOk.size() - worst.size());
    }
}
