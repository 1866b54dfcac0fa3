package io.fleetdesk.oci;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.circuitbreaker.NoCircuitBreakerConfiguration;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.workrequests.WorkRequestClient;
import com.oracle.bmc.workrequests.model.WorkRequest;
import com.oracle.bmc.workrequests.model.WorkRequestError;
import com.oracle.bmc.workrequests.model.WorkRequestLogEntry;
import com.oracle.bmc.workrequests.requests.GetWorkRequestRequest;
import com.oracle.bmc.workrequests.requests.ListWorkRequestErrorsRequest;
import com.oracle.bmc.workrequests.model.WorkRequestSummary;
import com.oracle.bmc.workrequests.requests.ListWorkRequestLogsRequest;
import com.oracle.bmc.workrequests.requests.ListWorkRequestsRequest;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/** Reads a work request through the SDK, for every API that starts operations. */
final class SdkWorkRequests {
    private SdkWorkRequests() {
    }

    /**
     * The two clients an API that changes databases needs, for one region: Database and Work Requests,
     * with no SDK retries and no circuit breaker (an action is sent once; the caller decides what to do
     * when it fails) and a read timeout.
     */
    record Clients(DatabaseClient database, WorkRequestClient workRequests) implements AutoCloseable {
        static Clients of(OciProfile profile, String region) {
            ClientConfiguration config = ClientConfiguration.builder()
                    .connectionTimeoutMillis(5_000)
                    .readTimeoutMillis((int) Duration.ofSeconds(60).toMillis())
                    .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION)
                    .circuitBreakerConfiguration(new NoCircuitBreakerConfiguration())
                    .build();
            DatabaseClient.Builder db = DatabaseClient.builder().configuration(config).isStreamWarningEnabled(false);
            WorkRequestClient.Builder wr = WorkRequestClient.builder().configuration(config);
            if (profile.endpoint() != null) {
                db.endpoint(profile.endpoint().apply(region));
            } else {
                db.region(region);
            }
            // The real service's work requests live on another host (iaas.{region}…) than Database: a
            // Database endpoint (a private endpoint, a proxy) is not used for them unless named for them.
            String wrEndpoint = profile.workRequestsEndpoint(region);
            if (wrEndpoint != null) {
                wr.endpoint(wrEndpoint);
            } else {
                wr.region(region);
            }
            return new Clients(db.build(profile.auth()), wr.build(profile.auth()));
        }

        @Override
        public void close() {
            database.close();
            workRequests.close();
        }
    }

    /** Status and percent, the service's log, and its errors once it FAILED. */
    static WorkRequestsApi.WorkRequestProgress progress(WorkRequestClient workRequests, String id) {
        WorkRequest w = call(() -> workRequests.getWorkRequest(GetWorkRequestRequest.builder().workRequestId(id).build()))
                .getWorkRequest();
        String status = w.getStatus() == null ? "UNKNOWN" : w.getStatus().getValue();
        List<String> errors = status.equals("FAILED")
                ? call(() -> workRequests.listWorkRequestErrors(ListWorkRequestErrorsRequest.builder().workRequestId(id)
                .build())).getItems().stream().map(WorkRequestError::getMessage).toList()
                : List.of();
        List<String> log = call(() -> workRequests.listWorkRequestLogs(ListWorkRequestLogsRequest.builder()
                .workRequestId(id).build())).getItems().stream().map(WorkRequestLogEntry::getMessage).toList();
        return new WorkRequestsApi.WorkRequestProgress(w.getId(), status,
                w.getPercentComplete() == null ? 0f : w.getPercentComplete(),
                w.getTimeFinished() == null ? null : w.getTimeFinished().toInstant(), errors, log);
    }

    /** ListWorkRequests on one resource, every page, newest first. */
    static List<WorkRequestsApi.WorkOn> workOn(WorkRequestClient workRequests, String compartmentId, String resourceId) {
        List<WorkRequestsApi.WorkOn> out = new java.util.ArrayList<>();
        String page = null;
        do {
            String p = page;
            var r = call(() -> workRequests.listWorkRequests(ListWorkRequestsRequest.builder().compartmentId(compartmentId)
                    .resourceId(resourceId).page(p).build()));
            for (WorkRequestSummary w : r.getItems()) {
                if (w.getId() == null) {
                    continue;
                }
                out.add(new WorkRequestsApi.WorkOn(w.getId(), w.getOperationType(),
                        w.getStatus() == null ? "UNKNOWN" : w.getStatus().getValue(),
                        w.getPercentComplete() == null ? 0f : w.getPercentComplete(),
                        w.getTimeAccepted() == null ? null : w.getTimeAccepted().toInstant()));
            }
            page = r.getOpcNextPage();
        } while (page != null);
        out.sort(java.util.Comparator.comparing(WorkRequestsApi.WorkOn::accepted,
                java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder())));
        return out;
    }

    /** Runs an SDK call; a service error becomes an {@link OciApiException} with its status, code and request id. */
    static <T> T call(Supplier<T> c) {
        try {
            return c.get();
        } catch (BmcException e) {
            throw OciApiException.of(e.getStatusCode(), e.getServiceCode(),
                    e.getUnmodifiedMessage() == null ? e.getMessage() : e.getUnmodifiedMessage(), e.getOpcRequestId(),
                    e.isTimeout(), e);
        }
    }
}
