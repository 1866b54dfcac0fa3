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
import static org.junit.jupiter.api.Assertions.assertNull;
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
    private final OperationLocks locks = new OperationLocks();
    private AuditLog audit;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(79, 120, 2, new FaultPlan());
        fleet = h.demo.fleet();
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
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
        return new DataGuardWorkflow(kind, new DataGuardWorkflow.Target(acted.id(), peer.id(),
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
        assertEquals(State.DONE, end.state(), String.valueOf(end.message()));
        assertEquals(List.of(State.CONFIRMED, State.SUBMITTED, State.IN_PROGRESS, State.VERIFYING, State.DONE), seen);
        assertEquals("STANDBY", fleet.role(primary.id()));
        assertEquals("PRIMARY", fleet.role(standby.id()));
        assertNotNull(end.workRequestId());
        assertNotNull(end.opcRequestId());
        List<AuditEntry> log = audit.readAll();
        assertEquals(List.of(AuditEntry.Phase.INTENT, AuditEntry.Phase.SENT, AuditEntry.Phase.OUTCOME),
                log.stream().map(AuditEntry::phase).toList());
        assertEquals(end.workRequestId(), log.get(1).workRequestId(), "the work request is recorded as soon as it is known");
        assertEquals("SWITCHOVER", log.get(0).action());
        assertEquals(primary.dbUniqueName(), log.get(0).parameters().get("databaseName"), "the audit names what a DBA reads");
        assertEquals(io.fleetdesk.model.Notice.of("dg.msg.donePair", primary.dbUniqueName(), "STANDBY",
                standby.dbUniqueName(), "PRIMARY"), end.message());
        assertEquals("SUCCEEDED", log.get(2).status());
        assertEquals(end.workRequestId(), log.get(2).workRequestId());
        assertEquals(end.message(), log.get(2).notice(), "the audit records what the DBA was told");
        assertNull(locks.holder(List.of(primary.id(), standby.id())), "the pair is free again");
    }

    @Test
    void aFailureMidwayEndsFailedWithTheServicesReasonAndTheRolesUnchanged() {
        h.demo.server().dataGuardOperations().failNext("ORA-16467: switchover target is not synchronized");
        DataGuardWorkflow w = workflow(Kind.SWITCHOVER, primary, standby);
        assertTrue(w.confirm(primary.dbName()));
        DataGuardWorkflow.Progress end = w.run(PASSWORD.toCharArray());
        assertEquals(State.FAILED, end.state());
        assertEquals("dg.msg.failed", end.message().key());
        assertTrue(end.message().args().get(1).toString().contains("ORA-16467"), end.message().toString());
        assertEquals("PRIMARY", fleet.role(primary.id()));
        assertEquals("FAILED", audit.readAll().getLast().status());
        assertNull(locks.holder(primary.id()));
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
        org.awaitility.Awaitility.await("the switchover is in progress").atMost(Duration.ofSeconds(20))
                .until(w::state, s -> s == State.IN_PROGRESS);
        runner.interrupt();
        runner.join(10_000);
        assertEquals(null, thrown.get(), "run() ends normally");
        assertEquals(State.UNKNOWN, w.state(), "sent and not followed to the end: unknown, never FAILED");
        AuditEntry outcome = audit.readAll().getLast();
        assertEquals("UNKNOWN", outcome.status(), outcome.toString());
        assertEquals(io.fleetdesk.model.Notice.of("dg.msg.abandoned", io.fleetdesk.model.Notice.of("dg.kind.switchover"),
                outcome.workRequestId()), outcome.notice());
        assertNull(locks.holder(primary.id()));
    }

    @Test
    void onlyOneOperationPerPairAndCancelBeforeSubmitSendsNothing() {
        DataGuardWorkflow first = workflow(Kind.SWITCHOVER, primary, standby);
        var e = assertThrows(io.fleetdesk.ops.OperationInProgressException.class,
                () -> workflow(Kind.FAILOVER, standby, primary));
        assertEquals(io.fleetdesk.model.Notice.of("op.busy", io.fleetdesk.model.Notice.of("op.kind.SWITCHOVER")), e.notice());
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
        assertEquals(6, audit.readAll().size(), "intent, sent and outcome of each");
        try (var files = Files.walk(data)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(p).contains(PASSWORD), p + " holds the password");
            }
        }
    }

    @Test
    void aSwitchoverWhoseAnswerIsLostIsFoundAndFollowedNeverSentTwice() {
        for (var how : io.fleetdesk.sim.FaultPlan.LostAnswer.values()) {
            SimFleet.Database p = fleet.role(primary.id()).equals("PRIMARY") ? primary : standby;
            SimFleet.Database s = p == primary ? standby : primary;
            long sent = h.demo.server().requestsByOperation().getOrDefault("SWITCHOVER", 0L);
            h.demo.server().faults().loseAnswers(1, how);
            DataGuardWorkflow w = workflow(Kind.SWITCHOVER, p, s);
            assertTrue(w.confirm(primary.dbName()));
            DataGuardWorkflow.Progress end = w.run(PASSWORD.toCharArray());
            assertEquals(State.DONE, end.state(), how + ": " + end.message());
            assertEquals("STANDBY", fleet.role(p.id()), how + ": the switchover the service accepted ran to the end");
            assertEquals(sent + 1, h.demo.server().requestsByOperation().get("SWITCHOVER"), how + ": sent once, never again");
            assertNotNull(end.workRequestId(), "the work request found on the database");
            AuditEntry last = audit.readAll().getLast();
            assertEquals("SUCCEEDED", last.status());
            assertEquals(end.workRequestId(), last.workRequestId());
        }
    }

    @Test
    void aLostAnswerWithNoWorkRequestToFindEndsUnknownNotFailed() {
        // The send ends with no answer (a reset connection) and the service never started anything.
        var noWork = new io.fleetdesk.oci.DataGuardOperationsApi() {
            @Override
            public Association association(String databaseId) {
                return api.association(databaseId);
            }

            @Override
            public io.fleetdesk.oci.Rows.DatabaseRow database(String databaseId) {
                return api.database(databaseId);
            }

            @Override
            public List<WorkOn> workOn(String compartmentId, String resourceId) {
                return api.workOn(compartmentId, resourceId);
            }

            @Override
            public Submitted switchover(String databaseId, String associationId, char[] adminPassword) {
                java.util.Arrays.fill(adminPassword, '\0');
                throw new io.fleetdesk.oci.OciApiException(0, null, "connection reset", null, false, null);
            }

            @Override
            public Submitted failover(String databaseId, String associationId, char[] adminPassword) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Submitted reinstate(String databaseId, String associationId, char[] adminPassword) {
                throw new UnsupportedOperationException();
            }

            @Override
            public WorkRequestProgress workRequest(String id) {
                return api.workRequest(id);
            }

            @Override
            public void close() {
            }
        };
        {
            DataGuardWorkflow w2 = new DataGuardWorkflow(Kind.SWITCHOVER, new DataGuardWorkflow.Target(primary.id(),
                    standby.id(), primary.dbUniqueName(), standby.dbUniqueName(), primary.dbName(), "Demo fleet", "u"),
                    noWork, audit, locks, id -> region.getDatabase(id).dataGuard().role(),
                    new DataGuardWorkflow.Timing(Duration.ofMillis(100), Duration.ofSeconds(5)));
            assertTrue(w2.confirm(primary.dbName()));
            DataGuardWorkflow.Progress unknown = w2.run(PASSWORD.toCharArray());
            assertEquals(State.UNKNOWN, unknown.state(), "no clear answer and nothing found: unknown, never FAILED");
            assertEquals("op.unknown.notFound", unknown.message().key());
            assertEquals("UNKNOWN", audit.readAll().getLast().status());
            assertNull(locks.holder(primary.id()));
            assertEquals("PRIMARY", fleet.role(primary.id()));
        }
    }

    @Test
    void anOutcomeThatCannotBeWrittenStillEndsTheWizardAndFreesThePair() throws Exception {
        DataGuardWorkflow w = workflow(Kind.SWITCHOVER, primary, standby);
        w.onProgress(p -> {
            if (p.state() == State.VERIFYING) {
                // The disk fails between the intent and the outcome: the audit file can no longer be written.
                try {
                    Files.delete(audit.file());
                    Files.createDirectory(audit.file());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        });
        assertTrue(w.confirm(primary.dbName()));
        DataGuardWorkflow.Progress end = w.run(PASSWORD.toCharArray());
        assertEquals(State.DONE, end.state(), "the switchover itself succeeded");
        assertNotNull(end.unrecorded(), "the DBA is told the outcome is not recorded");
        assertEquals("op.unrecorded", end.unrecorded().key());
        assertEquals(State.DONE, w.progress().state(), "the end was published");
        assertNull(locks.holder(primary.id()), "the pair is free again");
    }

    @Test
    void rolesThatChangedSinceThePrechecksStopTheSendAndNothingIsSent() {
        DataGuardWorkflow w = workflow(Kind.SWITCHOVER, standby, primary); // standby is not the primary
        assertTrue(w.confirm(primary.dbName()));
        long before = h.demo.server().requestsByOperation().getOrDefault("SWITCHOVER", 0L);
        DataGuardWorkflow.Progress end = w.run(PASSWORD.toCharArray());
        assertEquals(State.FAILED, end.state());
        assertEquals(io.fleetdesk.model.Notice.of("dg.msg.notSent", io.fleetdesk.model.Notice.of("dg.msg.rolesChanged")),
                end.message());
        assertEquals(before, h.demo.server().requestsByOperation().getOrDefault("SWITCHOVER", 0L), "nothing sent");
        assertTrue(audit.readAll().isEmpty(), "nothing sent, nothing to audit");
    }
}
