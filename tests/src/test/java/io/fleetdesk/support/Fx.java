package io.fleetdesk.support;

import javafx.application.Platform;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.MouseButton;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxRobotInterface;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Reads and waits for UI state on the FX thread, where it lives. */
public final class Fx {
    private Fx() {
    }

    public static <T> T call(Callable<T> c) {
        if (Platform.isFxApplicationThread()) {
            // Already there (a condition of waitUntil that reads through a helper): waiting for a
            // runLater from the FX thread itself would deadlock.
            try {
                return c.call();
            } catch (Exception e) {
                throw new AssertionError("FX call failed: " + e, e);
            }
        }
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(c.call());
            } catch (Throwable t) {
                f.completeExceptionally(t);
            }
        });
        try {
            return f.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("FX call failed: " + e, e);
        }
    }

    public static void run(Runnable r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /**
     * Clicks the first shown node the query finds. TestFX's {@code clickOn(query)} walks the scene
     * graph from the test thread, and a refresh that rebuilds rows or the details pane at that moment
     * makes the walk fail (seen in CI: IndexOutOfBoundsException from a children list). Here the walk
     * and the node's position are read on the FX thread, and the button is pressed only once the node
     * the query finds is still under the mouse (a rebuild while the mouse moved can shift it).
     */
    public static FxRobotInterface click(FxRobot robot, String query) {
        record Target(Window window, Point2D at) {
        }
        for (int i = 0; ; i++) {
            Target t = call(() -> {
                Node n = shownNode(robot, query);
                Bounds b = n.localToScreen(n.getBoundsInLocal());
                return new Target(n.getScene().getWindow(), new Point2D(b.getCenterX(), b.getCenterY()));
            });
            // As clickOn(query) does: what is typed next goes to this window.
            robot.targetWindow(t.window()).moveTo(t.at());
            boolean stillThere = call(() -> {
                Node n = shownNode(robot, query);
                Point2D local = n.screenToLocal(t.at());
                return local != null && n.contains(local);
            });
            if (stillThere || i == 3) {
                return robot.clickOn(MouseButton.PRIMARY);
            }
        }
    }

    private static Node shownNode(FxRobot robot, String query) {
        return robot.lookup(query).match(Fx::shown).tryQuery()
                .orElseThrow(() -> new AssertionError("nothing shown matches " + query));
    }

    /** The first node the query finds, looked up on the FX thread (see {@link #click}). */
    public static <T extends Node> T find(FxRobot robot, String query, Class<T> type) {
        return call(() -> robot.lookup(query).queryAs(type));
    }

    /** Clears a text field and types into it, as a DBA would. */
    public static void type(FxRobot robot, String field, String value) {
        run(() -> robot.lookup(field).queryAs(TextInputControl.class).clear());
        click(robot, field).write(value);
    }

    private static boolean shown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return n.getScene() != null && n.getScene().getWindow() != null && n.getScene().getWindow().isShowing();
    }

    /** Waits until the condition, checked on the FX thread, holds; fails with the message if it never does. */
    public static void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        try {
            org.awaitility.Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(50))
                    .until(() -> call(condition::getAsBoolean));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what, e);
        }
    }
}
