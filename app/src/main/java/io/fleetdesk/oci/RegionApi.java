package io.fleetdesk.oci;

import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;

/**
 * The Database service of one region, one page per call, so the caller decides concurrency,
 * deadlines and retries. Every method throws {@link OciApiException} when the call fails.
 */
public interface RegionApi extends AutoCloseable {
    String region();

    Page<DbSystemRow> listDbSystems(String compartmentId, String page);

    Page<DbHomeRow> listDbHomes(String compartmentId, String page);

    /** The service refuses ListDatabases without a DB home or DB system; we always pass the home. */
    Page<DatabaseRow> listDatabases(String compartmentId, String dbHomeId, String page);

    Page<PdbRow> listPluggableDatabases(String compartmentId, String page);

    /** Serverless and dedicated Autonomous Databases of a compartment, with their Data Guard. */
    Page<Rows.AutonomousDatabaseRow> listAutonomousDatabases(String compartmentId, String page);

    /** Autonomous container databases (dedicated Autonomous), with their Data Guard members. */
    Page<Rows.ContainerDatabaseRow> listAutonomousContainerDatabases(String compartmentId, String page);

    /** Exadata Database Service infrastructures (ListCloudExadataInfrastructures). */
    Page<Rows.ExadataInfrastructureRow> listCloudExadataInfrastructures(String compartmentId, String page);

    /** Exadata Cloud@Customer infrastructures (ListExadataInfrastructures). */
    Page<Rows.ExadataInfrastructureRow> listExadataInfrastructures(String compartmentId, String page);

    /** VM clusters on Exadata Database Service (ListCloudVmClusters). */
    Page<Rows.VmClusterRow> listCloudVmClusters(String compartmentId, String page);

    /** VM clusters on Exadata Cloud@Customer (ListVmClusters). */
    Page<Rows.VmClusterRow> listVmClusters(String compartmentId, String page);

    /** Autonomous VM clusters on Exadata Database Service (ListCloudAutonomousVmClusters). */
    Page<Rows.AutonomousVmClusterRow> listCloudAutonomousVmClusters(String compartmentId, String page);

    /** Autonomous VM clusters on Exadata Cloud@Customer (ListAutonomousVmClusters). */
    Page<Rows.AutonomousVmClusterRow> listAutonomousVmClusters(String compartmentId, String page);

    /** The scheduled maintenance runs of a compartment (ListMaintenanceRuns, lifecycleState=SCHEDULED). */
    Page<Rows.MaintenanceRunRow> listMaintenanceRuns(String compartmentId, String page);

    /** A single database; only for what a list does not return. */
    DatabaseRow getDatabase(String databaseId);

    @Override
    void close();
}
