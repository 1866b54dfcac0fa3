package io.fleetdesk.model;

/** What changed for one node between two snapshots. */
public sealed interface FleetChange {
    String id();

    /** A node that was not there before. */
    record Added(FleetNode node) implements FleetChange {
        public String id() {
            return node.id();
        }
    }

    /** A node whose fields or rolled-up health changed. */
    record Updated(FleetNode before, FleetNode after) implements FleetChange {
        public String id() {
            return after.id();
        }
    }

    /** A node that is gone (terminated, or its parent is gone). */
    record Removed(FleetNode node) implements FleetChange {
        public String id() {
            return node.id();
        }
    }
}
