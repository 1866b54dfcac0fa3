package io.fleetdesk.oci;

import java.time.Instant;
import java.util.List;

/**
 * What every operation that changes a database shares: the request returns a work request, which
 * is followed to its end. Free of SDK types; methods throw {@link OciApiException} on failure.
 */
public interface WorkRequestsApi extends AutoCloseable {

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

    WorkRequestProgress workRequest(String workRequestId);

    /**
     * A work request on a resource, as ListWorkRequests lists it (any status).
     *
     * @param accepted when the service accepted it; null when the response left it out
     */
    record WorkOn(String id, String operationType, String status, float percentComplete, Instant accepted) {
        /** ACCEPTED, IN_PROGRESS or CANCELING: it has not ended. */
        public boolean running() {
            return "ACCEPTED".equals(status) || "IN_PROGRESS".equals(status) || "CANCELING".equals(status);
        }
    }

    /**
     * The work requests on a resource in a compartment (ListWorkRequests, every page), newest first.
     * After a request whose answer was lost this finds out whether the service started the operation.
     */
    List<WorkOn> workOn(String compartmentId, String resourceId);

    @Override
    void close();
}
