package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.model.Backup;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.SdkBackupsApi;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.BackupOperations;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.poll.HealthRules;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import io.fleetdesk.ui.backups.BackupsViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Backups dialog's rules without a screen: the real SDK against the simulator, same-thread
 * executors for the background and the UI.
 */
class BackupsViewModelTest {
    @TempDir
    Path data;
    private DemoHarness h;
    private SdkBackupsApi api;
    private BackupsViewModel vm;
    private SimFleet.Database db;

    @BeforeEach
    void open() throws Exception {
        h = new DemoHarness(91, 120, 2, new FaultPlan());
        SimFleet fleet = h.demo.fleet();
        db = fleet.allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow();
        api = new SdkBackupsApi(h.profile, db.region());
        Instant now = Instant.now();
        HealthRules.Verdict v = HealthRules.defaults().database("AVAILABLE", null, null, now.minus(Duration.ofHours(40)),
                null, now);
        FleetNode node = new FleetNode(db.id(), "sys", NodeKind.DATABASE, db.dbUniqueName(), "AVAILABLE", null,
                v.health(), v.reasons(), Map.of(Detail.DB_NAME, db.dbName()), now, null);
        vm = new BackupsViewModel(node, () -> api, new AuditLog(data), new OperationLocks(),
                new BackupOperations.Actor("Demo fleet", "ocid1.user.oc1..dba"), Runnable::run, Runnable::run, () -> { },
                Duration.ofMillis(200));
    }

    @AfterEach
    void close() {
        api.close();
        h.close();
    }

    @Test
    void theDialogSaysWhatTheTreeSaysAboutBackupFreshnessAndNothingElse() {
        List<String> f = vm.freshness();
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.getFirst().startsWith("Last good backup 40 h ago"), f.getFirst());
    }

    @Test
    void theRestoreIsConfirmedByTheDbNameInAnyCaseNotByTheUniqueName() {
        assertEquals(db.dbName(), vm.confirmName());
        assertTrue(vm.nameConfirmed(db.dbName().toLowerCase(java.util.Locale.ROOT) + " "));
        assertFalse(vm.nameConfirmed(db.dbUniqueName()), "the DB unique name is not the DB name");
        assertFalse(vm.nameConfirmed(""));
    }

    @Test
    void theListLoadsAndEachActionSaysWhyItIsNotAllowedForTheSelection() {
        vm.reload();
        assertFalse(vm.loadingProperty().get());
        assertEquals("", vm.loadProblemProperty().get());
        assertFalse(vm.shown().isEmpty(), "the simulator keeps backups of every database");
        assertTrue(vm.deleteBlocked().get().startsWith("Select"), vm.deleteBlocked().get());

        Backup automatic = vm.shown().stream().filter(Backup::automatic).findFirst().orElseThrow();
        vm.selectedProperty().set(automatic);
        assertTrue(vm.deleteBlocked().get().contains("utomatic"), vm.deleteBlocked().get());

        Backup done = new Backup("ocid1.dbbackup.oc1..x", db.id(), "before-patch", "FULL", "ACTIVE", null,
                Instant.now().minusSeconds(3600), Instant.now(), 10.0, 30, false);
        vm.selectedProperty().set(done);
        assertNull(vm.deleteBlocked().get(), "an on-demand backup that is done may be deleted");
        assertTrue(vm.cancelBlocked().get() != null, "only a running backup may be cancelled");
        assertNull(vm.createBlocked().get());

        vm.typeProperty().set("NO_SUCH_TYPE");
        assertTrue(vm.shown().isEmpty(), "the type filter applies");
    }
}
