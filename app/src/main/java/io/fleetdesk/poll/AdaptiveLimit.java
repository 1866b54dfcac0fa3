package io.fleetdesk.poll;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many calls may be in flight to one region at once, learnt from the service's answers:
 * it doubles per round trip while nothing is throttled (slow start), then grows by one per round
 * trip; a 429 halves it (at most once per round of calls in flight, so a burst of 429s does not
 * collapse it to 1); a Retry-After pauses the whole region until the time it names.
 */
public final class AdaptiveLimit {
    private final int min;
    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private double limit;
    private boolean slowStart = true;
    private int inFlight;
    private long pausedUntilNanos;
    private long lastDecreaseNanos;
    private long throttles;

    public AdaptiveLimit(int initial, int min, int max) {
        if (min < 1 || max < min || initial < min || initial > max) {
            throw new IllegalArgumentException("need 1 <= min <= initial <= max, got " + min + ", " + initial + ", " + max);
        }
        this.min = min;
        this.max = max;
        this.limit = initial;
    }

    /** Waits for a slot; false when the deadline passes first. */
    public boolean acquire(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            while (true) {
                long now = System.nanoTime();
                long pause = pausedUntilNanos - now;
                if (pause <= 0 && inFlight < (int) limit) {
                    inFlight++;
                    return true;
                }
                long left = deadlineNanos - now;
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(pause > 0 ? Math.min(pause, left) : left);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The call ended; {@code throttled} when the service answered 429. */
    public void release(boolean throttled) {
        lock.lock();
        try {
            inFlight--;
            long now = System.nanoTime();
            if (throttled) {
                throttles++;
                slowStart = false;
                // One halving per burst: calls already in flight when we halved were sent at the old limit.
                if (now - lastDecreaseNanos > TimeUnit.MILLISECONDS.toNanos(250)) {
                    limit = Math.max(min, limit / 2);
                    lastDecreaseNanos = now;
                }
            } else if (slowStart) {
                limit = Math.min(max, limit + 1);
            } else {
                limit = Math.min(max, limit + 1.0 / limit);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The service said when to come back: nothing is sent to this region before then. */
    public void pauseFor(Duration d) {
        lock.lock();
        try {
            long until = System.nanoTime() + d.toNanos();
            if (until > pausedUntilNanos) {
                pausedUntilNanos = until;
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** How long this region is still paused by a Retry-After; zero when it is not. */
    public Duration paused() {
        lock.lock();
        try {
            return Duration.ofNanos(Math.max(0, pausedUntilNanos - System.nanoTime()));
        } finally {
            lock.unlock();
        }
    }

    public int limit() {
        lock.lock();
        try {
            return (int) limit;
        } finally {
            lock.unlock();
        }
    }

    public long throttles() {
        lock.lock();
        try {
            return throttles;
        } finally {
            lock.unlock();
        }
    }
}
