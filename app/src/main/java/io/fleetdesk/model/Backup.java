package io.fleetdesk.model;

import java.time.Duration;
import java.time.Instant;

/**
 * One backup of a database, as the service lists it.
 *
 * @param type           INCREMENTAL, FULL or VIRTUAL_FULL
 * @param lifecycleState CREATING, ACTIVE, DELETING, DELETED, FAILED, RESTORING, CANCELING, CANCELED
 * @param ended          null while it runs
 * @param sizeGb         the database's size when backed up; null where unknown
 * @param retentionDays  for an on-demand backup; null for automatic ones (they follow the recovery window)
 * @param automatic      taken by the automatic backup schedule (the service refuses to delete these)
 */
public record Backup(String id, String databaseId, String displayName, String type, String lifecycleState,
                     String lifecycleDetails, Instant started, Instant ended, Double sizeGb, Integer retentionDays,
                     boolean automatic) {

    /** How long it ran, or null while it runs. */
    public Duration duration() {
        return started == null || ended == null ? null : Duration.between(started, ended);
    }

    public boolean running() {
        return "CREATING".equals(lifecycleState);
    }
}
