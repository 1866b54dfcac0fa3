package io.fleetdesk.poll;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-region limit of calls in flight, with many calls queued behind it as in a 10,000-database cycle. */
class AdaptiveLimitTest {
    private static final int CALLS = 300;
    private static final int LIMIT = 4;

    @Test
    void queuedCallsAllRunNeverMoreThanTheLimitAtOnceAndEachReleaseWakesOneWaiterNotAll() throws Exception {
        // A fixed limit (min = max) so the count in flight can be checked against it.
        AdaptiveLimit limit = new AdaptiveLimit(LIMIT, LIMIT, LIMIT);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        // A call holds its slot until the test lets it finish, as a real one holds it for a round trip.
        Semaphore finish = new Semaphore(0);
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger ran = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (var calls = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < CALLS; i++) {
                calls.submit(() -> {
                    if (!limit.acquire(deadline)) {
                        refused.incrementAndGet();
                        return null;
                    }
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    finish.acquire();
                    ran.incrementAndGet();
                    inFlight.decrementAndGet();
                    limit.release(false);
                    return null;
                });
            }
            await("the first " + LIMIT + " calls hold the slots, the rest wait").atMost(Duration.ofSeconds(60))
                    .until(() -> finish.getQueueLength() == LIMIT && limit.waiting() == CALLS - LIMIT);
            // One call finishes at a time, each once the slots are full again.
            for (int done = 1; done <= CALLS; done++) {
                finish.release();
                int holding = Math.min(LIMIT, CALLS - done);
                int finished = done;
                await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                        .until(() -> ran.get() == finished && finish.getQueueLength() == holding);
            }
        }
        assertEquals(CALLS, ran.get(), "every queued call got a slot: no wake-up was lost");
        assertEquals(0, refused.get());
        assertTrue(most.get() <= LIMIT, "at most " + LIMIT + " at once, saw " + most.get());
        // Waking every waiter at each release costs about CALLS^2 / 2 = 45,000 wake-ups here, each a
        // waiter finding the slot taken and parking again; waking one per freed slot, about one per call.
        assertTrue(limit.wakeups() < 3L * CALLS, "wake-ups: " + limit.wakeups() + " for " + CALLS + " calls");
    }
}
