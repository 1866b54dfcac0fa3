package io.fleetdesk.poll;

import io.fleetdesk.support.En;
import io.fleetdesk.model.FleetChange;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real poller and the real SDK against the simulator. */
class FleetPollerTest {

    @Test
    void aRefreshListsTheWholeFleetWithTheTreeShapeAndDataGuardRoles() throws Exception {
        try (DemoHarness h = new DemoHarness(7, 150, 3, new FaultPlan()); FleetPoller p = h.poller()) {
            FleetSnapshot s = p.refreshOnce();
            SimFleet f = h.demo.fleet();
            assertEquals(f.allDatabases().size(), s.count(NodeKind.DATABASE), En.of(s.errors()).toString());
            assertEquals(f.allDbSystems().size(), s.count(NodeKind.DB_SYSTEM));
            assertEquals(f.pdbCount(), s.count(NodeKind.PLUGGABLE_DATABASE));
            assertEquals(3, s.roots().size());
            assertTrue(En.of(s.errors()).isEmpty(), En.of(s.errors()).toString());
            // Every database hangs under its DB system (on Exadata: its VM cluster), every PDB under its CDB.
            for (SimFleet.Database d : f.allDatabases()) {
                FleetNode n = s.node(d.id());
                assertEquals(d.dbSystemId() != null ? d.dbSystemId() : d.vmClusterId(), n.parentId());
                assertEquals(d.dbUniqueName(), n.name());
                assertEquals(f.role(d.id()), n.role());
            }
            // Roll-up: a region shows the worst health below it.
            for (String region : s.roots()) {
                Health worst = Health.OK;
                for (FleetNode n : s.nodes().values()) {
                    if (n.kind() == NodeKind.DATABASE && n.id().contains("." + regionKey(region, s) + ".")) {
                        worst = worst.worst(s.rolledUpHealth(n.id()));
                    }
                }
                assertTrue(rank(s.rolledUpHealth(region)) >= rank(worst));
            }
        }
    }

    private static String regionKey(String regionNodeId, FleetSnapshot s) {
        return switch (s.node(regionNodeId).name()) {
            case "us-ashburn-1" -> "iad";
            case "eu-frankfurt-1" -> "fra";
            default -> "nrt";
        };
    }

    private static int rank(Health h) {
        return List.of(Health.OK, Health.WARNING, Health.UNKNOWN, Health.CRITICAL).indexOf(h);
    }

    @Test
    void aDatabaseWhoseLastBackupFailedIsAWarningWithTheTimesInTheReason() throws Exception {
        try (DemoHarness h = new DemoHarness(7, 150, 3, new FaultPlan()); FleetPoller p = h.poller()) {
            FleetSnapshot s = p.refreshOnce();
            SimFleet f = h.demo.fleet();
            List<SimFleet.Database> failing = f.allDatabases().stream().filter(d -> f.lastFailedBackup(d) != null).toList();
            assertTrue(!failing.isEmpty(), "the demo has databases whose last backup failed");
            for (SimFleet.Database d : failing) {
                FleetNode n = s.node(d.id());
                assertTrue(En.of(n.reasons()).stream().anyMatch(r -> r.startsWith("The last backup attempt failed")), En.of(n.reasons()).toString());
                assertTrue(rank(n.health()) >= rank(Health.WARNING));
            }
        }
    }

    @Test
    void aStandbyFarBehindIsCriticalWithTheReasonAndRecovers() throws Exception {
        try (DemoHarness h = new DemoHarness(7, 150, 2, new FaultPlan()); FleetPoller p = h.poller()) {
            SimFleet.Database standby = h.demo.fleet().dataGuardDatabases().stream()
                    .filter(d -> "STANDBY".equals(h.demo.fleet().role(d.id()))).findFirst().orElseThrow();
            h.demo.fleet().overrideApplyLag(standby.id(), 900);
            FleetNode n = p.refreshOnce().node(standby.id());
            assertEquals(Health.CRITICAL, n.health());
            assertTrue(En.of(n.reasons()).stream().anyMatch(r -> r.contains("Apply lag 15 min is over 5 min")), En.of(n.reasons()).toString());
            h.demo.fleet().overrideApplyLag(standby.id(), 3);
            List<FleetUpdate> updates = new ArrayList<>();
            p.store().subscribe(updates::add);
            FleetNode after = p.refreshOnce().node(standby.id());
            assertTrue(En.of(after.reasons()).stream().noneMatch(r -> r.contains("Apply lag")), En.of(after.reasons()).toString());
            assertTrue(updates.getFirst().changes().stream().anyMatch(c -> c instanceof FleetChange.Updated u
                    && u.id().equals(standby.id())));
        }
    }

    @Test
    void aSecondRefreshWithNothingChangedPublishesNoChanges() throws Exception {
        try (DemoHarness h = new DemoHarness(3, 60, 2, new FaultPlan()); FleetPoller p = h.poller()) {
            // Simulated time stands still: nothing time-driven (a backup window, a lag) can change between the reads.
            h.demo.fleet().clock().freeze();
            p.refreshOnce();
            List<FleetUpdate> updates = new ArrayList<>();
            p.store().subscribe(updates::add);
            p.refreshOnce();
            assertEquals(List.of(), updates.getFirst().changes(), "nothing changed, so nothing is published as changed");
        }
    }

    @Test
    void aRowThatDidNotChangeKeepsWhatWasReadBeforeWithTheNewTimeAndAChangedOneShowsTheChange() throws Exception {
        try (DemoHarness h = new DemoHarness(3, 60, 2, new FaultPlan()); FleetPoller p = h.poller()) {
            h.demo.fleet().clock().freeze();
            SimFleet.Database standby = h.demo.fleet().dataGuardDatabases().stream()
                    .filter(d -> "STANDBY".equals(h.demo.fleet().role(d.id()))).findFirst().orElseThrow();
            SimFleet.Database other = h.demo.fleet().allDatabases().stream()
                    .filter(d -> !d.id().equals(standby.id()) && d.pairId() == null).findFirst().orElseThrow();
            FleetSnapshot first = p.refreshOnce();
            h.demo.fleet().overrideApplyLag(standby.id(), 900);
            FleetSnapshot second = p.refreshOnce();
            FleetNode before = first.node(other.id());
            FleetNode now = second.node(other.id());
            assertEquals(second.takenAt(), now.lastRefreshed(), "Last refreshed moves on");
            assertTrue(now.sameAs(before));
            // Shared, not copied: a refresh of an unchanged fleet leaves its reads to die young (docs/benchmarks.md).
            org.junit.jupiter.api.Assertions.assertSame(before.details(), now.details());
            org.junit.jupiter.api.Assertions.assertSame(before.name(), now.name());
            FleetNode lagging = second.node(standby.id());
            assertEquals(Health.CRITICAL, lagging.health(), "the changed row shows its change");
            org.junit.jupiter.api.Assertions.assertNotSame(first.node(standby.id()).details(), lagging.details());
        }
    }

    @Test
    void aRegionThatIsDownKeepsItsLastStateMarkedStaleWhileTheRestRefreshes() throws Exception {
        FaultPlan faults = new FaultPlan();
        try (DemoHarness h = new DemoHarness(11, 120, 3, faults); FleetPoller p = h.poller(
                PollerSettings.defaults().withDeadline(Duration.ofSeconds(8)), Duration.ofSeconds(3))) {
            FleetSnapshot first = p.refreshOnce();
            faults.regionDown("eu-frankfurt-1", true);
            SimFleet.Database inAshburn = h.demo.fleet().allDatabases().stream()
                    .filter(d -> d.region().equals("us-ashburn-1")).findFirst().orElseThrow();
            h.demo.fleet().overrideState(inAshburn.id(), "UPDATING");
            FleetSnapshot second = p.refreshOnce();
            assertEquals(first.count(NodeKind.DATABASE), second.count(NodeKind.DATABASE));
            for (FleetNode n : second.nodes().values()) {
                boolean frankfurt = n.id().contains(".fra.") || n.id().contains("eu-frankfurt-1");
                if (n.kind() == NodeKind.DATABASE || n.kind() == NodeKind.DB_SYSTEM) {
                    if (frankfurt) {
                        assertNotNull(n.stale(), n.name() + " should be stale");
                        assertTrue(En.of(n.stale().reason()).contains("503"), En.of(n.stale().reason()));
                        // Never shown as healthy because we could not ask: OK becomes UNKNOWN, CRITICAL stays CRITICAL.
                        assertEquals(n.health() == Health.CRITICAL ? Health.CRITICAL : Health.UNKNOWN, n.shownHealth());
                        assertEquals(first.node(n.id()).lastRefreshed(), n.stale().lastGood());
                    } else {
                        assertNull(n.stale(), n.name() + " should be fresh");
                    }
                }
            }
            assertEquals("UPDATING", second.node(inAshburn.id()).lifecycleState());
            assertTrue(En.of(second.errors()).stream().anyMatch(e -> e.startsWith("eu-frankfurt-1")), En.of(second.errors()).toString());
            faults.regionDown("eu-frankfurt-1", false);
            FleetSnapshot third = p.refreshOnce();
            assertTrue(third.nodes().values().stream().allMatch(n -> n.stale() == null), En.of(third.errors()).toString());
        }
    }
}
