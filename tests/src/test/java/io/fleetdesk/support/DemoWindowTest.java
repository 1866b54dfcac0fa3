package io.fleetdesk.support;

import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

/**
 * The harness of the UI tests that drive the main window on the demo fleet: a settings home per test
 * class, an audit log per test, the window opened before each test and every window closed after it.
 * Each test class still declares its own {@code @Start} that calls {@link #open}: TestFX 4.0.18 looks
 * for it with {@code getDeclaredMethods()} on the test class itself, never on a superclass.
 */
@ExtendWith(ApplicationExtension.class)
public abstract class DemoWindowTest {
    @TempDir
    protected static Path home;
    @TempDir
    protected Path data;
    protected FleetViewModel vm;
    protected Stage stage;

    /** Opens the main window on the demo fleet in TestFX's stage. */
    protected void open(Stage stage) throws Exception {
        this.stage = stage;
        vm = MainWindow.open(stage, home, new AuditLog(data));
    }

    @AfterEach
    void closeWindows() {
        MainWindow.closeAll(stage);
    }

    /** The demo's simulated fleet, as the service behind the SDK sees it. */
    protected SimFleet sim() {
        return vm.session().demo().fleet();
    }
}
