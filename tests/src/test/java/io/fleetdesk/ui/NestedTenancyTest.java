package io.fleetdesk.ui;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.sim.SimTenancy;
import io.fleetdesk.support.DemoWindowTest;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The demo tenancy discovered and nested in the main window, driven as a DBA would, headless. */
class NestedTenancyTest extends DemoWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Start
    void start(Stage stage) throws Exception {
        open(stage); // TestFX finds @Start only on the test class itself
    }

    private void waitForFleet() {
        Fx.waitUntil(WAIT, "the demo fleet is in the tree",
                () -> MainWindow.complete(vm));
    }

    private TreeTableView<FleetRow> tree(FxRobot robot) {
        return Fx.find(robot, "#fleetTree", TreeTableView.class);
    }

    /** Every row the tree shows now (filters applied), top to bottom, expanded or not. */
    private static List<TreeItem<FleetRow>> shown(TreeItem<FleetRow> item, List<TreeItem<FleetRow>> out) {
        for (TreeItem<FleetRow> c : item.getChildren()) {
            out.add(c);
            shown(c, out);
        }
        return out;
    }

    private List<String> shownNames(FxRobot robot, NodeKind kind) {
        return Fx.call(() -> shown(tree(robot).getRoot(), new ArrayList<>()).stream()
                .filter(i -> i.getValue().node().kind() == kind).map(i -> i.getValue().node().name()).toList());
    }

    private static List<String> names(TreeItem<FleetRow> item) {
        return item.getChildren().stream().map(c -> c.getValue().node().name()).toList();
    }

    private String detailsText(FxRobot robot) {
        return Fx.call(() -> {
            VBox pane = robot.lookup("#detailsPane").queryAs(VBox.class);
            StringBuilder sb = new StringBuilder();
            pane.lookupAll(".label").forEach(l -> sb.append(((Label) l).getText()).append('\n'));
            pane.lookupAll(".button").forEach(b -> sb.append(((javafx.scene.control.Labeled) b).getText()).append('\n'));
            // The details grid's values are copyable text fields.
            pane.lookupAll(".text-field").forEach(f -> sb.append(((TextField) f).getText()).append('\n'));
            return sb.toString();
        });
    }

    @Test
    void theDemoTenancyIsDiscoveredNestedInEverySubscribedRegionWithEmptyCompartmentsHidden(FxRobot robot) {
        waitForFleet();
        TreeTableView<FleetRow> t = tree(robot);
        Fx.waitUntil(WAIT, "three regions and Direct connections", () -> t.getRoot().getChildren().size() == 4);
        List<String> regions = Fx.call(() -> names(t.getRoot()));
        assertEquals(List.of("us-ashburn-1", "eu-frankfurt-1", "ap-tokyo-1", "Direct connections"), regions,
                "every READY subscribed region, the home region first; not the one still subscribing");
        for (TreeItem<FleetRow> region : Fx.call(() -> t.getRoot().getChildren().subList(0, 3))) {
            TreeItem<FleetRow> root = Fx.call(() -> region.getChildren().getFirst());
            assertEquals("acme-demo", Fx.call(() -> root.getValue().node().name()));
            assertTrue(Fx.call(() -> region.isExpanded() && root.isExpanded()), "the top-level compartments show at once");
            // sandbox holds nothing: hidden by default.
            assertEquals(List.of("nonprod", "prod", "shared-services"), Fx.call(() -> names(root)));
        }
        // Four levels down, as in the tenancy.
        SimTenancy ten = sim().tenancy();
        SimFleet.Database deep = sim().allDatabases().stream()
                .filter(d -> d.compartmentId().equals(ten.byName("erp-apac-dr").id())).findFirst().orElseThrow();
        TreeItem<FleetRow> item = Fx.call(() -> vm.tree().item(deep.id()));
        List<String> path = new ArrayList<>();
        Fx.run(() -> {
            for (TreeItem<FleetRow> p = item.getParent(); p != t.getRoot(); p = p.getParent()) {
                if (p.getValue().node().kind() != NodeKind.DB_SYSTEM) {
                    path.addFirst(p.getValue().node().name());
                }
            }
        });
        assertEquals(List.of(deep.region(), "acme-demo", "prod", "erp", "erp-apac", "erp-apac-dr"), path);
        // Its details show where it lives: breadcrumbs and the compartment's path.
        MainWindow.select(t, item);
        Fx.waitUntil(WAIT, "the breadcrumbs show the path", () -> robot.lookup("#breadcrumbs").tryQuery().isPresent()
                && detailsText(robot).contains("erp-apac-dr"));
        assertTrue(detailsText(robot).contains("acme-demo/prod/erp/erp-apac/erp-apac-dr"), detailsText(robot));
        // The status bar says what discovery found.
        Fx.waitUntil(WAIT, "the status bar names the tenancy's size", () -> robot.lookup("#tenancyLabel")
                .queryAs(Label.class).getText().equals("3 regions · 19 compartments"));
        // payments, where the demo user may not list PDBs: a row says so, with the policy that would allow it.
        SimTenancy.Compartment payments = ten.byName(SimTenancy.NO_PDB_POLICY_COMPARTMENT);
        TreeItem<FleetRow> unlisted = Fx.call(() -> vm.tree().item("unlisted:ListPluggableDatabases:us-ashburn-1:"
                + payments.id()));
        MainWindow.select(t, unlisted);
        Fx.waitUntil(WAIT, "the details name the policy", () -> detailsText(robot)
                .contains("Allow group <your group> to inspect pluggable-databases in compartment prod:payments"));
        assertTrue(detailsText(robot).contains("PDBs: not listed (policy)"), detailsText(robot));
        assertTrue(detailsText(robot).contains("Health: UNKNOWN"));
    }

    @Test
    void typingACompartmentPathKeepsThatBranchAndNothingElse(FxRobot robot) {
        waitForFleet();
        TreeTableView<FleetRow> t = tree(robot);
        int all = Fx.call(() -> shown(t.getRoot(), new ArrayList<>()).size());
        Fx.click(robot, "#filterField").write("prod/erp");
        SimTenancy ten = sim().tenancy();
        List<String> erpDatabases = sim().allDatabases().stream()
                .filter(d -> ten.path(d.compartmentId()).contains("prod/erp")).map(SimFleet.Database::dbUniqueName).toList();
        assertFalse(erpDatabases.isEmpty());
        Fx.waitUntil(WAIT, "only the erp branch is shown", () -> {
            List<String> dbs = shownNames(robot, NodeKind.DATABASE);
            return dbs.size() == erpDatabases.size() && dbs.containsAll(erpDatabases);
        });
        List<String> compartments = shownNames(robot, NodeKind.COMPARTMENT);
        assertTrue(compartments.containsAll(List.of("acme-demo", "prod", "erp", "erp-eu", "erp-apac", "erp-apac-dr")),
                compartments.toString());
        assertFalse(compartments.contains("crm") || compartments.contains("nonprod"), compartments.toString());
        Fx.run(() -> robot.lookup("#filterField").queryAs(TextField.class).clear());
        Fx.waitUntil(WAIT, "every row is back", () -> shown(t.getRoot(), new ArrayList<>()).size() == all);
    }

    @Test
    void theEmptyCompartmentsToggleShowsThemAndHidesThemAgain(FxRobot robot) {
        waitForFleet();
        assertFalse(shownNames(robot, NodeKind.COMPARTMENT).contains("sandbox"));
        Fx.click(robot, "#showEmptyToggle");
        Fx.waitUntil(WAIT, "sandbox, sandbox-old and network are shown",
                () -> shownNames(robot, NodeKind.COMPARTMENT).containsAll(List.of("sandbox", "sandbox-old", "network")));
        Fx.click(robot, "#showEmptyToggle");
        Fx.waitUntil(WAIT, "they are hidden again", () -> !shownNames(robot, NodeKind.COMPARTMENT).contains("sandbox"));
        assertFalse(shownNames(robot, NodeKind.COMPARTMENT).contains("network"));
    }

    @Test
    void theSelectedDatabaseStaysSelectedWhenItsCompartmentMovesAndTheTreeFollows(FxRobot robot) {
        waitForFleet();
        SimTenancy ten = sim().tenancy();
        SimTenancy.Compartment crm = ten.byName("crm");
        SimFleet.Database db = sim().allDatabases().stream().filter(d -> d.compartmentId().equals(crm.id()))
                .findFirst().orElseThrow();
        TreeTableView<FleetRow> t = tree(robot);
        TreeItem<FleetRow> item = Fx.call(() -> vm.tree().item(db.id()));
        MainWindow.select(t, item);
        ten.move(crm.id(), ten.byName("nonprod").id());
        Fx.run(vm::rediscoverNow);
        Fx.waitUntil(WAIT, "crm is under nonprod in the tree", () -> {
            TreeItem<FleetRow> c = vm.tree().item("compartment:" + db.region() + ":" + crm.id());
            return c != null && c.getParent() != null && "nonprod".equals(c.getParent().getValue().node().name());
        });
        assertSame(item, Fx.call(() -> vm.tree().item(db.id())), "the same row, not a new one");
        assertSame(item, Fx.call(() -> t.getSelectionModel().getSelectedItem()), "still selected");
        FleetNode n = Fx.call(() -> item.getValue().node());
        assertEquals("acme-demo/nonprod/crm", Fx.call(() -> vm.tree().snapshot().compartmentPath(n.id())));
        Fx.waitUntil(WAIT, "the details follow", () -> detailsText(robot).contains("acme-demo/nonprod/crm"));
    }
}
