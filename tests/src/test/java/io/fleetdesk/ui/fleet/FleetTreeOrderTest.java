package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.poll.FleetStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The OCI poller and the direct poller publish from their own threads, so the tree can be told of
 * two updates in the opposite order from the store's: the older one must never replace the newer.
 * Plain JUnit: the tree model's items are not on a screen.
 */
class FleetTreeOrderTest {
    private static FleetSnapshot snapshot(String state) {
        FleetNode region = new FleetNode("region:us-ashburn-1", null, NodeKind.REGION, "us-ashburn-1", null, null,
                Health.OK, List.of(), Map.of(), Instant.EPOCH, null);
        FleetNode db = new FleetNode("ocid1.database.oc1..a", "region:us-ashburn-1", NodeKind.DATABASE, "ERP_iad1", state,
                null, state.equals("AVAILABLE") ? Health.OK : Health.WARNING, List.of(), Map.of(), Instant.EPOCH, null);
        return new FleetSnapshot(Map.of(region.id(), region, db.id(), db), Instant.EPOCH, Duration.ZERO, List.of(), 0);
    }

    @Test
    void anOlderSnapshotToldLastNeverReplacesTheNewerOne() {
        FleetStore store = new FleetStore();
        FleetUpdate first = store.publish(snapshot("AVAILABLE"));
        FleetUpdate older = store.publish(snapshot("UPDATING"));
        FleetUpdate newer = store.publish(snapshot("AVAILABLE"));
        assertTrue(first.sequence() < older.sequence() && older.sequence() < newer.sequence());

        FleetTreeModel tree = new FleetTreeModel();
        tree.apply(List.of(first));
        // Told out of order, in one batch and then in two.
        tree.apply(List.of(newer, older));
        assertEquals("AVAILABLE", tree.item("ocid1.database.oc1..a").getValue().node().lifecycleState());
        tree.apply(List.of(older));
        assertEquals("AVAILABLE", tree.item("ocid1.database.oc1..a").getValue().node().lifecycleState(),
                "the older UPDATING came last and was not shown");
        assertEquals(newer.snapshot(), tree.snapshot());
    }
}
