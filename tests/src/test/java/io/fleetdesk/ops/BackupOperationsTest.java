package io.fleetdesk.ops;

import io.fleetdesk.model.Backup;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.SdkBackupsApi;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backup actions: every one audited before and after, followed to the end; restore input checked first. */
class BackupOperationsTest {
    @TempDir
    Path data;
    private DemoHarness h;
    private SimFleet.Database db;
    private SdkBackupsApi api;
    private AuditLog audit;
    private BackupOperations ops;
    private final OperationLocks locks = new OperationLocks();

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(93, 120, 2, new FaultPlan());
        SimFleet f = h.demo.fleet();
        db = f.allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow();
        f.overrideState(db.id(), "AVAILABLE");
        api = new SdkBackupsApi(h.profile, db.region());
        audit = new AuditLog(data);
        ops = new BackupOperations(api, audit, locks, new BackupOperations.Actor("Demo fleet", "ocid1.user.oc1..dba"),
                Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        api.close();
        h.close();
    }

    @Test
    void everyActionIsAuditedBeforeItIsSentAndAgainWithItsOutcome() {
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        List<BackupOperations.Progress> seen = new CopyOnWriteArrayList<>();
        var created = ops.create(db.id(), db.dbUniqueName(), "nightly extra", 7, seen::add);
        assertTrue(created.succeeded(), String.valueOf(created.message()));
        assertTrue(seen.stream().anyMatch(p -> !p.ended() && p.workRequestId() != null), "progress while it ran");
        assertEquals(List.of(BackupOperations.State.SENDING, BackupOperations.State.IN_PROGRESS,
                        BackupOperations.State.DONE), seen.stream().map(BackupOperations.Progress::state).distinct().toList(),
                "the states the dialog shows, in order");
        assertEquals(1, seen.stream().filter(BackupOperations.Progress::ended).count(), "one end, told once");
        Backup b = api.list(db.id()).stream().filter(x -> x.displayName().equals("nightly extra")).findFirst().orElseThrow();
        assertTrue(ops.delete(b, db.dbUniqueName(), p -> { }).succeeded());

        List<String> actions = audit.readAll().stream().map(e -> e.action() + " " + e.phase()
                + (e.status() == null ? "" : " " + e.status())).toList();
        assertEquals(List.of("CREATE_BACKUP INTENT", "CREATE_BACKUP SENT", "CREATE_BACKUP OUTCOME SUCCEEDED",
                "DELETE_BACKUP INTENT", "DELETE_BACKUP SENT", "DELETE_BACKUP OUTCOME SUCCEEDED"), actions);
        assertEquals(created.workRequestId(), audit.readAll().get(1).workRequestId(),
                "the work request is recorded as soon as the service returns it");
        assertTrue(audit.readAll().get(2).workRequestId() != null && audit.readAll().get(2).opcRequestId() != null);
    }

    @Test
    void aCancelAndARefusalAreAuditedAndAnAutomaticBackupIsNotEvenSent() throws Exception {
        h.demo.server().backups().lengths(Duration.ofMinutes(30), Duration.ofMinutes(30));
        Thread runner = Thread.ofVirtual().start(() -> ops.create(db.id(), db.dbUniqueName(), "long", null, p -> { }));
        Backup running = org.awaitility.Awaitility.await("the backup is being created").atMost(Duration.ofSeconds(20))
                .until(() -> api.list(db.id()).stream().filter(Backup::running).filter(x -> !x.automatic()).findFirst()
                        .orElse(null), java.util.Objects::nonNull);
        // Another operation on the same database waits its turn: the create holds it.
        var busy = new BackupOperations(api, audit, locks, new BackupOperations.Actor("Demo fleet", "u"),
                Duration.ofMillis(100)).cancel(running, db.dbUniqueName(), p -> { });
        assertEquals(io.fleetdesk.model.Notice.of("op.busy", io.fleetdesk.model.Notice.of("op.kind.CREATE_BACKUP")),
                busy.message());
        var canceled = new BackupOperations(api, audit, new OperationLocks(), new BackupOperations.Actor("Demo fleet",
                "u"), Duration.ofMillis(100)).cancel(running, db.dbUniqueName(), p -> { });
        assertTrue(canceled.succeeded(), String.valueOf(canceled.message()));
        runner.join(10_000);
        assertFalse(runner.isAlive(), "the create sees its work request end CANCELED");

        var again = ops.cancel(running, db.dbUniqueName(), p -> { });
        assertEquals(BackupOperations.State.REFUSED, again.state());
        assertEquals("op.refused", again.message().key(), "a clear 4xx is a refusal");
        assertTrue(again.message().args().getFirst().toString().contains("Only an on-demand backup that is being created"),
                again.message().toString());

        Backup auto = api.list(db.id()).stream().filter(Backup::automatic).findFirst().orElseThrow();
        int before = audit.readAll().size();
        var refused = ops.delete(auto, db.dbUniqueName(), p -> { });
        assertFalse(refused.succeeded());
        assertEquals(io.fleetdesk.model.Notice.of("bk.refused.automatic"), refused.message());
        assertEquals(before, audit.readAll().size(), "nothing sent, nothing audited");
        List<String> statuses = audit.readAll().stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME)
                .map(e -> e.action() + " " + e.status()).sorted().toList();
        // The cancel's outcome and the create's (which sees its work request end CANCELED) race; both are there.
        assertEquals(List.of("CANCEL_BACKUP REFUSED", "CANCEL_BACKUP SUCCEEDED", "CREATE_BACKUP CANCELED"), statuses);
    }

    @Test
    void restoreInputIsCheckedBeforeAnythingIsSent() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        assertEquals(new BackupsApi.ToTimestamp(Instant.parse("2026-11-24T09:30:00Z")),
                ((RestorePoints.Valid) RestorePoints.timestamp("2026-11-24 09:30", now, 30)).point());
        assertEquals(new BackupsApi.ToTimestamp(Instant.parse("2026-11-01T00:00:15Z")),
                ((RestorePoints.Valid) RestorePoints.timestamp(" 2026-11-01 00:00:15 ", now, 30)).point());
        assertEquals("bk.input.notTime", why(RestorePoints.timestamp("24/11/2026", now, 30)).key());
        assertEquals(io.fleetdesk.model.Notice.of("bk.input.outsideWindow", 30, Instant.parse("2026-10-25T12:00:00Z")),
                why(RestorePoints.timestamp("2026-10-01 00:00", now, 30)));
        assertEquals("bk.input.future", why(RestorePoints.timestamp("2026-11-24 12:01", now, 30)).key());
        assertEquals(new BackupsApi.ToScn("1234567"), ((RestorePoints.Valid) RestorePoints.scn("1,234,567")).point());
        assertEquals("bk.input.notScn", why(RestorePoints.scn("0x1F")).key());
        assertEquals("bk.input.scnEmpty", why(RestorePoints.scn(" ")).key());
    }

    @Test
    void aDateThatDoesNotExistIsRefusedNeverMovedToANearbyDay() {
        Instant now = Instant.parse("2026-05-10T12:00:00Z");
        // The default SMART resolver made these 28 February, 30 April and 28 February, and called them valid.
        for (String t : List.of("2026-02-30 10:00", "2026-04-31 10:00", "2026-02-29 10:00", "2026-04-30 24:00",
                "2026-04-30 10:60")) {
            assertEquals(io.fleetdesk.model.Notice.of("bk.input.noSuchTime", t), why(RestorePoints.timestamp(t, now, 120)), t);
        }
        assertEquals(new BackupsApi.ToTimestamp(Instant.parse("2026-02-28T10:00:00Z")),
                ((RestorePoints.Valid) RestorePoints.timestamp("2026-02-28 10:00", now, 120)).point(),
                "a real date is sent exactly as typed, in UTC");
    }

    @Test
    void anScnOfZeroOrBeyondTheLargestScnIsRefused() {
        assertEquals("bk.input.scnZero", why(RestorePoints.scn("0")).key());
        assertEquals("bk.input.scnZero", why(RestorePoints.scn("000")).key());
        assertEquals("bk.input.scnTooBig", why(RestorePoints.scn("18446744073709551616")).key());
        assertEquals(new BackupsApi.ToScn("18446744073709551615"),
                ((RestorePoints.Valid) RestorePoints.scn("18446744073709551615")).point());
        assertEquals(new BackupsApi.ToScn("42"), ((RestorePoints.Valid) RestorePoints.scn("0042")).point());
    }

    @Test
    void aRestoreIsNotSentUnlessTheDbNameWasTypedWhateverTheDialogDid() {
        long before = h.demo.server().requestsByOperation().getOrDefault("RestoreDatabase", 0L);
        var p = ops.restore(db.id(), db.dbUniqueName(), db.dbName(), "NOTTHEDB", new BackupsApi.Latest(), x -> { });
        assertEquals(BackupOperations.State.NOT_SENT, p.state());
        assertEquals(io.fleetdesk.model.Notice.of("bk.notSent.confirm", "NOTTHEDB", db.dbName()), p.message());
        var blank = ops.restore(db.id(), db.dbUniqueName(), db.dbName(), null, new BackupsApi.Latest(), x -> { });
        assertEquals(BackupOperations.State.NOT_SENT, blank.state());
        assertEquals(before, h.demo.server().requestsByOperation().getOrDefault("RestoreDatabase", 0L), "nothing sent");
        assertTrue(audit.readAll().isEmpty(), "nothing sent, nothing audited");
    }

    @Test
    void aRestoreWaitsWhileItsPairSwitchesOverAndASwitchoverWaitsForARestore() throws Exception {
        // Any pair in one region, made AVAILABLE (the simulated clock moves states; the lock is what is tested).
        SimFleet f = h.demo.fleet();
        var pair = f.pairs().stream().filter(p -> f.database(p.firstDbId()).region()
                .equals(f.database(p.secondDbId()).region())).findFirst().orElseThrow();
        SimFleet.Database primary = f.database(pair.firstDbId());
        SimFleet.Database standby = f.database(pair.secondDbId());
        f.overrideState(primary.id(), "AVAILABLE");
        f.overrideState(standby.id(), "AVAILABLE");
        try (var dgApi = new io.fleetdesk.oci.SdkDataGuardOperationsApi(h.profile, primary.region());
             var pApi = new SdkBackupsApi(h.profile, primary.region())) {
            DataGuardWorkflow switchover = new DataGuardWorkflow(DataGuardWorkflow.Kind.SWITCHOVER,
                    new DataGuardWorkflow.Target(primary.id(), standby.id(), primary.dbUniqueName(), standby.dbUniqueName(),
                            primary.dbName(), "Demo fleet", "u"), dgApi, audit, locks, id -> "PRIMARY",
                    DataGuardWorkflow.Timing.defaults());
            var onPrimary = new BackupOperations(pApi, audit, locks, new BackupOperations.Actor("Demo fleet", "u"),
                    Duration.ofMillis(100));
            for (SimFleet.Database d : List.of(primary, standby)) {
                var p = onPrimary.restore(d.id(), d.dbUniqueName(), d.dbName(), d.dbName(), new BackupsApi.Latest(), x -> { });
                assertEquals(BackupOperations.State.NOT_SENT, p.state(), d.dbUniqueName());
                assertEquals(io.fleetdesk.model.Notice.of("op.busy", io.fleetdesk.model.Notice.of("op.kind.SWITCHOVER")),
                        p.message());
            }
            switchover.cancel();

            h.demo.server().backups().lengths(Duration.ofMinutes(30), Duration.ofMinutes(30));
            Thread restore = Thread.ofVirtual().start(() -> onPrimary.restore(standby.id(), standby.dbUniqueName(),
                    standby.dbName(), standby.dbName(), new BackupsApi.Latest(), x -> { }));
            org.awaitility.Awaitility.await("the restore holds the standby").atMost(Duration.ofSeconds(20))
                    .until(() -> "RESTORE_DATABASE".equals(locks.holder(standby.id())));
            var e = org.junit.jupiter.api.Assertions.assertThrows(io.fleetdesk.ops.OperationInProgressException.class,
                    () -> new DataGuardWorkflow(DataGuardWorkflow.Kind.SWITCHOVER, new DataGuardWorkflow.Target(
                            primary.id(), standby.id(), "a", "b", "c", "Demo fleet", "u"), dgApi, audit, locks,
                            id -> "PRIMARY", DataGuardWorkflow.Timing.defaults()));
            assertEquals(io.fleetdesk.model.Notice.of("op.busy", io.fleetdesk.model.Notice.of("op.kind.RESTORE_DATABASE")),
                    e.notice());
            restore.interrupt();
            restore.join(20_000);
            assertFalse(restore.isAlive());
            assertEquals(null, locks.holder(standby.id()), "the restore's end frees the database");
        }
    }

    @Test
    void aBackupWhoseAnswerIsLostIsFollowedAndMadeOnceNeverTwice() {
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        for (var how : FaultPlan.LostAnswer.values()) {
            String name = "lost answer " + how;
            h.demo.server().faults().loseAnswers(1, how);
            var p = ops.create(db.id(), db.dbUniqueName(), name, 7, x -> { });
            assertTrue(p.succeeded(), how + ": " + p.message());
            assertEquals(BackupOperations.State.DONE, p.state());
            assertEquals("SUCCEEDED", p.serviceStatus());
            assertEquals(1, api.list(db.id()).stream().filter(b -> b.displayName().equals(name)).count(),
                    how + ": one backup, not two");
            AuditEntry last = audit.readAll().getLast();
            assertEquals("SUCCEEDED", last.status(), how + "");
            assertEquals(p.workRequestId(), last.workRequestId());
        }
    }

    @Test
    void aRestoreWhoseAnswerIsLostIsFollowedToItsEndNotCalledRefused() {
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        h.demo.server().faults().loseAnswers(1, FaultPlan.LostAnswer.NO_ANSWER);
        long before = h.demo.server().requestsByOperation().getOrDefault("RestoreDatabase", 0L);
        List<BackupOperations.Progress> seen = new CopyOnWriteArrayList<>();
        var p = ops.restore(db.id(), db.dbUniqueName(), db.dbName(), db.dbName(), new BackupsApi.Latest(), seen::add);
        assertTrue(p.succeeded(), String.valueOf(p.message()));
        assertTrue(seen.stream().anyMatch(x -> x.state() == BackupOperations.State.LOOKING_UP
                        && x.message() != null && x.message().key().equals("op.lookingUp")),
                "the DBA is told the answer was lost and it is being looked up");
        assertEquals(List.of(BackupOperations.State.SENDING, BackupOperations.State.LOOKING_UP,
                BackupOperations.State.IN_PROGRESS, BackupOperations.State.DONE),
                seen.stream().map(BackupOperations.Progress::state).distinct().toList());
        assertEquals(before + 1, h.demo.server().requestsByOperation().get("RestoreDatabase"), "sent once, never again");
        assertEquals("SUCCEEDED", audit.readAll().getLast().status());
    }

    @Test
    void theRetryTokenMakesASecondSendReturnTheFirstBackup() {
        var first = api.create(db.id(), "token twice", 7, "fd-token-1");
        var second = api.create(db.id(), "token twice", 7, "fd-token-1");
        assertEquals(first.workRequestId(), second.workRequestId());
        assertEquals(1, api.list(db.id()).stream().filter(b -> b.displayName().equals("token twice")).count());
        var other = org.junit.jupiter.api.Assertions.assertThrows(io.fleetdesk.oci.OciApiException.class,
                () -> api.create(db.id(), "another backup", 7, "fd-token-1"));
        assertEquals(409, other.status(), "a token is for one request only");
    }

    private static io.fleetdesk.model.Notice why(RestorePoints.RestoreInput i) {
        return assertInstanceOf(RestorePoints.Invalid.class, i).why();
    }
}
