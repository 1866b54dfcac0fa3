package io.fleetdesk.oci;

import java.time.Instant;
import java.util.List;

/**
 * Data Guard operations in one region, free of SDK types: start a switchover, failover or
 * reinstate, and follow its work request. Every method throws {@link OciApiException} on failure.
 * Passwords come as {@code char[]} and are cleared once the request is sent.
 */
public interface DataGuardOperationsApi extends AutoCloseable {

    /** A started operation: the work request to follow and the request id to quote to Oracle Support. */
    record Submitted(String workRequestId, String opcRequestId) {
    }

    /**
     * Where a work request is.
     *
     * @param status          ACCEPTED, IN_PROGRESS, SUCCEEDED, FAILED, CANCELING, CANCELED
     * @param percentComplete 0..100
     * @param finished        when it ended, or null while it runs
     * @param errors          the service's error messages (after FAILED)
     * @param log             the service's progress messages, oldest first
     */
    record WorkRequestProgress(String id, String status, float percentComplete, Instant finished, List<String> errors,
                               List<String> log) {
        public boolean ended() {
            return finished != null || status.equals("SUCCEEDED") || status.equals("FAILED") || status.equals("CANCELED");
        }
    }

    /** The Data Guard association of a database (its own side's id). */
    String associationId(String databaseId);

    Submitted switchover(String databaseId, String associationId, char[] adminPassword);

    Submitted failover(String databaseId, String associationId, char[] adminPassword);

    Submitted reinstate(String databaseId, String associationId, char[] adminPassword);

    WorkRequestProgress workRequest(String workRequestId);

    @Override
    void close();
}
