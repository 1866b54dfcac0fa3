package io.fleetdesk.oci;

import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.DataGuardAssociationSummary;
import com.oracle.bmc.database.model.FailoverDataGuardAssociationDetails;
import com.oracle.bmc.database.model.ReinstateDataGuardAssociationDetails;
import com.oracle.bmc.database.model.SwitchoverDataGuardAssociationDetails;
import com.oracle.bmc.database.requests.FailoverDataGuardAssociationRequest;
import com.oracle.bmc.database.requests.GetDatabaseRequest;
import com.oracle.bmc.database.requests.ListDataGuardAssociationsRequest;
import com.oracle.bmc.database.requests.ReinstateDataGuardAssociationRequest;
import com.oracle.bmc.database.requests.SwitchoverDataGuardAssociationRequest;
import com.oracle.bmc.workrequests.WorkRequestClient;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link DataGuardOperationsApi} over the SDK's DatabaseClient and WorkRequestClient for one region.
 * No SDK retries: an operation that changes a database is sent once, and the caller decides what
 * to do when it fails (a blind retry of a switchover is not what a DBA wants).
 */
public final class SdkDataGuardOperationsApi implements DataGuardOperationsApi {
    private final DatabaseClient database;
    private final WorkRequestClient workRequests;
    private final SdkWorkRequests.Clients clients;

    public SdkDataGuardOperationsApi(OciProfile profile, String region) {
        this.clients = SdkWorkRequests.Clients.of(profile, region);
        this.database = clients.database();
        this.workRequests = clients.workRequests();
    }

    @Override
    public Association association(String databaseId) {
        var items = call(() -> database.listDataGuardAssociations(ListDataGuardAssociationsRequest.builder()
                .databaseId(databaseId).build())).getItems();
        if (items.isEmpty()) {
            throw new OciApiException(404, "NotFound", "Database " + databaseId + " has no Data Guard association.",
                    null, false, null);
        }
        DataGuardAssociationSummary a = items.getFirst();
        return new Association(a.getId(), a.getDatabaseId(), value(a.getRole()), a.getPeerDatabaseId(),
                value(a.getPeerRole()), a.getPeerDbSystemId(), value(a.getLifecycleState()), a.getLifecycleDetails(),
                value(a.getProtectionMode()), value(a.getTransportType()), a.getApplyLag(), a.getApplyRate());
    }

    @Override
    public Rows.DatabaseRow database(String databaseId) {
        return SdkRegionApi.row(call(() -> database.getDatabase(GetDatabaseRequest.builder().databaseId(databaseId)
                .build())).getDatabase());
    }

    @Override
    public List<WorkOn> workOn(String compartmentId, String resourceId) {
        return SdkWorkRequests.workOn(workRequests, compartmentId, resourceId);
    }

    /** An SDK enum's wire value, as the service writes it; null stays null. */
    private static String value(com.oracle.bmc.http.internal.BmcEnum e) {
        return e == null ? null : e.getValue();
    }

    @Override
    public Submitted switchover(String databaseId, String associationId, char[] adminPassword) {
        return send(adminPassword, pw -> {
            var r = database.switchoverDataGuardAssociation(SwitchoverDataGuardAssociationRequest.builder()
                    .databaseId(databaseId).dataGuardAssociationId(associationId)
                    .switchoverDataGuardAssociationDetails(SwitchoverDataGuardAssociationDetails.builder()
                            .databaseAdminPassword(pw).build()).build());
            return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
        });
    }

    @Override
    public Submitted failover(String databaseId, String associationId, char[] adminPassword) {
        return send(adminPassword, pw -> {
            var r = database.failoverDataGuardAssociation(FailoverDataGuardAssociationRequest.builder()
                    .databaseId(databaseId).dataGuardAssociationId(associationId)
                    .failoverDataGuardAssociationDetails(FailoverDataGuardAssociationDetails.builder()
                            .databaseAdminPassword(pw).build()).build());
            return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
        });
    }

    @Override
    public Submitted reinstate(String databaseId, String associationId, char[] adminPassword) {
        return send(adminPassword, pw -> {
            var r = database.reinstateDataGuardAssociation(ReinstateDataGuardAssociationRequest.builder()
                    .databaseId(databaseId).dataGuardAssociationId(associationId)
                    .reinstateDataGuardAssociationDetails(ReinstateDataGuardAssociationDetails.builder()
                            .databaseAdminPassword(pw).build()).build());
            return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
        });
    }

    /** Sends once with the password (the SDK's details need a String) and wipes the char[] whatever happens. */
    private static Submitted send(char[] adminPassword, java.util.function.Function<String, Submitted> request) {
        try {
            return call(() -> request.apply(new String(adminPassword)));
        } finally {
            Arrays.fill(adminPassword, '\0');
        }
    }

    @Override
    public WorkRequestProgress workRequest(String id) {
        return SdkWorkRequests.progress(workRequests, id);
    }

    private static <T> T call(Supplier<T> c) {
        return SdkWorkRequests.call(c);
    }

    @Override
    public void close() {
        clients.close();
    }
}
