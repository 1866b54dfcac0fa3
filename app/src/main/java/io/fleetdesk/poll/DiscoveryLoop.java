package io.fleetdesk.poll;

import io.fleetdesk.oci.TenancyLayout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Tenancy discovery on its own slow cadence (design section 3): every {@code every} (10 minutes by
 * default), sooner after a passing failure, and when asked. The refresh cycle reads the latest
 * layout and never waits for discovery, except for the very first one. A discovery that failed for a
 * passing reason keeps the last good tree and only reports its problems.
 */
public final class DiscoveryLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DiscoveryLoop.class);

    /** How often a tenancy is discovered again, and how soon after a passing failure. */
    public static final Duration EVERY = Duration.ofMinutes(10);
    public static final Duration AFTER_FAILURE = Duration.ofSeconds(30);

    /** Runs one discovery; never throws (problems are in the layout). Closed with the loop. */
    @FunctionalInterface
    public interface Discovery extends AutoCloseable {
        TenancyLayout discover();

        @Override
        default void close() {
        }
    }

    private final Discovery discovery;
    private final Object lock = new Object();
    private final Duration every;
    private final Duration afterFailure;
    private volatile TenancyLayout current;
    private volatile boolean requested;
    private volatile boolean running;
    private volatile Instant nextAt;
    private Thread loop;

    public DiscoveryLoop(Discovery discovery, Duration every, Duration afterFailure) {
        this.discovery = discovery;
        this.every = every;
        this.afterFailure = afterFailure;
    }

    /** The latest layout, discovering it now (on the caller's thread) when there is none yet. */
    public TenancyLayout ensure() {
        TenancyLayout l = current;
        return l != null ? l : runOnce(true);
    }

    /**
     * Runs the first discovery now, on a virtual thread of its own, so that the first refresh finds it
     * done or under way ({@link #ensure()} waits for it). A failure here is tried again by that refresh.
     */
    public void prefetch() {
        if (current != null) {
            return;
        }
        Thread.ofVirtual().name("discovery-first").start(() -> {
            try {
                ensure();
            } catch (RuntimeException e) {
                LOG.warn("the first discovery failed; the first refresh tries again", e);
            }
        });
    }

    /** The latest layout, or null before the first discovery. */
    public TenancyLayout current() {
        return current;
    }

    /** When the next scheduled discovery runs; null while one runs or before start. */
    public Instant nextAt() {
        return nextAt;
    }

    /** Runs one discovery now on the caller's thread and returns the layout in effect after it. */
    public TenancyLayout runOnce() {
        return runOnce(false);
    }

    /** One discovery at a time: the first refresh and the loop's first round must not both run one. */
    private synchronized TenancyLayout runOnce(boolean onlyIfNone) {
        if (onlyIfNone && current != null) {
            return current;
        }
        TenancyLayout found = discovery.discover();
        TenancyLayout before = current;
        if (!found.complete() && before != null && before.complete()) {
            // A passing failure: keep the tree we know, say what went wrong.
            found = new TenancyLayout(before.regions(), before.compartments(), found.problems(), false,
                    before.discoveredAt(), found.took(), found.requests());
        }
        current = found;
        return found;
    }

    /**
     * Discovers in the background from now on; {@code onChange} is told (on the loop's thread) when
     * a discovery finds a different tree than the one before, and after every discovery the DBA asked for.
     */
    public void start(Consumer<TenancyLayout> onChange) {
        synchronized (lock) {
            if (running) {
                return;
            }
            running = true;
            loop = Thread.ofVirtual().name("discovery").start(() -> run(onChange));
        }
    }

    /** Discovers again as soon as possible (the DBA asked, or a profile changed). */
    public void rediscoverNow() {
        synchronized (lock) {
            requested = true;
            lock.notifyAll();
        }
    }

    private void run(Consumer<TenancyLayout> onChange) {
        try {
            ensure();
        } catch (RuntimeException e) {
            LOG.error("discovery failed", e);
        }
        while (running) {
            TenancyLayout now = current;
            Duration wait = now != null && now.complete() ? every : afterFailure;
            boolean asked;
            synchronized (lock) {
                nextAt = Instant.now().plus(wait);
                while (running && !requested && Instant.now().isBefore(nextAt)) {
                    try {
                        lock.wait(Math.max(1, Duration.between(Instant.now(), nextAt).toMillis()));
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                asked = requested;
                requested = false;
                nextAt = null;
            }
            if (!running) {
                return;
            }
            TenancyLayout before = current;
            TenancyLayout after;
            try {
                after = runOnce();
            } catch (RuntimeException e) {
                LOG.error("discovery failed", e);
                continue;
            }
            if (asked || !after.sameTreeAs(before)) {
                onChange.accept(after);
            }
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            running = false;
            lock.notifyAll();
        }
        if (loop != null) {
            loop.interrupt();
        }
        discovery.close();
    }
}
