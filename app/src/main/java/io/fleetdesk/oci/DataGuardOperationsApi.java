package io.fleetdesk.oci;

import java.util.List;

/**
 * Data Guard operations in one region, free of SDK types: start a switchover, failover or
 * reinstate, and follow its work request. Every method throws {@link OciApiException} on failure.
 * Passwords come as {@code char[]} and are cleared once the request is sent.
 */
public interface DataGuardOperationsApi extends WorkRequestsApi {

    /**
     * A database's Data Guard association, as seen from that database.
     *
     * @param id             this side's association OCID (operations are sent on it)
     * @param role           this database's role
     * @param peerRole       the peer's role
     * @param lifecycleState AVAILABLE, UPDATING, FAILED …
     * @param applyLag       the service's text, e.g. "7 seconds"; null where unknown
     * @param applyRate      e.g. "11.84 MByte/s"; null where unknown
     */
    record Association(String id, String databaseId, String role, String peerDatabaseId, String peerRole,
                       String peerDbSystemId, String lifecycleState, String lifecycleDetails, String protectionMode,
                       String transportType, String applyLag, String applyRate) {
    }

    /** A work request that has not ended, on a resource. */
    record RunningWork(String id, String operationType, String status, float percentComplete) {
    }

    /** The Data Guard association of a database (404 NotFound when it has none). */
    Association association(String databaseId);

    /** The association's id on this database's side. */
    default String associationId(String databaseId) {
        return association(databaseId).id();
    }

    /** One database, read now (GetDatabase), with its Data Guard group. */
    Rows.DatabaseRow database(String databaseId);

    /** Work requests on a resource that are ACCEPTED, IN_PROGRESS or CANCELING (ListWorkRequests). */
    default List<RunningWork> runningWork(String compartmentId, String resourceId) {
        return workOn(compartmentId, resourceId).stream().filter(WorkOn::running)
                .map(w -> new RunningWork(w.id(), w.operationType(), w.status(), w.percentComplete())).toList();
    }

    Submitted switchover(String databaseId, String associationId, char[] adminPassword);

    Submitted failover(String databaseId, String associationId, char[] adminPassword);

    Submitted reinstate(String databaseId, String associationId, char[] adminPassword);

}
