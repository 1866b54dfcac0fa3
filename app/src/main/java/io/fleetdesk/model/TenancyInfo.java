package io.fleetdesk.model;

import java.time.Instant;

/**
 * What the last tenancy discovery found, for the status bar: how many regions and compartments are
 * watched, and when they were discovered.
 *
 * @param discoveredAt when the tree in use was read; null when none has been yet
 * @param complete     false when the last discovery failed for a passing reason and an older tree is in use
 * @param problems     what discovery could not do (a region not subscribed, compartments not listable)
 */
public record TenancyInfo(int regions, int compartments, Instant discoveredAt, boolean complete,
                          java.util.List<Notice> problems) {
    public static final TenancyInfo NONE = new TenancyInfo(0, 0, null, true, java.util.List.of());

    public TenancyInfo {
        problems = java.util.List.copyOf(problems);
    }
}
