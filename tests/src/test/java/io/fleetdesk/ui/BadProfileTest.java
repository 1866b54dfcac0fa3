package io.fleetdesk.ui;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.support.Fx;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Theme;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profile whose key file is missing: the window says so, and the demo fleet works. */
@ExtendWith(ApplicationExtension.class)
class BadProfileTest {
    @TempDir
    static Path dir;
    private FleetViewModel vm;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        Path config = dir.resolve("config");
        Files.writeString(config, "[PROD]\nuser=ocid1.user.oc1..a\nfingerprint=aa:bb\ntenancy=ocid1.tenancy.oc1..t\n"
                + "region=us-ashburn-1\nkey_file=" + dir.resolve("missing_key.pem") + "\n");
        vm = FleetdeskApp.openMainWindow(stage, new LaunchOptions("PROD", config, Theme.DARK, Duration.ofMinutes(10), 40, 5L));
    }

    @AfterEach
    void close() {
        Fx.run(stage::close);
    }

    @Test
    void theBannerNamesTheProfileAndTheMissingKeyAndTheDemoFleetStillLoads(FxRobot robot) {
        Fx.waitUntil(Duration.ofSeconds(30), "the banner shows", () -> robot.lookup("#banner").query().isVisible());
        String text = Fx.call(() -> robot.lookup("#bannerText").queryAs(Label.class).getText());
        assertTrue(text.contains("PROD") && text.contains("missing_key.pem") && text.contains("key_file"), text);
        assertTrue(text.contains("Demo fleet"), "says the demo still works: " + text);
        Fx.waitUntil(Duration.ofSeconds(30), "the demo fleet is read", () -> vm.tree().snapshot().count(NodeKind.DATABASE) > 0);
        assertEquals("Demo fleet", Fx.call(() -> robot.lookup("#profileChooser").queryAs(ComboBox.class).getValue()));
        assertTrue(Fx.call(() -> robot.lookup("#profileChooser").queryAs(ComboBox.class).getItems().contains("PROD")),
                "the broken profile stays in the list, so it can be tried again once fixed");
    }
}
