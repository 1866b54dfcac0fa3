package io.fleetdesk.poll;

import com.oracle.bmc.database.model.AutonomousContainerDatabaseSummary;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.AutonomousVmClusterSummary;
import com.oracle.bmc.database.model.CloudAutonomousVmClusterSummary;
import com.oracle.bmc.database.model.CloudExadataInfrastructureSummary;
import com.oracle.bmc.database.model.CloudVmClusterSummary;
import com.oracle.bmc.database.model.ExadataInfrastructureSummary;
import com.oracle.bmc.database.model.VmClusterSummary;
import com.oracle.bmc.http.internal.BmcEnum;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.Rows.AutonomousDataGuard;
import io.fleetdesk.support.En;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every lifecycle state the SDK knows for the Autonomous and Exadata kinds maps to a health with a
 * reason a DBA reads (only the normal states are OK), and the Autonomous Data Guard, storage and
 * maintenance-overlap rules.
 */
class EstateHealthRulesTest {
    private final HealthRules rules = HealthRules.defaults();

    /** Every value of an SDK enum but its UnknownEnumValue, as the service writes it. */
    private static List<String> values(BmcEnum[] all) {
        List<String> out = new ArrayList<>();
        for (BmcEnum e : all) {
            if (e.getValue() != null) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    private static void everyStateHasAHealthAndAReason(List<String> states, Set<String> normal,
                                                       Function<String, HealthRules.Verdict> rule) {
        assertTrue(states.size() > 5, states.toString());
        for (String st : states) {
            HealthRules.Verdict v = rule.apply(st);
            if (normal.contains(st)) {
                assertEquals(Health.OK, v.health(), st + ": " + En.of(v.reasons()));
                continue;
            }
            assertTrue(v.health() == Health.WARNING || v.health() == Health.CRITICAL, st + " is " + v.health());
            assertEquals(1, v.reasons().size(), st);
            String words = En.of(v.reasons().getFirst());
            assertTrue(words.contains(st), st + " not named in: " + words);
            assertTrue(!words.contains("{") && !words.startsWith("!"), words);
        }
    }

    @Test
    void everyAutonomousDatabaseStateMapsToAHealthWithAReason() {
        everyStateHasAHealthAndAReason(values(AutonomousDatabaseSummary.LifecycleState.values()), Set.of("AVAILABLE"),
                st -> rules.autonomousDatabase(st, null, null, null, null));
        // The ones a DBA must not miss are CRITICAL; the passing ones are WARNING with "operations wait".
        for (String st : List.of("INACCESSIBLE", "UNAVAILABLE", "RESTORE_FAILED", "TERMINATED")) {
            assertEquals(Health.CRITICAL, rules.autonomousDatabase(st, null, null, null, null).health(), st);
        }
        for (String st : List.of("ROLE_CHANGE_IN_PROGRESS", "UPDATING", "SCALE_IN_PROGRESS", "BACKUP_IN_PROGRESS")) {
            HealthRules.Verdict v = rules.autonomousDatabase(st, null, null, null, null);
            assertEquals(Health.WARNING, v.health(), st);
            assertTrue(En.of(v.reasons()).getFirst().contains("operations wait"), En.of(v.reasons()).toString());
        }
        // STANDBY is a standby peer's normal state, but not a primary's.
        assertEquals(Health.OK, rules.autonomousDatabase("STANDBY", null, peer("STANDBY", 5), null, null).health());
    }

    @Test
    void everyContainerDatabaseInfrastructureAndVmClusterStateMapsToAHealthWithAReason() {
        everyStateHasAHealthAndAReason(values(AutonomousContainerDatabaseSummary.LifecycleState.values()),
                Set.of("AVAILABLE"), st -> rules.containerDatabase(st, null, null));
        everyStateHasAHealthAndAReason(values(CloudExadataInfrastructureSummary.LifecycleState.values()),
                Set.of("AVAILABLE"), st -> rules.exadataInfrastructure(st, null, false));
        everyStateHasAHealthAndAReason(values(ExadataInfrastructureSummary.LifecycleState.values()),
                Set.of("ACTIVE"), st -> rules.exadataInfrastructure(st, null, true));
        everyStateHasAHealthAndAReason(values(CloudVmClusterSummary.LifecycleState.values()), Set.of("AVAILABLE"),
                st -> rules.vmCluster(st, null, false));
        everyStateHasAHealthAndAReason(values(VmClusterSummary.LifecycleState.values()), Set.of("AVAILABLE"),
                st -> rules.vmCluster(st, null, false));
        everyStateHasAHealthAndAReason(values(CloudAutonomousVmClusterSummary.LifecycleState.values()),
                Set.of("AVAILABLE"), st -> rules.vmCluster(st, null, true));
        everyStateHasAHealthAndAReason(values(AutonomousVmClusterSummary.LifecycleState.values()), Set.of("AVAILABLE"),
                st -> rules.vmCluster(st, null, true));
        for (String st : List.of("DISCONNECTED", "REQUIRES_ACTIVATION", "WAITING_FOR_CONNECTIVITY")) {
            assertTrue(values(ExadataInfrastructureSummary.LifecycleState.values()).contains(st), st + " is in the SDK");
        }
        assertEquals(Health.CRITICAL, rules.exadataInfrastructure("DISCONNECTED", null, true).health());
        assertEquals(Health.WARNING, rules.exadataInfrastructure("REQUIRES_ACTIVATION", null, true).health());
        assertEquals(Health.WARNING, rules.exadataInfrastructure("WAITING_FOR_CONNECTIVITY", null, true).health());
    }

    private static AutonomousDataGuard primary(Boolean local, String localState, Integer localLag) {
        return new AutonomousDataGuard("PRIMARY", true, local, false, localLag, localState, null, "AD-2", List.of(), null,
                "ADG", null, null, null, null);
    }

    private static AutonomousDataGuard peer(String role, Integer ownLag) {
        return new AutonomousDataGuard(role, true, false, true, null, null, null, null, List.of("ocid1.autonomousdatabase.oc1..p"),
                "REMOTE_STANDBY_DG_REGION", "BACKUP_BASED", "ADG", null, null, ownLag);
    }

    @Test
    void autonomousDataGuardLagAndLocalStandbyStateAndStorage() {
        assertEquals(Health.OK, rules.autonomousDatabase("AVAILABLE", null, primary(true, "STANDBY", 4), 100, 1024).health());
        HealthRules.Verdict lagging = rules.autonomousDatabase("AVAILABLE", null, primary(true, "STANDBY", 120), 100, 1024);
        assertEquals(Health.WARNING, lagging.health());
        assertTrue(En.of(lagging.reasons()).getFirst().startsWith("Apply lag 2 min"), En.of(lagging.reasons()).toString());
        assertEquals(Health.CRITICAL, rules.autonomousDatabase("AVAILABLE", null, primary(true, "STANDBY", 900), 100, 1024).health());
        HealthRules.Verdict provisioning = rules.autonomousDatabase("AVAILABLE", null, primary(true, "PROVISIONING", null), 100, 1024);
        assertEquals(Health.WARNING, provisioning.health());
        assertTrue(En.of(provisioning.reasons()).getFirst().contains("not protected by Autonomous Data Guard"));
        assertEquals(Health.CRITICAL, rules.autonomousDatabase("STANDBY", null, peer("STANDBY", 400), 1, 2).health());
        assertEquals(Health.CRITICAL, rules.autonomousDatabase("AVAILABLE", null, peer("DISABLED_STANDBY", null), 1, 2).health());
        HealthRules.Verdict full = rules.autonomousDatabase("AVAILABLE", null, null, 950, 1024);
        assertEquals(Health.WARNING, full.health());
        assertEquals("Storage 93% used (950 GB of 1,024 GB), over 90%: add storage or enable storage auto-scaling",
                En.of(full.reasons()).getFirst());
        assertEquals(Health.OK, new HealthRules(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(26),
                Duration.ofHours(6), 95).autonomousDatabase("AVAILABLE", null, null, 950, 1024).health(), "its threshold is a setting");
    }

    @Test
    void maintenanceOfBothSidesWithinTheThresholdIsAWarningWithBothTimes() {
        Instant a = Instant.parse("2026-12-01T19:00:00Z");
        Notice n = rules.maintenanceOverlap(a, a.plus(Duration.ofHours(2)), "acd-erp-fra");
        assertNotNull(n);
        assertEquals("Maintenance at 2026-12-01 19:00:00 UTC is within 6 h of the maintenance of its Data Guard peer"
                + " acd-erp-fra at 2026-12-01 21:00:00 UTC: if one side's patching runs long, both may be down; move one"
                + " of the runs", En.of(n));
        assertNull(rules.maintenanceOverlap(a, a.plus(Duration.ofHours(7)), "x"), "a day apart is what a DBA plans for");
        assertNull(rules.maintenanceOverlap(a, null, "x"), "a peer with none scheduled");
    }
}
