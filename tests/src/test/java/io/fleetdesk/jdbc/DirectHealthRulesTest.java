package io.fleetdesk.jdbc;

import io.fleetdesk.support.En;
import io.fleetdesk.model.Health;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What probed answers mean: each rule at its threshold, and the reason a DBA reads. */
class DirectHealthRulesTest {
    private final DirectHealthRules rules = DirectHealthRules.defaults();

    private static DirectHealthRules.Answers answers(String archiver, Duration lag, List<Probes.ArchiveGap> gaps,
                                                     double fraUsedPercent, double tablespacePercent, long blocked) {
        long limit = 1000;
        return new DirectHealthRules.Answers(
                new Probes.Instance("X", "h", "19.28.0.0.0", "OPEN", null, archiver, "ALLOWED", "ACTIVE"), null,
                new Probes.DataGuardStats(Optional.ofNullable(lag), Optional.empty(), null), gaps, List.of(),
                Optional.of(new Probes.RecoveryArea("+RECO", limit, (long) (fraUsedPercent * 10), 0, 1)),
                List.of(new Probes.Tablespace("USERS", 1, 2, tablespacePercent)),
                List.of(new Probes.SessionCount("ACTIVE", "Application", 3, blocked)));
    }

    @Test
    void aHealthyDatabaseIsOk() {
        var v = rules.evaluate(answers("STARTED", Duration.ofSeconds(5), List.of(), 50, 40, 0));
        assertEquals(Health.OK, v.health(), En.of(v.reasons()).toString());
    }

    @Test
    void eachThresholdTurnsItsHealthWithTheReason() {
        assertEquals(Health.WARNING, rules.evaluate(answers("STARTED", Duration.ofSeconds(45), List.of(), 50, 40, 0)).health());
        var lag = rules.evaluate(answers("STARTED", Duration.ofMinutes(7), List.of(), 50, 40, 0));
        assertEquals(Health.CRITICAL, lag.health());
        assertTrue(En.of(lag.reasons()).getFirst().contains("Apply lag 7 min (V$DATAGUARD_STATS) is over 5 min"), En.of(lag.reasons()).toString());
        var fra = rules.evaluate(answers("STARTED", null, List.of(), 96, 40, 0));
        assertEquals(Health.CRITICAL, fra.health());
        assertTrue(En.of(fra.reasons()).getFirst().contains("96 % full") && En.of(fra.reasons()).getFirst().contains("DB_RECOVERY_FILE_DEST_SIZE"));
        assertEquals(Health.WARNING, rules.evaluate(answers("STARTED", null, List.of(), 81, 40, 0)).health());
        assertEquals(Health.WARNING, rules.evaluate(answers("STARTED", null, List.of(), 50, 86, 0)).health());
        assertEquals(Health.CRITICAL, rules.evaluate(answers("STARTED", null, List.of(), 50, 96, 0)).health());
        var blocked = rules.evaluate(answers("STARTED", null, List.of(), 50, 40, 2));
        assertEquals(Health.WARNING, blocked.health());
        assertTrue(En.of(blocked.reasons()).getFirst().startsWith("2 session(s) are blocked"));
        var archiver = rules.evaluate(answers("FAILED", null, List.of(), 50, 40, 0));
        assertEquals(Health.CRITICAL, archiver.health());
        var gap = rules.evaluate(answers("STARTED", null, List.of(new Probes.ArchiveGap(1, 10, 12)), 50, 40, 0));
        assertEquals(Health.CRITICAL, gap.health());
        assertTrue(En.of(gap.reasons()).getFirst().contains("sequences 10 to 12"));
    }
}
