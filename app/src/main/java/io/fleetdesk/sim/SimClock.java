package io.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulator's sense of time: real time sped up by a scale (so a day of backups passes in
 * minutes), plus any time a test pushed it forward. Thread-safe.
 */
public final class SimClock {
    private final Instant start;
    private final long realStartNanos;
    private final double scale;
    private volatile long manualOffsetMillis;
    /** Set while the clock stands still: simulated time is this (plus what a test pushes it forward). */
    private volatile Instant frozenAt;

    public SimClock(Instant start, double scale) {
        if (scale <= 0) {
            throw new IllegalArgumentException("time scale must be positive, was " + scale);
        }
        this.start = start;
        this.realStartNanos = System.nanoTime();
        this.scale = scale;
    }

    public Instant now() {
        Instant frozen = frozenAt;
        if (frozen != null) {
            return frozen.plusMillis(manualOffsetMillis);
        }
        double realMillis = (System.nanoTime() - realStartNanos) / 1_000_000.0;
        return start.plusMillis((long) (realMillis * scale) + manualOffsetMillis);
    }

    /** Moves simulated time forward at once, for tests and demos. */
    public synchronized void advance(Duration d) {
        manualOffsetMillis += d.toMillis();
    }

    /**
     * Stops simulated time where it is (tests that compare two reads: nothing time-driven may change
     * between them). {@link #advance} still moves it.
     */
    public synchronized void freeze() {
        Instant now = now();
        manualOffsetMillis = 0;
        frozenAt = now;
    }

    public double scale() {
        return scale;
    }
}
