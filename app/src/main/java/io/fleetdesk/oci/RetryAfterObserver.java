package io.fleetdesk.oci;

import org.apache.http.ConnectionReuseStrategy;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.impl.DefaultConnectionReuseStrategy;
import org.apache.http.protocol.HttpContext;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Sees every HTTP response of a client and reports a {@code Retry-After} header.
 *
 * <p>Why here: the OCI SDK turns a 429 into a {@code BmcException} that does not carry the
 * response headers, so Retry-After is lost by the time our code sees the failure. The Apache
 * connector asks its {@link ConnectionReuseStrategy} about every response, headers included, so we
 * wrap the default strategy and pass the header on. The poller pauses the whole region, which is
 * what the service's per-tenancy, per-region throttle asks for.
 */
final class RetryAfterObserver implements ConnectionReuseStrategy {
    private final Consumer<Duration> onRetryAfter;

    RetryAfterObserver(Consumer<Duration> onRetryAfter) {
        this.onRetryAfter = onRetryAfter;
    }

    /**
     * The longest pause a Retry-After can cause. The service asks for seconds; a proxy's 503 or a
     * broken header can ask for a day, which would stop watching a region for a day without a word.
     */
    static final Duration MAX_PAUSE = Duration.ofSeconds(60);

    @Override
    public boolean keepAlive(HttpResponse response, HttpContext context) {
        Duration pause = pause(response.getStatusLine().getStatusCode(), response.getFirstHeader("Retry-After"));
        if (pause != null) {
            onRetryAfter.accept(pause);
        }
        return DefaultConnectionReuseStrategy.INSTANCE.keepAlive(response, context);
    }

    /**
     * The pause a response asks for: only a 429 (throttled) or a 503 (unavailable) is heeded, and
     * never longer than {@link #MAX_PAUSE}; null when there is none to heed.
     */
    static Duration pause(int status, Header retryAfter) {
        if ((status != 429 && status != 503) || retryAfter == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(retryAfter.getValue().trim());
            return Duration.ofSeconds(Math.clamp(seconds, 0, MAX_PAUSE.toSeconds()));
        } catch (NumberFormatException ignored) {
            // An HTTP-date Retry-After is legal but the service sends seconds; fall back to backoff.
            return null;
        }
    }
}
