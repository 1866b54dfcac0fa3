package io.fleetdesk.oci;

import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;

import java.time.Instant;
import java.util.List;

/**
 * Backups of databases in one region, free of SDK types: list them, read the automatic backup
 * configuration, and create, delete, cancel and restore, each returning a work request to follow.
 * Every method throws {@link OciApiException} on failure; none is retried (a DBA decides).
 */
public interface BackupsApi extends WorkRequestsApi {

    /** Where to restore to: exactly one of the service's three choices. */
    sealed interface RestorePoint permits Latest, ToTimestamp, ToScn {
    }

    /** The latest backup, then all the redo there is. */
    record Latest() implements RestorePoint {
    }

    /** A point in time inside the recovery window. */
    record ToTimestamp(Instant timestamp) implements RestorePoint {
    }

    /** A system change number. */
    record ToScn(String scn) implements RestorePoint {
    }

    /** Every backup of a database (all pages), as the service orders them. */
    List<Backup> list(String databaseId);

    /** The automatic backup configuration, from GetDatabase; null when the database has none. */
    BackupConfig config(String databaseId);

    /** The compartment a database is in (GetDatabase), to look up its work requests. */
    String compartmentOf(String databaseId);

    /**
     * CreateBackup. {@code retryToken} goes out as {@code opc-retry-token}: sent again with the same
     * token (after an answer that was lost), the service returns the first backup instead of making a
     * second one.
     */
    Submitted create(String databaseId, String displayName, Integer retentionDays, String retryToken);

    Submitted delete(String backupId);

    /** CancelBackup, with {@code opc-retry-token} as for {@link #create}. */
    Submitted cancel(String backupId, String retryToken);

    Submitted restore(String databaseId, RestorePoint to);
}
