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
        Instant processStart = ProcessHandle.current().info().startInstant().orElse(windowShown);
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
        System.out.flush();
        stage.close();
        Platform.exit();
        System.exit(0);
    }
}
