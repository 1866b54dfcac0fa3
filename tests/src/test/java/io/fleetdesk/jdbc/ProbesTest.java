package io.fleetdesk.jdbc;

import io.fleetdesk.support.En;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The probes' SQL against H2 fixtures in Oracle mode, through HikariCP; a dead target through ojdbc. */
class ProbesTest {
    private static final Duration Q = Duration.ofSeconds(5);

    private static TargetPool fixture(String name) {
        String url = "jdbc:h2:mem:" + name + ";MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1"
                + ";INIT=RUNSCRIPT FROM 'classpath:io/fleetdesk/sim/oracle-views.sql'\\;RUNSCRIPT FROM 'classpath:fixtures/oracle-views.sql'";
        return new TargetPool(name, url, "fleetmon", "fixture".toCharArray(), Duration.ofSeconds(3));
    }

    @Test
    void everyProbeRunsItsSqlAndMapsEveryColumn() throws Exception {
        try (TargetPool pool = fixture("standby1"); Connection c = pool.connection()) {
            Probes.Instance i = Probes.instance(c, Q);
            assertEquals(new Probes.Instance("SALES2", "dbhost-fra-1", "19.28.0.0.0", "MOUNTED",
                    i.startupTime(), "STARTED", "ALLOWED", "ACTIVE"), i);
            assertNotNull(i.startupTime());
            Probes.Database d = Probes.database(c, Q);
            assertEquals(new Probes.Database("SALES", "SALES_fra1", "PHYSICAL STANDBY", "READ ONLY WITH APPLY",
                    "MAXIMUM AVAILABILITY", "MAXIMUM AVAILABILITY", "NOT ALLOWED", "YES", "YES", "DISABLED",
                    "ARCHIVELOG"), d);
            Probes.DataGuardStats s = Probes.dataGuardStats(c, Q);
            assertEquals(Duration.ofSeconds(67), s.applyLag().orElseThrow());
            assertEquals(Duration.ofSeconds(2), s.transportLag().orElseThrow());
            assertEquals("11/24/2026 23:59:58", s.computedAt());
        }
    }

    @Test
    void theStorageSessionMemoryAndRedoProbesMapEveryColumnToo() throws Exception {
        try (TargetPool pool = fixture("primary1"); Connection c = pool.connection()) {
            assertEquals(List.of(new Probes.ArchiveGap(1, 4120, 4123)), Probes.archiveGaps(c, Q));
            assertEquals(List.of(new Probes.ArchiveDestError(2, "LOG_ARCHIVE_DEST_2", "ERROR", "ORA-12541: TNS:no listener")),
                    Probes.archiveDestErrors(c, Q));
            Probes.RecoveryArea fra = Probes.recoveryArea(c, Q).orElseThrow();
            assertEquals(new Probes.RecoveryArea("+RECO", 214748364800L, 193273528320L, 10737418240L, 812), fra);
            assertEquals(85.0, fra.usedPercent(), 0.01, "used less reclaimable, of the limit");
            assertEquals(List.of(new Probes.RecoveryAreaUse("ARCHIVED LOG", 71.2, 5.0, 790),
                    new Probes.RecoveryAreaUse("FLASHBACK LOG", 18.8, 0, 22)), Probes.recoveryAreaUsage(c, Q));
            List<Probes.Tablespace> ts = Probes.tablespaces(c, Q);
            assertEquals(new Probes.Tablespace("USERS", 3932160L * 8192, 4194304L * 8192, 93.75), ts.getFirst(),
                    "blocks times the block size, fullest first");
            List<Probes.SessionCount> sessions = Probes.sessions(c, Q);
            assertEquals(4, sessions.stream().mapToLong(Probes.SessionCount::sessions).sum(),
                    "four user sessions; background ones are left out");
            assertTrue(sessions.contains(new Probes.SessionCount("ACTIVE", "Application", 2, 2)), sessions.toString());
            assertEquals(2, sessions.stream().mapToLong(Probes.SessionCount::blocked).sum());
            assertEquals(new Probes.Memory(9140336L + 1207959552L + 3019898880L + 7634944L, 734003200L, 1073741824L),
                    Probes.memory(c, Q));
            Probes.StandbyLogs logs = Probes.redoLogs(c, Q);
            long mb200 = 209715200L;
            assertEquals(List.of(new Probes.RedoLogGroup(false, 1, 1, mb200), new Probes.RedoLogGroup(false, 1, 2, mb200),
                    new Probes.RedoLogGroup(false, 1, 3, mb200), new Probes.RedoLogGroup(true, 0, 13, 104857600L),
                    new Probes.RedoLogGroup(true, 1, 11, mb200), new Probes.RedoLogGroup(true, 1, 12, mb200)),
                    logs.groups());
            assertEquals(2, En.of(logs.shortfalls()).size(), En.of(logs.shortfalls()).toString());
            Probes.AwrSnapshot awr = Probes.awrSnapshot(c, Q);
            assertEquals(8812L, awr.snapId());
            assertNotNull(awr.endIntervalTime());
        }
    }

    @Test
    void standbyRedoLogsAreJudgedPerThreadWithUnassignedGroupsServingAnyThread() {
        long mb = 1048576L;
        // RAC, two threads of three 512 MB online groups: four standby groups each, as Data Guard wants.
        List<Probes.RedoLogGroup> rac = new ArrayList<>();
        for (int t = 1; t <= 2; t++) {
            for (int g = 0; g < 3; g++) {
                rac.add(new Probes.RedoLogGroup(false, t, t * 10 + g, 512 * mb));
            }
            for (int g = 0; g < 4; g++) {
                rac.add(new Probes.RedoLogGroup(true, t, 100 + t * 10 + g, 512 * mb));
            }
        }
        assertEquals(List.of(), En.of(new Probes.StandbyLogs(rac).shortfalls()));

        // Thread 2 has only three, but an unassigned (thread 0) group of the right size makes up for it.
        rac.removeIf(g -> g.standby() && g.group() == 123);
        List<String> short1 = En.of(new Probes.StandbyLogs(rac).shortfalls());
        assertEquals(1, short1.size(), short1.toString());
        assertTrue(short1.getFirst().startsWith("Thread 2 has 3 usable standby redo log groups for 3 online: 4 wanted. Add 1"),
                short1.getFirst());
        assertTrue(short1.getFirst().contains("ADD STANDBY LOGFILE THREAD 2 SIZE 512M"), short1.getFirst());
        rac.add(new Probes.RedoLogGroup(true, 0, 200, 512 * mb));
        assertEquals(List.of(), En.of(new Probes.StandbyLogs(rac).shortfalls()));

        // None at all: said per thread, with the statement to add them.
        List<Probes.RedoLogGroup> none = rac.stream().filter(g -> !g.standby()).toList();
        List<String> missing = En.of(new Probes.StandbyLogs(none).shortfalls());
        assertEquals(2, missing.size(), missing.toString());
        assertTrue(missing.getFirst().startsWith("Thread 1 has 0 usable standby redo log groups for 3 online: 4 wanted. Add 4"),
                missing.getFirst());
    }

    @Test
    void intervalsParseAsOracleWritesThem() {
        assertEquals(Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4),
                Probes.interval("+01 02:03:04.250").orElseThrow());
        assertTrue(Probes.interval(null).isEmpty());
        assertTrue(Probes.interval("unknown").isEmpty());
    }

    @Test
    void aTargetThatNeverAnswersFailsWithinItsDeadlineAndDoesNotDelayAnother() throws Exception {
        // A port that accepts connections and then says nothing: the worst kind of dead target.
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> held = new ArrayList<>();
            Thread.ofVirtual().start(() -> {
                try {
                    while (!silent.isClosed()) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            try (TargetPool dead = new TargetPool("dead", "jdbc:oracle:thin:@//127.0.0.1:" + silent.getLocalPort()
                    + "/NOPE", "fleetmon", "x".toCharArray(), Duration.ofSeconds(2));
                 TargetPool alive = fixture("standby2")) {
                Instant t0 = Instant.now();
                CompletableFuture<Object> deadProbe = CompletableFuture.supplyAsync(() -> {
                    try (Connection c = dead.connection()) {
                        return Probes.instance(c, Q);
                    } catch (SQLException e) {
                        return e;
                    }
                });
                // The live target answers at once, while the dead one is still waiting.
                try (Connection c = alive.connection()) {
                    assertEquals("SALES2", Probes.instance(c, Q).instanceName());
                }
                assertTrue(Duration.between(t0, Instant.now()).toMillis() < 1500, "the live target was not held up");
                Object result = deadProbe.get();
                Duration took = Duration.between(t0, Instant.now());
                assertTrue(result instanceof SQLException, String.valueOf(result));
                assertTrue(took.toMillis() < 8000, "gave up after " + took.toMillis() + " ms");
                OraErrors.Explanation why = OraErrors.explain((SQLException) result, "fleetmon");
                // Explained in words either way: the driver's ORA- code, or the pool's deadline.
                assertTrue(why.code() != null || En.of(why.what()).contains("did not answer"), why.toString());
                assertTrue(!En.of(why.fix()).equals("See the log for details."), why.toString());
            }
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    void aClosedPoolHandsOutNothing() {
        TargetPool pool = fixture("gone");
        pool.close();
        assertTrue(pool.isClosed());
        assertThrows(SQLException.class, pool::connection);
    }
}
