package io.fleetdesk.poll;

import io.fleetdesk.model.FleetChange;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.Notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the current snapshot and tells listeners what changed. A change is a node added, removed,
 * or different in what a DBA sees (its fields, or the worst health below it); a refresh that finds
 * everything as it was publishes an empty change list.
 */
public final class FleetStore {
    private volatile FleetSnapshot current = FleetSnapshot.EMPTY;
    /** The OCI poller's last snapshot and the direct targets' nodes, merged into {@link #current}. */
    private FleetSnapshot oci = FleetSnapshot.EMPTY;
    private Map<String, FleetNode> direct = Map.of();
    private final List<Consumer<FleetUpdate>> listeners = new CopyOnWriteArrayList<>();
    /** The order of updates, given under the lock; listeners are told outside it and may see them out of order. */
    private long sequence;

    public FleetSnapshot current() {
        return current;
    }

    public void subscribe(Consumer<FleetUpdate> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<FleetUpdate> listener) {
        listeners.remove(listener);
    }

    /** Replaces the OCI part of the snapshot and notifies listeners (on the caller's thread). */
    public FleetUpdate publish(FleetSnapshot next) {
        FleetUpdate update;
        synchronized (this) {
            oci = next;
            FleetSnapshot merged = merge(next, direct);
            update = new FleetUpdate(merged, diff(current, merged), ++sequence);
            current = merged;
        }
        return notify(update);
    }

    /** Replaces the directly probed databases' nodes (see {@link DirectPoller#nodes()}) and notifies listeners. */
    public FleetUpdate publishDirect(Map<String, FleetNode> nodes) {
        FleetUpdate update;
        synchronized (this) {
            direct = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
            FleetSnapshot merged = merge(oci, direct);
            update = new FleetUpdate(merged, diff(current, merged), ++sequence);
            current = merged;
        }
        return notify(update);
    }

    private FleetUpdate notify(FleetUpdate update) {
        for (Consumer<FleetUpdate> l : listeners) {
            l.accept(update);
        }
        return update;
    }

    /**
     * The OCI nodes, then the direct ones (so "Direct connections" comes after the regions). A target
     * linked to an OCI database that this profile does not show goes under "Direct connections",
     * with why.
     */
    static FleetSnapshot merge(FleetSnapshot oci, Map<String, FleetNode> direct) {
        if (direct.isEmpty()) {
            return oci;
        }
        Map<String, FleetNode> all = new LinkedHashMap<>(oci.nodes());
        for (FleetNode n : direct.values()) {
            if (n.parentId() != null && !direct.containsKey(n.parentId()) && !oci.nodes().containsKey(n.parentId())) {
                List<Notice> reasons = new ArrayList<>(n.reasons());
                reasons.add(Notice.of("direct.linkedElsewhere", n.parentId()));
                n = new FleetNode(n.id(), DirectPoller.ROOT_ID, n.kind(), n.name(), n.lifecycleState(), n.dataGuard(),
                        n.health(), reasons, n.details(), n.lastRefreshed(), n.stale());
            }
            all.put(n.id(), n);
        }
        // Direct nodes whose OCI parent comes later in the map still sit after it: the snapshot orders children by insertion.
        return new FleetSnapshot(all, oci.takenAt(), oci.refreshDuration(), oci.errors(), oci.requests(), oci.tenancy());
    }

    public static List<FleetChange> diff(FleetSnapshot before, FleetSnapshot after) {
        List<FleetChange> changes = new ArrayList<>();
        for (FleetNode n : after.nodes().values()) {
            FleetNode old = before.node(n.id());
            if (old == null) {
                changes.add(new FleetChange.Added(n));
            } else if (!old.sameAs(n) || before.rolledUpHealth(n.id()) != after.rolledUpHealth(n.id())
                    || before.isEmptyCompartment(n.id()) != after.isEmptyCompartment(n.id())) {
                changes.add(new FleetChange.Updated(old, n));
            }
        }
        for (FleetNode n : before.nodes().values()) {
            if (after.node(n.id()) == null) {
                changes.add(new FleetChange.Removed(n));
            }
        }
        return changes;
    }
}
