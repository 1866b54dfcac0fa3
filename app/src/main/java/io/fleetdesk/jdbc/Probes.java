package io.fleetdesk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The probes: each runs its SQL (from {@link ProbeSql}) with a query timeout and maps every column
 * to a record. The same SQL runs against Oracle and against the H2 fixtures of the demo and tests.
 */
public final class Probes {
    private Probes() {
    }

    /** V$INSTANCE. */
    public record Instance(String instanceName, String hostName, String version, String status, Instant startupTime,
                           String archiver, String logins, String databaseStatus) {
    }

    /** V$DATABASE. */
    public record Database(String name, String dbUniqueName, String role, String openMode, String protectionMode,
                           String protectionLevel, String switchoverStatus, String flashbackOn, String forceLogging,
                           String fastStartFailoverStatus, String logMode) {
    }

    /** V$DATAGUARD_STATS on a standby; a lag is empty when the view does not have it (on a primary, say). */
    public record DataGuardStats(Optional<Duration> applyLag, Optional<Duration> transportLag, String computedAt) {
    }

    /** One missing range of redo in V$ARCHIVE_GAP. */
    public record ArchiveGap(long thread, long lowSequence, long highSequence) {
    }

    /** An archive destination in error. */
    public record ArchiveDestError(int destId, String destName, String status, String error) {
    }

    /** V$RECOVERY_FILE_DEST, in bytes. */
    public record RecoveryArea(String name, long limitBytes, long usedBytes, long reclaimableBytes, long files) {
        /** Used less reclaimable, as a percent of the limit (what fills up when backups cannot be deleted). */
        public double usedPercent() {
            return limitBytes <= 0 ? 0 : 100.0 * Math.max(0, usedBytes - reclaimableBytes) / limitBytes;
        }
    }

    /** One row of V$RECOVERY_AREA_USAGE. */
    public record RecoveryAreaUse(String fileType, double percentUsed, double percentReclaimable, long files) {
    }

    /** DBA_TABLESPACE_USAGE_METRICS with the block size applied. */
    public record Tablespace(String name, long usedBytes, long sizeBytes, double usedPercent) {
    }

    /** V$SESSION counted by status and wait class, with the blocked ones. */
    public record SessionCount(String status, String waitClass, long sessions, long blocked) {
    }

    /** V$SGA and V$PGASTAT, in bytes; -1 where the view had no row. */
    public record Memory(long sgaBytes, long pgaAllocatedBytes, long pgaTargetBytes) {
    }

    /** One online (V$LOG) or standby (V$STANDBY_LOG) redo log group; thread 0 is a standby group not yet assigned. */
    public record RedoLogGroup(boolean standby, long thread, long group, long bytes) {
    }

    /**
     * One side's redo log groups, judged as Data Guard wants them: per thread at least one more standby
     * group than online groups, each at least as big as that thread's online logs. Standby groups of
     * thread 0 serve any thread. Both sides need them: the primary's are used once it is a standby.
     */
    public record StandbyLogs(java.util.List<RedoLogGroup> groups) {
        public StandbyLogs {
            groups = java.util.List.copyOf(groups);
        }

        public long online() {
            return groups.stream().filter(g -> !g.standby()).count();
        }

        public long standby() {
            return groups.stream().filter(RedoLogGroup::standby).count();
        }

        /** What is missing, each with the statement that adds it ({@code redo.*} notices); empty when nothing is. */
        public java.util.List<io.fleetdesk.model.Notice> shortfalls() {
            java.util.Map<Long, java.util.List<RedoLogGroup>> onlineByThread = groups.stream().filter(g -> !g.standby())
                    .collect(java.util.stream.Collectors.groupingBy(RedoLogGroup::thread, java.util.TreeMap::new,
                            java.util.stream.Collectors.toList()));
            java.util.List<io.fleetdesk.model.Notice> out = new java.util.ArrayList<>();
            if (onlineByThread.isEmpty()) {
                out.add(io.fleetdesk.model.Notice.of("redo.noOnline"));
                return out;
            }
            long biggest = groups.stream().filter(g -> !g.standby()).mapToLong(RedoLogGroup::bytes).max().orElse(0);
            long spare = groups.stream().filter(g -> g.standby() && g.thread() == 0 && g.bytes() >= biggest).count();
            for (var e : onlineByThread.entrySet()) {
                long thread = e.getKey();
                long size = e.getValue().stream().mapToLong(RedoLogGroup::bytes).max().orElse(0);
                long wanted = e.getValue().size() + 1L;
                long have = groups.stream().filter(g -> g.standby() && g.thread() == thread && g.bytes() >= size).count();
                long fromSpare = Math.min(spare, Math.max(0, wanted - have));
                spare -= fromSpare;
                have += fromSpare;
                if (have < wanted) {
                    out.add(io.fleetdesk.model.Notice.of("redo.tooFew", thread, have, e.getValue().size(), wanted,
                            wanted - have, megabytes(size)));
                }
            }
            for (RedoLogGroup g : groups) {
                long size = g.thread() == 0 ? biggest : onlineByThread.getOrDefault(g.thread(), java.util.List.of()).stream()
                        .mapToLong(RedoLogGroup::bytes).max().orElse(biggest);
                if (g.standby() && g.bytes() < size) {
                    out.add(io.fleetdesk.model.Notice.of("redo.tooSmall", g.group(), megabytes(g.bytes()), megabytes(size)));
                }
            }
            return out;
        }

        private static long megabytes(long bytes) {
            return Math.round(bytes / 1048576.0);
        }
    }

    /** The latest AWR snapshot, or null id when there is none. */
    public record AwrSnapshot(Long snapId, Instant endIntervalTime) {
    }

    /** A view that always has a row returned none (the user sees a filtered or a different view). */
    public static final class NoRow extends SQLException {
        private final String view;

        NoRow(String view) {
            super(view + " returned no row");
            this.view = view;
        }

        public String view() {
            return view;
        }
    }

    public static Instance instance(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement s = prepare(c, "instance", timeout); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new NoRow("V$INSTANCE");
            }
            return new Instance(r.getString("INSTANCE_NAME"), r.getString("HOST_NAME"), r.getString("VERSION_FULL"),
                    r.getString("STATUS"), instant(r.getTimestamp("STARTUP_TIME")), r.getString("ARCHIVER"),
                    r.getString("LOGINS"), r.getString("DATABASE_STATUS"));
        }
    }

    public static Database database(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement s = prepare(c, "database", timeout); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new NoRow("V$DATABASE");
            }
            return new Database(r.getString("NAME"), r.getString("DB_UNIQUE_NAME"), r.getString("DATABASE_ROLE"),
                    r.getString("OPEN_MODE"), r.getString("PROTECTION_MODE"), r.getString("PROTECTION_LEVEL"),
                    r.getString("SWITCHOVER_STATUS"), r.getString("FLASHBACK_ON"), r.getString("FORCE_LOGGING"),
                    r.getString("FS_FAILOVER_STATUS"), r.getString("LOG_MODE"));
        }
    }

    public static DataGuardStats dataGuardStats(Connection c, Duration timeout) throws SQLException {
        Optional<Duration> apply = Optional.empty();
        Optional<Duration> transport = Optional.empty();
        String at = null;
        try (PreparedStatement s = prepare(c, "dataguard_stats", timeout); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                Optional<Duration> v = interval(r.getString("VALUE"));
                at = r.getString("TIME_COMPUTED");
                if ("apply lag".equals(r.getString("NAME"))) {
                    apply = v;
                } else {
                    transport = v;
                }
            }
        }
        return new DataGuardStats(apply, transport, at);
    }

    public static java.util.List<ArchiveGap> archiveGaps(Connection c, Duration timeout) throws SQLException {
        return rows(c, "archive_gap", timeout, r -> new ArchiveGap(r.getLong("THREAD#"), r.getLong("LOW_SEQUENCE#"), r.getLong("HIGH_SEQUENCE#")));
    }

    public static StandbyLogs redoLogs(Connection c, Duration timeout) throws SQLException {
        return new StandbyLogs(rows(c, "redo_logs", timeout, r -> new RedoLogGroup("STANDBY".equals(r.getString("LOG_KIND")),
                r.getLong("THREAD#"), r.getLong("GROUP#"), r.getLong("BYTES"))));
    }

    public static java.util.List<ArchiveDestError> archiveDestErrors(Connection c, Duration timeout) throws SQLException {
        return rows(c, "archive_dest_errors", timeout, r -> new ArchiveDestError(r.getInt("DEST_ID"), r.getString("DEST_NAME"),
                r.getString("STATUS"), r.getString("ERROR")));
    }

    /** Empty when no recovery area is configured (V$RECOVERY_FILE_DEST has no row then). */
    public static Optional<RecoveryArea> recoveryArea(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement s = prepare(c, "recovery_area", timeout); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return Optional.empty();
            }
            return Optional.of(new RecoveryArea(r.getString("NAME"), r.getLong("SPACE_LIMIT"), r.getLong("SPACE_USED"),
                    r.getLong("SPACE_RECLAIMABLE"), r.getLong("NUMBER_OF_FILES")));
        }
    }

    public static java.util.List<RecoveryAreaUse> recoveryAreaUsage(Connection c, Duration timeout) throws SQLException {
        return rows(c, "recovery_area_usage", timeout, r -> new RecoveryAreaUse(r.getString("FILE_TYPE"),
                r.getDouble("PERCENT_SPACE_USED"), r.getDouble("PERCENT_SPACE_RECLAIMABLE"), r.getLong("NUMBER_OF_FILES")));
    }

    /** Primary only (the view needs an open database). */
    public static java.util.List<Tablespace> tablespaces(Connection c, Duration timeout) throws SQLException {
        return rows(c, "tablespaces", timeout, r -> new Tablespace(r.getString("TABLESPACE_NAME"),
                r.getLong("USED_SPACE") * r.getLong("BLOCK_SIZE"), r.getLong("TABLESPACE_SIZE") * r.getLong("BLOCK_SIZE"),
                r.getDouble("USED_PERCENT")));
    }

    public static java.util.List<SessionCount> sessions(Connection c, Duration timeout) throws SQLException {
        return rows(c, "sessions", timeout, r -> new SessionCount(r.getString("STATUS"), r.getString("WAIT_CLASS"),
                r.getLong("SESSIONS"), r.getLong("BLOCKED")));
    }

    public static Memory memory(Connection c, Duration timeout) throws SQLException {
        long sga = -1;
        long pga = -1;
        long target = -1;
        try (PreparedStatement s = prepare(c, "memory", timeout); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                long v = r.getLong("BYTES");
                switch (r.getString("AREA")) {
                    case "SGA" -> sga = v;
                    case "total PGA allocated" -> pga = v;
                    case "aggregate PGA target parameter" -> target = v;
                    default -> { }
                }
            }
        }
        return new Memory(sga, pga, target);
    }

    /** Only when the Diagnostics Pack is licensed (a setting, off by default). */
    public static AwrSnapshot awrSnapshot(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement s = prepare(c, "awr_snapshot", timeout); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                return new AwrSnapshot(null, null);
            }
            long id = r.getLong("SNAP_ID");
            return new AwrSnapshot(r.wasNull() ? null : id, instant(r.getTimestamp("END_INTERVAL_TIME")));
        }
    }

    /** Maps one row; may throw what a ResultSet throws. */
    @FunctionalInterface
    private interface Row<T> {
        T map(ResultSet r) throws SQLException;
    }

    /** Every row of a probe, mapped. */
    private static <T> java.util.List<T> rows(Connection c, String probe, Duration timeout, Row<T> row) throws SQLException {
        java.util.List<T> out = new java.util.ArrayList<>();
        try (PreparedStatement s = prepare(c, probe, timeout); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(row.map(r));
            }
        }
        return out;
    }

    private static PreparedStatement prepare(Connection c, String probe, Duration timeout) throws SQLException {
        PreparedStatement s = c.prepareStatement(ProbeSql.get(probe));
        s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
        return s;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** Oracle's day-to-second interval text, "+DD HH:MM:SS[.fff]"; empty when null or not one. */
    static Optional<Duration> interval(String text) {
        if (text == null) {
            return Optional.empty();
        }
        var m = java.util.regex.Pattern.compile("\\+?(\\d+) (\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?").matcher(text.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofDays(Long.parseLong(m.group(1))).plusHours(Long.parseLong(m.group(2)))
                .plusMinutes(Long.parseLong(m.group(3))).plusSeconds(Long.parseLong(m.group(4))));
    }
}
