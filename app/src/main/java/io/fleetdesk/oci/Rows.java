package io.fleetdesk.oci;

import io.fleetdesk.model.DataGuardMember;

import java.time.Instant;

/** What the list calls return, reduced to the fields Fleetdesk shows; free of SDK types. */
public final class Rows {
    private Rows() {
    }

    public record DbSystemRow(String id, String compartmentId, String displayName, String availabilityDomain,
                              String shape, String hostname, Integer cpuCoreCount, String version,
                              String lifecycleState, String lifecycleDetails) {
    }

    /** @param vmClusterId set instead of {@code dbSystemId} on Exadata (a cloud VM cluster or a Cloud@Customer one) */
    public record DbHomeRow(String id, String dbSystemId, String displayName, String dbVersion, String lifecycleState,
                            String vmClusterId) {
        public DbHomeRow(String id, String dbSystemId, String displayName, String dbVersion, String lifecycleState) {
            this(id, dbSystemId, displayName, dbVersion, lifecycleState, null);
        }
    }

    /** @param vmClusterId set instead of {@code dbSystemId} for a database on Exadata */
    public record DatabaseRow(String id, String compartmentId, String dbSystemId, String dbHomeId, String dbName,
                              String dbUniqueName, String lifecycleState, String lifecycleDetails,
                              Instant lastBackup, Instant lastFailedBackup, DataGuardMember dataGuard,
                              String vmClusterId) {
        public DatabaseRow(String id, String compartmentId, String dbSystemId, String dbHomeId, String dbName,
                           String dbUniqueName, String lifecycleState, String lifecycleDetails, Instant lastBackup,
                           Instant lastFailedBackup, DataGuardMember dataGuard) {
            this(id, compartmentId, dbSystemId, dbHomeId, dbName, dbUniqueName, lifecycleState, lifecycleDetails,
                    lastBackup, lastFailedBackup, dataGuard, null);
        }
    }

    public record PdbRow(String id, String containerDatabaseId, String pdbName, String lifecycleState,
                         String openMode) {
    }

    /**
     * An Autonomous Database (ListAutonomousDatabases), serverless or dedicated. Every field may be absent.
     *
     * @param containerDatabaseId its autonomous container database when dedicated
     * @param infrastructureType  CLOUD or CLOUD_AT_CUSTOMER
     * @param dataGuard           its Autonomous Data Guard, or null when the service sent nothing about it
     */
    public record AutonomousDatabaseRow(String id, String compartmentId, String displayName, String dbName,
                                        String lifecycleState, String lifecycleDetails, String dbWorkload,
                                        String dbVersion, String computeModel, Float computeCount,
                                        Integer dataStorageSizeInGBs, Integer usedDataStorageSizeInGBs,
                                        Boolean dedicated, String containerDatabaseId, String infrastructureType,
                                        AutonomousDataGuard dataGuard, Instant timeMaintenanceBegin,
                                        String availabilityDomain) {
    }

    /**
     * An Autonomous Database's Data Guard as the list returns it on the database.
     *
     * @param role                 PRIMARY, STANDBY, DISABLED_STANDBY, SNAPSHOT_STANDBY, BACKUP_COPY
     * @param localStandbyLag      seconds the local standby is behind, null when not reported
     * @param localStandbyState    the local standby's lifecycle state (STANDBY when healthy)
     * @param peerDbIds            the cross-region peers' OCIDs
     * @param dataguardRegionType  PRIMARY_DG_REGION or REMOTE_STANDBY_DG_REGION
     * @param localDrType          ADG (Autonomous Data Guard) or BACKUP_BASED
     * @param ownLag               on a standby peer: how far it is behind, null when not reported
     */
    public record AutonomousDataGuard(String role, Boolean enabled, Boolean localEnabled, Boolean remoteEnabled,
                                      Integer localStandbyLag, String localStandbyState, String localStandbyDetails,
                                      String localStandbyAvailabilityDomain, java.util.List<String> peerDbIds,
                                      String dataguardRegionType, String localDrType, String remoteDrType,
                                      Instant lastSwitchover, Instant lastFailover, Integer ownLag) {
        public AutonomousDataGuard {
            peerDbIds = peerDbIds == null ? java.util.List.of() : java.util.List.copyOf(peerDbIds);
        }
    }

    /**
     * An autonomous container database (dedicated Autonomous) with its Data Guard.
     *
     * @param vmClusterId the cloud autonomous VM cluster, or the Cloud@Customer autonomous VM cluster
     * @param dataGuard   this member's place in its Data Guard group, or null
     */
    public record ContainerDatabaseRow(String id, String compartmentId, String displayName, String dbUniqueName,
                                       String lifecycleState, String lifecycleDetails, String dbVersion,
                                       String vmClusterId, String infrastructureType, String nextMaintenanceRunId,
                                       DataGuardMember dataGuard, Boolean automaticFailover, Instant lastRoleChange,
                                       String dbName) {
    }

    /**
     * An Exadata infrastructure: Exadata Database Service (cloud) or Exadata Cloud@Customer.
     *
     * @param cloudAtCustomer true for Cloud@Customer (ListExadataInfrastructures)
     */
    public record ExadataInfrastructureRow(String id, String compartmentId, String displayName, String lifecycleState,
                                           String lifecycleDetails, String shape, Integer computeCount,
                                           Integer storageCount, String dbServerVersion, String storageServerVersion,
                                           String nextMaintenanceRunId, boolean cloudAtCustomer) {
    }

    /** A VM cluster on Exadata (ListCloudVmClusters, or ListVmClusters on Cloud@Customer). */
    public record VmClusterRow(String id, String compartmentId, String displayName, String lifecycleState,
                               String lifecycleDetails, String infrastructureId, Integer nodeCount, Float ocpus,
                               String giVersion, String systemVersion, boolean cloudAtCustomer) {
    }

    /** An autonomous VM cluster (ListCloudAutonomousVmClusters, or ListAutonomousVmClusters on Cloud@Customer). */
    public record AutonomousVmClusterRow(String id, String compartmentId, String displayName, String lifecycleState,
                                         String lifecycleDetails, String infrastructureId, Integer nodeCount,
                                         Float ocpus, String nextMaintenanceRunId, boolean cloudAtCustomer) {
    }

    /** A maintenance run (ListMaintenanceRuns): what it patches and when. */
    public record MaintenanceRunRow(String id, String displayName, String targetResourceId, String targetResourceType,
                                    String lifecycleState, Instant timeScheduled, String maintenanceType) {
    }
}
