package io.fleetdesk.sim;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What can go wrong, and how often: latency, a per-region rate limit answered with 429 and
 * Retry-After, 5xx errors, stalled responses, truncated bodies and whole regions down.
 * Every setting can be changed while the simulator runs; reads are lock-free.
 */
public final class FaultPlan {
    private volatile Duration latency = Duration.ZERO;
    private volatile double latencyJitter = 0.0;
    private volatile double rateLimitPerSecond = 0; // 0 = no limit
    private volatile int burst = 20;
    private volatile double serverErrorRate = 0;
    private volatile double stallRate = 0;
    private volatile Duration stall = Duration.ofSeconds(120);
    private volatile double truncateRate = 0;
    private volatile SimVariation variation = SimVariation.off();
    private final Set<String> downRegions = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicInteger answersToLose = new java.util.concurrent.atomic.AtomicInteger();
    private volatile LostAnswer howLost = LostAnswer.SERVER_ERROR;

    /** How the answer to a request the service acted on is lost on its way back. */
    public enum LostAnswer {
        /** A 502 Bad Gateway, as a proxy or load balancer sends when the service's answer does not reach it. */
        SERVER_ERROR,
        /** The connection closes without an answer, as after a timeout or a network cut. */
        NO_ANSWER
    }

    /**
     * The next {@code count} requests that change something (POST, PUT, DELETE) are carried out by the
     * service, and then their answers are lost: the case where telling the DBA "refused, start again"
     * would do the work twice. Deterministic: exactly the next {@code count}.
     */
    public FaultPlan loseAnswers(int count, LostAnswer how) {
        this.howLost = how;
        answersToLose.set(count);
        return this;
    }

    /** The way to lose this changing request's answer, or null to deliver it. */
    LostAnswer takeLostAnswer() {
        return answersToLose.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? howLost : null;
    }
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    /** Every response waits this long (the median) before it is sent. */
    public FaultPlan latency(Duration median, double jitterFraction) {
        this.latency = median;
        this.latencyJitter = jitterFraction;
        return this;
    }

    /** A token bucket per region: {@code perSecond} sustained, {@code burst} at once; 0 turns it off. */
    public FaultPlan rateLimit(double perSecond, int burst) {
        this.rateLimitPerSecond = perSecond;
        this.burst = Math.max(1, burst);
        buckets.clear();
        return this;
    }

    public FaultPlan serverErrorRate(double fraction) {
        this.serverErrorRate = fraction;
        return this;
    }

    /**
     * Deterministic server errors: each distinct request (region, method, path and query) is answered 500 on
     * its first {@code n} tries and then carried out. A client that retries at least {@code n} times
     * gets every answer, and how many tries it took is known exactly: tests assert it.
     */
    public FaultPlan failFirstTries(int n) {
        this.failFirstTries = n;
        triesSeen.clear();
        return this;
    }

    /** Whether this try of a request is one of its first {@link #failFirstTries} (counted per request). */
    boolean failThisTry(String request) {
        int n = failFirstTries;
        return n > 0 && triesSeen.computeIfAbsent(request, k -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet() <= n;
    }

    private volatile int failFirstTries;
    private final java.util.Map<String, java.util.concurrent.atomic.AtomicInteger> triesSeen =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** A fraction of responses hang this long before answering (clients should time out first). */
    public FaultPlan stalls(double fraction, Duration howLong) {
        this.stallRate = fraction;
        this.stall = howLong;
        return this;
    }

    public FaultPlan truncateRate(double fraction) {
        this.truncateRate = fraction;
        return this;
    }

    /** Responses as varied as the real service's: optional fields left out, enum values the SDK does not know. */
    public FaultPlan variation(SimVariation v) {
        this.variation = v;
        return this;
    }

    public SimVariation variation() {
        return variation;
    }

    /** A region that is down answers every request with 503. */
    public FaultPlan regionDown(String region, boolean down) {
        if (down) {
            downRegions.add(region);
        } else {
            downRegions.remove(region);
        }
        return this;
    }

    Duration sampleLatency() {
        Duration l = latency;
        if (l.isZero() || latencyJitter == 0) {
            return l;
        }
        double f = 1 + (ThreadLocalRandom.current().nextDouble() * 2 - 1) * latencyJitter;
        return Duration.ofNanos((long) (l.toNanos() * Math.max(0, f)));
    }

    public Duration latency() {
        return latency;
    }

    public double rateLimitPerSecond() {
        return rateLimitPerSecond;
    }

    boolean isDown(String region) {
        return downRegions.contains(region);
    }

    boolean serverError() {
        return serverErrorRate > 0 && ThreadLocalRandom.current().nextDouble() < serverErrorRate;
    }

    Duration stall() {
        return stallRate > 0 && ThreadLocalRandom.current().nextDouble() < stallRate ? stall : null;
    }

    boolean truncate() {
        return truncateRate > 0 && ThreadLocalRandom.current().nextDouble() < truncateRate;
    }

    /** Takes a token for the region; returns 0 when allowed, or the seconds to wait (Retry-After). */
    long acquire(String region) {
        double rate = rateLimitPerSecond;
        if (rate <= 0) {
            return 0;
        }
        return buckets.computeIfAbsent(region, r -> new TokenBucket(rate, burst)).tryTake();
    }

    private static final class TokenBucket {
        private final double rate;
        private final int capacity;
        private double tokens;
        private long last = System.nanoTime();

        TokenBucket(double rate, int capacity) {
            this.rate = rate;
            this.capacity = capacity;
            this.tokens = capacity;
        }

        synchronized long tryTake() {
            long now = System.nanoTime();
            tokens = Math.min(capacity, tokens + (now - last) / 1e9 * rate);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            double wait = (1 - tokens) / rate;
            return Math.max(1, (long) Math.ceil(wait));
        }
    }
}
