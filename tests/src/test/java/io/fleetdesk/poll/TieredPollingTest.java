package io.fleetdesk.poll;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A request budget defers quiet DB homes, never Data Guard members or what the DBA watches, and never for long. */
class TieredPollingTest {
    private static final PollerSettings TIGHT = PollerSettings.defaults().withDeadline(Duration.ofSeconds(20))
            .withRequestBudget(60, 3);

    @Test
    void quietHomesAreDeferredButReadWithinTheCycleLimitWhileHotOnesAreReadEveryCycle() throws Exception {
        try (DemoHarness h = new DemoHarness(31, 150, 2, new FaultPlan()); FleetPoller p = h.poller(TIGHT, Duration.ofSeconds(5))) {
            SimFleet f = h.demo.fleet();
            FleetSnapshot first = p.refreshOnce();
            assertEquals(f.allDatabases().size(), first.count(NodeKind.DATABASE));
            long full = first.requests();
            FleetSnapshot second = p.refreshOnce();
            assertTrue(p.deferredHomes() > 0, "the budget deferred some quiet homes");
            assertTrue(second.requests() < full, second.requests() + " requests, a full refresh took " + full);
            assertEquals(f.allDatabases().size(), second.count(NodeKind.DATABASE), "deferred databases are still shown");
            for (FleetNode n : second.nodes().values()) {
                assertNull(n.stale(), "deferred is not stale: " + n.name());
            }

            // A Data Guard standby's change shows in the very next cycle.
            SimFleet.Database standby = f.dataGuardDatabases().stream()
                    .filter(d -> "STANDBY".equals(f.role(d.id()))).findFirst().orElseThrow();
            f.overrideApplyLag(standby.id(), 900);
            assertTrue(p.refreshOnce().node(standby.id()).dataGuard().applyLagSeconds() == 900, "15 minutes of lag, read this cycle");

            // A watched quiet database too.
            SimFleet.Database quiet = f.allDatabases().stream().filter(d -> d.pairId() == null
                    && "AVAILABLE".equals(f.databaseState(d))).findFirst().orElseThrow();
            p.watch(Set.of(quiet.id()));
            p.refreshOnce();
            f.overrideState(quiet.id(), "UPDATING");
            assertEquals("UPDATING", p.refreshOnce().node(quiet.id()).lifecycleState());
            p.watch(Set.of());

            // Any quiet database's change shows within maxCyclesPerInventory cycles.
            SimFleet.Database other = f.allDatabases().stream().filter(d -> d.pairId() == null && !d.id().equals(quiet.id())
                    && "AVAILABLE".equals(f.databaseState(d))).reduce((a, b) -> b).orElseThrow();
            f.overrideState(other.id(), "FAILED");
            int cycles = 0;
            String state;
            do {
                state = p.refreshOnce().node(other.id()).lifecycleState();
                cycles++;
            } while (!"FAILED".equals(state) && cycles < 10);
            assertEquals("FAILED", state);
            assertTrue(cycles <= 3, "seen after " + cycles + " cycles; the limit is 3");
        }
    }
}
