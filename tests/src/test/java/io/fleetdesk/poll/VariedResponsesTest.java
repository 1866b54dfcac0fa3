package io.fleetdesk.poll;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.sim.SimVariation;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Responses as varied as the real service's (optional fields left out, enum values this SDK does not
 * know, Exadata-style databases with {@code vmClusterId} and no {@code dbSystemId}): the poller, the
 * tiered plan and the health rules survive every one, and show a missing value as missing.
 */
class VariedResponsesTest {
    /** The models the poller and discovery read. */
    static final Set<String> POLLER_MODELS = Set.of("DbSystemSummary", "DbHomeSummary", "DatabaseSummary",
            "DataGuardGroup", "DataGuardGroupMember", "DbBackupConfig", "PluggableDatabaseSummary", "Compartment",
            "RegionSubscription");

    /** The Autonomous and Exadata models the poller reads (decision 0020). */
    static final Set<String> ESTATE_MODELS = Set.of("AutonomousDatabaseSummary", "AutonomousDatabaseStandbySummary",
            "AutonomousContainerDatabaseSummary", "AutonomousContainerDatabaseDataguard", "CloudExadataInfrastructureSummary",
            "ExadataInfrastructureSummary", "CloudVmClusterSummary", "VmClusterSummary", "CloudAutonomousVmClusterSummary",
            "MaintenanceRunSummary");

    @Test
    void everyOptionalAutonomousAndExadataFieldAbsentAndUnknownEnumsCostNoRow() throws Exception {
        FaultPlan faults = new FaultPlan().variation(SimVariation.of(13, 0.3, 0.1));
        // The demo's set plus a generated one, so every optional field meets enough objects; no budget: every
        // list every cycle.
        try (DemoHarness h = new DemoHarness(7, 40, 3, 0, io.fleetdesk.sim.SimEstateGenerator.Mix.of(400, 500).withDemo(), faults);
             var p = h.poller(PollerSettings.defaults().withDeadline(Duration.ofSeconds(20)).withRequestBudget(0, 3),
                     Duration.ofSeconds(10))) {
            io.fleetdesk.sim.SimEstate e = h.demo.fleet().estate();
            long live = e.allAutonomousDatabases().stream().filter(a -> !"TERMINATED".equals(e.state(a))).count();
            for (int i = 0; i < 5; i++) {
                FleetSnapshot s = p.refreshOnce();
                assertTrue(s.errors().isEmpty(), "refresh " + (i + 1) + ": " + s.errors());
                // An unknown lifecycle state or a left-out filter value must not hide a database: the varied
                // state of the terminated one may read as UNKNOWN and be listed, so at least every live one.
                assertTrue(s.count(NodeKind.AUTONOMOUS_DATABASE) >= live, "refresh " + (i + 1));
                assertEquals(h.demo.fleet().allDatabases().size(), s.count(NodeKind.DATABASE));
                assertEquals(e.allInfrastructures().size(), s.count(NodeKind.EXADATA_INFRASTRUCTURE));
                assertEquals(e.allVmClusters().size(), s.count(NodeKind.VM_CLUSTER));
                assertEquals(e.allContainerDatabases().size(), s.count(NodeKind.AUTONOMOUS_CONTAINER_DATABASE));
            }
            Set<String> never = new TreeSet<>();
            Map<String, Long> absent = new TreeMap<>();
            faults.variation().absentCounts().forEach((k, v) -> {
                if (ESTATE_MODELS.contains(k.substring(0, k.indexOf('.')))) {
                    absent.put(k, v);
                    if (v == 0) {
                        never.add(k);
                    }
                }
            });
            assertEquals(Set.of(), never, "optional fields never absent in " + absent);
            assertTrue(absent.size() > 100, absent.keySet().toString());
        }
    }

    @Test
    void everyOptionalFieldAbsentAndUnknownEnumsCostNoRefreshAndNoDatabase() throws Exception {
        FaultPlan faults = new FaultPlan().variation(SimVariation.of(11, 0.3, 0.1));
        try (DemoHarness h = new DemoHarness(7, 200, 3, faults);
             var p = h.poller(PollerSettings.defaults().withDeadline(Duration.ofSeconds(20)).withRequestBudget(200, 3),
                     Duration.ofSeconds(10))) {
            SimFleet f = h.demo.fleet();
            SimFleet.Database watched = f.allDatabases().get(3);
            FleetSnapshot last = null;
            for (int i = 0; i < 4; i++) {
                // The DBA looks at a database: its id and its DB system's are in the tiered plan's watch set,
                // which once threw on a database without dbSystemId (Set.of(...).contains(null)).
                p.watch(Set.of(watched.id(), watched.dbSystemId(), "region:us-ashburn-1"));
                last = p.refreshOnce();
                assertTrue(last.errors().isEmpty(), "refresh " + (i + 1) + ": " + last.errors());
                assertEquals(f.allDatabases().size(), last.count(NodeKind.DATABASE));
            }
            FleetSnapshot s = last;
            // Exadata-style databases (no dbSystemId) hang under their compartment, not lost.
            long underCompartment = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE
                    && s.node(n.parentId()).kind() == NodeKind.COMPARTMENT).count();
            assertTrue(underCompartment > 0);
            // An enum value this SDK does not know is shown as UNKNOWN, never as healthy, and never guessed.
            FleetNode unknown = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE
                    && "UNKNOWN".equals(n.lifecycleState())).findFirst().orElseThrow();
            assertTrue(unknown.health() != io.fleetdesk.model.Health.OK, unknown.reasons().toString());
            // A database whose name fields were left out is still there, by its OCID.
            Map<String, Long> absent = new TreeMap<>();
            Set<String> never = new TreeSet<>();
            faults.variation().absentCounts().forEach((k, v) -> {
                if (POLLER_MODELS.contains(k.substring(0, k.indexOf('.')))) {
                    absent.put(k, v);
                    if (v == 0) {
                        never.add(k);
                    }
                }
            });
            assertEquals(Set.of(), never, "optional fields never absent in " + absent);
            // Counted: every optional field the simulator sends for these models was absent at least once.
            assertEquals(EXPECTED_OPTIONAL_FIELDS, absent.size(), absent.keySet().toString());
        }
    }

    /** The optional fields of the poller's models the simulator sends; a field added or removed changes it. */
    static final int EXPECTED_OPTIONAL_FIELDS = 51;
}
