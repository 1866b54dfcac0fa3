package io.fleetdesk.oci;

import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.BackupSummary;
import com.oracle.bmc.database.model.CreateBackupDetails;
import com.oracle.bmc.database.model.DbBackupConfig;
import com.oracle.bmc.database.model.RestoreDatabaseDetails;
import com.oracle.bmc.database.requests.CancelBackupRequest;
import com.oracle.bmc.database.requests.CreateBackupRequest;
import com.oracle.bmc.database.requests.DeleteBackupRequest;
import com.oracle.bmc.database.requests.GetDatabaseRequest;
import com.oracle.bmc.database.requests.ListBackupsRequest;
import com.oracle.bmc.database.requests.RestoreDatabaseRequest;
import com.oracle.bmc.workrequests.WorkRequestClient;
import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * {@link BackupsApi} over the SDK's DatabaseClient and WorkRequestClient for one region. No SDK
 * retries: an action that changes a database is sent once.
 */
public final class SdkBackupsApi implements BackupsApi {
    private final DatabaseClient database;
    private final WorkRequestClient workRequests;
    private final SdkWorkRequests.Clients clients;

    public SdkBackupsApi(OciProfile profile, String region) {
        this.clients = SdkWorkRequests.Clients.of(profile, region);
        this.database = clients.database();
        this.workRequests = clients.workRequests();
    }

    @Override
    public List<Backup> list(String databaseId) {
        List<Backup> out = new ArrayList<>();
        String page = null;
        do {
            String p = page;
            var r = SdkWorkRequests.call(() -> database.listBackups(ListBackupsRequest.builder().databaseId(databaseId)
                    .limit(1000).page(p).build()));
            for (BackupSummary b : r.getItems()) {
                out.add(new Backup(b.getId(), b.getDatabaseId(), b.getDisplayName(),
                        b.getType() == null ? null : b.getType().getValue(),
                        b.getLifecycleState() == null ? null : b.getLifecycleState().getValue(), b.getLifecycleDetails(),
                        instant(b.getTimeStarted()), instant(b.getTimeEnded()), b.getDatabaseSizeInGBs(),
                        b.getRetentionPeriodInDays(), automatic(b)));
            }
            page = r.getOpcNextPage();
        } while (page != null);
        return out;
    }

    /**
     * The API has no "automatic" flag: the service names its scheduled backups "Automatic Backup",
     * and on-demand ones carry a retention period.
     */
    private static boolean automatic(BackupSummary b) {
        return b.getDisplayName() != null && b.getDisplayName().startsWith("Automatic Backup");
    }

    @Override
    public BackupConfig config(String databaseId) {
        DbBackupConfig c = SdkWorkRequests.call(() -> database.getDatabase(GetDatabaseRequest.builder()
                .databaseId(databaseId).build())).getDatabase().getDbBackupConfig();
        if (c == null) {
            return null;
        }
        String destination = c.getBackupDestinationDetails() == null || c.getBackupDestinationDetails().isEmpty() ? null
                : c.getBackupDestinationDetails().getFirst().getType() == null ? null
                : c.getBackupDestinationDetails().getFirst().getType().getValue();
        return new BackupConfig(Boolean.TRUE.equals(c.getAutoBackupEnabled()),
                c.getAutoBackupWindow() == null ? null : c.getAutoBackupWindow().getValue(), c.getRecoveryWindowInDays(),
                destination);
    }

    @Override
    public String compartmentOf(String databaseId) {
        return SdkWorkRequests.call(() -> database.getDatabase(GetDatabaseRequest.builder().databaseId(databaseId)
                .build())).getDatabase().getCompartmentId();
    }

    @Override
    public Submitted create(String databaseId, String displayName, Integer retentionDays, String retryToken) {
        var r = SdkWorkRequests.call(() -> database.createBackup(CreateBackupRequest.builder().opcRetryToken(retryToken)
                .createBackupDetails(CreateBackupDetails.builder().databaseId(databaseId).displayName(displayName)
                        .retentionPeriodInDays(retentionDays).build()).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted delete(String backupId) {
        var r = SdkWorkRequests.call(() -> database.deleteBackup(DeleteBackupRequest.builder().backupId(backupId).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted cancel(String backupId, String retryToken) {
        var r = SdkWorkRequests.call(() -> database.cancelBackup(CancelBackupRequest.builder().backupId(backupId)
                .opcRetryToken(retryToken).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted restore(String databaseId, RestorePoint to) {
        RestoreDatabaseDetails.Builder d = RestoreDatabaseDetails.builder();
        switch (to) {
            case Latest l -> d.latest(true);
            case ToTimestamp t -> d.timestamp(Date.from(t.timestamp()));
            case ToScn s -> d.databaseSCN(s.scn());
        }
        var r = SdkWorkRequests.call(() -> database.restoreDatabase(RestoreDatabaseRequest.builder().databaseId(databaseId)
                .restoreDatabaseDetails(d.build()).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public List<WorkOn> workOn(String compartmentId, String resourceId) {
        return SdkWorkRequests.workOn(workRequests, compartmentId, resourceId);
    }

    @Override
    public WorkRequestProgress workRequest(String workRequestId) {
        return SdkWorkRequests.progress(workRequests, workRequestId);
    }

    private static java.time.Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    @Override
    public void close() {
        clients.close();
    }
}
