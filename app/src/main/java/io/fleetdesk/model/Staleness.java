package io.fleetdesk.model;

import java.time.Instant;

/**
 * Why a node shows its last known state instead of a fresh one: the probe that should have
 * refreshed it failed or ran late.
 *
 * @param lastGood when the node was last read successfully
 * @param reason   what went wrong, in words a DBA can act on
 */
public record Staleness(Instant lastGood, String reason) {
}
