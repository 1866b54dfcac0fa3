package io.fleetdesk.model;

import java.time.Instant;

/**
 * Why a node shows its last known state instead of a fresh one: the probe that should have
 * refreshed it failed or ran late.
 *
 * @param lastGood when the node was last read successfully
 * @param reason   what went wrong, as a notice the UI words for the DBA to act on
 */
public record Staleness(Instant lastGood, Notice reason) {
}
