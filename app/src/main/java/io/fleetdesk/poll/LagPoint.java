package io.fleetdesk.poll;

import java.time.Duration;
import java.time.Instant;

/** One reading of V$DATAGUARD_STATS, for the lag chart. */
public record LagPoint(Instant at, Duration applyLag, Duration transportLag) {
}
