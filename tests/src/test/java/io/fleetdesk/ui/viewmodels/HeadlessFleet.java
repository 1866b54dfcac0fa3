package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.app.SettingsStore;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Theme;
import io.fleetdesk.ui.fleet.FleetViewModel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.awaitility.Awaitility.await;

/**
 * The main window's view model on the demo fleet, without a screen: a single thread stands in for
 * the FX thread (every result crosses to it through the injected executor), and the fleet is read as
 * in the app, into a folder of the test's own.
 */
final class HeadlessFleet implements AutoCloseable {
    private final ExecutorService uiThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "ui"));
    final FleetViewModel vm;

    HeadlessFleet(Path dir) throws Exception {
        vm = new FleetViewModel(new LaunchOptions(null, dir.resolve("no-oci-config"), Theme.LIGHT, Duration.ofMinutes(10),
                60, 5L), new SettingsStore(dir.resolve("settings")), new AuditLog(dir.resolve("data")), uiThread::execute);
        onUi(() -> {
            vm.start();
            return null;
        });
        await("the demo fleet is read").atMost(Duration.ofSeconds(60))
                .until(() -> onUi(() -> vm.tree().snapshot().count(NodeKind.DATABASE) >= 60));
    }

    /** Runs on the stand-in FX thread and returns what it gave. */
    <T> T onUi(Callable<T> c) throws Exception {
        return uiThread.submit(c).get();
    }

    @Override
    public void close() throws Exception {
        onUi(() -> {
            vm.close();
            return null;
        });
        uiThread.shutdownNow();
    }
}
