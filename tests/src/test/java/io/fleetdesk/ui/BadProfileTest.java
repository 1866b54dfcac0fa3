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
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each broken profile the app can be started with: the window says what is wrong, and the demo fleet works. */
@ExtendWith(ApplicationExtension.class)
class BadProfileTest {
    @TempDir
    Path dir;
    private Stage stage;

    @AfterEach
    void close() {
        if (stage != null) {
            Fx.run(stage::close);
        }
    }

    private Path config(String kind) throws Exception {
        Path config = dir.resolve("config");
        String good = "[PROD]\nuser=ocid1.user.oc1..a\nfingerprint=aa:bb\ntenancy=ocid1.tenancy.oc1..t\n"
                + "region=us-ashburn-1\nkey_file=" + dir.resolve("missing_key.pem") + "\n";
        switch (kind) {
            case "missing-file" -> {
                return dir.resolve("no-such-config");
            }
            case "malformed" -> Files.writeString(config, "just some text\nwithout = sections\n");
            default -> Files.writeString(config, good);
        }
        return config;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing-file|PROD|does not exist",
            "malformed|PROD|malformed",
            "unknown-profile|PRDO|[PRDO] is not in",
            "missing-key|PROD|missing_key.pem"})
    void theBannerSaysWhatIsWrongAndTheDemoFleetStillLoads(String kind, String profile, String expected) throws Exception {
        Path config = config(kind);
        FleetViewModel vm = Fx.call(() -> {
            stage = new Stage();
            return FleetdeskApp.openMainWindow(stage, new LaunchOptions(profile, config, Theme.DARK, Duration.ofMinutes(10), 40, 5L),
                    new io.fleetdesk.app.SettingsStore(dir.resolve("settings")), new io.fleetdesk.ops.AuditLog(dir.resolve("data")));
        });
        Fx.waitUntil(Duration.ofSeconds(30), "the banner shows", () -> stage.getScene().lookup("#banner").isVisible());
        String text = Fx.call(() -> ((Label) stage.getScene().lookup("#bannerText")).getText());
        assertTrue(text.contains(profile) && text.contains(expected), text);
        assertTrue(text.contains("Demo fleet"), "says the demo still works: " + text);
        Fx.waitUntil(Duration.ofSeconds(30), "the demo fleet is read", () -> vm.tree().snapshot().count(NodeKind.DATABASE) > 0);
        assertEquals("Demo fleet", Fx.call(() -> ((ComboBox<?>) stage.getScene().lookup("#profileChooser")).getValue()));
    }
}
