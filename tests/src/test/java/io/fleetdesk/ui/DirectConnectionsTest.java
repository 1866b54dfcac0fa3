package io.fleetdesk.ui;

import io.fleetdesk.support.En;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.poll.DirectPoller;
import io.fleetdesk.support.DemoWindowTest;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;
import io.fleetdesk.support.Fx;
import io.fleetdesk.support.MainWindow;
import io.fleetdesk.ui.fleet.FleetRow;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeTableView;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Direct connections driven as a DBA would, headless: add a database by JDBC URL with its password,
 * read its deep health in the tree and the details tabs, remove it (its pool closes), and find the
 * password nowhere on disk; the demo's own JDBC databases and the dead host it explains.
 */
class DirectConnectionsTest extends DemoWindowTest {
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String PASSWORD = "Lab-Secret-4711!";

    @Start
    void start(Stage stage) throws Exception {
        open(stage); // TestFX finds @Start only on the test class itself
    }

    private String text(FxRobot robot, String query) {
        return Fx.call(() -> {
            Node n = robot.lookup(query).query();
            return n instanceof javafx.scene.control.Labeled l ? l.getText() : ((TextField) n).getText();
        });
    }

    private FleetNode node(String id) {
        return Fx.call(() -> vm.tree().snapshot().node(id));
    }

    private static long sessions(Connection own) throws Exception {
        try (Statement s = own.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            r.next();
            return r.getLong(1);
        }
    }

    @Test
    void aDatabaseAddedByUrlShowsItsDeepHealthAndTabsThenGoesWithItsPoolAndThePasswordIsNowhereOnDisk(FxRobot robot)
            throws Exception {
        // A standby's answers (fixtures/oracle-views.sql) behind a user with a password, like a real listener.
        String url = "jdbc:h2:mem:lab-standby;MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        // An in-memory stand-in for an Oracle database, registered by this process as the demo's are:
        // a URL of another driver typed or read from settings.json is refused.
        io.fleetdesk.jdbc.ConnectStrings.allowInMemory(url);
        try (Connection own = DriverManager.getConnection(url, "FLEETMON", PASSWORD); Statement s = own.createStatement()) {
            s.execute("RUNSCRIPT FROM 'classpath:io/fleetdesk/sim/oracle-views.sql'");
            s.execute("RUNSCRIPT FROM 'classpath:fixtures/oracle-views.sql'");
            Fx.waitUntil(WAIT, "the demo is open", () -> vm.session() != null);

            Fx.click(robot, "#addTargetButton");
            Fx.type(robot, "#targetName", "LABSTBY");
            Fx.click(robot, "#targetGroup").write("Lab");
            Fx.waitUntil(WAIT, "no user yet: that is what is missing", () -> text(robot, "#targetProblem").startsWith("Give a user name"));
            Fx.waitUntil(WAIT, "the user field is marked", () -> marked(robot, "#targetUser") && !marked(robot, "#targetConnect"));
            Fx.type(robot, "#targetUser", "FLEETMON");
            Fx.run(() -> robot.lookup("#targetKind").queryAs(ComboBox.class).setValue(DirectTarget.ConnectKind.EZCONNECT));
            Fx.type(robot, "#targetConnect", "lab-db01:1521");
            Fx.waitUntil(WAIT, "a wrong EZConnect string is explained", () -> text(robot, "#targetProblem").contains("host:port/service"));
            Fx.waitUntil(WAIT, "the mark moves to the connect string", () -> marked(robot, "#targetConnect")
                    && !marked(robot, "#targetUser"));
            assertTrue(Fx.call(() -> robot.lookup("#targetSave").query().isDisabled()), "Save waits for a usable string");
            Fx.run(() -> robot.lookup("#targetKind").queryAs(ComboBox.class).setValue(DirectTarget.ConnectKind.URL));
            Fx.type(robot, "#targetConnect", url);
            Fx.click(robot, "#targetPassword").write(PASSWORD);
            Fx.waitUntil(WAIT, "the URL is accepted", () -> text(robot, "#targetResolved").contains("jdbc:h2:mem:lab-standby")
                    && !robot.lookup("#targetSave").query().isDisabled());
            assertFalse(Fx.call(() -> marked(robot, "#targetConnect")), "a usable string is not marked");
            Fx.click(robot, "#targetSave");

            Fx.waitUntil(WAIT, "it is saved", () -> vm.targets().saved().size() == 1);
            DirectTarget t = vm.targets().saved().getFirst();
            assertEquals("Lab", t.group());
            Fx.waitUntil(WAIT, "its deep health is read", () -> node(t.nodeId()) != null && node(t.nodeId()).lastRefreshed() != null);
            FleetNode n = node(t.nodeId());
            assertEquals(NodeKind.DIRECT_DATABASE, n.kind());
            assertEquals(DirectPoller.groupId("Lab"), n.parentId(), "under its group in Direct connections");
            assertEquals("PHYSICAL STANDBY", n.role());
            assertEquals(Health.CRITICAL, n.health(), En.of(n.reasons()).toString());
            assertTrue(En.of(n.reasons()).stream().anyMatch(r -> r.startsWith("Archive gap on thread 1: sequences 4120 to 4123")), En.of(n.reasons()).toString());
            assertTrue(En.of(n.reasons()).stream().anyMatch(r -> r.startsWith("Apply lag 67 s")), En.of(n.reasons()).toString());
            assertTrue(En.of(n.reasons()).stream().anyMatch(r -> r.startsWith("Recovery area +RECO is 85 % full")), En.of(n.reasons()).toString());

            // The details: the tabs a DBA reads.
            TreeTableView<FleetRow> tree = Fx.find(robot, "#fleetTree", TreeTableView.class);
            MainWindow.select(tree, Fx.call(() -> vm.tree().item(t.nodeId())));
            Fx.waitUntil(WAIT, "the tabs are shown", () -> robot.lookup("#deepTabs").tryQuery().isPresent());
            Fx.click(robot, "Data Guard");
            Fx.waitUntil(WAIT, "the lag chart has a point", () -> robot.lookup("#lagChart").tryQuery().isPresent()
                    && !((LineChart<?, ?>) robot.lookup("#lagChart").query()).getData().getFirst().getData().isEmpty());
            assertEquals("3 standby redo log groups for 3 online groups.", text(robot, "#standbyLogs"));
            Fx.click(robot, "Storage");
            Fx.waitUntil(WAIT, "the recovery area bar", () -> robot.lookup("#fraBar").tryQuery().isPresent());
            assertTrue(Fx.call(() -> robot.lookup("#fraBar").query().getStyleClass().contains("bar-warning")),
                    "85 % is over the 80 % warning threshold");
            Fx.click(robot, "Sessions");
            Fx.waitUntil(WAIT, "the session totals", () -> robot.lookup("#sessionTotals").tryQuery().isPresent());
            assertEquals("4 user sessions, 3 active, 2 blocked", text(robot, "#sessionTotals"));
            assertEquals("tabSessions", Fx.call(() -> robot.lookup("#deepTabs").queryAs(TabPane.class)
                    .getSelectionModel().getSelectedItem().getId()));

            // Saved without a secret; the password is nowhere on disk.
            String settings = Files.readString(home.resolve("settings").resolve("settings.json"));
            assertTrue(settings.contains("LABSTBY") && settings.contains("FLEETMON"), settings);
            for (Path root : List.of(data, home, Path.of(System.getProperty("fleetdesk.logs")))) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        assertFalse(Files.readString(f, java.nio.charset.StandardCharsets.ISO_8859_1).contains(PASSWORD),
                                f + " holds the password");
                    }
                }
            }

            // Disconnect, then Connect… asks for the password again (a wrong one is refused and said so).
            Fx.run(() -> vm.targets().disconnect(t.id()));
            Fx.waitUntil(WAIT, "it shows as not connected", () -> !vm.targets().poller().state(t.id()).connected());
            Fx.click(robot, "#detailsCONNECT");
            Fx.click(robot, "#connectPassword").write("wrong");
            Fx.click(robot, "#connectButton");
            Fx.waitUntil(WAIT, "the refusal is shown", () -> vm.targets().poller().state(t.id()).problem() != null
                    && node(t.nodeId()).stale() != null);
            assertTrue(En.of(node(t.nodeId()).stale().reason()).contains("Wrong user name or password"),
                    En.of(node(t.nodeId()).stale().reason()));
            Fx.click(robot, "#detailsCONNECT");
            Fx.click(robot, "#connectPassword").write(PASSWORD);
            Fx.click(robot, "#connectButton");
            Fx.waitUntil(WAIT, "it is read again", () -> vm.targets().poller().state(t.id()).problem() == null
                    && node(t.nodeId()).stale() == null && vm.targets().poller().state(t.id()).connected());

            // Removed: gone from the tree and the settings, and its pool's connections are closed.
            assertTrue(sessions(own) > 1, "the pool holds a connection");
            Fx.click(robot, "#detailsREMOVE");
            Fx.click(robot, "#removeConfirm");
            Fx.waitUntil(WAIT, "it is gone", () -> node(t.nodeId()) == null && vm.targets().saved().isEmpty());
            Fx.waitUntil(WAIT, "its connections are closed", () -> {
                try {
                    return sessions(own) == 1;
                } catch (Exception e) {
                    return false;
                }
            });
            assertFalse(Files.readString(home.resolve("settings").resolve("settings.json")).contains("LABSTBY"));
        }
    }

    @Test
    void theDemoHasDatabasesThatAnswerProbesAndExplainsAHostWhereNothingListens(FxRobot robot) {
        Fx.waitUntil(WAIT, "the demo's direct connections are read", () -> vm.session() != null
                && node("direct:demo-erp") != null && node("direct:demo-erp").lastRefreshed() != null
                && node("direct:demo-hr-legacy") != null && node("direct:demo-hr-legacy").stale() != null);
        FleetNode dead = node("direct:demo-hr-legacy");
        assertEquals(Health.UNKNOWN, dead.shownHealth(), "never healthy because we could not ask");
        assertTrue(En.of(dead.stale().reason()).startsWith("ORA-12541: Nothing is listening at that host and port"),
                En.of(dead.stale().reason()));
        assertFalse(En.of(dead.stale().reason()).contains("Exception"), "no stack trace, no class names");
        // The demo pair's JDBC side sits under its OCI database, and the tree's role matches V$DATABASE.
        var pair = vm.session().demo().fleet().pairs().getFirst();
        var db = vm.session().demo().fleet().database(pair.firstDbId());
        Fx.waitUntil(WAIT, "the linked demo database is read", () -> node("direct:demo-" + db.dbUniqueName()) != null
                && node("direct:demo-" + db.dbUniqueName()).lastRefreshed() != null);
        FleetNode linked = node("direct:demo-" + db.dbUniqueName());
        assertEquals(db.id(), linked.parentId());
        String ociRole = vm.session().demo().fleet().role(db.id());
        assertEquals("PRIMARY".equals(ociRole) ? "PRIMARY" : "PHYSICAL STANDBY", linked.role());
        // Demo targets connect by themselves and cannot be edited or removed.
        TreeTableView<FleetRow> tree = Fx.find(robot, "#fleetTree", TreeTableView.class);
        MainWindow.select(tree, Fx.call(() -> vm.tree().item("direct:demo-erp")));
        Fx.waitUntil(WAIT, "its details", () -> robot.lookup("#detailsREMOVE").tryQuery().isPresent());
        assertTrue(Fx.call(() -> robot.lookup("#detailsREMOVE").query().isDisabled()));
        assertTrue(Fx.call(() -> robot.lookup(".label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText() != null && l.getText().startsWith("A demo database"))));
    }

    @Test
    void anEditedTargetSavedAndConnectedAtOnceSendsItsPasswordToTheNewHost(FxRobot robot) throws Exception {
        // Two stand-ins for two hosts; the DBA edits the target from the first to the second and connects at once.
        String oldHost = "jdbc:h2:mem:lab-old-host;MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        String newHost = "jdbc:h2:mem:lab-new-host;MODE=Oracle;NON_KEYWORDS=VALUE;DB_CLOSE_DELAY=-1";
        try (Connection a = DriverManager.getConnection(oldHost, "FLEETMON", PASSWORD);
             Connection b = DriverManager.getConnection(newHost, "FLEETMON", PASSWORD);
             Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            for (Statement st : List.of(sa, sb)) {
                st.execute("RUNSCRIPT FROM 'classpath:io/fleetdesk/sim/oracle-views.sql'");
                st.execute("RUNSCRIPT FROM 'classpath:fixtures/oracle-views.sql'");
            }
            sb.execute("UPDATE V$DATABASE SET DB_UNIQUE_NAME = 'LAB_NEW'");
            io.fleetdesk.jdbc.ConnectStrings.allowInMemory(oldHost);
            io.fleetdesk.jdbc.ConnectStrings.allowInMemory(newHost);
            Fx.waitUntil(WAIT, "the demo is open", () -> vm.session() != null);
            DirectTarget before = new DirectTarget("lab-edit", "LABEDIT", "Lab", DirectTarget.ConnectKind.URL, oldHost, "",
                    "", "FLEETMON", DirectTarget.Role.NORMAL, "");
            Fx.run(() -> vm.targets().save(before));
            DirectTarget after = new DirectTarget("lab-edit", "LABEDIT", "Lab", DirectTarget.ConnectKind.URL, newHost, "",
                    "", "FLEETMON", DirectTarget.Role.NORMAL, "");
            // As the dialog's Save does: save the edit, then connect with the password, on the FX thread.
            Fx.run(() -> {
                vm.targets().save(after);
                vm.targets().connect(after.id(), PASSWORD.toCharArray());
            });
            Fx.waitUntil(WAIT, "it is connected and read", () -> {
                var st = vm.targets().poller().state("lab-edit");
                return st != null && st.connected() && st.reading() != null;
            });
            var st = vm.targets().poller().state("lab-edit");
            assertEquals(newHost, st.target().connect());
            assertEquals("LAB_NEW", st.reading().database().dbUniqueName(), "the password went to the new host");
            Fx.run(() -> vm.targets().remove("lab-edit"));
        }
    }

    /** Whether a field is outlined as the one with the problem (AtlantaFX's danger state). */
    private static boolean marked(FxRobot robot, String id) {
        return robot.lookup(id).query().getPseudoClassStates().contains(atlantafx.base.theme.Styles.STATE_DANGER);
    }
}
