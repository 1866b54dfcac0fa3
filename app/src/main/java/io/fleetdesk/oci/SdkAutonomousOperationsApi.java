package io.fleetdesk.oci;

import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.requests.FailOverAutonomousDatabaseRequest;
import com.oracle.bmc.database.requests.FailoverAutonomousContainerDatabaseDataguardRequest;
import com.oracle.bmc.database.requests.GetAutonomousContainerDatabaseRequest;
import com.oracle.bmc.database.requests.GetAutonomousDatabaseRequest;
import com.oracle.bmc.database.requests.ReinstateAutonomousContainerDatabaseDataguardRequest;
import com.oracle.bmc.database.requests.SwitchoverAutonomousContainerDatabaseDataguardRequest;
import com.oracle.bmc.database.requests.SwitchoverAutonomousDatabaseRequest;
import com.oracle.bmc.workrequests.WorkRequestClient;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@link AutonomousOperationsApi} over the SDK for one region. No SDK retries: each operation is sent
 * once with an {@code opc-retry-token} where the API takes one, so a retry after a lost answer would be
 * safe; the workflow never resends blindly, it looks the work request up.
 */
public final class SdkAutonomousOperationsApi implements AutonomousOperationsApi {
    private final DatabaseClient database;
    private final WorkRequestClient workRequests;
    private final SdkWorkRequests.Clients clients;

    public SdkAutonomousOperationsApi(OciProfile profile, String region) {
        this.clients = SdkWorkRequests.Clients.of(profile, region);
        this.database = clients.database();
        this.workRequests = clients.workRequests();
    }

    @Override
    public Rows.AutonomousDatabaseRow autonomousDatabase(String id) {
        var a = call(() -> database.getAutonomousDatabase(GetAutonomousDatabaseRequest.builder()
                .autonomousDatabaseId(id).build())).getAutonomousDatabase();
        return AutonomousRows.row(as(a, com.oracle.bmc.database.model.AutonomousDatabaseSummary.class));
    }

    @Override
    public Rows.ContainerDatabaseRow containerDatabase(String id) {
        var c = call(() -> database.getAutonomousContainerDatabase(GetAutonomousContainerDatabaseRequest.builder()
                .autonomousContainerDatabaseId(id).build())).getAutonomousContainerDatabase();
        return AutonomousRows.row(as(c, com.oracle.bmc.database.model.AutonomousContainerDatabaseSummary.class));
    }

    /**
     * A Get call's model as its list's summary model (the same fields, by the same names), through the
     * SDK's own serializer, so one mapping serves both and a field the response left out stays out.
     */
    private static <T> T as(Object model, Class<T> summary) {
        try {
            var s = com.oracle.bmc.http.client.Serializer.getDefault();
            return s.readValue(s.writeValueAsString(model), summary);
        } catch (java.io.IOException e) {
            throw OciApiException.of(0, "ClientError", "could not read " + model.getClass().getSimpleName() + ": " + e,
                    null, false, e);
        }
    }

    @Override
    public Submitted switchoverAutonomousDatabase(String id, String peerDbId) {
        var r = call(() -> database.switchoverAutonomousDatabase(SwitchoverAutonomousDatabaseRequest.builder()
                .autonomousDatabaseId(id).peerDbId(peerDbId).opcRetryToken(UUID.randomUUID().toString()).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted failoverAutonomousDatabase(String id, String peerDbId) {
        var r = call(() -> database.failOverAutonomousDatabase(FailOverAutonomousDatabaseRequest.builder()
                .autonomousDatabaseId(id).peerDbId(peerDbId).opcRetryToken(UUID.randomUUID().toString()).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted switchoverContainerDatabase(String id) {
        var r = call(() -> database.switchoverAutonomousContainerDatabaseDataguard(
                SwitchoverAutonomousContainerDatabaseDataguardRequest.builder().autonomousContainerDatabaseId(id).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted failoverContainerDatabase(String id) {
        var r = call(() -> database.failoverAutonomousContainerDatabaseDataguard(
                FailoverAutonomousContainerDatabaseDataguardRequest.builder().autonomousContainerDatabaseId(id).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public Submitted reinstateContainerDatabase(String id) {
        var r = call(() -> database.reinstateAutonomousContainerDatabaseDataguard(
                ReinstateAutonomousContainerDatabaseDataguardRequest.builder().autonomousContainerDatabaseId(id).build()));
        return new Submitted(r.getOpcWorkRequestId(), r.getOpcRequestId());
    }

    @Override
    public WorkRequestProgress workRequest(String id) {
        return SdkWorkRequests.progress(workRequests, id);
    }

    @Override
    public List<WorkOn> workOn(String compartmentId, String resourceId) {
        return SdkWorkRequests.workOn(workRequests, compartmentId, resourceId);
    }

    private static <T> T call(Supplier<T> c) {
        return SdkWorkRequests.call(c);
    }

    @Override
    public void close() {
        clients.close();
    }
}
