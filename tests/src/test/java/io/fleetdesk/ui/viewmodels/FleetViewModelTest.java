package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.app.SettingsStore;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Messages;
import io.fleetdesk.ui.common.Theme;
import io.fleetdesk.ui.fleet.FleetRow;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The main window's state without a screen: a single thread stands in for the FX thread (every
 * result crosses to it through the injected executor), and the demo fleet is read as in the app.
 */
class FleetViewModelTest {
    @TempDir
    Path dir;
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    private FleetViewModel vm;

    private <T> T onUi(Callable<T> c) throws Exception {
        return uiThread.submit(c).get();
    }

    @BeforeEach
    void open() throws Exception {
        vm = new FleetViewModel(new LaunchOptions(null, dir.resolve("no-oci-config"), Theme.LIGHT, Duration.ofMinutes(10),
                60, 5L), new SettingsStore(dir.resolve("settings")), new AuditLog(dir.resolve("data")), uiThread::execute);
        onUi(() -> {
            vm.start();
            return null;
        });
        await("the demo fleet is read").atMost(Duration.ofSeconds(60))
                .until(() -> onUi(() -> vm.tree().snapshot().count(NodeKind.DATABASE) >= 60));
    }

    @AfterEach
    void close() throws Exception {
        onUi(() -> {
            vm.close();
            return null;
        });
        uiThread.shutdownNow();
    }

    @Test
    void theStatusBarCountsEveryDatabaseByHealthAndSaysHowManyProblemsTheRefreshHad() throws Exception {
        await("the counts match the tree").atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> {
            FleetSnapshot s = vm.tree().snapshot();
            Map<Health, Integer> c = s.countByHealth();
            long all = s.count(NodeKind.DATABASE) + s.count(NodeKind.DIRECT_DATABASE);
            return vm.status().countsProperty().get().equals(Messages.get("status.counts", all, c.get(Health.OK),
                    c.get(Health.WARNING), c.get(Health.CRITICAL), c.get(Health.UNKNOWN)));
        }));
        onUi(() -> {
            FleetSnapshot s = vm.tree().snapshot();
            int problems = s.tenancy().problems().size() + s.errors().size();
            assertTrue(problems > 0, "the demo's payments compartment refuses ListPluggableDatabases");
            assertEquals(Messages.get("status.errors", problems), vm.status().errorsProperty().get());
            assertTrue(vm.status().errorDetailsProperty().get().contains("ListPluggableDatabases"), vm.status().errorDetailsProperty().get());
            assertEquals("Demo fleet", vm.activeProfileProperty().get());
            return null;
        });
    }

    @Test
    void theFilterKeepsTheMatchingDatabaseWithItsPathAndHidesTheOthers() throws Exception {
        onUi(() -> {
            FleetSnapshot s = vm.tree().snapshot();
            List<String> names = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE)
                    .map(io.fleetdesk.model.FleetNode::name).sorted().toList();
            String wanted = names.getFirst();
            String other = names.getLast();
            vm.setFilter(wanted, null);
            List<String> shown = new ArrayList<>();
            collect(vm.tree().root(), shown);
            assertTrue(shown.contains(wanted), shown.toString());
            assertFalse(shown.contains(other), shown.toString());
            assertTrue(shown.contains(s.regionOf(s.nodes().values().stream().filter(n -> wanted.equals(n.name()))
                    .findFirst().orElseThrow().id())), "its region stays visible: " + shown);
            vm.setFilter("", null);
            List<String> all = new ArrayList<>();
            collect(vm.tree().root(), all);
            assertTrue(all.contains(other), "clearing the filter shows everything again");
            return null;
        });
    }

    private static void collect(TreeItem<FleetRow> item, List<String> out) {
        for (TreeItem<FleetRow> c : item.getChildren()) {
            if (c.getValue() != null && c.getValue().node() != null) {
                out.add(c.getValue().node().name());
            }
            collect(c, out);
        }
    }
}
