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
    private long wakeups;

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
                wakeups++;
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
            // Wake as many waiters as there are free slots, not all of them: with thousands of calls
            // queued for a region (a 10,000-database cycle), signalAll woke every one at each release
            // to find the slot taken and park again, O(waiters) per call: most of the poller's CPU,
            // which the window's FX thread then waited for (issue 15; docs/benchmarks.md). A waiter
            // never gives up while a slot is free (acquire checks the slot before the deadline), so
            // no wake-up is lost.
            for (int free = (int) limit - inFlight; free > 0; free--) {
                changed.signal();
            }
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

    /** How many times a waiting call woke up, with or without a slot: the cost of waiting, for tests. */
    long wakeups() {
        lock.lock();
        try {
            return wakeups;
        } finally {
            lock.unlock();
        }
    }

    /** How many calls are waiting for a slot now, for tests. */
    int waiting() {
        lock.lock();
        try {
            return lock.getWaitQueueLength(changed);
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
