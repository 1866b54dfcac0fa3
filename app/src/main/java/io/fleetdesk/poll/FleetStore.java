package io.fleetdesk.poll;

import io.fleetdesk.model.FleetChange;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Holds the current snapshot and tells listeners what changed. A change is a node added, removed,
 * or different in what a DBA sees (its fields, or the worst health below it); a refresh that finds
 * everything as it was publishes an empty change list.
 */
public final class FleetStore {
    private volatile FleetSnapshot current = FleetSnapshot.EMPTY;
    private final List<Consumer<FleetUpdate>> listeners = new CopyOnWriteArrayList<>();

    public FleetSnapshot current() {
        return current;
    }

    public void subscribe(Consumer<FleetUpdate> listener) {
        listeners.add(listener);
    }

    public void unsubscribe(Consumer<FleetUpdate> listener) {
        listeners.remove(listener);
    }

    /** Replaces the snapshot and notifies listeners (on the caller's thread). */
    public FleetUpdate publish(FleetSnapshot next) {
        FleetUpdate update;
        synchronized (this) {
            update = new FleetUpdate(next, diff(current, next));
            current = next;
        }
        for (Consumer<FleetUpdate> l : listeners) {
            l.accept(update);
        }
        return update;
    }

    public static List<FleetChange> diff(FleetSnapshot before, FleetSnapshot after) {
        List<FleetChange> changes = new ArrayList<>();
        for (FleetNode n : after.nodes().values()) {
            FleetNode old = before.node(n.id());
            if (old == null) {
                changes.add(new FleetChange.Added(n));
            } else if (!old.sameAs(n) || before.rolledUpHealth(n.id()) != after.rolledUpHealth(n.id())) {
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
