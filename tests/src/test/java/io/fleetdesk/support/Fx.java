package io.fleetdesk.support;

import javafx.application.Platform;

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

    /** Waits until the condition, checked on the FX thread, holds; fails with the message if it never does. */
    public static void waitUntil(Duration timeout, String what, BooleanSupplier condition) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (call(condition::getAsBoolean)) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("Timed out after " + timeout.toSeconds() + " s waiting until " + what);
    }
}
