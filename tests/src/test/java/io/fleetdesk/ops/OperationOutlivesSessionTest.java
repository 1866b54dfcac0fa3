package io.fleetdesk.ops;

import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.app.FleetSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Switching profile (or quitting) closes the old session; an operation running on its clients must
 * still be followed to its real end, and the clients released after it.
 */
class OperationOutlivesSessionTest {
    @TempDir
    Path data;

    @Test
    void aBackupRunningWhenItsProfileIsClosedEndsSucceededAndTheClientsAreReleasedAfterIt() throws Exception {
        FleetSession s = FleetSession.openDemo(new FleetSession.DemoOptions(21, 60, 2, 60.0, new FaultPlan()),
                PollerSettings.defaults());
        SimFleet f = s.demo().fleet();
        SimFleet.Database db = f.allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow();
        f.overrideState(db.id(), "AVAILABLE");
        // Simulated minutes (the demo runs at 60x): a few seconds of wall time.
        s.demo().server().backups().lengths(Duration.ofMinutes(3), Duration.ofMinutes(3));
        BackupsApi api = s.backups(db.region());
        AuditLog audit = new AuditLog(data);
        AtomicReference<BackupOperations.Progress> end = new AtomicReference<>();
        AutoCloseable held = s.operation();
        Thread op = Thread.ofVirtual().start(() -> {
            try (held) {
                end.set(new BackupOperations(api, audit, new OperationLocks(), new BackupOperations.Actor("Demo fleet", "u"),
                        Duration.ofMillis(100)).create(db.id(), db.dbUniqueName(), "before the switch", 7, p -> { }));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        await("the backup is sent and followed").atMost(Duration.ofSeconds(30)).until(() -> audit.readAll().stream()
                .anyMatch(e -> e.phase() == AuditEntry.Phase.SENT));
        assertEquals(null, end.get(), "still running when the profile is switched");
        s.close(); // the DBA switched profile
        op.join(Duration.ofSeconds(60));
        assertEquals(BackupOperations.State.DONE, end.get().state(), String.valueOf(end.get().message()));
        assertEquals("SUCCEEDED", audit.readAll().getLast().status());
        assertEquals(0, s.runningOperations());
        assertThrows(RuntimeException.class, () -> api.list(db.id()), "released once the operation ended");
    }
}
