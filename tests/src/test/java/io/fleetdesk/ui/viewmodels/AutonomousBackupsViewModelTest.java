package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.app.Messages;
import io.fleetdesk.model.Backup;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.BackupOperations;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.ui.backups.BackupsViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Backups dialog's rules for an Autonomous Database: manual or long-term (90 to 3,650 days), no cancel, delete only long-term. */
class AutonomousBackupsViewModelTest {
    @TempDir
    Path data;

    private BackupsViewModel vm(NodeKind kind) {
        FleetNode n = new FleetNode("ocid1.autonomousdatabase.oc1..x", "c", kind, "crm-atp", "AVAILABLE", null, Health.OK,
                List.of(), Map.of(Detail.DB_NAME, "CRMATP"), Instant.now(), null);
        return new BackupsViewModel(n, () -> null, new AuditLog(data), new OperationLocks(),
                new BackupOperations.Actor("Demo fleet", "u"), Runnable::run, Runnable::run, () -> { }, Duration.ofMillis(100));
    }

    private static Backup backup(String type, boolean automatic) {
        return new Backup("b", "ocid1.autonomousdatabase.oc1..x", "x", type, "ACTIVE", null, Instant.now(), Instant.now(),
                1.0, null, automatic);
    }

    @Test
    void aLongTermBackupKeeps90To3650DaysAndAManualOneNone() {
        BackupsViewModel adb = vm(NodeKind.AUTONOMOUS_DATABASE);
        assertTrue(adb.autonomous());
        assertNull(adb.retentionProblem(null), "a manual backup");
        assertEquals("Keep it between 90 and 3,650 days.", Messages.get(java.util.Locale.ENGLISH, "bk.create.retentionRange", 90, 3650));
        assertEquals(Messages.get("bk.create.retentionRange", 90, 3650), adb.retentionProblem(30));
        assertNull(adb.retentionProblem(90));
        assertNull(adb.retentionProblem(3650));
        assertEquals(Messages.get("bk.create.retentionRange", 90, 3650), adb.retentionProblem(3651));
        BackupsViewModel base = vm(NodeKind.DATABASE);
        assertNull(base.retentionProblem(30), "a Base on-demand backup may keep 30 days");
    }

    @Test
    void noCancelAndOnlyLongTermBackupsCanBeDeleted() {
        BackupsViewModel adb = vm(NodeKind.AUTONOMOUS_DATABASE);
        assertEquals(Messages.get("bk.why.adbNoCancel"), adb.cancelBlocked().get());
        adb.selectedProperty().set(backup("FULL", false));
        assertEquals(Messages.get("bk.why.adbDeleteLongTermOnly"), adb.deleteBlocked().get());
        adb.selectedProperty().set(backup("LONGTERM", false));
        assertNull(adb.deleteBlocked().get());
        adb.selectedProperty().set(backup("INCREMENTAL", true));
        assertEquals(Messages.get("bk.why.automatic"), adb.deleteBlocked().get());
    }
}
