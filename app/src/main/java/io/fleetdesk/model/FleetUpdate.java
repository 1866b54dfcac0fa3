package io.fleetdesk.model;

import java.util.List;

/**
 * What the store publishes after each refresh: the new snapshot, how it differs from the one before,
 * and its place in the store's order. The OCI poller and the direct poller publish from their own
 * threads, so listeners can be told out of order; a view keeps the update with the highest sequence
 * and never lets an older one replace it.
 */
public record FleetUpdate(FleetSnapshot snapshot, List<FleetChange> changes, long sequence) {
    public FleetUpdate {
        changes = List.copyOf(changes);
    }

    /** An update outside any store's order (tests, a single source). */
    public FleetUpdate(FleetSnapshot snapshot, List<FleetChange> changes) {
        this(snapshot, changes, 0);
    }
}
