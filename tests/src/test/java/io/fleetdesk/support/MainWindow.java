package io.fleetdesk.support;

import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ui.FleetdeskApp;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Theme;
import io.fleetdesk.ui.fleet.FleetRow;
import io.fleetdesk.ui.fleet.FleetViewModel;
import io.fleetdesk.app.SettingsStore;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The main window on the demo fleet as the UI tests open it, and what they do to it. */
public final class MainWindow {
    private MainWindow() {
    }

    /**
     * Opens it with no OCI config (the demo only), a 60-database demo, a long refresh interval (the
     * test decides when to refresh), settings under {@code home} and its own audit log.
     */
    public static FleetViewModel open(Stage stage, Path home, AuditLog audit) throws IOException {
        return open(stage, home, audit, null);
    }

    /** The same, with the demo's responses varied from this seed ({@code --demo-varied}); null for the plain demo. */
    public static FleetViewModel open(Stage stage, Path home, AuditLog audit, Long varied) throws IOException {
        LaunchOptions o = new LaunchOptions(null, home.resolve("no-such-config"), Theme.LIGHT, Duration.ofMinutes(10),
                60, 42L).withDemoVaried(varied);
        return FleetdeskApp.openMainWindow(stage, o, new SettingsStore(home.resolve("settings")), audit);
    }

    /**
     * Whether the demo fleet is all in the tree: every database, and the Exadata infrastructures, which
     * the window's second refresh (started right after the first) brings. A test that counts rows waits
     * for this, or the second refresh changes the tree under it.
     */
    public static boolean complete(io.fleetdesk.ui.fleet.FleetViewModel vm) {
        if (vm.session() == null || vm.session().demo() == null) {
            return false;
        }
        var sim = vm.session().demo().fleet();
        var s = vm.tree().snapshot();
        return s.count(io.fleetdesk.model.NodeKind.DATABASE) == sim.allDatabases().size()
                && s.count(io.fleetdesk.model.NodeKind.EXADATA_INFRASTRUCTURE) == sim.estate().allInfrastructures().size();
    }

    /** Closes every window the test opened over the main one, then the main window. */
    public static void closeAll(Stage main) {
        Fx.run(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w != main && w instanceof Stage s) {
                    s.hide();
                }
            }
            main.close();
        });
    }

    /** Expands the path to a node, selects it, scrolls to it and focuses the tree, as a DBA clicking down would. */
    public static void select(TreeTableView<FleetRow> tree, TreeItem<FleetRow> item) {
        Fx.run(() -> {
            for (TreeItem<FleetRow> p = item.getParent(); p != null; p = p.getParent()) {
                p.setExpanded(true);
            }
            tree.getSelectionModel().select(item);
            tree.scrollTo(tree.getRow(item));
            tree.requestFocus();
        });
    }
}
