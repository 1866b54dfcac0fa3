package io.fleetdesk.poll;

import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.Page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Fetching with retries: every page of a list call, each through the region's {@link AdaptiveLimit},
 * before the refresh's deadline, with jittered exponential backoff (decision 0002). A 429 slows the
 * region down instead of counting as a failure.
 */
final class Fetcher {
    /** A call that could not even start before the deadline, or was interrupted waiting to. */
    static final class LateException extends RuntimeException {
        final boolean interrupted;

        LateException(String m, boolean interrupted) {
            super(m);
            this.interrupted = interrupted;
        }
    }

    private final Supplier<PollerSettings> settings;

    Fetcher(Supplier<PollerSettings> settings) {
        this.settings = settings;
    }

    /** Every page, in sequence; {@code requests} counts what was sent. */
    <T> List<T> paged(AdaptiveLimit limit, long deadline, AtomicLong requests, Function<String, Page<T>> call) {
        List<T> all = new ArrayList<>();
        String page = null;
        do {
            String p = page;
            Page<T> result = withRetries(limit, deadline, requests, () -> call.apply(p));
            all.addAll(result.items());
            page = result.nextPage();
        } while (page != null);
        return all;
    }

    /**
     * The most a retry waits before its {@code attempt}-th try: base doubled per attempt, never more
     * than {@code cap}. The exponent is capped, so no attempt count (a storm of 429s counts too)
     * overflows into a negative wait and retries back to back.
     */
    static Duration backoffCeiling(Duration base, Duration cap, int attempt) {
        int exponent = Math.min(Math.max(0, attempt - 1), 30);
        long b = Math.max(1, base.toNanos());
        long ceiling = b > (Long.MAX_VALUE >> exponent) ? Long.MAX_VALUE : b << exponent;
        return Duration.ofNanos(Math.max(1, Math.min(cap.toNanos(), ceiling)));
    }

    private <T> T withRetries(AdaptiveLimit limit, long deadline, AtomicLong requests, Supplier<T> call) {
        PollerSettings s = settings.get();
        OciApiException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                if (!limit.acquire(deadline)) {
                    if (last != null) {
                        throw last;
                    }
                    throw new LateException("no answer before the refresh deadline (ran late)", false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LateException("interrupted", true);
            }
            boolean throttled = false;
            try {
                requests.incrementAndGet();
                return call.get();
            } catch (OciApiException e) {
                throttled = e.isThrottled();
                // A 429 says "slow down", not "failed": the limit halves and Retry-After pauses the region,
                // and the call waits its turn until the refresh deadline. Other failures get maxAttempts tries.
                if (!e.isRetryable() || (!throttled && attempt >= s.maxAttempts())) {
                    throw e;
                }
                last = e;
            } finally {
                limit.release(throttled);
            }
            long cap = backoffCeiling(s.backoffBase(), s.backoffCap(), attempt).toNanos();
            // Full jitter, but never back to back: at least a tenth of the ceiling.
            long sleep = cap / 10 + ThreadLocalRandom.current().nextLong(Math.max(1, cap - cap / 10));
            if (System.nanoTime() + sleep > deadline) {
                throw last;
            }
            try {
                Thread.sleep(Duration.ofNanos(sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw last;
            }
        }
    }
}
