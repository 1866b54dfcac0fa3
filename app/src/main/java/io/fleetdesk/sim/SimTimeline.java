package io.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The demo fleet's clock-driven life, as pure functions of a resource's index, the seed and the
 * simulated time: a daily automatic backup per database (one in 40 with its latest attempt failing),
 * maintenance windows on one DB system in 25, and standby lag that climbs to its pair's peak and
 * recovers every 40 minutes.
 */
final class SimTimeline {
    static final Duration BACKUP_PERIOD = Duration.ofHours(24);
    static final Duration BACKUP_LENGTH = Duration.ofMinutes(25);
    static final Duration MAINTENANCE_PERIOD = Duration.ofHours(6);
    static final Duration MAINTENANCE_LENGTH = Duration.ofMinutes(20);
    static final Duration LAG_CYCLE = Duration.ofMinutes(40);

    private SimTimeline() {
    }

    /** Where in its daily backup cycle a database is: each database has its own offset from its index. */
    private static long backupPhaseMillis(int index, long seed, Instant t) {
        long offset = Math.floorMod((long) index * 7_919_000L + seed, BACKUP_PERIOD.toMillis());
        return Math.floorMod(t.toEpochMilli() - offset, BACKUP_PERIOD.toMillis());
    }

    static boolean backupRunning(int index, long seed, Instant t) {
        return backupPhaseMillis(index, seed, t) < BACKUP_LENGTH.toMillis();
    }

    /** When the last automatic backup ended. */
    static Instant lastBackup(int index, long seed, Instant t) {
        long phase = backupPhaseMillis(index, seed, t);
        Instant lastStart = t.minusMillis(phase);
        Instant lastEnd = lastStart.plus(BACKUP_LENGTH);
        if (lastEnd.isAfter(t)) {
            lastEnd = lastEnd.minus(BACKUP_PERIOD);
        }
        // One database in 40 has its most recent backup failing; its last good one is a day earlier.
        if (lastFailedBackup(index, seed, t) != null) {
            lastEnd = lastEnd.minus(BACKUP_PERIOD);
        }
        return lastEnd;
    }

    static Instant lastFailedBackup(int index, long seed, Instant t) {
        if (Math.floorMod(index * 31 + seed, 40) != 7) {
            return null;
        }
        long phase = backupPhaseMillis(index, seed, t);
        Instant end = t.minusMillis(phase).plus(BACKUP_LENGTH);
        return end.isAfter(t) ? end.minus(BACKUP_PERIOD) : end;
    }

    /** One DB system in 25 has a maintenance window every few hours. */
    static boolean inMaintenance(int index, long seed, Instant t) {
        if (Math.floorMod(index * 13 + seed, 25) != 3) {
            return false;
        }
        long offset = Math.floorMod((long) index * 3_600_000L, MAINTENANCE_PERIOD.toMillis());
        long phase = Math.floorMod(t.toEpochMilli() - offset, MAINTENANCE_PERIOD.toMillis());
        return phase < MAINTENANCE_LENGTH.toMillis();
    }

    /** A few seconds most of the time; the last quarter of the cycle climbs to the pair's peak, then drops. */
    static long applyLagSeconds(int index, SimFleet.Pair p, Instant t) {
        long cycle = LAG_CYCLE.toMillis();
        long phase = Math.floorMod(t.toEpochMilli() + p.phaseMinutes() * 60_000L, cycle);
        long base = 1 + Math.floorMod(index * 7 + phase / 20_000, 9);
        long climbStart = cycle * 3 / 4;
        if (phase >= climbStart) {
            double f = (phase - climbStart) / (double) (cycle - climbStart);
            return base + Math.round(f * p.lagPeakSeconds());
        }
        return base;
    }

    /** Service-style text for a lag: "9 seconds", "4 minutes". */
    static String lagText(long seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return (seconds / 60) + " minutes";
    }
}
