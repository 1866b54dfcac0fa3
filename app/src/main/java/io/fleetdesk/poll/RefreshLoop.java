package io.fleetdesk.poll;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The scheduling loop: a cycle now, then one every interval, or at once when asked. Every wait is
 * measured on the monotonic clock, so a clock step (NTP, a laptop waking, a DST bug) never stops or
 * rushes polling; the wall clock only says when the next refresh is due, for the DBA to read.
 */
final class RefreshLoop {
    private final Object lock = new Object();
    private final Supplier<Duration> interval;
    private final Runnable cycle;
    private volatile boolean running;
    private volatile boolean refreshRequested;
    private volatile Instant nextRefreshAt;
    private volatile InstantSource wall = InstantSource.system();
    /** Set when the interval changes during a wait: the wait starts again with the new one. */
    private boolean intervalChanged;
    private Thread thread;

    /** @param cycle one refresh; it handles its own failures (the loop must outlive a bad cycle) */
    RefreshLoop(Supplier<Duration> interval, Runnable cycle) {
        this.interval = interval;
        this.cycle = cycle;
    }

    /** Starts on a virtual thread; false when it runs already. */
    boolean start(String name) {
        synchronized (lock) {
            if (running) {
                return false;
            }
            running = true;
            thread = Thread.ofVirtual().name(name).start(this::run);
            return true;
        }
    }

    /** The interval changed: the wait going on starts again with it. */
    void intervalChanged() {
        synchronized (lock) {
            if (nextRefreshAt != null) {
                nextRefreshAt = wall.instant().plus(interval.get());
                intervalChanged = true;
            }
            lock.notifyAll();
        }
    }

    /** A cycle at once (after the one running, if any). */
    void refreshNow() {
        synchronized (lock) {
            refreshRequested = true;
            lock.notifyAll();
        }
    }

    /** When the next cycle starts; null while one runs or before start. */
    Instant nextRefreshAt() {
        return nextRefreshAt;
    }

    InstantSource wall() {
        return wall;
    }

    void useWallClock(InstantSource clock) {
        this.wall = clock;
    }

    void stop() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            cycle.run();
            synchronized (lock) {
                long waitUntil = System.nanoTime() + interval.get().toNanos();
                nextRefreshAt = wall.instant().plus(interval.get());
                long left;
                while (running && !refreshRequested && (left = waitUntil - System.nanoTime()) > 0) {
                    try {
                        lock.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (intervalChanged) {
                        intervalChanged = false;
                        waitUntil = System.nanoTime() + interval.get().toNanos();
                    }
                }
                refreshRequested = false;
                nextRefreshAt = null;
            }
        }
    }
}
