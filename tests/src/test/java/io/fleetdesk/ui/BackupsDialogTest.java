package io.fleetdesk.ui;

import io.fleetdesk.model.Backup;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoWindowTest;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Backups dialog driven as a DBA would, headless, against the demo simulator through the real
 * SDK: create with progress to the end (followed in the status bar while the window is closed),
 * delete refused for an automatic backup, restore input validation, and a failure midway.
 */
class BackupsDialogTest extends DemoWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    @Start
    void start(Stage stage) throws Exception {
        open(stage); // TestFX finds @Start only on the test class itself
    }

    /** A database outside Data Guard, AVAILABLE, opened in the Backups dialog with Ctrl+B. */
    private SimFleet.Database openBackups(FxRobot robot) {
        Fx.waitUntil(WAIT, "the demo fleet is in the tree", () -> vm.session() != null
                && MainWindow.complete(vm));
        // Demo operations: three minutes of simulated time, three seconds here.
        vm.session().demo().server().backups().lengths(Duration.ofMinutes(3), Duration.ofMinutes(3));
        SimFleet.Database db = sim().allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow();
        sim().overrideState(db.id(), "AVAILABLE");
        TreeTableView<FleetRow> t = Fx.find(robot, "#fleetTree", TreeTableView.class);
        MainWindow.select(t, Fx.call(() -> vm.tree().item(db.id())));
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        Fx.waitUntil(WAIT, "the backups are listed", () -> robot.lookup("#bkTable").tryQuery().isPresent()
                && !table(robot).getItems().isEmpty());
        assertEquals("Backups of " + db.dbUniqueName(), text(robot, "#bkTitle"));
        assertTrue(text(robot, "#bkConfig").contains("recovery window 30 days"), text(robot, "#bkConfig"));
        return db;
    }

    @SuppressWarnings("unchecked")
    private TableView<Backup> table(FxRobot robot) {
        return robot.lookup("#bkTable").queryAs(TableView.class);
    }

    private String text(FxRobot robot, String query) {
        return Fx.call(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : n instanceof javafx.scene.control.Labeled b ? b.getText()
                    : ((TextField) n).getText();
        });
    }

    private boolean disabled(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).query().isDisabled());
    }

    private void select(FxRobot robot, java.util.function.Predicate<Backup> which) {
        Fx.run(() -> {
            TableView<Backup> t = table(robot);
            Backup b = t.getItems().stream().filter(which).findFirst().orElseThrow();
            t.getSelectionModel().select(b);
            t.scrollTo(b);
        });
    }

    private List<AuditEntry> audit(String action) {
        return vm.audit().readAll().stream().filter(e -> e.action().equals(action)).toList();
    }

    @Test
    void anOnDemandBackupRunsToTheEndFollowedInTheStatusBarAndCanThenBeDeleted(FxRobot robot) {
        SimFleet.Database db = openBackups(robot);
        Fx.click(robot, "#bkCreate");
        Fx.type(robot, "#bkCreateName", "before patch 19.29");
        Fx.click(robot, "#bkCreateGo");
        Fx.waitUntil(WAIT, "it runs and the database says so", () -> text(robot, "#bkOpTitle").contains("IN_PROGRESS")
                && "BACKUP_IN_PROGRESS".equals(sim().databaseState(db)));
        // Closing the window does not stop it: the status bar follows it, a click brings the window back.
        Fx.run(() -> robot.lookup("#bkTable").query().getScene().getWindow().hide());
        Fx.waitUntil(WAIT, "the status bar follows it", () -> robot.lookup("#operation-BACKUPS").tryQuery()
                .map(Node::isVisible).orElse(false));
        Fx.waitUntil(WAIT, "the status bar says it is done", () -> robot.lookup("#operation-BACKUPS")
                .queryAs(Hyperlink.class).getText().contains("done"));
        Fx.click(robot, "#operation-BACKUPS");
        Fx.waitUntil(WAIT, "the new backup is ACTIVE in the table", () -> table(robot).getItems().stream()
                .anyMatch(b -> b.displayName().equals("before patch 19.29") && b.lifecycleState().equals("ACTIVE")));
        assertTrue(text(robot, "#bkOpTitle").contains("done"), text(robot, "#bkOpTitle"));
        assertEquals(1.0, Fx.call(() -> robot.lookup("#bkOpProgress").queryAs(javafx.scene.control.ProgressBar.class)
                .getProgress()));
        List<AuditEntry> created = audit("CREATE_BACKUP");
        assertEquals(List.of(AuditEntry.Phase.INTENT, AuditEntry.Phase.SENT, AuditEntry.Phase.OUTCOME),
                created.stream().map(AuditEntry::phase).toList());
        assertEquals("SUCCEEDED", created.getLast().status());
        assertEquals("before patch 19.29", created.getFirst().parameters().get("displayName"));

        // Delete it, after a confirmation.
        Fx.click(robot, "#bkOpClose");
        select(robot, b -> b.displayName().equals("before patch 19.29"));
        Fx.waitUntil(WAIT, "Delete is enabled", () -> !disabled(robot, "#bkDelete"));
        Fx.click(robot, "#bkDelete");
        Fx.waitUntil(WAIT, "the confirmation", () -> robot.lookup("#bkDeleteAsk").tryQuery().isPresent());
        Fx.click(robot, "Delete the backup");
        Fx.waitUntil(WAIT, "it is gone", () -> table(robot).getItems().stream()
                .noneMatch(b -> b.displayName().equals("before patch 19.29")));
        assertEquals("SUCCEEDED", audit("DELETE_BACKUP").getLast().status());
    }

    @Test
    void anAutomaticBackupCannotBeDeletedAndTheDialogSaysWhy(FxRobot robot) {
        openBackups(robot);
        select(robot, Backup::automatic);
        Fx.waitUntil(WAIT, "the reason is shown", () -> text(robot, "#bkWhy").contains("automatic backups cannot be deleted"));
        assertTrue(disabled(robot, "#bkDelete"));
        assertTrue(disabled(robot, "#bkCancel"), "a finished backup cannot be canceled");
        assertTrue(audit("DELETE_BACKUP").isEmpty(), "nothing was sent");
        // Sorting by size keeps every row (and the biggest is a weekly FULL).
        Fx.run(() -> {
            TableView<Backup> t = table(robot);
            var size = t.getColumns().get(6);
            size.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            t.getSortOrder().setAll(size);
        });
        assertEquals("FULL", Fx.call(() -> table(robot).getItems().getFirst().type()));
        Fx.type(robot, "#bkFilter", "FAILED");
        Fx.waitUntil(WAIT, "the filter narrows the list", () -> table(robot).getItems().stream()
                .allMatch(b -> b.lifecycleState().equals("FAILED")));
    }

    @Test
    void aRestoreChecksThePointAndTheTypedNameBeforeItCanBeSent(FxRobot robot) {
        SimFleet.Database db = openBackups(robot);
        Fx.click(robot, "#bkRestore");
        Fx.click(robot, "#bkRestoreTime");
        Fx.type(robot, "#bkRestoreTimeField", "yesterday");
        Fx.waitUntil(WAIT, "not a time", () -> text(robot, "#bkRestoreInputError").contains("is not a time"));
        assertTrue(Fx.call(() -> robot.lookup("#bkRestoreTimeField").query().getPseudoClassStates()
                .contains(atlantafx.base.theme.Styles.STATE_DANGER)), "the time field is outlined");
        Fx.type(robot, "#bkRestoreTimeField", UTC.format(Instant.now().minus(Duration.ofDays(40))));
        Fx.waitUntil(WAIT, "outside the window", () -> text(robot, "#bkRestoreInputError").contains("outside the recovery window of 30 days"));
        Fx.type(robot, "#bkRestoreTimeField", UTC.format(Instant.now().plus(Duration.ofDays(1))));
        Fx.waitUntil(WAIT, "in the future", () -> text(robot, "#bkRestoreInputError").contains("in the future"));
        assertTrue(disabled(robot, "#bkRestoreGo"));
        Fx.click(robot, "#bkRestoreScn");
        Fx.type(robot, "#bkRestoreScnField", "12a4");
        Fx.waitUntil(WAIT, "not an SCN", () -> text(robot, "#bkRestoreInputError").contains("is not an SCN"));
        assertTrue(Fx.call(() -> robot.lookup("#bkRestoreScnField").query().getPseudoClassStates()
                .contains(atlantafx.base.theme.Styles.STATE_DANGER)
                && !robot.lookup("#bkRestoreTimeField").query().getPseudoClassStates()
                .contains(atlantafx.base.theme.Styles.STATE_DANGER)), "the mark is on the SCN field only");
        Fx.type(robot, "#bkRestoreScnField", "2847561");
        Fx.waitUntil(WAIT, "the SCN is accepted", () -> text(robot, "#bkRestoreInputError").isEmpty());
        Fx.type(robot, "#bkRestoreName", "WRONG");
        assertTrue(disabled(robot, "#bkRestoreGo"), "the DB name must be typed");
        Fx.type(robot, "#bkRestoreName", sim().dbName(db).toLowerCase());
        Fx.waitUntil(WAIT, "Restore is enabled", () -> !disabled(robot, "#bkRestoreGo"));
        // Long enough for the tree to read the fleet while it runs.
        vm.session().demo().server().backups().lengths(Duration.ofMinutes(3), Duration.ofMinutes(12));
        Fx.click(robot, "#bkRestoreGo");
        Fx.waitUntil(WAIT, "the database is restoring", () -> "UPDATING".equals(sim().databaseState(db)));
        // The Database API has no RESTORE_IN_PROGRESS: a restoring database is UPDATING, and says why.
        Fx.waitUntil(WAIT, "the tree shows it restoring", () -> "UPDATING".equals(
                vm.tree().snapshot().node(db.id()).lifecycleState()) && String.valueOf(vm.tree().snapshot().node(db.id())
                .text(io.fleetdesk.model.Detail.LIFECYCLE_DETAILS)).startsWith("Restore in progress"));
        Fx.waitUntil(WAIT, "the restore is done", () -> text(robot, "#bkOpTitle").contains("done"));
        AuditEntry intent = audit("RESTORE_DATABASE").getFirst();
        assertEquals("SCN 2847561", intent.parameters().get("restoreTo"));
        assertEquals("SUCCEEDED", audit("RESTORE_DATABASE").getLast().status());
    }

    @Test
    void aBackupThatFailsMidwayIsShownWithTheErrorAndWhatToDo(FxRobot robot) {
        openBackups(robot);
        vm.session().demo().server().backups().failNext("ORA-19502: write error on file \"/backup/df_1.bkp\"");
        Fx.click(robot, "#bkCreate");
        Fx.click(robot, "#bkCreateGo");
        Fx.waitUntil(WAIT, "the failure is shown", () -> text(robot, "#bkOpMessage").contains("ORA-19502"));
        assertTrue(text(robot, "#bkOpMessage").contains("create it again"), text(robot, "#bkOpMessage"));
        assertTrue(text(robot, "#bkOpTitle").contains("did not succeed"));
        assertEquals("FAILED", audit("CREATE_BACKUP").getLast().status());
        Fx.waitUntil(WAIT, "the table shows the FAILED backup", () -> table(robot).getItems().stream()
                .anyMatch(b -> !b.automatic() && b.lifecycleState().equals("FAILED")));
        assertTrue(!disabled(robot, "#bkCreate"), "the next action can start");
        assertTrue(Fx.call(() -> robot.lookup("#bkOpClose").queryAs(Button.class).isVisible()));
    }
}
