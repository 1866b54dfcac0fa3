package io.fleetdesk.poll;

import java.time.Duration;

/** Intervals and deadlines. */
public record DirectSettings(Duration interval, Duration connectTimeout, Duration deadline, Duration queryTimeout,
                             boolean awr) {
    public static DirectSettings defaults() {
        return new DirectSettings(Duration.ofSeconds(15), Duration.ofSeconds(4), Duration.ofSeconds(10),
                Duration.ofSeconds(5), false);
    }

    public DirectSettings withAwr(boolean on) {
        return new DirectSettings(interval, connectTimeout, deadline, queryTimeout, on);
    }

    public DirectSettings withInterval(Duration d) {
        return new DirectSettings(d, connectTimeout, deadline, queryTimeout, awr);
    }
}
