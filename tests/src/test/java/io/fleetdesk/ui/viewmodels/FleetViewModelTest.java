package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.app.Messages;
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

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The main window's state without a screen, on the demo fleet ({@link HeadlessFleet}). */
class FleetViewModelTest {
    @TempDir
    Path dir;
    private HeadlessFleet fleet;
    private FleetViewModel vm;

    private <T> T onUi(Callable<T> c) throws Exception {
        return fleet.onUi(c);
    }

    @BeforeEach
    void open() throws Exception {
        fleet = new HeadlessFleet(dir);
        vm = fleet.vm;
    }

    @AfterEach
    void close() throws Exception {
        fleet.close();
    }

    @Test
    void theStatusBarCountsEveryDatabaseByHealthAndSaysHowManyProblemsTheRefreshHad() throws Exception {
        await("the counts match the tree").atMost(Duration.ofSeconds(30)).until(() -> onUi(() -> {
            FleetSnapshot s = vm.tree().snapshot();
            Map<Health, Integer> c = s.countByHealth();
            // Base (Exadata too), Autonomous and direct: every database a DBA answers for.
            long all = s.count(NodeKind.DATABASE) + s.count(NodeKind.AUTONOMOUS_DATABASE) + s.count(NodeKind.DIRECT_DATABASE);
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
