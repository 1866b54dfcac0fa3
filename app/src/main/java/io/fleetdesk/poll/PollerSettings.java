package io.fleetdesk.poll;

import java.time.Duration;

/**
 * How the poller behaves.
 *
 * @param interval            time between the end of one refresh and the start of the next
 * @param refreshDeadline     a region still not done after this is published with its late parts stale
 * @param maxAttempts         tries per call for retryable failures other than 429 (5xx, timeouts)
 * @param backoffBase         first backoff; each retry doubles it, with full jitter
 * @param backoffCap          the longest backoff
 * @param initialConcurrency  calls in flight per region at the start
 * @param maxConcurrency      the most calls in flight per region
 * @param requestBudget       requests per refresh cycle before quiet DB homes are deferred to later cycles
 *                            (tiered polling; 0 = no budget: every DB home every cycle)
 * @param maxCyclesPerInventory a quiet DB home is read at least once in this many cycles, whatever the budget
 * @param slowTierAfterFirstCycle the first cycle leaves the slow tier (infrastructures, VM clusters,
 *                              maintenance runs) to a second cycle started right after it, so the window
 *                              shows the databases sooner (the window sets it; a one-shot command does not)
 */
public record PollerSettings(Duration interval, Duration refreshDeadline, int maxAttempts, Duration backoffBase,
                             Duration backoffCap, int initialConcurrency, int maxConcurrency, int requestBudget,
                             int maxCyclesPerInventory, boolean slowTierAfterFirstCycle) {
    public static PollerSettings defaults() {
        return new PollerSettings(Duration.ofSeconds(30), Duration.ofSeconds(25), 4, Duration.ofMillis(200),
                Duration.ofSeconds(5), 16, 64, 4000, 6, false);
    }

    /** See {@code slowTierAfterFirstCycle}. */
    public PollerSettings withSlowTierAfterFirstCycle(boolean b) {
        return new PollerSettings(interval, refreshDeadline, maxAttempts, backoffBase, backoffCap, initialConcurrency,
                maxConcurrency, requestBudget, maxCyclesPerInventory, b);
    }

    public PollerSettings withInterval(Duration d) {
        return new PollerSettings(d, refreshDeadline, maxAttempts, backoffBase, backoffCap, initialConcurrency,
                maxConcurrency, requestBudget, maxCyclesPerInventory, slowTierAfterFirstCycle);
    }

    public PollerSettings withDeadline(Duration d) {
        return new PollerSettings(interval, d, maxAttempts, backoffBase, backoffCap, initialConcurrency,
                maxConcurrency, requestBudget, maxCyclesPerInventory, slowTierAfterFirstCycle);
    }

    public PollerSettings withConcurrency(int initial, int max) {
        return new PollerSettings(interval, refreshDeadline, maxAttempts, backoffBase, backoffCap, initial, max,
                requestBudget, maxCyclesPerInventory, slowTierAfterFirstCycle);
    }

    /** Tiered polling: at most {@code budget} requests per cycle (0 = every DB home every cycle). */
    public PollerSettings withRequestBudget(int budget, int maxCycles) {
        return new PollerSettings(interval, refreshDeadline, maxAttempts, backoffBase, backoffCap, initialConcurrency,
                maxConcurrency, budget, maxCycles, slowTierAfterFirstCycle);
    }

    /** Tries per call (1: no retry, the command line's {@code --no-retry}). */
    public PollerSettings withMaxAttempts(int attempts) {
        return new PollerSettings(interval, refreshDeadline, attempts, backoffBase, backoffCap, initialConcurrency,
                maxConcurrency, requestBudget, maxCyclesPerInventory, slowTierAfterFirstCycle);
    }
}
