package io.fleetdesk.ops;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One line of the audit log: the intent to change something (written and synced to disk before the
 * request is sent) or its outcome. Never holds a secret: {@link AuditLog} refuses parameters whose
 * names look like one.
 *
 * @param at            when it was written
 * @param operationId   ties an outcome to its intent
 * @param phase         INTENT, SENT (the service answered with a work request) or OUTCOME
 * @param osUser        who ran Fleetdesk
 * @param ociUser       the OCI user (or profile) the request runs as
 * @param profile       the Fleetdesk profile
 * @param action        what, e.g. SWITCHOVER, CREATE_BACKUP
 * @param targets       OCIDs (or connect strings) acted on
 * @param parameters    the request's parameters, without secrets
 * @param status        for an outcome: SUCCEEDED, FAILED, CANCELED…; null for an intent
 * @param workRequestId the service's work request, when there is one
 * @param opcRequestId  the service's request id, to quote to Oracle Support
 * @param durationMs    for an outcome: from intent to outcome
 * @param message       for an outcome written before 2026-11-29: what happened, in English words
 * @param notice        for an outcome: what happened, as data the UI words in the DBA's language
 */
public record AuditEntry(Instant at, String operationId, Phase phase, String osUser, String ociUser, String profile,
                         String action, List<String> targets, Map<String, String> parameters, String status,
                         String workRequestId, String opcRequestId, Long durationMs, String message,
                         io.fleetdesk.model.Notice notice) {

    public enum Phase { INTENT, SENT, OUTCOME }

    public AuditEntry {
        targets = targets == null ? List.of() : List.copyOf(targets);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
    }
}
