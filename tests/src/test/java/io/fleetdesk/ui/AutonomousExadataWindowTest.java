package io.fleetdesk.ui;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.support.DemoWindowTest;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Autonomous and Exadata part of the demo in the main window, headless: the Exadata branch with its
 * VM clusters and databases, an Autonomous Database with its local standby as a row of its own, and the
 * Data Guard wizard on it, which asks for no password and runs to the end.
 */
class AutonomousExadataWindowTest extends DemoWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(40);

    @Start
    void start(Stage stage) throws Exception {
        open(stage); // TestFX finds @Start only on the test class itself
    }

    private FleetNode named(NodeKind kind, String name) {
        Fx.waitUntil(WAIT, name + " is in the tree", () -> vm.session() != null && vm.tree().snapshot().nodes().values()
                .stream().anyMatch(n -> n.kind() == kind && name.equals(n.name())));
        return vm.tree().snapshot().nodes().values().stream().filter(n -> n.kind() == kind && name.equals(n.name()))
                .findFirst().orElseThrow();
    }

    private TreeItem<FleetRow> item(String id) {
        return Fx.call(() -> vm.tree().item(id));
    }

    private List<String> childNames(TreeItem<FleetRow> item) {
        return Fx.call(() -> item.getChildren().stream().map(c -> c.getValue().node().name()).toList());
    }

    private boolean showing(FxRobot robot, String query) {
        return Fx.call(() -> robot.lookup(query).tryQuery().map(n -> n.isVisible() && n.getScene() != null
                && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing()).orElse(false));
    }

    private String text(FxRobot robot, String query) {
        return Fx.call(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof Label l ? l.getText() : n instanceof javafx.scene.control.TextInputControl c ? c.getText()
                    : n instanceof Button b ? b.getText() : n.toString();
        });
    }

    @Test
    void theExadataBranchAndAnAutonomousDatabaseWithItsStandbyAreInTheTree(FxRobot robot) {
        FleetNode exa = named(NodeKind.EXADATA_INFRASTRUCTURE, "exa-prod-iad");
        TreeItem<FleetRow> exaItem = item(exa.id());
        assertTrue(childNames(exaItem).containsAll(List.of("vmc-erp-prod", "vmc-erp-batch", "avmc-erp-iad")),
                childNames(exaItem).toString());
        FleetNode vmc = named(NodeKind.VM_CLUSTER, "vmc-erp-prod");
        assertEquals(2, childNames(item(vmc.id())).size(), "its two databases");
        FleetNode crm = named(NodeKind.AUTONOMOUS_DATABASE, "crm-atp");
        TreeItem<FleetRow> crmItem = item(crm.id());
        Fx.waitUntil(WAIT, "its local standby is a row under it", () -> Fx.call(() -> crmItem.getChildren().size() == 1));
        FleetRow standby = Fx.call(() -> crmItem.getChildren().getFirst().getValue());
        assertEquals(NodeKind.AUTONOMOUS_STANDBY, standby.node().kind());
        assertEquals("STANDBY", standby.node().role());
        TreeTableView<FleetRow> t = Fx.find(robot, "#fleetTree", TreeTableView.class);
        MainWindow.select(t, Fx.call(() -> crmItem.getChildren().getFirst()));
        Fx.waitUntil(WAIT, "the tree shows the standby by its words", () -> robot.lookup(".tree-table-cell").queryAll()
                .stream().anyMatch(c -> c instanceof javafx.scene.control.Labeled l && "crm-atp — local standby".equals(l.getText())));
        // The Cloud@Customer infrastructure that is DISCONNECTED is CRITICAL, and its reason says what it means.
        FleetNode cc = named(NodeKind.EXADATA_INFRASTRUCTURE, "exacc-dc1-frankfurt");
        MainWindow.select(t, item(cc.id()));
        Fx.waitUntil(WAIT, "the details pane gives the reason", () -> robot.lookup(".details-reason").queryAll().stream()
                .anyMatch(n -> n instanceof Label l && l.getText().contains("DISCONNECTED from OCI")));
    }

    @Test
    void theWizardOnAnAutonomousDatabaseAsksForNoPasswordAndRunsToTheEnd(FxRobot robot) {
        FleetNode crm = named(NodeKind.AUTONOMOUS_DATABASE, "crm-atp");
        sim().overrideApplyLag(crm.id() + "#local", 2);
        TreeTableView<FleetRow> t = Fx.find(robot, "#fleetTree", TreeTableView.class);
        MainWindow.select(t, item(crm.id()));
        Fx.waitUntil(WAIT, "Switchover is offered", () -> robot.lookup("#detailsSWITCHOVER").tryQuery()
                .map(n -> !n.isDisabled()).orElse(false));
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.SHIFT, javafx.scene.input.KeyCode.CONTROL);
        Fx.waitUntil(WAIT, "the wizard shows the pair", () -> showing(robot, "#dgPairPage"));
        assertTrue(text(robot, "#dgTitle").contains("crm-atp — local standby becomes primary"), text(robot, "#dgTitle"));
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the pre-checks are done", () -> !robot.lookup("#dgChecks").queryAs(TableView.class).getItems().isEmpty()
                && !robot.lookup("#dgRerun").queryAs(Button.class).isDisabled());
        if (Fx.call(() -> robot.lookup("#dgAcknowledge").queryAs(CheckBox.class).isVisible())) {
            Fx.click(robot, "#dgAcknowledge");
        }
        Fx.waitUntil(WAIT, "Next is enabled", () -> !robot.lookup("#dgNext").queryAs(Button.class).isDisabled());
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the confirm page", () -> showing(robot, "#dgConfirmPage"));
        assertFalse(Fx.call(() -> robot.lookup("#dgPassword").query().isVisible()), "no password field");
        assertTrue(Fx.call(() -> robot.lookup("#dgNext").queryAs(Button.class).isDisabled()), "nothing typed yet");
        Fx.click(robot, "#dgConfirmName").write("crmatp");
        Fx.waitUntil(WAIT, "Start is enabled with the name alone", () -> !robot.lookup("#dgNext").queryAs(Button.class).isDisabled());
        Fx.click(robot, "#dgNext");
        Fx.waitUntil(WAIT, "the verify page", () -> showing(robot, "#dgVerifyPage"));
        Fx.waitUntil(WAIT, "the switchover is verified", () -> text(robot, "#dgExecuteState").contains("verified"));
        List<AuditEntry> audit = new AuditLog(data).readAll();
        assertEquals(List.of("INTENT", "SENT", "OUTCOME"), audit.stream().map(e -> e.phase().name()).toList());
        assertEquals("SUCCEEDED", audit.getLast().status());
        Fx.click(robot, "#dgClose");
    }
}
