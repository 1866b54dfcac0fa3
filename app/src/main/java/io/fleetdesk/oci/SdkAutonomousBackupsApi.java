package io.fleetdesk.oci;

import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.AutonomousDatabaseBackupSummary;
import com.oracle.bmc.database.model.CreateAutonomousDatabaseBackupDetails;
import com.oracle.bmc.database.model.RestoreAutonomousDatabaseDetails;
import com.oracle.bmc.database.requests.CreateAutonomousDatabaseBackupRequest;
import com.oracle.bmc.database.requests.DeleteAutonomousDatabaseBackupRequest;
import com.oracle.bmc.database.requests.GetAutonomousDatabaseRequest;
import com.oracle.bmc.database.requests.ListAutonomousDatabaseBackupsRequest;
import com.oracle.bmc.database.requests.RestoreAutonomousDatabaseRequest;
import com.oracle.bmc.workrequests.WorkRequestClient;
import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static io.fleetdesk.oci.SdkRegionApi.instant;

/**
 * {@link BackupsApi} for Autonomous Databases, over the SDK for one region: the automatic backups (kept
 * for the database's backup retention), manual backups ({@code retentionDays} null) and long-term backups
 * ({@code retentionDays} 90 to 3,650: {@code isLongTermBackup}), deleting a long-term backup, and restoring
 * to the latest point, a timestamp or an SCN. An Autonomous Database backup cannot be cancelled.
 */
public final class SdkAutonomousBackupsApi implements BackupsApi {
    /** The service's default backup retention of an Autonomous Database, when it does not say. */
    static final int DEFAULT_RETENTION_DAYS = 60;
    private final DatabaseClient database;
    private final WorkRequestClient workRequests;
    private final SdkWorkRequests.Clients clients;

    public SdkAutonomousBackupsApi(OciProfile profile, String region) {
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
            var r = SdkWorkRequests.call(() -> database.listAutonomousDatabaseBackups(
                    ListAutonomousDatabaseBackupsRequest.builder().autonomousDatabaseId(databaseId).limit(1000).page(p).build()));
            for (AutonomousDatabaseBackupSummary b : r.getItems()) {
                Double tb = b.getDatabaseSizeInTBs() != null ? b.getDatabaseSizeInTBs().doubleValue() : b.getSizeInTBs();
                out.add(new Backup(b.getId(), b.getAutonomousDatabaseId(), b.getDisplayName(),
                        SdkRegionApi.state(b.getType()), SdkRegionApi.state(b.getLifecycleState()), b.getLifecycleDetails(),
                        instant(b.getTimeStarted()), instant(b.getTimeEnded()), tb == null ? null : Math.round(tb * 1024 * 10) / 10.0,
                        b.getRetentionPeriodInDays(), Boolean.TRUE.equals(b.getIsAutomatic())));
            }
            page = r.getOpcNextPage();
        } while (page != null);
        return out;
    }

    private com.oracle.bmc.database.model.AutonomousDatabase get(String id) {
        return SdkWorkRequests.call(() -> database.getAutonomousDatabase(GetAutonomousDatabaseRequest.builder()
                .autonomousDatabaseId(id).build())).getAutonomousDatabase();
    }

    /** Automatic backups are always on; the recovery window is the database's backup retention. */
    @Override
    public BackupConfig config(String databaseId) {
        Integer days = get(databaseId).getBackupRetentionPeriodInDays();
        return new BackupConfig(true, null, days == null ? DEFAULT_RETENTION_DAYS : days, "OBJECT_STORE");
    }

    @Override
    public String compartmentOf(String databaseId) {
        return get(databaseId).getCompartmentId();
    }

    @Override
    public Submitted create(String databaseId, String displayName, Integer retentionDays, String retryToken) {
        var d = CreateAutonomousDatabaseBackupDetails.builder().autonomousDatabaseId(databaseId).displayName(displayName);
        if (retentionDays != null) {
            d.isLongTermBackup(true).retentionPeriodInDays(retentionDays);
        }
        var r = SdkWorkRequests.call(() -> database.createAutonomousDatabaseBackup(CreateAutonomousDatabaseBackupRequest
                .builder().opcRetryToken(retryToken).createAutonomousDatabaseBackupDetails(d.build()).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted delete(String backupId) {
        var r = SdkWorkRequests.call(() -> database.deleteAutonomousDatabaseBackup(DeleteAutonomousDatabaseBackupRequest
                .builder().autonomousDatabaseBackupId(backupId).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted cancel(String backupId, String retryToken) {
        throw OciApiException.of(400, "NotSupported", "An Autonomous Database backup cannot be cancelled.", null, false,
                null);
    }

    @Override
    public Submitted restore(String databaseId, RestorePoint to) {
        RestoreAutonomousDatabaseDetails.Builder d = RestoreAutonomousDatabaseDetails.builder();
        switch (to) {
            case Latest l -> d.latest(true);
            case ToTimestamp t -> d.timestamp(Date.from(t.timestamp()));
            case ToScn s -> d.databaseSCN(s.scn());
        }
        var r = SdkWorkRequests.call(() -> database.restoreAutonomousDatabase(RestoreAutonomousDatabaseRequest.builder()
                .autonomousDatabaseId(databaseId).restoreAutonomousDatabaseDetails(d.build()).build()));
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

    @Override
    public void close() {
        clients.close();
    }
}
