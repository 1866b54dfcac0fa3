package io.fleetdesk.jdbc;

import io.fleetdesk.model.Notice;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One round of probes against one database, on one pooled connection. What runs depends on what
 * the database is: V$DATAGUARD_STATS and V$ARCHIVE_GAP on a standby (they are empty on a primary),
 * DBA_TABLESPACE_USAGE_METRICS only on an open primary, V$LOG and V$STANDBY_LOG on both, AWR only
 * when the Diagnostics Pack setting is on. A probe that fails (a missing grant, say) is reported with its explanation and the others
 * still run; only a failure to connect or to read V$INSTANCE / V$DATABASE fails the round.
 */
public final class DeepProbe {
    private DeepProbe() {
    }

    /** What one round read; parts not read are empty, or null where empty would mean something (redo logs). */
    public record Reading(DirectHealthRules.Answers answers, List<Probes.RecoveryAreaUse> recoveryAreaUsage,
                          Probes.Memory memory, Probes.AwrSnapshot awr, Probes.StandbyLogs redoLogs,
                          List<Notice> problems, Instant readAt, Duration took) {
        public Reading {
            recoveryAreaUsage = List.copyOf(recoveryAreaUsage);
            problems = List.copyOf(problems);
        }

        public Probes.Instance instance() {
            return answers.instance();
        }

        public Probes.Database database() {
            return answers.database();
        }

        public boolean standby() {
            return answers.database() != null && answers.database().role() != null
                    && answers.database().role().toUpperCase(Locale.ROOT).contains("STANDBY");
        }
    }

    /** @param awr whether the Diagnostics Pack is licensed (reads DBA_HIST_SNAPSHOT) */
    public record Options(Duration queryTimeout, boolean awr) {
    }

    /** Runs a round; throws what the connection or the first two probes threw. */
    public static Reading read(TargetPool pool, String user, Options o) throws SQLException {
        long t0 = System.nanoTime();
        try (Connection c = pool.connection()) {
            Duration q = o.queryTimeout();
            Probes.Instance instance = Probes.instance(c, q);
            Probes.Database database = Probes.database(c, q);
            List<Notice> problems = new ArrayList<>();
            boolean standby = database.role() != null && database.role().contains("STANDBY");
            boolean openPrimary = !standby && database.openMode() != null && database.openMode().startsWith("READ WRITE");
            Probes.DataGuardStats dg = standby ? optional(problems, user, "V$DATAGUARD_STATS",
                    () -> Probes.dataGuardStats(c, q), null) : null;
            List<Probes.ArchiveGap> gaps = standby ? optional(problems, user, "V$ARCHIVE_GAP",
                    () -> Probes.archiveGaps(c, q), List.of()) : List.of();
            List<Probes.ArchiveDestError> dest = optional(problems, user, "V$ARCHIVE_DEST_STATUS",
                    () -> Probes.archiveDestErrors(c, q), List.of());
            Optional<Probes.RecoveryArea> fra = optional(problems, user, "V$RECOVERY_FILE_DEST",
                    () -> Probes.recoveryArea(c, q), Optional.empty());
            List<Probes.RecoveryAreaUse> fraUse = fra.isEmpty() ? List.of() : optional(problems, user,
                    "V$RECOVERY_AREA_USAGE", () -> Probes.recoveryAreaUsage(c, q), List.of());
            List<Probes.Tablespace> ts = openPrimary ? optional(problems, user, "DBA_TABLESPACE_USAGE_METRICS",
                    () -> Probes.tablespaces(c, q), List.of()) : List.of();
            List<Probes.SessionCount> sessions = optional(problems, user, "V$SESSION", () -> Probes.sessions(c, q), List.of());
            Probes.Memory memory = optional(problems, user, "V$SGA / V$PGASTAT", () -> Probes.memory(c, q), null);
            Probes.StandbyLogs redoLogs = optional(problems, user, "V$LOG / V$STANDBY_LOG",
                    () -> Probes.redoLogs(c, q), null);
            Probes.AwrSnapshot awr = o.awr() && openPrimary ? optional(problems, user, "DBA_HIST_SNAPSHOT",
                    () -> Probes.awrSnapshot(c, q), null) : null;
            return new Reading(new DirectHealthRules.Answers(instance, database, dg, gaps, dest, fra, ts, sessions),
                    fraUse, memory, awr, redoLogs, problems, Instant.now(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    @FunctionalInterface
    private interface Probe<T> {
        T run() throws SQLException;
    }

    private static <T> T optional(List<Notice> problems, String user, String what, Probe<T> probe, T otherwise)
            throws SQLException {
        try {
            return probe.run();
        } catch (java.sql.SQLTimeoutException | java.sql.SQLRecoverableException e) {
            throw e; // the connection is gone or stuck: the round fails, the target is marked stale
        } catch (SQLException e) {
            problems.add(Notice.of("direct.probeFailed", what, OraErrors.explain(e, user).line()));
            return otherwise;
        }
    }
}
