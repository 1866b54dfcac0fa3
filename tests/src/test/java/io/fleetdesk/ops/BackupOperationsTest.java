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

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(93, 120, 2, new FaultPlan());
        SimFleet f = h.demo.fleet();
        db = f.allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow();
        f.overrideState(db.id(), "AVAILABLE");
        api = new SdkBackupsApi(h.profile, db.region());
        audit = new AuditLog(data);
        ops = new BackupOperations(api, audit, new BackupOperations.Actor("Demo fleet", "ocid1.user.oc1..dba"),
                Duration.ofMillis(100));
    }

    @AfterEach
    void stop() {
        api.close();
        h.close();
    }

    @Test
    void everyActionIsAuditedBeforeItIsSentAndAgainWithItsOutcome() {
        h.demo.server().backups().lengths(Duration.ofMillis(800), Duration.ofMillis(800));
        List<BackupOperations.Progress> seen = new CopyOnWriteArrayList<>();
        var created = ops.create(db.id(), db.dbUniqueName(), "nightly extra", 7, seen::add);
        assertTrue(created.succeeded(), created.message());
        assertTrue(seen.stream().anyMatch(p -> !p.ended() && p.workRequestId() != null), "progress while it ran");
        Backup b = api.list(db.id()).stream().filter(x -> x.displayName().equals("nightly extra")).findFirst().orElseThrow();
        assertTrue(ops.delete(b, db.dbUniqueName(), p -> { }).succeeded());

        List<String> actions = audit.readAll().stream().map(e -> e.action() + " " + e.phase()
                + (e.status() == null ? "" : " " + e.status())).toList();
        assertEquals("CREATE_BACKUP INTENT", actions.get(0));
        assertEquals("CREATE_BACKUP OUTCOME SUCCEEDED", actions.get(1));
        assertEquals("DELETE_BACKUP INTENT", actions.get(2));
        assertEquals("DELETE_BACKUP OUTCOME SUCCEEDED", actions.get(3));
        assertTrue(audit.readAll().get(1).workRequestId() != null && audit.readAll().get(1).opcRequestId() != null);
    }

    @Test
    void aCancelAndARefusalAreAuditedAndAnAutomaticBackupIsNotEvenSent() throws Exception {
        h.demo.server().backups().lengths(Duration.ofMinutes(30), Duration.ofMinutes(30));
        Thread runner = Thread.ofVirtual().start(() -> ops.create(db.id(), db.dbUniqueName(), "long", null, p -> { }));
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Backup running = null;
        while (running == null && System.nanoTime() < until) {
            running = api.list(db.id()).stream().filter(Backup::running).filter(x -> !x.automatic()).findFirst().orElse(null);
            Thread.sleep(50);
        }
        var canceled = ops.cancel(running, db.dbUniqueName(), p -> { });
        assertTrue(canceled.succeeded(), canceled.message());
        runner.join(10_000);
        assertFalse(runner.isAlive(), "the create sees its work request end CANCELED");

        var again = ops.cancel(running, db.dbUniqueName(), p -> { });
        assertEquals("REFUSED", again.status());
        assertTrue(again.message().contains("Only an on-demand backup that is being created"), again.message());

        Backup auto = api.list(db.id()).stream().filter(Backup::automatic).findFirst().orElseThrow();
        int before = audit.readAll().size();
        var refused = ops.delete(auto, db.dbUniqueName(), p -> { });
        assertFalse(refused.succeeded());
        assertTrue(refused.message().contains("Automatic backups cannot be deleted"));
        assertEquals(before, audit.readAll().size(), "nothing sent, nothing audited");
        List<String> statuses = audit.readAll().stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME)
                .map(e -> e.action() + " " + e.status()).sorted().toList();
        // The cancel's outcome and the create's (which sees its work request end CANCELED) race; both are there.
        assertEquals(List.of("CANCEL_BACKUP REFUSED", "CANCEL_BACKUP SUCCEEDED", "CREATE_BACKUP CANCELED"), statuses);
    }

    @Test
    void restoreInputIsCheckedBeforeAnythingIsSent() {
        Instant now = Instant.parse("2026-11-24T12:00:00Z");
        assertInstanceOf(BackupOperations.Valid.class, BackupOperations.timestamp("2026-11-24 09:30", now, 30));
        assertInstanceOf(BackupOperations.Valid.class, BackupOperations.timestamp(" 2026-11-01 00:00:15 ", now, 30));
        assertTrue(((BackupOperations.Invalid) BackupOperations.timestamp("24/11/2026", now, 30)).why().contains("is not a time"));
        assertTrue(((BackupOperations.Invalid) BackupOperations.timestamp("2026-10-01 00:00", now, 30)).why()
                .contains("oldest point is 2026-10-25 12:00"));
        assertTrue(((BackupOperations.Invalid) BackupOperations.timestamp("2026-11-24 12:01", now, 30)).why().contains("future"));
        assertEquals(new BackupsApi.ToScn("1234567"), ((BackupOperations.Valid) BackupOperations.scn("1,234,567")).point());
        assertTrue(((BackupOperations.Invalid) BackupOperations.scn("0x1F")).why().contains("whole number"));
        assertInstanceOf(BackupOperations.Invalid.class, BackupOperations.scn(" "));
    }
}
