package io.fleetdesk.oci;

import java.util.List;

/**
 * Autonomous Data Guard operations in one region, free of SDK types: an Autonomous Database's switchover
 * and failover (to its local standby, or to a cross-region peer), and a container database's Data Guard
 * group switchover, failover and reinstate. None needs a password. Every method throws
 * {@link OciApiException} on failure.
 */
public interface AutonomousOperationsApi extends WorkRequestsApi {

    /** An Autonomous Database as GetAutonomousDatabase reads it now. */
    Rows.AutonomousDatabaseRow autonomousDatabase(String id);

    /** A container database as GetAutonomousContainerDatabase reads it now. */
    Rows.ContainerDatabaseRow containerDatabase(String id);

    /**
     * SwitchoverAutonomousDatabase: with {@code peerDbId} null, to the local standby (sent on the primary);
     * otherwise to a cross-region peer (sent on that standby peer, in its region, with the primary's OCID).
     */
    Submitted switchoverAutonomousDatabase(String id, String peerDbId);

    /** FailOverAutonomousDatabase, as {@link #switchoverAutonomousDatabase}. */
    Submitted failoverAutonomousDatabase(String id, String peerDbId);

    /** SwitchoverAutonomousContainerDatabaseDataguard, sent on the primary container database. */
    Submitted switchoverContainerDatabase(String id);

    /** FailoverAutonomousContainerDatabaseDataguard, sent on the standby container database. */
    Submitted failoverContainerDatabase(String id);

    /** ReinstateAutonomousContainerDatabaseDataguard, sent on the disabled standby container database. */
    Submitted reinstateContainerDatabase(String id);

    /** Work requests on a resource that have not ended. */
    default List<WorkOn> runningOn(String compartmentId, String resourceId) {
        return workOn(compartmentId, resourceId).stream().filter(WorkOn::running).toList();
    }
}
