package io.fleetdesk.ui;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window on the demo fleet, driven as a DBA would, headless. */
@ExtendWith(ApplicationExtension.class)
class MainWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    @TempDir
    static Path home;
    private FleetViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        vm = MainWindow.open(stage, home, new io.fleetdesk.ops.AuditLog(home.resolve("data")));
    }

    @AfterEach
    void close() {
        MainWindow.closeAll(stage);
    }

    private TreeTableView<FleetRow> tree(FxRobot robot) {
        return Fx.find(robot, "#fleetTree", TreeTableView.class);
    }

    private static void reveal(TreeTableView<FleetRow> t, TreeItem<FleetRow> item) {
        MainWindow.select(t, item);
    }

    /** The database's row, selected and scrolled into view. */
    private TreeItem<FleetRow> revealed(TreeTableView<FleetRow> t, SimFleet.Database db) {
        TreeItem<FleetRow> item = Fx.call(() -> vm.tree().item(db.id()));
        reveal(t, item);
        return item;
    }

    private SimFleet sim() {
        return vm.session().demo().fleet();
    }

    private void waitForFleet() {
        Fx.waitUntil(WAIT, "the demo fleet is in the tree",
                () -> MainWindow.complete(vm));
    }

    private static List<TreeItem<FleetRow>> visible(TreeItem<FleetRow> item, List<TreeItem<FleetRow>> out) {
        for (TreeItem<FleetRow> c : item.getChildren()) {
            out.add(c);
            visible(c, out);
        }
        return out;
    }

    @Test
    void theDemoFleetAppearsWithEveryDatabaseAndTheStatusBarCountsThem(FxRobot robot) {
        waitForFleet();
        TreeTableView<FleetRow> t = tree(robot);
        int databases = Fx.call(() -> (int) visible(t.getRoot(), new ArrayList<>()).stream()
                .filter(i -> i.getValue().node().kind() == NodeKind.DATABASE).count());
        assertEquals(sim().allDatabases().size(), databases);
        // The three regions, then the demo's databases reached over JDBC.
        Fx.waitUntil(WAIT, "Direct connections comes after the regions", () -> t.getRoot().getChildren().size() == 4
                && "Direct connections".equals(t.getRoot().getChildren().getLast().getValue().node().name()));
        Fx.waitUntil(WAIT, "the status bar counts OCI (Base, Exadata, Autonomous) and direct databases", () -> robot
                .lookup("#countsLabel").queryAs(Label.class).getText().startsWith((sim().allDatabases().size()
                        + vm.tree().snapshot().count(NodeKind.AUTONOMOUS_DATABASE)
                        + vm.tree().snapshot().count(NodeKind.DIRECT_DATABASE)) + " databases"));
        assertTrue(Fx.call(() -> stage.getTitle()).contains("Demo fleet"));
    }

    @Test
    void aChangeInTheSimulatorShowsInTheTreeAndDetailsWithinOneRefreshAndSelectionSurvives(FxRobot robot) {
        waitForFleet();
        SimFleet.Database db = sim().allDatabases().get(3);
        TreeTableView<FleetRow> t = tree(robot);
        TreeItem<FleetRow> item = revealed(t, db);
        sim().overrideState(db.id(), "FAILED");
        Fx.run(vm::refreshNow);
        Fx.waitUntil(WAIT, "the database shows FAILED",
                () -> "FAILED".equals(vm.tree().item(db.id()).getValue().node().lifecycleState()));
        // The same item, still selected, and the details pane says why it is critical.
        assertSame(item, Fx.call(() -> vm.tree().item(db.id())));
        assertSame(item, Fx.call(() -> t.getSelectionModel().getSelectedItem()));
        Fx.waitUntil(WAIT, "the details pane explains the failure", () -> detailsText(robot).contains("Database is FAILED"));
        Fx.waitUntil(WAIT, "a visible row of the tree shows FAILED", () -> robot.lookup(".tree-table-cell").queryAll()
                .stream().anyMatch(c -> c instanceof javafx.scene.control.TreeTableCell<?, ?> cell && cell.isVisible()
                        && "FAILED".equals(cell.getText())));
        FleetNode n = Fx.call(() -> item.getValue().node());
        assertEquals(io.fleetdesk.model.Health.CRITICAL, n.health());
    }

    /** The text of a column's cell in a row on screen, or null when that row is not drawn. */
    private static String cellText(FxRobot robot, String columnId, String nodeId) {
        return robot.lookup(".tree-table-cell").queryAll().stream()
                .filter(c -> c instanceof javafx.scene.control.TreeTableCell<?, ?> cell && cell.isVisible()
                        && cell.getTableColumn() != null && columnId.equals(cell.getTableColumn().getId())
                        && cell.getTableRow() != null && cell.getTableRow().getItem() instanceof FleetRow r
                        && r.node() != null && nodeId.equals(r.node().id()))
                .map(c -> ((javafx.scene.control.TreeTableCell<?, ?>) c).getText()).findFirst().orElse(null);
    }

    @Test
    void theLastRefreshedTimeOfARowMovesWithEveryRefreshThoughNothingElseInTheRowChanged(FxRobot robot) {
        waitForFleet();
        SimFleet.Database db = sim().allDatabases().get(5);
        TreeTableView<FleetRow> t = tree(robot);
        TreeItem<FleetRow> item = revealed(t, db);
        Fx.waitUntil(WAIT, "the row's Last refreshed cell is drawn", () -> cellText(robot, "refreshedColumn", db.id()) != null);
        String first = Fx.call(() -> cellText(robot, "refreshedColumn", db.id()));
        FleetRow row = Fx.call(item::getValue);
        // Refreshes a second or more apart: the row is read again and its time (to the second) moves.
        Fx.waitUntil(WAIT, "the time moves", () -> {
            vm.refreshNow();
            String now = cellText(robot, "refreshedColumn", db.id());
            return now != null && !now.equals(first);
        });
        assertEquals(row.node().lifecycleState(), Fx.call(() -> cellText(robot, "stateColumn", db.id())),
                "the rest of the row as it was");
    }

    private String detailsText(FxRobot robot) {
        VBox pane = robot.lookup("#detailsPane").queryAs(VBox.class);
        StringBuilder sb = new StringBuilder();
        pane.lookupAll(".label").forEach(l -> sb.append(((Label) l).getText()).append('\n'));
        return sb.toString();
    }

    @Test
    void whenARegionStopsAnsweringItsRowsStayMarkedStaleWithTheReasonAndTheRestRefreshes(FxRobot robot) {
        waitForFleet();
        SimFleet.Database tokyo = sim().allDatabases().stream().filter(d -> d.region().equals("ap-tokyo-1")).findFirst().orElseThrow();
        SimFleet.Database ashburn = sim().allDatabases().stream().filter(d -> d.region().equals("us-ashburn-1")).findFirst().orElseThrow();
        vm.session().demo().server().faults().regionDown("ap-tokyo-1", true);
        sim().overrideState(ashburn.id(), "UPDATING");
        Fx.run(vm::refreshNow);
        Fx.waitUntil(WAIT, "Tokyo's database is stale", () -> vm.tree().item(tokyo.id()).getValue().node().stale() != null);
        assertEquals("UPDATING", Fx.call(() -> vm.tree().item(ashburn.id()).getValue().node().lifecycleState()),
                "the other regions refreshed");
        TreeTableView<FleetRow> t = tree(robot);
        TreeItem<FleetRow> item = Fx.call(() -> vm.tree().item(tokyo.id()));
        reveal(t, item);
        // What the DBA sees: the row says stale, the time of the last good read, and the details say why.
        Fx.waitUntil(WAIT, "the row shows it is stale", () -> robot.lookup(".tree-table-cell").queryAll().stream()
                .anyMatch(c -> c instanceof javafx.scene.control.TreeTableCell<?, ?> cell && cell.getText() != null
                        && cell.getText().startsWith("stale since")));
        Fx.waitUntil(WAIT, "the details explain it", () -> detailsText(robot).contains("The last refresh failed")
                && detailsText(robot).contains("503"));
        assertTrue(Fx.call(() -> robot.lookup("#errorsLabel").queryAs(Label.class).getText()).contains("problem"));
        vm.session().demo().server().faults().regionDown("ap-tokyo-1", false);
        Fx.run(vm::refreshNow);
        Fx.waitUntil(WAIT, "Tokyo is fresh again", () -> vm.tree().item(tokyo.id()).getValue().node().stale() == null);
    }

    @Test
    void aNewRefreshIntervalIsAppliedAndRememberedForNextTime(FxRobot robot) throws Exception {
        waitForFleet();
        javafx.scene.control.ComboBox<Duration> interval = Fx.find(robot, "#intervalChooser", javafx.scene.control.ComboBox.class);
        Fx.run(() -> interval.setValue(Duration.ofMinutes(1)));
        Path file = home.resolve("settings").resolve("settings.json");
        Fx.waitUntil(WAIT, "the interval is saved", () -> {
            try {
                return java.nio.file.Files.exists(file) && java.nio.file.Files.readString(file).contains("\"intervalSeconds\" : 60");
            } catch (java.io.IOException e) {
                return false;
            }
        });
        assertEquals(Duration.ofMinutes(1), vm.interval());
        // The next refresh is scheduled (not null: that is while one runs) and at most a minute away, not ten.
        Fx.waitUntil(WAIT, "the next refresh is at most a minute away", () -> {
            java.time.Instant next = vm.session().poller().nextRefreshAt();
            return next != null && java.time.Duration.between(java.time.Instant.now(), next).toSeconds() <= 60;
        });
    }

    @Test
    void theFilterKeepsOnlyMatchingPathsAndClearingItBringsAllBack(FxRobot robot) {
        waitForFleet();
        SimFleet.Database db = sim().allDatabases().get(5);
        TreeTableView<FleetRow> t = tree(robot);
        int all = Fx.call(() -> visible(t.getRoot(), new ArrayList<>()).size());
        Fx.click(robot, "#filterField").write(db.dbUniqueName());
        Fx.waitUntil(WAIT, "only the matching path is shown", () -> {
            List<TreeItem<FleetRow>> v = visible(t.getRoot(), new ArrayList<>());
            return v.stream().anyMatch(i -> i.getValue().node().id().equals(db.id()))
                    && v.stream().filter(i -> i.getValue().node().kind() == NodeKind.DATABASE)
                    .allMatch(i -> i.getValue().node().name().contains(db.dbUniqueName()));
        });
        List<TreeItem<FleetRow>> shown = Fx.call(() -> visible(t.getRoot(), new ArrayList<>()));
        // The path to it is kept: region, compartment, DB system, database (and its PDBs, if they match).
        assertTrue(shown.stream().anyMatch(i -> i.getValue().node().kind() == NodeKind.REGION
                && i.getValue().node().name().equals(db.region())));
        assertTrue(shown.size() < all / 4, shown.size() + " rows still shown of " + all);
        Fx.run(() -> robot.lookup("#filterField").queryAs(TextField.class).clear());
        Fx.waitUntil(WAIT, "every row is back", () -> visible(t.getRoot(), new ArrayList<>()).size() == all);
    }
}
