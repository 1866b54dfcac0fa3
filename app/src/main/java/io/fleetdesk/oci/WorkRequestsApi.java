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

    @Override
    void close();
}
