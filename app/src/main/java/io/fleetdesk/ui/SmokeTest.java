package io.fleetdesk.ui;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ui.fleet.FleetViewModel;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * {@code --smoke-test PNG}: the packaged app proves it works. It opens the main window on the demo
 * fleet, waits until the tree shows data, writes a screenshot of the window, prints how long the
 * window and the data took from process start, and exits 0; it exits 1 when the tree stays empty.
 * The packaging smoke script also fails on any ERROR in the output.
 */
final class SmokeTest {
    private static final java.time.Duration LIMIT = java.time.Duration.ofSeconds(60);

    private SmokeTest() {
    }

    static void watch(Stage stage, FleetViewModel vm, Path png, Instant windowShown) {
        // The launch time: FLEETDESK_LAUNCHED_AT (epoch ms, set by whoever starts the launcher) when
        // given. The OS's process start time is the fallback, but in containers it can be off by a
        // second or more (boot-time skew; seen here: a trivial main() "1.5 s after start").
        String given = System.getenv("FLEETDESK_LAUNCHED_AT");
        Instant processStart = given != null && given.matches("\\d{13}") ? Instant.ofEpochMilli(Long.parseLong(given))
                : ProcessHandle.current().info().startInstant().orElse(windowShown);
        Instant[] dataAt = new Instant[1];
        Timeline t = new Timeline();
        t.getKeyFrames().add(new KeyFrame(Duration.millis(50), e -> {
            if (dataAt[0] == null && vm.tree().snapshot().count(NodeKind.DATABASE) > 0) {
                dataAt[0] = Instant.now();
                // One more pulse so the rows are laid out before the snapshot.
                Platform.runLater(() -> finish(stage, png, processStart, windowShown, dataAt[0]));
                t.stop();
            } else if (java.time.Duration.between(windowShown, Instant.now()).compareTo(LIMIT) > 0) {
                System.out.println("smoke: FAILED, the tree stayed empty for " + LIMIT.toSeconds() + " s");
                System.exit(1);
            }
        }));
        t.setCycleCount(Timeline.INDEFINITE);
        t.play();
    }

    private static void finish(Stage stage, Path png, Instant start, Instant window, Instant data) {
        try {
            WritableImage img = stage.getScene().snapshot(null);
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", png.toFile());
        } catch (IOException | RuntimeException e) {
            System.out.println("smoke: FAILED, the screenshot could not be written: " + e);
            System.exit(1);
        }
        System.out.printf("smoke: OK window_ms=%d tree_data_ms=%d screenshot=%s%n",
                java.time.Duration.between(start, window).toMillis(), java.time.Duration.between(start, data).toMillis(), png);
        // Where the time to the window went: JVM start to main(), main() to JavaFX's start(), start() to shown.
        if (FleetdeskApp.mainAt != null && FleetdeskApp.fxStartAt != null) {
            java.time.Instant entered = java.time.Instant.ofEpochMilli(Long.getLong("fleetdesk.mainAt", FleetdeskApp.mainAt.toEpochMilli()));
            System.out.printf("smoke: phases jvm_to_main_ms=%d main_setup_ms=%d main_to_fx_start_ms=%d fx_start_to_window_ms=%d%n",
                    java.time.Duration.between(start, entered).toMillis(),
                    java.time.Duration.between(entered, FleetdeskApp.mainAt).toMillis(),
                    java.time.Duration.between(FleetdeskApp.mainAt, FleetdeskApp.fxStartAt).toMillis(),
                    java.time.Duration.between(FleetdeskApp.fxStartAt, window).toMillis());
        }
        System.out.flush();
        stage.close();
        Platform.exit();
        System.exit(0);
    }
}
