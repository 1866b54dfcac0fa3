package io.fleetdesk.sim;

import io.fleetdesk.model.DirectTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The demo's databases that answer JDBC probes: H2 databases in Oracle mode whose tables carry the
 * documented view names and columns ({@code oracle-views.sql}), with values that move with the
 * simulator's clock (apply lag, sessions, the recovery area). Two of them are the two sides of a
 * simulated Data Guard pair, so their V$DATABASE role follows a switchover done in the demo and
 * their V$DATAGUARD_STATS lag is the lag the OCI side reports; two are "on-premises"; one is a
 * host where nothing listens, to show a connection error explained.
 *
 * <p>Each has its own user and a random password made at start-up and kept in memory: the demo
 * connects like any target, through the same pools and the same SQL.
 */
public final class DemoDatabases implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DemoDatabases.class);
    public static final String USER = "FLEETMON";
    private static final String OPTIONS = ";MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";

    /** What one demo database is and how it moves. */
    private record Demo(DirectTarget target, String ociId, String dbName, String uniqueName, String host,
                        double fraBaseline, double usersPercent, int lagPeakSeconds) {
    }

    private final SimFleet fleet;
    private final List<Demo> demos = new ArrayList<>();
    private final Map<String, char[]> passwords = new LinkedHashMap<>();
    /** One open connection per database keeps it alive and moves its values. */
    private final Map<String, Connection> owners = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("demo-databases").factory());
    private final SecureRandom random = new SecureRandom();

    /** The group of the own-host databases (the DBA's data, worded by the UI). */
    private final String group;

    private DemoDatabases(SimFleet fleet, String group) {
        this.fleet = fleet;
        this.group = group;
    }

    /** Creates the databases and starts moving their values every {@code tick}. */
    public static DemoDatabases start(SimFleet fleet, Duration tick) throws SQLException {
        return start(fleet, tick, "On-premises");
    }

    /** @param group the group of the own-host databases, as the DBA reads it */
    public static DemoDatabases start(SimFleet fleet, Duration tick, String group) throws SQLException {
        DemoDatabases d = new DemoDatabases(fleet, group);
        String run = Long.toHexString(d.random.nextLong());
        if (!fleet.pairs().isEmpty()) {
            SimFleet.Pair p = fleet.pairs().getFirst();
            for (String id : List.of(p.firstDbId(), p.secondDbId())) {
                SimFleet.Database db = fleet.database(id);
                d.demos.add(new Demo(target("demo-" + db.dbUniqueName(), db.dbUniqueName() + " (JDBC)", "",
                        "jdbc:h2:mem:demo-" + db.dbUniqueName() + "-" + run + OPTIONS, id), id, db.dbName(),
                        db.dbUniqueName(), fleet.dbSystem(db.dbSystemId()).hostname(), 52, 61, 0));
            }
        }
        d.demos.add(new Demo(target("demo-erp", "ERPPRD", group, "jdbc:h2:mem:demo-erp-" + run + OPTIONS, ""),
                null, "ERPPRD", "ERPPRD_dc1", "erp-db01.dc1.example.com", 78, 84, 0));
        d.demos.add(new Demo(target("demo-erp-stby", "ERPPRD_dc2", group,
                "jdbc:h2:mem:demo-erp-stby-" + run + OPTIONS, ""),
                null, "ERPPRD", "ERPPRD_dc2", "erp-db01.dc2.example.com", 64, 84, 420));
        for (Demo demo : d.demos) {
            d.create(demo);
        }
        d.tick();
        long ms = Math.max(200, tick.toMillis());
        d.ticker.scheduleWithFixedDelay(() -> {
            try {
                d.tick();
            } catch (Exception e) {
                LOG.debug("demo databases: tick failed", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        return d;
    }

    private static DirectTarget target(String id, String name, String group, String url, String ociId) {
        return new DirectTarget(id, name, group, DirectTarget.ConnectKind.URL, url, "", "", USER,
                DirectTarget.Role.NORMAL, ociId);
    }

    /** The demo's targets plus one where nothing listens (its connection error is the point). */
    public List<DirectTarget> targets() {
        List<DirectTarget> out = new ArrayList<>(demos.stream().map(Demo::target).toList());
        out.add(new DirectTarget("demo-hr-legacy", "HRLEGACY", group, DirectTarget.ConnectKind.EZCONNECT,
                "127.0.0.1:1/HRLEGACY", "", "", "FLEETMON", DirectTarget.Role.NORMAL, ""));
        return out;
    }

    /** A copy of a demo target's password (the caller wipes it), or a made-up one for the dead host. */
    public char[] password(String targetId) {
        char[] p = passwords.get(targetId);
        return p == null ? "nothing-listens".toCharArray() : p.clone();
    }

    private void create(Demo d) throws SQLException {
        char[] pw = new char[20];
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        for (int i = 0; i < pw.length; i++) {
            pw[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        passwords.put(d.target().id(), pw);
        // The first connection creates the database and makes this user its owner.
        Connection c = DriverManager.getConnection(d.target().connect(), USER, new String(pw));
        owners.put(d.target().id(), c);
        try (Statement s = c.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:io/fleetdesk/sim/oracle-views.sql'");
            Instant started = fleet.clock().now().minus(Duration.ofDays(9));
            try (PreparedStatement i = c.prepareStatement("INSERT INTO V$INSTANCE VALUES (?, ?, '19.28.0.0.0', 'OPEN', ?,"
                    + " 'STARTED', 'ALLOWED', 'ACTIVE')")) {
                i.setString(1, d.dbName() + "1");
                i.setString(2, d.host());
                i.setTimestamp(3, Timestamp.from(started));
                i.executeUpdate();
            }
            try (PreparedStatement i = c.prepareStatement("INSERT INTO V$DATABASE VALUES (?, ?, 'PRIMARY', 'READ WRITE',"
                    + " 'MAXIMUM AVAILABILITY', 'MAXIMUM AVAILABILITY', 'TO STANDBY', 'YES', 'YES', 'DISABLED', 'ARCHIVELOG')")) {
                i.setString(1, d.dbName());
                i.setString(2, d.uniqueName());
                i.executeUpdate();
            }
            // Three online groups of 200 MB; four standby groups as Data Guard wants, except on the
            // on-premises primary, which was built with three (its Data Guard tab says what to add).
            for (int g = 1; g <= 3; g++) {
                s.execute("INSERT INTO V$LOG VALUES (" + g + ", 1, " + (4100 + g) + ", 209715200, 2, 'YES', 'INACTIVE')");
            }
            int standbyGroups = d.target().id().equals("demo-erp") ? 3 : 4;
            for (int g = 11; g < 11 + standbyGroups; g++) {
                s.execute("INSERT INTO V$STANDBY_LOG VALUES (" + g + ", 1, 0, 209715200, 0, 'YES', 'UNASSIGNED')");
            }
            s.execute("INSERT INTO V$ARCHIVE_DEST_STATUS VALUES (1, 'LOG_ARCHIVE_DEST_1', 'VALID', NULL)");
            s.execute("INSERT INTO V$ARCHIVE_DEST_STATUS VALUES (2, 'LOG_ARCHIVE_DEST_2', 'VALID', NULL)");
            s.execute("INSERT INTO V$RECOVERY_FILE_DEST VALUES ('+RECO', 214748364800, 0, 10737418240, 640)");
            s.execute("INSERT INTO V$RECOVERY_AREA_USAGE VALUES ('ARCHIVED LOG', 0, 5.0, 610)");
            s.execute("INSERT INTO V$RECOVERY_AREA_USAGE VALUES ('FLASHBACK LOG', 12.5, 0, 24)");
            s.execute("INSERT INTO V$RECOVERY_AREA_USAGE VALUES ('BACKUP PIECE', 6.0, 0, 6)");
            for (String[] ts : new String[][]{{"SYSTEM", "8192"}, {"SYSAUX", "8192"}, {"USERS", "8192"}, {"UNDOTBS1", "8192"}}) {
                s.execute("INSERT INTO DBA_TABLESPACES VALUES ('" + ts[0] + "', " + ts[1] + ")");
            }
            s.execute("INSERT INTO DBA_TABLESPACE_USAGE_METRICS VALUES ('SYSTEM', 118000, 4194304, 2.81)");
            s.execute("INSERT INTO DBA_TABLESPACE_USAGE_METRICS VALUES ('SYSAUX', 240000, 4194304, 5.72)");
            s.execute("INSERT INTO DBA_TABLESPACE_USAGE_METRICS VALUES ('USERS', 0, 4194304, 0)");
            s.execute("INSERT INTO DBA_TABLESPACE_USAGE_METRICS VALUES ('UNDOTBS1', 900000, 4194304, 21.46)");
            s.execute("INSERT INTO V$SGA VALUES ('Fixed Size', 9140336)");
            s.execute("INSERT INTO V$SGA VALUES ('Variable Size', 1207959552)");
            s.execute("INSERT INTO V$SGA VALUES ('Database Buffers', 3019898880)");
            s.execute("INSERT INTO V$SGA VALUES ('Redo Buffers', 7634944)");
            s.execute("INSERT INTO V$PGASTAT VALUES ('aggregate PGA target parameter', 1073741824, 'bytes')");
            s.execute("INSERT INTO V$PGASTAT VALUES ('total PGA allocated', 0, 'bytes')");
            s.execute("INSERT INTO DBA_HIST_SNAPSHOT VALUES (1, CURRENT_TIMESTAMP)");
        }
    }

    /** Moves every database's values to the simulator's now. */
    public synchronized void tick() throws SQLException {
        Instant now = fleet.clock().now();
        double minutes = now.getEpochSecond() / 60.0;
        for (Demo d : demos) {
            Connection c = owners.get(d.target().id());
            boolean standby = d.ociId() != null ? !"PRIMARY".equals(fleet.role(d.ociId())) : d.lagPeakSeconds() > 0;
            long apply;
            if (d.ociId() != null) {
                apply = standby ? fleet.applyLagSeconds(fleet.database(d.ociId())) : 0;
            } else {
                // An on-premises standby: apply falls behind during the nightly batch window, then catches up.
                double phase = (minutes % 180) / 180.0;
                apply = 2 + (phase > 0.7 ? Math.round((phase - 0.7) / 0.3 * d.lagPeakSeconds()) : 0);
            }
            int seed = Math.floorMod(d.target().id().hashCode(), 17);
            try (Statement s = c.createStatement()) {
                s.execute("UPDATE V$DATABASE SET DATABASE_ROLE = '" + (standby ? "PHYSICAL STANDBY" : "PRIMARY")
                        + "', OPEN_MODE = '" + (standby ? "READ ONLY WITH APPLY" : "READ WRITE")
                        + "', SWITCHOVER_STATUS = '" + (standby ? "NOT ALLOWED" : "TO STANDBY") + "'");
                s.execute("DELETE FROM V$DATAGUARD_STATS");
                s.execute("DELETE FROM V$SESSION");
                if (standby) {
                    String at = java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss")
                            .withZone(java.time.ZoneOffset.UTC).format(now);
                    s.execute("INSERT INTO V$DATAGUARD_STATS VALUES ('transport lag', '" + interval(Math.min(apply, 1 + seed % 3))
                            + "', 'day(2) to second(0) interval', '" + at + "')");
                    s.execute("INSERT INTO V$DATAGUARD_STATS VALUES ('apply lag', '" + interval(apply)
                            + "', 'day(2) to second(0) interval', '" + at + "')");
                }
                // Sessions: a working-day curve plus noise; now and then a row lock blocks two of them.
                int active = (int) Math.max(1, Math.round(6 + 5 * Math.sin(minutes / 47.0 + seed) + random.nextInt(3)));
                int inactive = 20 + seed + random.nextInt(6);
                boolean locked = !standby && Math.floorMod((long) (minutes / 9) + seed, 11) == 0;
                int sid = 100;
                String[] waits = {"User I/O", "CPU", "Commit", "Network", "Concurrency"};
                for (int i = 0; i < active; i++) {
                    s.execute("INSERT INTO V$SESSION VALUES (" + (sid++) + ", 'USER', 'ACTIVE', '"
                            + waits[Math.floorMod(i + seed, waits.length)] + "', NULL)");
                }
                if (locked) {
                    s.execute("INSERT INTO V$SESSION VALUES (" + (sid++) + ", 'USER', 'ACTIVE', 'Application', 101)");
                    s.execute("INSERT INTO V$SESSION VALUES (" + (sid++) + ", 'USER', 'ACTIVE', 'Application', 101)");
                }
                for (int i = 0; i < inactive; i++) {
                    s.execute("INSERT INTO V$SESSION VALUES (" + (sid++) + ", 'USER', 'INACTIVE', 'Idle', NULL)");
                }
                s.execute("INSERT INTO V$SESSION VALUES (1, 'BACKGROUND', 'ACTIVE', 'Idle', NULL)");
                // Recovery area: archived logs pile up over the day and are deleted by the nightly backup.
                double day = (minutes % 1440) / 1440.0;
                double archived = Math.min(90, Math.max(0, d.fraBaseline() - 18.5 + 22 * day));
                long limit = 214748364800L;
                long used = Math.round(limit * (archived + 18.5) / 100.0) + 10737418240L;
                s.execute("UPDATE V$RECOVERY_FILE_DEST SET SPACE_USED = " + used);
                s.execute("UPDATE V$RECOVERY_AREA_USAGE SET PERCENT_SPACE_USED = " + String.format(java.util.Locale.ROOT,
                        "%.2f", archived) + " WHERE FILE_TYPE = 'ARCHIVED LOG'");
                // USERS grows slowly towards its size and is given room now and then.
                double users = Math.min(99, d.usersPercent() + 6 * ((minutes % 600) / 600.0));
                s.execute("UPDATE DBA_TABLESPACE_USAGE_METRICS SET USED_PERCENT = " + String.format(java.util.Locale.ROOT,
                        "%.2f", users) + ", USED_SPACE = " + Math.round(4194304 * users / 100) + " WHERE TABLESPACE_NAME = 'USERS'");
                long pga = 600_000_000L + (long) active * 25_000_000L;
                s.execute("UPDATE V$PGASTAT SET VALUE = " + pga + " WHERE NAME = 'total PGA allocated'");
            }
        }
    }

    private static String interval(long seconds) {
        return String.format(java.util.Locale.ROOT, "+%02d %02d:%02d:%02d", seconds / 86_400, (seconds / 3600) % 24,
                (seconds / 60) % 60, seconds % 60);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        for (Connection c : owners.values()) {
            try (Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                LOG.debug("demo database already closed", e);
            }
        }
        passwords.values().forEach(p -> java.util.Arrays.fill(p, '\0'));
    }
}
