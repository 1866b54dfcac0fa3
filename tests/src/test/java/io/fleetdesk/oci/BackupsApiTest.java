package io.fleetdesk.oci;

import io.fleetdesk.support.En;
import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Backups through the real SDK against the simulator, as the Backups dialog uses them. */
class BackupsApiTest {
    private DemoHarness h;
    private SimFleet fleet;
    private SimFleet.Database db;
    private SdkBackupsApi api;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(91, 120, 2, new FaultPlan());
        fleet = h.demo.fleet();
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        db = fleet.allDatabases().stream().filter(d -> d.pairId() == null && fleet.lastFailedBackup(d) == null)
                .findFirst().orElseThrow();
        fleet.overrideState(db.id(), "AVAILABLE");
        api = new SdkBackupsApi(h.profile, db.region());
    }

    @AfterEach
    void stop() {
        api.close();
        h.close();
    }

    private WorkRequestsApi.WorkRequestProgress follow(String id) {
        return await("work request " + id + " ends").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.workRequest(id), WorkRequestsApi.WorkRequestProgress::ended);
    }

    @Test
    void theHistoryHasDailyAutomaticBackupsNewestFirstAndTheConfigurationBesideIt() {
        List<Backup> all = api.list(db.id());
        assertTrue(all.size() >= 30, all.size() + " backups");
        for (int i = 1; i < all.size(); i++) {
            assertFalse(all.get(i).started().isAfter(all.get(i - 1).started()), "newest first");
        }
        assertTrue(all.stream().allMatch(Backup::automatic));
        assertTrue(all.stream().anyMatch(b -> b.type().equals("FULL")) && all.stream().anyMatch(b -> b.type().equals("INCREMENTAL")));
        Backup lastEnded = all.stream().filter(b -> b.ended() != null).findFirst().orElseThrow();
        assertEquals(fleet.lastBackup(db).toEpochMilli(), lastEnded.ended().toEpochMilli(), "the list agrees with lastBackupTimestamp");
        BackupConfig c = api.config(db.id());
        assertTrue(c.autoBackupEnabled());
        assertEquals(30, c.recoveryWindowDays());
        assertEquals("OBJECT_STORE", c.destination());
        assertTrue(c.windowText().endsWith("UTC"), c.windowText());

        SimFleet.Database failing = fleet.allDatabases().stream().filter(d -> fleet.lastFailedBackup(d) != null)
                .findFirst().orElseThrow();
        try (SdkBackupsApi other = new SdkBackupsApi(h.profile, failing.region())) {
            Backup f = other.list(failing.id()).stream().filter(b -> b.ended() != null).findFirst().orElseThrow();
            assertEquals("FAILED", f.lifecycleState());
            assertTrue(f.lifecycleDetails().contains("ORA-19511"), f.lifecycleDetails());
        }
    }

    @Test
    void anOnDemandBackupRunsToTheEndAndCanThenBeDeletedButAnAutomaticOneCannot() throws Exception {
        WorkRequestsApi.Submitted s = api.create(db.id(), "before-patch 19.28", 14, null);
        assertNotNull(s.workRequestId());
        assertEquals("BACKUP_IN_PROGRESS", fleet.databaseState(db));
        Backup creating = api.list(db.id()).getFirst();
        assertEquals("before-patch 19.28", creating.displayName());
        assertEquals("CREATING", creating.lifecycleState());
        assertEquals(14, creating.retentionDays());
        assertFalse(creating.automatic());
        var end = follow(s.workRequestId());
        assertEquals("SUCCEEDED", end.status());
        assertTrue(end.log().contains("Backing up datafiles"), end.log().toString());
        Backup done = api.list(db.id()).stream().filter(b -> b.id().equals(creating.id())).findFirst().orElseThrow();
        assertEquals("ACTIVE", done.lifecycleState());
        assertNotNull(done.duration());
        assertEquals("AVAILABLE", fleet.databaseState(db));

        Backup auto = api.list(db.id()).stream().filter(Backup::automatic).findFirst().orElseThrow();
        OciApiException refused = assertThrows(OciApiException.class, () -> api.delete(auto.id()));
        assertEquals(400, refused.status());
        assertTrue(En.of(refused.notice()).contains("Automatic backups cannot be deleted"), En.of(refused.notice()));

        WorkRequestsApi.Submitted del = api.delete(done.id());
        assertNotNull(del.workRequestId());
        assertTrue(api.list(db.id()).stream().noneMatch(b -> b.id().equals(done.id())), "deleted");
    }

    @Test
    void aRunningBackupCanBeCanceledAndAFinishedOneCannot() throws Exception {
        h.demo.server().backups().lengths(Duration.ofMinutes(30), Duration.ofMinutes(30));
        api.create(db.id(), "long one", null, null);
        Backup running = api.list(db.id()).getFirst();
        api.cancel(running.id(), null);
        assertEquals("CANCELED", api.list(db.id()).getFirst().lifecycleState());
        assertEquals("AVAILABLE", fleet.databaseState(db));
        OciApiException again = assertThrows(OciApiException.class, () -> api.cancel(running.id(), null));
        assertEquals(409, again.status());
    }

    @Test
    void aRestoreChecksItsTargetShowsRestoreInProgressAndCanFailMidway() throws Exception {
        OciApiException tooOld = assertThrows(OciApiException.class, () -> api.restore(db.id(),
                new BackupsApi.ToTimestamp(fleet.clock().now().minus(Duration.ofDays(40)))));
        assertEquals(400, tooOld.status());
        assertTrue(En.of(tooOld.notice()).contains("recovery window"), En.of(tooOld.notice()));
        OciApiException badScn = assertThrows(OciApiException.class, () -> api.restore(db.id(), new BackupsApi.ToScn("12a")));
        assertTrue(En.of(badScn.notice()).contains("databaseSCN must be a number"));

        WorkRequestsApi.Submitted s = api.restore(db.id(), new BackupsApi.ToTimestamp(fleet.clock().now()
                .minus(Duration.ofHours(3))));
        assertEquals("UPDATING", fleet.databaseState(db), "the Database API has no RESTORE_IN_PROGRESS state");
        assertEquals("SUCCEEDED", follow(s.workRequestId()).status());
        api.list(db.id());
        assertEquals("AVAILABLE", fleet.databaseState(db));

        h.demo.server().backups().failNext("ORA-19870: error while restoring backup piece");
        WorkRequestsApi.Submitted f = api.restore(db.id(), new BackupsApi.Latest());
        var end = follow(f.workRequestId());
        assertEquals("FAILED", end.status());
        assertTrue(end.errors().getFirst().contains("ORA-19870"), end.errors().toString());
        api.list(db.id());
        assertEquals("RESTORE_FAILED", fleet.databaseState(db), "as the service leaves it");
        // Restoring again is how a DBA gets out of RESTORE_FAILED.
        assertEquals("SUCCEEDED", follow(api.restore(db.id(), new BackupsApi.Latest()).workRequestId()).status());
        api.list(db.id());
        // Out of RESTORE_FAILED, back to what the demo's schedule says (AVAILABLE, or its nightly backup).
        assertTrue(List.of("AVAILABLE", "BACKUP_IN_PROGRESS").contains(fleet.databaseState(db)), fleet.databaseState(db));
    }
}
