package io.fleetdesk.oci;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.circuitbreaker.NoCircuitBreakerConfiguration;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.DataGuardGroup;
import com.oracle.bmc.database.model.DataGuardGroupMember;
import com.oracle.bmc.database.model.DatabaseSummary;
import com.oracle.bmc.database.model.DbHomeSummary;
import com.oracle.bmc.database.model.DbSystemSummary;
import com.oracle.bmc.database.model.PluggableDatabaseSummary;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.MaintenanceRunSummary;
import com.oracle.bmc.database.requests.GetDatabaseRequest;
import com.oracle.bmc.database.requests.ListAutonomousContainerDatabasesRequest;
import com.oracle.bmc.database.requests.ListAutonomousDatabasesRequest;
import com.oracle.bmc.database.requests.ListAutonomousVmClustersRequest;
import com.oracle.bmc.database.requests.ListCloudAutonomousVmClustersRequest;
import com.oracle.bmc.database.requests.ListCloudExadataInfrastructuresRequest;
import com.oracle.bmc.database.requests.ListCloudVmClustersRequest;
import com.oracle.bmc.database.requests.ListExadataInfrastructuresRequest;
import com.oracle.bmc.database.requests.ListMaintenanceRunsRequest;
import com.oracle.bmc.database.requests.ListVmClustersRequest;
import com.oracle.bmc.database.requests.ListDatabasesRequest;
import com.oracle.bmc.database.requests.ListDbHomesRequest;
import com.oracle.bmc.database.requests.ListDbSystemsRequest;
import com.oracle.bmc.database.requests.ListPluggableDatabasesRequest;
import com.oracle.bmc.database.responses.ListDatabasesResponse;
import com.oracle.bmc.database.responses.ListDbHomesResponse;
import com.oracle.bmc.database.responses.ListDbSystemsResponse;
import com.oracle.bmc.database.responses.ListPluggableDatabasesResponse;
import com.oracle.bmc.http.client.jersey3.ApacheClientProperties;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.RetryConfiguration;
import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * {@link RegionApi} over the OCI Java SDK's {@link DatabaseClient}, built once per region and
 * reused for every refresh.
 *
 * <p>Configured on purpose (design section 7): SDK retries off and the SDK circuit breaker off,
 * because the poller owns the retry policy, backoff and the per-region limit (two retry loops
 * stacked would multiply the load on a throttled region); the Apache connection pool sized to the
 * poller's concurrency (its default would cap us at a few dozen requests in flight); a read timeout
 * so a stalled response ends as a timeout instead of hanging a refresh.
 */
public final class SdkRegionApi implements RegionApi {
    /** Page size we ask for: the service's maximum, because the cheapest request is the one not sent. */
    public static final int PAGE_LIMIT = 1000;

    private final String region;
    private final DatabaseClient client;

    /** How the SDK clients of a session are built. */
    public record Settings(int maxConcurrency, Duration connectTimeout, Duration readTimeout) {
        public static Settings defaults() {
            return new Settings(64, Duration.ofSeconds(5), Duration.ofSeconds(20));
        }
    }

    public SdkRegionApi(OciProfile profile, String region, Settings settings, Consumer<Duration> onRetryAfter) {
        this.region = region;
        ClientConfiguration config = configuration(settings);
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(settings.maxConcurrency());
        pool.setDefaultMaxPerRoute(settings.maxConcurrency());
        DatabaseClient.Builder b = DatabaseClient.builder()
                .configuration(config)
                .isStreamWarningEnabled(false) // we call no streaming operation
                .additionalClientConfigurator(builder -> {
                    builder.property(ApacheClientProperties.CONNECTION_MANAGER, pool);
                    builder.property(ApacheClientProperties.REUSE_STRATEGY, new RetryAfterObserver(onRetryAfter));
                });
        if (profile.endpoint() != null) {
            b.endpoint(profile.endpoint().apply(region));
        } else {
            b.region(region);
        }
        this.client = b.build(profile.auth());
    }

    /** No SDK retries, no circuit breaker (the poller owns both), timeouts and concurrency from the settings. */
    static ClientConfiguration configuration(Settings settings) {
        return ClientConfiguration.builder()
                .connectionTimeoutMillis((int) settings.connectTimeout().toMillis())
                .readTimeoutMillis((int) settings.readTimeout().toMillis())
                .maxAsyncThreads(settings.maxConcurrency())
                .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                .circuitBreakerConfiguration(new NoCircuitBreakerConfiguration())
                .build();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public Page<DbSystemRow> listDbSystems(String compartmentId, String page) {
        ListDbSystemsResponse r = call(() -> client.listDbSystems(ListDbSystemsRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        List<DbSystemRow> rows = new ArrayList<>(r.getItems().size());
        for (DbSystemSummary s : r.getItems()) {
            rows.add(new DbSystemRow(s.getId(), s.getCompartmentId(), s.getDisplayName(), s.getAvailabilityDomain(),
                    s.getShape(), s.getHostname(), s.getCpuCoreCount(), s.getVersion(),
                    state(s.getLifecycleState()), s.getLifecycleDetails()));
        }
        return new Page<>(rows, r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<DbHomeRow> listDbHomes(String compartmentId, String page) {
        ListDbHomesResponse r = call(() -> client.listDbHomes(ListDbHomesRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        List<DbHomeRow> rows = new ArrayList<>(r.getItems().size());
        for (DbHomeSummary h : r.getItems()) {
            rows.add(new DbHomeRow(h.getId(), h.getDbSystemId(), h.getDisplayName(), h.getDbVersion(),
                    state(h.getLifecycleState()), h.getVmClusterId()));
        }
        return new Page<>(rows, r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<DatabaseRow> listDatabases(String compartmentId, String dbHomeId, String page) {
        ListDatabasesResponse r = call(() -> client.listDatabases(ListDatabasesRequest.builder()
                .compartmentId(compartmentId).dbHomeId(dbHomeId).limit(PAGE_LIMIT).page(page).build()));
        List<DatabaseRow> rows = new ArrayList<>(r.getItems().size());
        for (DatabaseSummary d : r.getItems()) {
            rows.add(row(d));
        }
        return new Page<>(rows, r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<PdbRow> listPluggableDatabases(String compartmentId, String page) {
        ListPluggableDatabasesResponse r = call(() -> client.listPluggableDatabases(
                ListPluggableDatabasesRequest.builder().compartmentId(compartmentId).limit(PAGE_LIMIT).page(page)
                        .build()));
        List<PdbRow> rows = new ArrayList<>(r.getItems().size());
        for (PluggableDatabaseSummary p : r.getItems()) {
            rows.add(new PdbRow(p.getId(), p.getContainerDatabaseId(), p.getPdbName(),
                    state(p.getLifecycleState()),
                    state(p.getOpenMode())));
        }
        return new Page<>(rows, r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.AutonomousDatabaseRow> listAutonomousDatabases(String compartmentId, String page) {
        // Terminated databases stay listed for a while; the service filters them for us.
        var r = call(() -> client.listAutonomousDatabases(ListAutonomousDatabasesRequest.builder()
                .compartmentId(compartmentId).lifecycleStateNotEqualTo(AutonomousDatabaseSummary.LifecycleState.Terminated)
                .limit(PAGE_LIMIT).page(page).build()));
        List<Rows.AutonomousDatabaseRow> rows = new ArrayList<>(r.getItems().size());
        for (AutonomousDatabaseSummary a : r.getItems()) {
            rows.add(AutonomousRows.row(a));
        }
        return new Page<>(rows, r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.ContainerDatabaseRow> listAutonomousContainerDatabases(String compartmentId, String page) {
        var r = call(() -> client.listAutonomousContainerDatabases(ListAutonomousContainerDatabasesRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(AutonomousRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.ExadataInfrastructureRow> listCloudExadataInfrastructures(String compartmentId, String page) {
        var r = call(() -> client.listCloudExadataInfrastructures(ListCloudExadataInfrastructuresRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.ExadataInfrastructureRow> listExadataInfrastructures(String compartmentId, String page) {
        var r = call(() -> client.listExadataInfrastructures(ListExadataInfrastructuresRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.VmClusterRow> listCloudVmClusters(String compartmentId, String page) {
        var r = call(() -> client.listCloudVmClusters(ListCloudVmClustersRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.VmClusterRow> listVmClusters(String compartmentId, String page) {
        var r = call(() -> client.listVmClusters(ListVmClustersRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.AutonomousVmClusterRow> listCloudAutonomousVmClusters(String compartmentId, String page) {
        var r = call(() -> client.listCloudAutonomousVmClusters(ListCloudAutonomousVmClustersRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.AutonomousVmClusterRow> listAutonomousVmClusters(String compartmentId, String page) {
        var r = call(() -> client.listAutonomousVmClusters(ListAutonomousVmClustersRequest.builder()
                .compartmentId(compartmentId).limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public Page<Rows.MaintenanceRunRow> listMaintenanceRuns(String compartmentId, String page) {
        var r = call(() -> client.listMaintenanceRuns(ListMaintenanceRunsRequest.builder()
                .compartmentId(compartmentId).lifecycleState(MaintenanceRunSummary.LifecycleState.Scheduled)
                .limit(PAGE_LIMIT).page(page).build()));
        return new Page<>(r.getItems().stream().map(ExadataRows::row).toList(), r.getOpcNextPage(), r.getOpcRequestId());
    }

    @Override
    public DatabaseRow getDatabase(String databaseId) {
        return row(call(() -> client.getDatabase(GetDatabaseRequest.builder().databaseId(databaseId).build()))
                .getDatabase());
    }

    static DatabaseRow row(com.oracle.bmc.database.model.Database d) {
        return new DatabaseRow(d.getId(), d.getCompartmentId(), d.getDbSystemId(), d.getDbHomeId(), d.getDbName(),
                d.getDbUniqueName(), state(d.getLifecycleState()),
                d.getLifecycleDetails(), instant(d.getLastBackupTimestamp()),
                instant(d.getLastFailedBackupTimestamp()), dataGuard(d.getId(), d.getDataGuardGroup()),
                d.getVmClusterId());
    }

    static DatabaseRow row(DatabaseSummary d) {
        return new DatabaseRow(d.getId(), d.getCompartmentId(), d.getDbSystemId(), d.getDbHomeId(), d.getDbName(),
                d.getDbUniqueName(), state(d.getLifecycleState()),
                d.getLifecycleDetails(), instant(d.getLastBackupTimestamp()),
                instant(d.getLastFailedBackupTimestamp()), dataGuard(d.getId(), d.getDataGuardGroup()),
                d.getVmClusterId());
    }

    /**
     * A lifecycle state as the service wrote it. A value this SDK does not know becomes
     * UnknownEnumValue, whose value is null; show "UNKNOWN" rather than nothing, so the row still
     * says something is unusual (and is not taken for healthy).
     */
    static String state(com.oracle.bmc.http.internal.BmcEnum e) {
        return e == null ? null : e.getValue() == null ? "UNKNOWN" : e.getValue();
    }

    static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }

    /** This database's membership, from the group the service returns on every database in it. */
    static DataGuardMember dataGuard(String databaseId, DataGuardGroup g) {
        if (g == null || g.getMembers() == null) {
            return null;
        }
        DataGuardGroupMember self = null;
        List<String> peers = new ArrayList<>();
        for (DataGuardGroupMember m : g.getMembers()) {
            if (m == null || m.getDatabaseId() == null) {
                continue;
            }
            if (m.getDatabaseId().equals(databaseId)) {
                self = m;
            } else {
                peers.add(m.getDatabaseId());
            }
        }
        if (self == null) {
            return null;
        }
        // Enum values this SDK does not know read as UNKNOWN (see state()); absent ones stay null.
        return new DataGuardMember(state(self.getRole()), peers, state(g.getProtectionMode()),
                state(self.getTransportType()), self.getApplyLag(), LagText.seconds(self.getApplyLag()),
                self.getTransportLag(), state(self.getSwitchoverReadiness()), self.getSwitchoverReadinessMessage(),
                state(self.getFailoverReadiness()), self.getFailoverReadinessMessage(), self.getDataLossExposure());
    }

    /** Runs an SDK call; any failure becomes an {@link OciApiException} (status 0 when no answer was read). */
    static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (BmcException e) {
            throw OciApiException.of(e.getStatusCode(), e.getServiceCode(),
                    e.getUnmodifiedMessage() == null ? e.getMessage() : e.getUnmodifiedMessage(),
                    e.getOpcRequestId(), e.isTimeout(), e);
        } catch (RuntimeException e) {
            // Jersey/Jackson failures (a truncated or malformed body) arrive as other runtime exceptions.
            throw OciApiException.of(0, "ClientError", rootMessage(e), null, false, e);
        }
    }

    private static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c.getClass().getSimpleName() + (c.getMessage() == null ? "" : ": " + c.getMessage());
    }

    @Override
    public void close() {
        client.close();
    }
}
