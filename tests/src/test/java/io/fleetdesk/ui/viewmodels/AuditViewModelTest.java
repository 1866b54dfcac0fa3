package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ui.audit.AuditViewModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The audit window's list and filters, without a screen: same-thread executors, a real audit log file. */
class AuditViewModelTest {
    @TempDir
    Path data;

    @Test
    void theFiltersNarrowByTextActionAndStatusNewestFirst() {
        AuditLog log = new AuditLog(data);
        var switchover = log.intent("ocid1.user.oc1..dba", "PROD", "SWITCHOVER", List.of("ocid1.database.oc1..erp"),
                Map.of("databaseName", "ERP"));
        log.outcome(switchover, "SUCCEEDED", "ocid1.workrequest.oc1..1", "opc-1", null);
        var backup = log.intent("ocid1.user.oc1..dba", "PROD", "CREATE_BACKUP", List.of("ocid1.database.oc1..hr"),
                Map.of("displayName", "before-patch"));
        log.outcome(backup, "FAILED", "ocid1.workrequest.oc1..2", "opc-2", null);

        AuditViewModel vm = new AuditViewModel(log, Runnable::run, Runnable::run);
        vm.reload();
        assertEquals(4, vm.shown().size(), "two intents and two outcomes");
        assertEquals("CREATE_BACKUP", vm.shown().getFirst().action(), "newest first");

        vm.actionProperty().set("SWITCHOVER");
        assertEquals(2, vm.shown().size());
        assertTrue(vm.shown().stream().allMatch(e -> e.action().equals("SWITCHOVER")));

        vm.actionProperty().set(AuditViewModel.ANY);
        vm.statusProperty().set("FAILED");
        assertEquals(1, vm.shown().size());
        assertEquals("ocid1.database.oc1..hr", vm.shown().getFirst().targets().getFirst());

        vm.statusProperty().set(AuditViewModel.ANY);
        vm.textProperty().set("before-patch");
        assertTrue(!vm.shown().isEmpty() && vm.shown().stream().allMatch(e -> e.action().equals("CREATE_BACKUP")),
                "the text filter searches the parameters too");
        assertEquals(AuditEntry.Phase.OUTCOME, log.readAll().getLast().phase());
    }
}
