package io.fleetdesk.poll;

import io.fleetdesk.support.En;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.DemoDatabases;
import io.fleetdesk.sim.SimClock;
import io.fleetdesk.sim.SimFleet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Direct targets probed through their pools: the demo's H2 databases, a host that never answers, removal. */
class DirectPollerTest {
    private SimFleet fleet;
    private DemoDatabases dbs;
    private DirectPoller poller;
    private final List<Map<String, FleetNode>> published = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        fleet = new SimFleet(7, 40, 2, new SimClock(Instant.parse("2026-11-25T10:00:00Z"), 60));
        dbs = DemoDatabases.start(fleet, Duration.ofMinutes(10));
        io.fleetdesk.jdbc.ConnectStrings.allowInMemory(dbs.targets());
        poller = new DirectPoller(new io.fleetdesk.poll.DirectSettings(Duration.ofMinutes(10), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofSeconds(2), false), DirectHealthRules.defaults());
        poller.subscribe(published::add);
    }

    @AfterEach
    void stop() {
        poller.close();
        dbs.close();
    }

    private FleetNode await(String nodeId, java.util.function.Predicate<FleetNode> when, Duration within) {
        return org.awaitility.Awaitility.await(nodeId + " gets there").atMost(within)
                .until(() -> poller.nodes().get(nodeId), n -> n != null && when.test(n));
    }

    @Test
    void theDemoDatabasesAnswerEveryProbeAndTheirLinkedPairFollowsTheSimulatedRoles() throws Exception {
        List<DirectTarget> targets = dbs.targets().stream().filter(t -> !t.id().equals("demo-hr-legacy")).toList();
        poller.setTargets(targets);
        assertEquals("NOT CONNECTED", poller.nodes().get(targets.getFirst().nodeId()).lifecycleState(),
                "a target without a password yet says so");
        for (DirectTarget t : targets) {
            assertNull(poller.connect(t.id(), dbs.password(t.id())));
        }
        SimFleet.Pair pair = fleet.pairs().getFirst();
        String standbyId = "STANDBY".equals(fleet.role(pair.firstDbId())) ? pair.firstDbId() : pair.secondDbId();
        DirectTarget standby = targets.stream().filter(t -> t.linkedDatabaseId().equals(standbyId)).findFirst().orElseThrow();
        FleetNode n = await(standby.nodeId(), x -> x.lastRefreshed() != null, Duration.ofSeconds(10));
        assertEquals(NodeKind.DIRECT_DATABASE, n.kind());
        assertEquals(standbyId, n.parentId(), "a linked target sits under its OCI database");
        assertEquals("PHYSICAL STANDBY", n.role());
        var st = poller.state(standby.id());
        assertEquals(fleet.applyLagSeconds(fleet.database(standbyId)),
                st.reading().answers().dataGuard().applyLag().orElseThrow().toSeconds(), 2,
                "V$DATAGUARD_STATS says what the OCI side says");
        assertEquals(1, st.lag().size(), "one point on the lag chart per reading");
        assertFalse(st.reading().answers().sessions().isEmpty());
        assertNotNull(st.reading().memory());
        assertEquals(List.of(), st.reading().problems(), "every probe answered");
        assertEquals(List.of(), En.of(st.reading().redoLogs().shortfalls()), "the linked pair has its standby redo logs");
        FleetNode erp = await("direct:demo-erp", x -> x.lastRefreshed() != null, Duration.ofSeconds(10));
        assertEquals(DirectPoller.groupId("On-premises"), erp.parentId());
        assertEquals(DirectPoller.ROOT_ID, poller.nodes().get(DirectPoller.groupId("On-premises")).parentId());
        assertFalse(poller.state("demo-erp").reading().answers().tablespaces().isEmpty(),
                "tablespaces are read on an open primary");
        assertTrue(En.of(poller.state("demo-erp").reading().redoLogs().shortfalls()).getFirst().startsWith("Thread 1 has 3 usable"),
                "the on-premises primary was built one standby redo log group short");

        assertEquals(null, poller.state("demo-erp").reading().awr(), "AWR is not read unless the Diagnostics Pack is licensed");
        poller.setSettings(poller.settings().withAwr(true));
        await("direct:demo-erp", x -> poller.state("demo-erp").reading().awr() != null,
                Duration.ofSeconds(10));
        assertNotNull(poller.state("demo-erp").reading().awr().snapId());

        // A switchover in the simulator: the JDBC side sees the roles swap too.
        fleet.swapRoles(pair.id());
        dbs.tick();
        poller.probeAllNow();
        await(standby.nodeId(), x -> "PRIMARY".equals(x.role()), Duration.ofSeconds(10));
    }

    @Test
    void aHostThatNeverAnswersDoesNotDelayTheOthersAndIsExplained() throws Exception {
        try (ServerSocket silent = new ServerSocket(0)) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = Thread.ofVirtual().start(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed
                }
            });
            DirectTarget dead = new DirectTarget("dead", "DEAD", "", DirectTarget.ConnectKind.EZCONNECT,
                    "127.0.0.1:" + silent.getLocalPort() + "/DEAD", "", "", "FLEETMON", DirectTarget.Role.NORMAL, "");
            DirectTarget erp = dbs.targets().stream().filter(t -> t.id().equals("demo-erp")).findFirst().orElseThrow();
            poller.setTargets(List.of(dead, erp));
            long t0 = System.nanoTime();
            poller.connect(dead.id(), "x".toCharArray());
            poller.connect(erp.id(), dbs.password(erp.id()));
            await(erp.nodeId(), x -> x.lastRefreshed() != null, Duration.ofSeconds(10));
            long live = System.nanoTime() - t0;
            assertTrue(live < Duration.ofSeconds(2).toNanos(), "the live target answered in " + live / 1_000_000
                    + " ms, not after the dead one's deadline");
            FleetNode d = await(dead.nodeId(), x -> x.stale() != null, Duration.ofSeconds(8));
            assertEquals(Health.UNKNOWN, d.shownHealth(), "never shown as healthy because we could not ask");
            assertTrue(En.of(d.stale().reason()).contains("did not answer") || En.of(d.stale().reason()).contains("No answer")
                    || En.of(d.stale().reason()).contains("timed out"), En.of(d.stale().reason()));
            acceptor.interrupt();
            for (Socket s : accepted) {
                s.close();
            }
        }
    }

    @Test
    void aRemovedTargetHasItsPoolClosedAndAChangedOneMustConnectAgain() throws Exception {
        DirectTarget erp = dbs.targets().stream().filter(t -> t.id().equals("demo-erp")).findFirst().orElseThrow();
        poller.setTargets(List.of(erp));
        poller.connect(erp.id(), dbs.password(erp.id()));
        await(erp.nodeId(), x -> x.lastRefreshed() != null, Duration.ofSeconds(10));
        var pool = poller.pool(erp.id());
        assertFalse(pool.isClosed());
        DirectTarget asSysdg = new DirectTarget(erp.id(), erp.name(), erp.group(), erp.kind(), erp.connect(), "", "",
                erp.user(), DirectTarget.Role.SYSDG, "");
        poller.setTargets(List.of(asSysdg));
        assertTrue(pool.isClosed(), "a changed connection closes the pool: the password may not fit it");
        assertFalse(poller.state(erp.id()).connected());
        poller.connect(erp.id(), dbs.password(erp.id()));
        var second = poller.pool(erp.id());
        poller.setTargets(List.of());
        assertTrue(second.isClosed(), "a removed target's pool is closed");
        assertTrue(poller.nodes().isEmpty(), "and nothing is left in the tree, not even Direct connections");

        poller.setTargets(List.of(erp));
        poller.connect(erp.id(), dbs.password(erp.id()));
        var third = poller.pool(erp.id());
        poller.close();
        assertTrue(third.isClosed(), "the app exiting closes every pool");
    }

    @Test
    void aConnectThatArrivesAfterItsTargetWentOpensNoPoolNobodyWouldClose() {
        DirectTarget t = dbs.targets().getFirst();
        poller.setTargets(List.of(t));
        poller.setTargets(List.of()); // removed while the DBA's connect was on its way
        assertEquals("That target is no longer in the list.", En.of(poller.connect(t.id(), dbs.password(t.id()))));
        poller.setTargets(List.of(t));
        poller.close(); // the app closes while a connect waits
        assertEquals("That target is no longer in the list.", En.of(poller.connect(t.id(), dbs.password(t.id()))));
        assertNull(poller.pool(t.id()), "no pool was opened after the close");
    }
}
