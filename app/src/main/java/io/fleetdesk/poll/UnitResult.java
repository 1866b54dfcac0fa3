package io.fleetdesk.poll;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.OciApiException;

import java.util.List;

/** The outcome of one list unit: its rows, or why there are none. */
sealed interface UnitResult<T> {
    record Fresh<T>(List<T> rows) implements UnitResult<T> {
    }

    /**
     * @param call      the list call (ListDbSystems …)
     * @param refusedBy set when the service refused the call (401/403/404): a policy matter, not a
     *                  passing failure
     */
    record Failed<T>(String call, Notice reason, OciApiException refusedBy) implements UnitResult<T> {
        Failed(String call, Notice reason) {
            this(call, reason, null);
        }

        boolean refused() {
            return refusedBy != null;
        }
    }

    /** Rows to build nodes from, when they were read, whether they are stale, and whether the call was refused. */
    record Resolved<T>(List<T> rows, java.time.Instant at, io.fleetdesk.model.Staleness stale, boolean refused) {
        Resolved(List<T> rows, java.time.Instant at, io.fleetdesk.model.Staleness stale) {
            this(rows, at, stale, false);
        }
    }
}
