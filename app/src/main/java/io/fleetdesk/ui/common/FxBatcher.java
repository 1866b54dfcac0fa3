package io.fleetdesk.ui.common;

import javafx.application.Platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The one place where background results cross to the FX thread: items offered from any thread
 * are collected and handed over in one batch, at most once per pulse. A burst of a thousand
 * updates a second becomes ten applies a second, so the window never freezes.
 */
public final class FxBatcher<T> implements AutoCloseable {
    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<T>> applyOnFx;
    private final long pulseNanos;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fx-batcher");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastApplyNanos;
    private volatile boolean closed;

    public FxBatcher(Duration pulse, Consumer<List<T>> applyOnFx) {
        this.pulseNanos = pulse.toNanos();
        this.applyOnFx = applyOnFx;
    }

    /** Queues an item; safe from any thread. After {@link #close()} items are dropped. */
    public void offer(T item) {
        if (closed) {
            return;
        }
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastApplyNanos + pulseNanos - System.nanoTime());
            timer.schedule(() -> Platform.runLater(this::drain), wait, TimeUnit.NANOSECONDS);
        }
    }

    private void drain() {
        // Clear the flag first: anything offered from here on schedules the next batch.
        scheduled.set(false);
        List<T> batch = new ArrayList<>();
        T item;
        while ((item = pending.poll()) != null) {
            batch.add(item);
        }
        lastApplyNanos = System.nanoTime();
        if (!batch.isEmpty()) {
            applyOnFx.accept(batch);
        }
    }

    @Override
    public void close() {
        closed = true;
        pending.clear();
        timer.shutdownNow();
    }
}
