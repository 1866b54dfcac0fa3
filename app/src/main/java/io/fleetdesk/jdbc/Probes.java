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

    public static Instance instance(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement s = prepare(c, "instance", timeout); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("V$INSTANCE returned no row");
            }
            return new Instance(r.getString("INSTANCE_NAME"), r.getString("HOST_NAME"), r.getString("VERSION_FULL"),
                    r.getString("STATUS"), instant(r.getTimestamp("STARTUP_TIME")), r.getString("ARCHIVER"),
                    r.getString("LOGINS"), r.getString("DATABASE_STATUS"));
        }
    }

    public static Database database(Connection c, Duration timeout) throws SQLException {
        try (PreparedStatement s = prepare(c, "database", timeout); ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("V$DATABASE returned no row");
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
