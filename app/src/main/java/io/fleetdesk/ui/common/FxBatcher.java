package io.fleetdesk.ui.common;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The one place where background results cross to the UI thread: items offered from any thread
 * are collected and handed over in one batch, at most once per pulse. A burst of a thousand
 * updates a second becomes ten applies a second, so the window never freezes.
 *
 * <p>The crossing, the timer and the clock come from outside: the app passes {@code Platform::runLater},
 * a test passes a same-thread executor, a timer it runs by hand and a clock it moves (no screen, no
 * waiting). No JavaFX import here.
 */
public final class FxBatcher<T> implements AutoCloseable {
    /** Runs a task after a delay; {@link #daemonTimer()} is the app's. */
    @FunctionalInterface
    public interface Timer {
        void schedule(Runnable task, long delayNanos);
    }

    private final ConcurrentLinkedQueue<T> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Consumer<List<T>> apply;
    private final long pulseNanos;
    private final Executor ui;
    private final Timer timer;
    private final LongSupplier nanoTime;
    private final AutoCloseable ownTimer;
    private volatile long lastApplyNanos;
    private volatile boolean closed;

    /**
     * @param ui       the UI thread's executor ({@code Platform::runLater} in the app)
     * @param timer    schedules the crossing a pulse after the last apply
     * @param nanoTime the clock the pulse is measured on
     * @param apply    receives each batch, on {@code ui}
     */
    public FxBatcher(Duration pulse, Executor ui, Timer timer, LongSupplier nanoTime, Consumer<List<T>> apply) {
        this(pulse, ui, timer, nanoTime, apply, null);
    }

    private FxBatcher(Duration pulse, Executor ui, Timer timer, LongSupplier nanoTime, Consumer<List<T>> apply,
                      AutoCloseable ownTimer) {
        this.pulseNanos = pulse.toNanos();
        this.ui = ui;
        this.timer = timer;
        this.nanoTime = nanoTime;
        this.apply = apply;
        this.ownTimer = ownTimer;
        this.lastApplyNanos = nanoTime.getAsLong() - pulseNanos;
    }

    /** The app's batcher: a daemon timer thread of its own and the system's clock. */
    public static <T> FxBatcher<T> on(Executor ui, Duration pulse, Consumer<List<T>> apply) {
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "fx-batcher");
            t.setDaemon(true);
            return t;
        });
        return new FxBatcher<>(pulse, ui, (task, delay) -> s.schedule(task, delay, TimeUnit.NANOSECONDS),
                System::nanoTime, apply, s::shutdownNow);
    }

    /** Queues an item; safe from any thread. After {@link #close()} items are dropped. */
    public void offer(T item) {
        if (closed) {
            return;
        }
        pending.add(item);
        if (scheduled.compareAndSet(false, true)) {
            long wait = Math.max(0, lastApplyNanos + pulseNanos - nanoTime.getAsLong());
            timer.schedule(() -> ui.execute(this::drain), wait);
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
        lastApplyNanos = nanoTime.getAsLong();
        if (!batch.isEmpty() && !closed) {
            apply.accept(batch);
        }
    }

    @Override
    public void close() {
        closed = true;
        pending.clear();
        if (ownTimer != null) {
            try {
                ownTimer.close();
            } catch (Exception e) {
                // A timer that will not stop is a daemon thread: it ends with the app.
            }
        }
    }
}
