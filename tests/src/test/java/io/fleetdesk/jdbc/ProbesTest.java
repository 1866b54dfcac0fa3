package io.fleetdesk.jdbc;

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
                + ";INIT=RUNSCRIPT FROM 'classpath:fixtures/oracle-views.sql'";
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
                assertTrue(why.code() != null || why.what().contains("did not answer"), why.toString());
                assertTrue(!why.fix().equals("See the log for details."), why.toString());
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
