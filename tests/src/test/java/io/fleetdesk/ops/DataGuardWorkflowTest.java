package io.fleetdesk.ops;

import io.fleetdesk.oci.SdkDataGuardOperationsApi;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.State;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The switchover state machine, without a UI, against the simulator through the real SDK. */
class DataGuardWorkflowTest {
    private static final String PASSWORD = "Demo#Admin_12";
    @TempDir
    Path data;
    private DemoHarness h;
    private SdkDataGuardOperationsApi api;
    private SdkRegionApi region;
    private SimFleet fleet;
    private SimFleet.Database primary;
    private SimFleet.Database standby;
    private final PairLocks locks = new PairLocks();
    private AuditLog audit;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(79, 120, 2, new FaultPlan());
        fleet = h.demo.fleet();
        h.demo.server().dataGuardOperations().length(Duration.ofMillis(1200));
        SimFleet.Pair pair = h.availablePairInOneRegion();
        primary = fleet.database(pair.firstDbId());
        standby = fleet.database(pair.secondDbId());
        api = new SdkDataGuardOperationsApi(h.profile, primary.region());
        region = new SdkRegionApi(h.profile, primary.region(), SdkRegionApi.Settings.defaults(), d -> { });
        audit = new AuditLog(data);
    }

    @AfterEach
    void stop() {
        api.close();
        region.close();
        h.close();
    }

    private DataGuardWorkflow workflow(Kind kind, SimFleet.Database acted, SimFleet.Database peer) {
        return new DataGuardWorkflow(kind, new DataGuardWorkflow.Target(primary.pairId(), acted.id(), peer.id(),
                acted.dbUniqueName(), peer.dbUniqueName(),
                primary.dbName(), "Demo fleet", "ocid1.user.oc1..dba"), api, audit, locks,
                id -> region.getDatabase(id).dataGuard().role(), new DataGuardWorkflow.Timing(Duration.ofMillis(150),
                Duration.ofSeconds(10)));
    }

    @Test
    void aSwitchoverGoesThroughEveryStateToDoneAndIsAudited() throws Exception {
        DataGuardWorkflow w = workflow(Kind.SWITCHOVER, primary, standby);
        List<State> seen = new CopyOnWriteArrayList<>();
        w.onProgress(p -> {
            if (seen.isEmpty() || seen.getLast() != p.state()) {
                seen.add(p.state());
            }
        });
        assertFalse(w.confirm("WRONGNAME"), "the DB name must be typed");
        assertEquals(State.PRECHECK, w.state());
        assertTrue(w.confirm(primary.dbName().toLowerCase()));
        DataGuardWorkflow.Progress end = w.run(PASSWORD.toCharArray());
        assertEquals(State.DONE, end.state(), end.message());
        assertEquals(List.of(State.CONFIRMED, State.SUBMITTED, State.IN_PROGRESS, State.VERIFYING, State.DONE), seen);
        assertEquals("STANDBY", fleet.role(primary.id()));
        assertEquals("PRIMARY", fleet.role(standby.id()));
        assertNotNull(end.workRequestId());
        assertNotNull(end.opcRequestId());
        List<AuditEntry> log = audit.readAll();
        assertEquals(2, log.size());
        assertEquals(AuditEntry.Phase.INTENT, log.get(0).phase());
        assertEquals("SWITCHOVER", log.get(0).action());
        assertEquals(primary.dbUniqueName(), log.get(0).parameters().get("databaseName"), "the audit names what a DBA reads");
        assertTrue(end.message().contains(primary.dbUniqueName() + " is STANDBY"), end.message());
        assertEquals("SUCCEEDED", log.get(1).status());
        assertEquals(end.workRequestId(), log.get(1).workRequestId());
        assertFalse(locks.isLocked(primary.pairId()), "the pair is free again");
    }

    @Test
    void aFailureMidwayEndsFailedWithTheServicesReasonAndTheRolesUnchanged() {
        h.demo.server().dataGuardOperations().failNext("ORA-16467: switchover target is not synchronized");
        DataGuardWorkflow w = workflow(Kind.SWITCHOVER, primary, standby);
        assertTrue(w.confirm(primary.dbName()));
        DataGuardWorkflow.Progress end = w.run(PASSWORD.toCharArray());
        assertEquals(State.FAILED, end.state());
        assertTrue(end.message().contains("ORA-16467") && end.message().contains("roles are unchanged"), end.message());
        assertEquals("PRIMARY", fleet.role(primary.id()));
        assertEquals("FAILED", audit.readAll().getLast().status());
        assertFalse(locks.isLocked(primary.pairId()));
    }

    @Test
    void closingTheAppWhileItRunsRecordsThatItContinuesInOciNotThatItFailed() throws Exception {
        h.demo.server().dataGuardOperations().length(Duration.ofMinutes(30));
        DataGuardWorkflow w = workflow(Kind.SWITCHOVER, primary, standby);
        assertTrue(w.confirm(primary.dbName()));
        java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
        Thread runner = Thread.ofVirtual().start(() -> {
            try {
                w.run(PASSWORD.toCharArray());
            } catch (Throwable t) {
                thrown.set(t);
            }
        });
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (w.state() != State.IN_PROGRESS && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertEquals(State.IN_PROGRESS, w.state());
        runner.interrupt();
        runner.join(10_000);
        assertEquals(null, thrown.get(), "run() ends normally");
        AuditEntry outcome = audit.readAll().getLast();
        assertEquals("UNKNOWN", outcome.status(), outcome.toString());
        assertTrue(outcome.message().contains("continues in OCI") && outcome.message().contains(outcome.workRequestId()),
                outcome.message());
        assertFalse(locks.isLocked(primary.pairId()));
    }

    @Test
    void onlyOneOperationPerPairAndCancelBeforeSubmitSendsNothing() {
        DataGuardWorkflow first = workflow(Kind.SWITCHOVER, primary, standby);
        var e = assertThrows(DataGuardWorkflow.OperationInProgressException.class,
                () -> workflow(Kind.FAILOVER, standby, primary));
        assertTrue(e.getMessage().contains("SWITCHOVER"), e.getMessage());
        first.cancel();
        assertEquals(State.CANCELLED, first.state());
        assertTrue(audit.readAll().isEmpty(), "nothing sent, nothing audited");
        DataGuardWorkflow second = workflow(Kind.FAILOVER, standby, primary);
        assertEquals(State.PRECHECK, second.state());
        assertThrows(IllegalStateException.class, () -> second.run(PASSWORD.toCharArray()), "not confirmed");
    }

    @Test
    void aFailoverThenAReinstateRestoreThePairAndTheAuditFileNeverHoldsThePassword() throws Exception {
        DataGuardWorkflow f = workflow(Kind.FAILOVER, standby, primary);
        assertTrue(f.confirm(primary.dbName()));
        assertEquals(State.DONE, f.run(PASSWORD.toCharArray()).state());
        assertEquals("DISABLED_STANDBY", fleet.role(primary.id()));
        DataGuardWorkflow r = workflow(Kind.REINSTATE, primary, standby);
        assertTrue(r.confirm(primary.dbName()));
        assertEquals(State.DONE, r.run(PASSWORD.toCharArray()).state());
        assertEquals("STANDBY", fleet.role(primary.id()));
        assertEquals(4, audit.readAll().size());
        try (var files = Files.walk(data)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p).contains(PASSWORD), p + " holds the password");
            }
        }
    }
}
