package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.SdkBackupsApi;
import io.fleetdesk.oci.SdkDataGuardOperationsApi;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** After a crash the app finds what it was doing, follows it to its end and records it. */
class CrashRecoveryTest {
    @TempDir
    Path data;
    private DemoHarness h;
    private SimFleet.Database db;
    private SdkBackupsApi backups;
    private SdkDataGuardOperationsApi ops;
    private AuditLog audit;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(97, 80, 2, new FaultPlan());
        db = h.demo.fleet().allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow();
        h.demo.fleet().overrideState(db.id(), "AVAILABLE");
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        backups = new SdkBackupsApi(h.profile, db.region());
        ops = new SdkDataGuardOperationsApi(h.profile, db.region());
        audit = new AuditLog(data);
    }

    @AfterEach
    void stop() {
        backups.close();
        ops.close();
        h.close();
    }

    @Test
    void aBackupWhoseWorkRequestWasRecordedIsFollowedToItsEndAtTheNextStart() throws Exception {
        AuditLog.Intent i = audit.intent("u", "Demo fleet", "CREATE_BACKUP", List.of(db.id()),
                Map.of("databaseName", db.dbUniqueName()));
        var sent = backups.create(db.id(), "before the crash", 7, null);
        audit.sent(i, sent.workRequestId(), sent.opcRequestId());
        // The app is killed here: no outcome. The next start:
        List<AuditLog.Unfinished> pending = CrashRecovery.pending(new AuditLog(data), "Demo fleet");
        assertEquals(1, pending.size());
        assertEquals(Notice.of("recovery.unfinished", Notice.of("recovery.action.CREATE_BACKUP"), db.dbUniqueName(),
                i.entry().at(), sent.workRequestId()), CrashRecovery.announce(pending.getFirst()));
        var settled = CrashRecovery.settle(audit, pending.getFirst(), ops, Duration.ofMillis(100));
        assertEquals("SUCCEEDED", settled.status());
        assertTrue(audit.unfinished().isEmpty(), "recorded: not shown again at the next start");
        AuditEntry outcome = audit.readAll().getLast();
        assertEquals(AuditEntry.Phase.OUTCOME, outcome.phase());
        assertEquals(i.entry().operationId(), outcome.operationId(), "tied to the intent it ends");
        assertEquals(sent.workRequestId(), outcome.workRequestId());
    }

    @Test
    void aRestoreSentJustBeforeTheCrashIsFoundOnItsDatabase() throws Exception {
        audit.intent("u", "Demo fleet", "RESTORE_DATABASE", List.of(db.id()), Map.of("databaseName", db.dbUniqueName()));
        var sent = backups.restore(db.id(), new BackupsApi.Latest()); // its answer died with the app
        var settled = CrashRecovery.settle(audit, CrashRecovery.pending(audit, "Demo fleet").getFirst(), ops,
                Duration.ofMillis(100));
        assertEquals("SUCCEEDED", settled.status());
        assertEquals(sent.workRequestId(), settled.workRequestId(), "found by looking on the database");
    }

    @Test
    void anIntentThatWasNeverSentIsRecordedUnknownWithWhatToCheck() throws Exception {
        audit.intent("u", "Demo fleet", "RESTORE_DATABASE", List.of(db.id()), Map.of("databaseName", db.dbUniqueName()));
        var settled = CrashRecovery.settle(audit, CrashRecovery.pending(audit, "Demo fleet").getFirst(), ops,
                Duration.ofMillis(100));
        assertEquals("UNKNOWN", settled.status());
        assertEquals(Notice.of("recovery.notFound"), settled.what());
        assertTrue(CrashRecovery.pending(audit, "Demo fleet").isEmpty());
        assertTrue(CrashRecovery.pending(audit, "another profile").isEmpty());
    }
}
