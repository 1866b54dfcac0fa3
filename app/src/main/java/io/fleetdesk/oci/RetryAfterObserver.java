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

    @Override
    public boolean keepAlive(HttpResponse response, HttpContext context) {
        Header h = response.getFirstHeader("Retry-After");
        if (h != null) {
            try {
                long seconds = Long.parseLong(h.getValue().trim());
                onRetryAfter.accept(Duration.ofSeconds(Math.max(0, seconds)));
            } catch (NumberFormatException ignored) {
                // An HTTP-date Retry-After is legal but the service sends seconds; fall back to backoff.
            }
        }
        return DefaultConnectionReuseStrategy.INSTANCE.keepAlive(response, context);
    }
}
