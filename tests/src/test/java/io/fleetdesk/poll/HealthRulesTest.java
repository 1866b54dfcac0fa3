package io.fleetdesk.poll;

import io.fleetdesk.support.En;
import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Health;
import io.fleetdesk.oci.LagText;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HealthRulesTest {
    private final HealthRules rules = HealthRules.defaults();

    private static DataGuardMember standby(String lag) {
        return new DataGuardMember("STANDBY", List.of("ocid1.database.oc1..p"), "MAXIMUM_PERFORMANCE", "ASYNC", lag,
                LagText.seconds(lag), "1 second", "HEALTHY", null, "HEALTHY", null, "0 seconds");
    }

    @Test
    void lagTextsAsTheServiceAndVDataguardStatsWriteThem() {
        assertEquals(9, LagText.seconds("9 seconds"));
        assertEquals(1, LagText.seconds("1 second"));
        assertEquals(240, LagText.seconds("4 minutes"));
        assertEquals(3600, LagText.seconds("1 hour"));
        assertEquals(9, LagText.seconds("+00 00:00:09"));
        assertEquals(90_061, LagText.seconds("+01 01:01:01"));
        assertEquals(-1, LagText.seconds(null));
        assertEquals(-1, LagText.seconds("soon"));
    }

    @Test
    void applyLagThresholds() {
        assertEquals(Health.OK, rules.database("AVAILABLE", null, standby("9 seconds")).health());
        var warn = rules.database("AVAILABLE", null, standby("45 seconds"));
        assertEquals(Health.WARNING, warn.health());
        assertTrue(En.of(warn.reasons()).getFirst().contains("over 30 s"), En.of(warn.reasons()).toString());
        var crit = rules.database("AVAILABLE", null, standby("6 minutes"));
        assertEquals(Health.CRITICAL, crit.health());
        assertTrue(En.of(crit.reasons()).getFirst().contains("over 5 min"), En.of(crit.reasons()).toString());
        assertEquals(Health.WARNING, rules.database("AVAILABLE", null, standby(null)).health(), "unknown lag is not OK");
    }

    @Test
    void lifecycleStates() {
        assertEquals(Health.CRITICAL, rules.database("FAILED", "boom", null).health());
        assertTrue(En.of(rules.database("FAILED", "boom", null).reasons()).getFirst().contains("boom"));
        assertEquals(Health.WARNING, rules.database("BACKUP_IN_PROGRESS", null, null).health());
        assertEquals(Health.WARNING, rules.dbSystem("MAINTENANCE_IN_PROGRESS", "patching").health());
        assertEquals(Health.CRITICAL, rules.dbSystem("NEEDS_ATTENTION", null).health());
        assertEquals(Health.OK, rules.dbSystem("AVAILABLE", null).health());
    }

    @Test
    void aPdbNotOpenReadWriteOnAPrimaryIsAWarningButOnAStandbyItIsNormal() {
        assertEquals(Health.WARNING, rules.pdb("AVAILABLE", "MOUNTED", "PRIMARY").health());
        assertEquals(Health.OK, rules.pdb("AVAILABLE", "READ_ONLY", "STANDBY").health());
        assertEquals(Health.OK, rules.pdb("AVAILABLE", "READ_WRITE", null).health());
    }

    @Test
    void aDisabledStandbyIsCritical() {
        var d = new DataGuardMember("DISABLED_STANDBY", List.of(), "MAXIMUM_PERFORMANCE", "ASYNC", null, -1, null, null, null, null, null, null);
        assertEquals(Health.CRITICAL, rules.database("AVAILABLE", null, d).health());
    }

    @Test
    void backupFreshnessWarnsWhenTheLastGoodBackupIsOldOrTheLastAttemptFailedAfterIt() {
        java.time.Instant now = java.time.Instant.parse("2026-11-24T12:00:00Z");
        java.time.Instant yesterday = now.minus(java.time.Duration.ofHours(20));
        assertEquals(Health.OK, rules.database("AVAILABLE", null, null, yesterday, null, now).health());

        var old = rules.database("AVAILABLE", null, null, now.minus(java.time.Duration.ofHours(30)), null, now);
        assertEquals(Health.WARNING, old.health());
        assertTrue(En.of(old.reasons()).getFirst().contains("30 h ago") && En.of(old.reasons()).getFirst().contains("older than 26 h"),
                En.of(old.reasons()).toString());

        var failed = rules.database("AVAILABLE", null, null, yesterday, now.minus(java.time.Duration.ofHours(2)), now);
        assertEquals(Health.WARNING, failed.health());
        assertTrue(En.of(failed.reasons()).getFirst().contains("The last backup attempt failed (2026-11-24 10:00:00 UTC)"),
                En.of(failed.reasons()).toString());
        // A failure before the last success is history, not a problem.
        assertEquals(Health.OK, rules.database("AVAILABLE", null, null, yesterday,
                yesterday.minus(java.time.Duration.ofDays(1)), now).health());

        assertEquals(Health.WARNING, rules.database("AVAILABLE", null, null, null, null, now).health(),
                "a primary with no backup at all");
        assertEquals(Health.OK, rules.database("AVAILABLE", null, standby("3 seconds"), null, null, now).health(),
                "a standby is usually not backed up itself");
        // The threshold comes from the settings.
        assertEquals(Health.OK, rules.withBackupWarning(java.time.Duration.ofHours(48)).database("AVAILABLE", null, null,
                now.minus(java.time.Duration.ofHours(30)), null, now).health());
    }
}
