package io.fleetdesk.ui;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoWindowTest;
import javafx.stage.Stage;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Data Guard wizard driven as a DBA would, headless, against the demo simulator through the
 * real SDK: a switchover to the end (closing the window while it runs), a failed pre-check that
 * blocks, a failure midway, cancel before submit, and a failover followed by a reinstate.
 */
class DataGuardWizardTest extends DemoWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String PASSWORD = "Wz#Admin_9931";

    @Start
    void start(Stage stage) throws Exception {
        open(stage); // TestFX finds @Start only on the test class itself
    }

    /** A pair whose members are both AVAILABLE, with a small apply lag, so no warning needs acknowledging. */
    private SimFleet.Pair quietPair() {
        Fx.waitUntil(WAIT, "the demo fleet is in the tree", () -> vm.session() != null
                && MainWindow.complete(vm));
        SimFleet.Pair p = sim().pairs().getFirst();
        for (String id : List.of(p.firstDbId(), p.secondDbId())) {
            sim().overrideState(id, "AVAILABLE");
            sim().overrideApplyLag(id, 3);
        }
        Fx.run(vm::refreshNow);
        Fx.waitUntil(WAIT, "the tree has read the pair as AVAILABLE", () -> Stream.of(p.firstDbId(), p.secondDbId())
                .allMatch(id -> "AVAILABLE".equals(vm.tree().snapshot().node(id).lifecycleState())));
        return p;
    }

    private String primaryOf(SimFleet.Pair p) {
        return sim().role(p.firstDbId()).equals("PRIMARY") ? p.firstDbId() : p.secondDbId();
    }

    private String standbyOf(SimFleet.Pair p) {
        return primaryOf(p).equals(p.firstDbId()) ? p.secondDbId() : p.firstDbId();
    }

    private void select(FxRobot robot, String databaseId) {
        TreeTableView<FleetRow> t = Fx.find(robot, "#fleetTree", TreeTableView.class);
        MainWindow.select(t, Fx.call(() -> vm.tree().item(databaseId)));
    }

    /**
     * Clicks a button of the details pane. The pane is rebuilt when a refresh changes the row, so a
     * button found just before a rebuild may be gone by the click: look it up again then.
     */
    private void clickDetails(FxRobot robot, String query) {
        // Shown and enabled, as a DBA waits for: right after a wizard closes, or before a refresh has
        // the new states, the button is there but disabled with its reason, and a click does nothing.
        Fx.waitUntil(WAIT, query + " is shown and enabled", () -> robot.lookup(query).tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));
        for (int i = 0; ; i++) {
            try {
                // Scroll the details pane to it, as a DBA would, so the click lands on it.
                Fx.run(() -> {
                    Node n = robot.lookup(query).query();
                    javafx.scene.control.ScrollPane sp = robot.lookup(".details-scroll").queryAs(javafx.scene.control.ScrollPane.class);
                    Node content = sp.getContent();
                    double y = content.sceneToLocal(n.localToScene(n.getBoundsInLocal())).getMinY();
                    double room = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
                    sp.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 20) / room)));
                    sp.layout();
                });
                Fx.click(robot, query);
                return;
            } catch (RuntimeException | AssertionError e) {
                if (i == 3) {
                    throw e;
                }
            }
        }
    }

    /** Opens the switchover wizard from a database's details pane and waits for its first page. */
    private void switchoverFromDetails(FxRobot robot, String databaseId) {
        select(robot, databaseId);
        clickDetails(robot, "#detailsSWITCHOVER");
        Fx.waitUntil(WAIT, "the wizard", () -> showing(robot, "#dgPairPage"));
    }

    private <T extends Node> T node(FxRobot robot, String query, Class<T> type) {
        return robot.lookup(query).queryAs(type);
    }

    private String text(FxRobot robot, String query) {
        return Fx.call(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : n instanceof javafx.scene.control.TextInputControl c ? c.getText()
                    : n instanceof Button b ? b.getText() : n.toString();
        });
    }

    private boolean showing(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    /** Next on Pair, then waits for the pre-checks and acknowledges warnings when there are any. */
    private void throughPrechecks(FxRobot robot) {
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the pre-checks are done", () -> !node(robot, "#dgChecks", TableView.class).getItems().isEmpty()
                && !node(robot, "#dgRerun", Button.class).isDisabled());
        if (Fx.call(() -> node(robot, "#dgAcknowledge", CheckBox.class).isVisible())) {
            Fx.click(robot, "#dgAcknowledge");
        }
        Fx.waitUntil(WAIT, "Next is enabled", () -> !node(robot, "#dgNext", Button.class).isDisabled());
        Fx.click(robot, "#dgNext");
    }

    private void confirmAndStart(FxRobot robot, String dbName) {
        assertTrue(Fx.call(() -> node(robot, "#dgNext", Button.class).isDisabled()), "nothing typed yet");
        Fx.click(robot, "#dgConfirmName").write(dbName.toLowerCase());
        Fx.click(robot, "#dgPassword").write(PASSWORD);
        Fx.waitUntil(WAIT, "Start is enabled", () -> !node(robot, "#dgNext", Button.class).isDisabled());
        Fx.click(robot, "#dgNext");
    }

    private List<AuditEntry> auditOf(String databaseId) {
        return vm.audit().readAll().stream().filter(e -> e.targets().contains(databaseId)).toList();
    }

    @Test
    void aSwitchoverRunsToTheEndFromTheKeyboardAndGoesOnInTheStatusBarWhenTheWindowIsClosed(FxRobot robot)
            throws Exception {
        SimFleet.Pair pair = quietPair();
        String primary = primaryOf(pair);
        String standby = standbyOf(pair);
        select(robot, standby);
        // From the standby: the wizard still acts on the primary's association.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.S).release(KeyCode.S, KeyCode.SHIFT, KeyCode.CONTROL);
        Fx.waitUntil(WAIT, "the wizard shows the pair", () -> showing(robot, "#dgPairPage"));
        assertTrue(text(robot, "#dgTitle").startsWith("Switchover: " + sim().database(primary).dbUniqueName()),
                text(robot, "#dgTitle"));
        throughPrechecks(robot);
        Fx.waitUntil(WAIT, "the confirm page", () -> showing(robot, "#dgConfirmPage"));
        confirmAndStart(robot, sim().database(primary).dbName());
        assertEquals("", text(robot, "#dgPassword"), "the password field is cleared once sent");
        Fx.waitUntil(WAIT, "the operation runs", () -> text(robot, "#dgExecuteState").contains("in progress"));

        // Closing while it runs asks, then hides the window; the status bar follows the operation.
        Fx.click(robot, "#dgClose");
        Fx.waitUntil(WAIT, "the question", () -> robot.lookup("#dgCloseAsk").tryQuery().isPresent());
        Fx.click(robot, "Close and follow in the status bar");
        Fx.waitUntil(WAIT, "the status bar shows the operation", () -> showing(robot, "#operation-SWITCHOVER"));
        Fx.waitUntil(WAIT, "the status bar says it is done", () -> Fx.call(() ->
                node(robot, "#operation-SWITCHOVER", Hyperlink.class).getText()).contains("done"));
        Fx.click(robot, "#operation-SWITCHOVER");
        Fx.waitUntil(WAIT, "the verify page", () -> showing(robot, "#dgVerifyPage"));
        assertTrue(text(robot, "#dgSummary").contains("total"), text(robot, "#dgSummary"));
        assertEquals("STANDBY", sim().role(primary));
        assertEquals("PRIMARY", sim().role(standby));
        Fx.waitUntil(WAIT, "the tree shows the new roles", () -> "PRIMARY".equals(vm.tree().snapshot().node(standby).role()));

        List<AuditEntry> audit = auditOf(primary);
        assertEquals(List.of(AuditEntry.Phase.INTENT, AuditEntry.Phase.SENT, AuditEntry.Phase.OUTCOME),
                audit.stream().map(AuditEntry::phase).toList(), audit.toString());
        assertEquals("SUCCEEDED", audit.get(2).status());
        assertTrue(audit.get(2).workRequestId() != null && !audit.get(2).workRequestId().isBlank());
        assertEquals(audit.get(2).workRequestId(), text(robot, "#dgVerifyPage #dgSummaryGrid .text-field"));

        // Read back in the Audit view, filtered to this database.
        Fx.click(robot, "#dgClose");
        Fx.click(robot, "#auditButton");
        Fx.waitUntil(WAIT, "the audit view lists entries", () -> robot.lookup("#auditTable").tryQuery().isPresent()
                && !node(robot, "#auditTable", TableView.class).getItems().isEmpty());
        Fx.click(robot, "#auditFilter").write(primary);
        Fx.waitUntil(WAIT, "the filter keeps this pair's three entries (intent, sent, outcome)", () ->
                node(robot, "#auditTable", TableView.class).getItems().size() == 3);

        // The password is nowhere on disk: not in the audit log, the log file, or the settings.
        for (Path root : List.of(data, home, Path.of(System.getProperty("fleetdesk.logs")))) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertFalse(new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1)
                            .contains(PASSWORD), f + " holds the password");
                }
            }
        }
        assertTrue(Files.exists(Path.of(System.getProperty("fleetdesk.logs"), "fleetdesk.log")),
                "the log file was searched too");
    }

    @Test
    void aFailedPreCheckBlocksNextAndTheWizardSaysWhatToDo(FxRobot robot) {
        SimFleet.Pair pair = quietPair();
        String primary = primaryOf(pair);
        String standby = standbyOf(pair);
        switchoverFromDetails(robot, primary);
        sim().overrideState(standby, "BACKUP_IN_PROGRESS");
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the pre-checks are done", () -> !node(robot, "#dgChecks", TableView.class).getItems().isEmpty()
                && !node(robot, "#dgRerun", Button.class).isDisabled());
        assertTrue(Fx.call(() -> node(robot, "#dgChecks", TableView.class).getItems().stream().anyMatch(c ->
                c instanceof io.fleetdesk.ops.DataGuardPrechecks.Check k
                        && k.verdict() == io.fleetdesk.ops.DataGuardPrechecks.Verdict.FAIL
                        && io.fleetdesk.support.En.of(k.advice()).contains("A backup is running"))));
        assertTrue(Fx.call(() -> node(robot, "#dgNext", Button.class).isDisabled()), "a failed check blocks Next");
        assertTrue(text(robot, "#dgNextReason").contains("failed check"), text(robot, "#dgNextReason"));

        // The backup ends: run the checks again and the way is open.
        sim().overrideState(standby, "AVAILABLE");
        Fx.click(robot, "#dgRerun");
        Fx.waitUntil(WAIT, "Next is open after the checks pass", () -> !node(robot, "#dgRerun", Button.class).isDisabled()
                && node(robot, "#dgChecks", TableView.class).getItems().stream().noneMatch(c -> c.toString().contains("FAIL")));
        Fx.click(robot, "#dgClose");
        assertTrue(auditOf(primary).isEmpty(), "nothing was sent, nothing audited");
    }

    @Test
    void aFailureMidwayIsShownWithTheServicesReasonAndTheRolesStay(FxRobot robot) {
        SimFleet.Pair pair = quietPair();
        String primary = primaryOf(pair);
        select(robot, primary);
        // The context menu offers it (and says why failover and reinstate are not offered here).
        ContextMenu menu = Fx.call(() -> node(robot, "#fleetTree", TreeTableView.class).getContextMenu());
        Fx.run(() -> menu.show(stage));
        List<MenuItem> items = Fx.call(() -> List.copyOf(menu.getItems()));
        assertTrue(items.stream().anyMatch(i -> "menuSWITCHOVER".equals(i.getId()) && !i.isDisable()));
        assertTrue(items.stream().anyMatch(i -> "menuFAILOVER".equals(i.getId()) && i.isDisable()));
        assertTrue(items.stream().anyMatch(i -> i.getText() != null && i.getText().contains("started from the standby")),
                items.toString());
        Fx.run(() -> items.stream().filter(i -> "menuSWITCHOVER".equals(i.getId())).findFirst().orElseThrow().fire());
        Fx.run(menu::hide);
        Fx.waitUntil(WAIT, "the wizard", () -> showing(robot, "#dgPairPage"));

        vm.session().demo().server().dataGuardOperations().failNext("ORA-16467: switchover target is not synchronized");
        throughPrechecks(robot);
        confirmAndStart(robot, sim().database(primary).dbName());
        Fx.waitUntil(WAIT, "the failure is shown", () -> showing(robot, "#dgFailure")
                && text(robot, "#dgFailure").contains("ORA-16467"));
        assertTrue(text(robot, "#dgFailure").contains("roles are unchanged"), text(robot, "#dgFailure"));
        assertTrue(text(robot, "#dgExecuteState").contains("failed"));
        assertEquals("Close", text(robot, "#dgClose"));
        assertEquals("PRIMARY", sim().role(primary));
        assertEquals("FAILED", auditOf(primary).getLast().status());
    }

    @Test
    void cancelBeforeSubmitSendsNothingAndFreesThePair(FxRobot robot) {
        SimFleet.Pair pair = quietPair();
        String primary = primaryOf(pair);
        String standby = standbyOf(pair);
        switchoverFromDetails(robot, primary);
        // One operation per pair: the standby's side offers nothing while this wizard is open.
        select(robot, standby);
        Fx.waitUntil(WAIT, "the details say why", () -> Fx.call(() -> vm.features().dataGuardOffers(
                vm.tree().item(standby).getValue())).stream().noneMatch(o -> o.available()));
        throughPrechecks(robot);
        Fx.click(robot, "#dgConfirmName").write(sim().database(primary).dbName());
        Fx.click(robot, "#dgClose");
        Fx.waitUntil(WAIT, "the wizard is gone", () -> !showing(robot, "#dgConfirmPage"));
        assertTrue(auditOf(primary).isEmpty(), "nothing sent");
        assertFalse(vm.session().demo().server().dataGuardOperations().inFlight(pair.id()));
        assertTrue(Fx.call(() -> vm.features().dataGuardOffers(vm.tree().item(standby).getValue())).stream()
                .anyMatch(o -> o.available()), "the pair is free again");
    }

    @Test
    void aFailoverFromTheStandbyThenAReinstateRestoreThePair(FxRobot robot) {
        SimFleet.Pair pair = quietPair();
        String primary = primaryOf(pair);
        String standby = standbyOf(pair);
        select(robot, standby);
        clickDetails(robot, "#detailsFAILOVER");
        Fx.waitUntil(WAIT, "the wizard", () -> showing(robot, "#dgPairPage"));
        throughPrechecks(robot);
        // The stronger confirmation: the name, the password and accepting the loss.
        Fx.click(robot, "#dgConfirmName").write(sim().database(primary).dbName());
        Fx.click(robot, "#dgPassword").write(PASSWORD);
        assertTrue(Fx.call(() -> node(robot, "#dgNext", Button.class).isDisabled()), "loss not yet accepted");
        Fx.click(robot, "#dgAcceptLoss");
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the failover is done", () -> text(robot, "#dgVerifyState").contains("done"));
        assertEquals("PRIMARY", sim().role(standby));
        assertEquals("DISABLED_STANDBY", sim().role(primary));
        Fx.click(robot, "#dgClose");

        Fx.waitUntil(WAIT, "the tree shows the disabled standby", () ->
                "DISABLED_STANDBY".equals(vm.tree().snapshot().node(primary).role()));
        sim().overrideState(primary, "AVAILABLE");
        sim().overrideState(standby, "AVAILABLE");
        select(robot, primary);
        clickDetails(robot, "#detailsREINSTATE");
        Fx.waitUntil(WAIT, "the reinstate wizard", () -> showing(robot, "#dgPairPage"));
        assertTrue(text(robot, "#dgTitle").startsWith("Reinstate"));
        throughPrechecks(robot);
        confirmAndStart(robot, sim().database(primary).dbName());
        Fx.waitUntil(WAIT, "the reinstate is done", () -> text(robot, "#dgVerifyState").contains("done"));
        assertEquals("STANDBY", sim().role(primary));
        List<String> actions = vm.audit().readAll().stream().filter(e -> e.targets().contains(primary)
                && e.phase() == AuditEntry.Phase.OUTCOME).map(e -> e.action() + " " + e.status()).toList();
        assertEquals(List.of("FAILOVER SUCCEEDED", "REINSTATE SUCCEEDED"), actions);
        assertNotNull(text(robot, "#dgSummary"));
    }
}
