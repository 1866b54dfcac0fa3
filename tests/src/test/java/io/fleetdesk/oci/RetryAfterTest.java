package io.fleetdesk.oci;

import org.apache.http.message.BasicHeader;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A Retry-After pauses a region only when the service is throttling or unavailable, and never for long. */
class RetryAfterTest {
    @Test
    void onlyA429OrA503IsHeededAndNeverForMoreThanAMinute() {
        assertEquals(Duration.ofSeconds(3), RetryAfterObserver.pause(429, new BasicHeader("Retry-After", "3")));
        assertEquals(Duration.ofSeconds(7), RetryAfterObserver.pause(503, new BasicHeader("Retry-After", " 7 ")));
        // A day (a proxy's 503, a broken header) would stop a region for a day; and Long.MAX overflowed the pause.
        assertEquals(Duration.ofSeconds(60), RetryAfterObserver.pause(503, new BasicHeader("Retry-After", "86400")));
        assertEquals(Duration.ofSeconds(60), RetryAfterObserver.pause(429,
                new BasicHeader("Retry-After", Long.toString(Long.MAX_VALUE))));
        assertEquals(Duration.ZERO, RetryAfterObserver.pause(429, new BasicHeader("Retry-After", "-5")));
        assertNull(RetryAfterObserver.pause(200, new BasicHeader("Retry-After", "30")), "a 200 pauses nothing");
        assertNull(RetryAfterObserver.pause(500, new BasicHeader("Retry-After", "30")), "a 500 is retried with backoff");
        assertNull(RetryAfterObserver.pause(429, new BasicHeader("Retry-After", "Wed, 21 Oct 2026 07:28:00 GMT")));
        assertNull(RetryAfterObserver.pause(429, null));
    }
}
