package io.fleetdesk.ui;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.sim.SimVariation;
import io.fleetdesk.support.DemoWindowTest;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window and its dialogs on a demo whose responses are as varied as the real service's
 * ({@code --demo-varied}): every row's details, the Backups dialog and the Data Guard wizard's
 * pre-checks, run until every optional field they read has been absent at least once, then a
 * switchover to the end (its work request's answers varied too) with both audit entries.
 */
class VariedResponsesWindowTest extends DemoWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    /** Exceptions thrown on the FX thread (a dialog that fails on a missing field would throw there). */
    private final List<Throwable> fxErrors = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Fx.run(() -> Thread.currentThread().setUncaughtExceptionHandler((th, e) -> fxErrors.add(e)));
        vm = MainWindow.open(stage, home, new AuditLog(data), 3L);
    }

    @AfterEach
    void noFxErrors() {
        assertEquals(List.of(), fxErrors, "exceptions on the FX thread");
    }

    private Map<String, Long> absent(Set<String> models) {
        Map<String, Long> out = new TreeMap<>();
        SimVariation v = vm.session().demo().server().faults().variation();
        v.absentCounts().forEach((k, n) -> {
            if (models.contains(k.substring(0, k.indexOf('.')))) {
                out.put(k, n);
            }
        });
        return out;
    }

    @Test
    void everyRowTheBackupsDialogAndTheWizardSurviveResponsesWithFieldsLeftOut(FxRobot robot) {
        Fx.waitUntil(WAIT, "the demo fleet is in the tree", () -> vm.session() != null
                && MainWindow.complete(vm));
        assertTrue(vm.session().demo().server().faults().variation().isOn());
        TreeTableView<FleetRow> t = Fx.find(robot, "#fleetTree", TreeTableView.class);
        // Every row's details pane, as a DBA walking the tree would see it.
        for (String id : Fx.call(() -> List.copyOf(vm.tree().snapshot().nodes().keySet()))) {
            TreeItem<FleetRow> item = Fx.call(() -> vm.tree().item(id));
            if (item != null) {
                Fx.run(() -> t.getSelectionModel().select(item));
            }
        }
        Fx.run(vm::refreshNow);

        // Backups of a database, read until every optional field of a backup has been left out once.
        String db = sim().allDatabases().stream().filter(d -> d.pairId() == null).findFirst().orElseThrow().id();
        MainWindow.select(t, Fx.call(() -> vm.tree().item(db)));
        robot.press(KeyCode.CONTROL, KeyCode.B).release(KeyCode.B, KeyCode.CONTROL);
        Fx.waitUntil(WAIT, "the backups are listed", () -> robot.lookup("#bkTable").tryQuery().isPresent()
                && !robot.lookup("#bkTable").queryAs(TableView.class).getItems().isEmpty());
        Fx.waitUntil(WAIT, "every optional field of a backup was absent once", () -> {
            if (absent(Set.of("Backup")).containsValue(0L)) {
                Button reload = robot.lookup("#bkReload").queryAs(Button.class);
                if (!reload.isDisabled()) {
                    reload.fire(); // Reload, as the DBA would click it
                }
                return false;
            }
            return true;
        });
        Fx.run(() -> robot.lookup("#bkReload").queryAs(Button.class).getScene().getWindow().hide());

        // The switchover wizard's pre-checks, run again until every field of an association was left out once.
        // A database of a pair whose switchover is offered (the varied responses leave a pair's Data Guard
        // group out now and then): refresh until one is, with no refresh running, then open the wizard from
        // the keyboard as a DBA would. If a refresh changed the pair in between, the banner says why; try again.
        for (int attempt = 1; !Fx.call(() -> robot.lookup("#dgPairPage").tryQuery().isPresent()); attempt++) {
            assertTrue(attempt <= 40, "the wizard opened within 40 refreshes");
            var seen = Fx.call(() -> vm.tree().snapshot());
            Fx.run(vm::refreshNow);
            Fx.waitUntil(WAIT, "a refresh reached the tree", () -> vm.tree().snapshot().takenAt().isAfter(seen.takenAt()));
            String acted = Fx.call(() -> {
                for (var d : sim().dataGuardDatabases()) {
                    TreeItem<FleetRow> i = vm.tree().item(d.id());
                    if (i != null && vm.features().dataGuardOffers(i.getValue()).stream().anyMatch(o -> o.available()
                            && o.kind() == io.fleetdesk.ops.DataGuardWorkflow.Kind.SWITCHOVER)) {
                        return d.id();
                    }
                }
                return null;
            });
            if (acted != null) {
                MainWindow.select(t, Fx.call(() -> vm.tree().item(acted)));
                robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
                Fx.waitUntil(WAIT, "the wizard, or the banner saying why not", () -> robot.lookup("#dgPairPage").tryQuery()
                        .isPresent() || vm.bannerProperty().get() != null);
                Fx.run(vm::dismissBanner);
            }
        }
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "every optional field of an association was absent once", () -> {
            boolean done = robot.lookup("#dgChecks").tryQuery().isPresent()
                    && !robot.lookup("#dgChecks").queryAs(TableView.class).getItems().isEmpty()
                    && !robot.lookup("#dgRerun").queryAs(Button.class).isDisabled();
            if (done && absent(Set.of("DataGuardAssociation")).containsValue(0L)) {
                robot.lookup("#dgRerun").queryAs(Button.class).fire(); // Run again
                return false;
            }
            return done;
        });
        Map<String, Long> dialogs = absent(Set.of("Backup", "DataGuardAssociation"));
        assertTrue(dialogs.size() >= 15, dialogs.toString());
        assertTrue(!dialogs.containsValue(0L), dialogs.toString());

        // On to the end: confirmed, sent, followed through its work request (whose answers are varied
        // too), verified, and written to the audit log before and after.
        Fx.waitUntil(WAIT, "Next is enabled once the warnings are acknowledged", () -> {
            CheckBox ack = robot.lookup("#dgAcknowledge").queryAs(CheckBox.class);
            if (ack.isVisible() && !ack.isSelected()) {
                ack.fire();
            }
            Button next = robot.lookup("#dgNext").queryAs(Button.class);
            if (next.isDisabled() && !robot.lookup("#dgRerun").queryAs(Button.class).isDisabled()) {
                robot.lookup("#dgRerun").queryAs(Button.class).fire(); // a check failed on this read: read again
            }
            return !next.isDisabled();
        });
        var pair = sim().pairs().getFirst();
        String primary = sim().role(pair.firstDbId()).equals("PRIMARY") ? pair.firstDbId() : pair.secondDbId();
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the confirm page", () -> robot.lookup("#dgConfirmName").tryQuery().map(n -> n.isVisible())
                .orElse(false));
        Fx.click(robot, "#dgConfirmName").write(sim().dbName(sim().database(primary)));
        Fx.click(robot, "#dgPassword").write("Wz#Admin_9931");
        Fx.waitUntil(WAIT, "Start is enabled", () -> !robot.lookup("#dgNext").queryAs(Button.class).isDisabled());
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(Duration.ofSeconds(90), "the switchover is done and verified", () -> robot.lookup("#dgVerifyState")
                .tryQuery().map(n -> ((javafx.scene.control.Label) n).getText().contains("done")).orElse(false));
        var audit = vm.audit().readAll().stream().filter(e -> e.targets().contains(primary)).toList();
        assertEquals(List.of(io.fleetdesk.ops.AuditEntry.Phase.INTENT, io.fleetdesk.ops.AuditEntry.Phase.SENT,
                io.fleetdesk.ops.AuditEntry.Phase.OUTCOME), audit.stream().map(io.fleetdesk.ops.AuditEntry::phase).toList(),
                audit.toString());
        assertEquals("SUCCEEDED", audit.get(2).status());
        Map<String, Long> workRequests = absent(Set.of("WorkRequest"));
        assertTrue(!workRequests.isEmpty(), "the work request was read with varied answers: " + workRequests);
    }
}
