package io.fleetdesk.model;

import java.util.List;

/** What the poller publishes after each refresh: the new snapshot and how it differs from the one before. */
public record FleetUpdate(FleetSnapshot snapshot, List<FleetChange> changes) {
    public FleetUpdate {
        changes = List.copyOf(changes);
    }
}
