package io.fleetdesk.ops;

import io.fleetdesk.model.Backup;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.SdkAutonomousBackupsApi;
import io.fleetdesk.oci.SdkAutonomousOperationsApi;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimEstate;
import io.fleetdesk.support.DemoHarness;
import io.fleetdesk.support.En;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autonomous Database backups through the same operations as Base ones, with the real SDK against the
 * simulator: the automatic backups listed, a manual and a long-term backup created (and the long-term one
 * deleted), a restore to a point in time, each audited before and after; bad input refused.
 */
class AutonomousBackupsTest {
    @TempDir
    Path data;
    private DemoHarness h;
    private SimEstate.AutonomousDatabase adb;
    private SdkAutonomousBackupsApi api;
    private AuditLog audit;
    private BackupOperations ops;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(5, 40, 3, new FaultPlan());
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(8));
        adb = h.demo.fleet().estate().allAutonomousDatabases().stream().filter(a -> a.displayName().equals("crm-atp"))
                .findFirst().orElseThrow();
        api = new SdkAutonomousBackupsApi(h.profile, adb.region());
        audit = new AuditLog(data);
        ops = new BackupOperations(api, audit, new OperationLocks(), new BackupOperations.Actor("Demo fleet",
                "ocid1.user.oc1..dba"), Duration.ofMillis(50));
    }

    @AfterEach
    void stop() {
        api.close();
        h.close();
    }

    private String state() {
        try (var o = new SdkAutonomousOperationsApi(h.profile, adb.region())) {
            return o.autonomousDatabase(adb.id()).lifecycleState();
        }
    }

    @Test
    void automaticBackupsAreListedWithTheRetentionAsTheRecoveryWindow() {
        List<Backup> all = api.list(adb.id());
        assertTrue(all.size() >= 59, "a daily backup over the 60-day retention: " + all.size());
        assertTrue(all.stream().allMatch(Backup::automatic));
        assertTrue(all.stream().anyMatch(b -> "FULL".equals(b.type())) && all.stream().anyMatch(b -> "INCREMENTAL".equals(b.type())));
        assertEquals(60, api.config(adb.id()).recoveryWindowDays());
        assertTrue(api.config(adb.id()).autoBackupEnabled());
    }

    @Test
    void aManualAndALongTermBackupAreCreatedAndOnlyTheLongTermOneCanBeDeleted() {
        var manual = ops.create(adb.id(), "crm-atp", "before release 4.2", null, p -> { });
        assertTrue(manual.succeeded(), String.valueOf(manual.message()));
        var longTerm = ops.create(adb.id(), "crm-atp", "year-end 2026", 3650, p -> { });
        assertTrue(longTerm.succeeded(), String.valueOf(longTerm.message()));
        Backup m = api.list(adb.id()).stream().filter(b -> b.displayName().equals("before release 4.2")).findFirst().orElseThrow();
        Backup lt = api.list(adb.id()).stream().filter(b -> b.displayName().equals("year-end 2026")).findFirst().orElseThrow();
        assertEquals("ACTIVE", m.lifecycleState());
        assertFalse(m.automatic());
        assertNull(m.retentionDays(), "a manual backup follows the database's retention");
        assertEquals("LONGTERM", lt.type());
        assertEquals(3650, lt.retentionDays());
        assertEquals("AVAILABLE", state(), "the database is back from BACKUP_IN_PROGRESS");

        var refused = ops.delete(m, "crm-atp", p -> { });
        assertEquals(BackupOperations.State.REFUSED, refused.state());
        assertTrue(refused.message().toString().contains("Only long-term backups can be deleted"), refused.message().toString());
        assertTrue(ops.delete(lt, "crm-atp", p -> { }).succeeded());
        assertTrue(api.list(adb.id()).stream().noneMatch(b -> b.id().equals(lt.id())));
        List<String> outcomes = audit.readAll().stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME)
                .map(e -> e.action() + " " + e.status()).toList();
        assertEquals(List.of("CREATE_BACKUP SUCCEEDED", "CREATE_BACKUP SUCCEEDED", "DELETE_BACKUP REFUSED",
                "DELETE_BACKUP SUCCEEDED"), outcomes);
    }

    @Test
    void aLongTermBackupShorterThan90DaysIsRefusedWithTheRange() {
        var p = ops.create(adb.id(), "crm-atp", "too short", 30, x -> { });
        assertEquals(BackupOperations.State.REFUSED, p.state());
        assertTrue(p.message().toString().contains("90 to 3650"), p.message().toString());
    }

    @Test
    void aRestoreToAPointInTimeRunsToTheEndAndBadPointsAreRefused() {
        var wrongName = ops.restore(adb.id(), "crm-atp", "CRMATP", "CRM", new BackupsApi.Latest(), x -> { });
        assertFalse(wrongName.succeeded());
        assertEquals("bk.notSent.confirm", wrongName.message().key());
        Instant tooOld = h.demo.fleet().clock().now().minus(Duration.ofDays(90));
        var old = ops.restore(adb.id(), "crm-atp", "CRMATP", "crmatp", new BackupsApi.ToTimestamp(tooOld), x -> { });
        assertFalse(old.succeeded());
        assertTrue(En.of(old.message()).contains("60 days") || En.of(old.message()).contains("retention"), En.of(old.message()));
        Instant twoDaysAgo = h.demo.fleet().clock().now().minus(Duration.ofDays(2));
        List<String> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        var done = ops.restore(adb.id(), "crm-atp", "CRMATP", "crmatp", new BackupsApi.ToTimestamp(twoDaysAgo), x -> {
            if (!x.ended()) {
                states.add(state());
            }
        });
        assertTrue(done.succeeded(), String.valueOf(done.message()));
        assertTrue(states.contains("RESTORE_IN_PROGRESS"), states.toString());
        assertEquals("AVAILABLE", state());
        var restoreIntent = audit.readAll().stream().filter(e -> e.action().equals("RESTORE_DATABASE")
                && e.phase() == AuditEntry.Phase.INTENT).findFirst().orElseThrow();
        assertTrue(restoreIntent.parameters().get("restoreTo").startsWith("timestamp "));
    }

    @Test
    void aRestoreThatFailsMidwayLeavesTheDatabaseRestoreFailedAndSaysWhy() {
        h.demo.server().autonomousBackups().failNext("ORA-01152: file 1 was not restored from a sufficiently old backup");
        var p = ops.restore(adb.id(), "crm-atp", "CRMATP", "CRMATP", new BackupsApi.Latest(), x -> { });
        assertFalse(p.succeeded());
        assertTrue(p.message().toString().contains("ORA-01152"), p.message().toString());
        assertEquals("RESTORE_FAILED", state());
    }
}
