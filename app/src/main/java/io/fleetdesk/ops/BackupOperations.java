package io.fleetdesk.ops;

import io.fleetdesk.model.Backup;
import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.WorkRequestsApi.Submitted;
import io.fleetdesk.oci.WorkRequestsApi.WorkOn;
import io.fleetdesk.oci.WorkRequestsApi.WorkRequestProgress;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Create, delete and cancel a backup, and restore a database: each audited (intent synced before the
 * request, the work request as soon as the service answers, the outcome at the end) and followed to
 * the end of its work request. One operation per database at a time, shared with the Data Guard
 * workflow ({@link OperationLocks}). Blocking: run on a background thread. No JavaFX here, and no
 * sentences: what happened is a {@link Notice} the UI words.
 *
 * <p>After a send, only a clear 4xx answer is a refusal. Anything else (a timeout, a lost connection,
 * a 5xx) is UNKNOWN until the work request is found: the service may well have accepted it, and
 * telling the DBA to start again could mean a second restore. CreateBackup and CancelBackup carry
 * an {@code opc-retry-token}, so sending them again with it can never do the work twice.
 */
public final class BackupOperations {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(BackupOperations.class);
    /**
     * Where an action is; {@code ended} with {@code succeeded} or not, and what happened.
     *
     * @param status     SENDING, NOT_SENT, REFUSED, a work request status, or UNKNOWN (sent, end not known)
     * @param unrecorded why the outcome could not be written to the audit log; null when it was
     */
    public record Progress(String action, String status, float percentComplete, List<String> log, Notice message,
                           String workRequestId, String opcRequestId, boolean ended, boolean succeeded,
                           Notice unrecorded) {
        static Progress start(String action) {
            return new Progress(action, "SENDING", 0, List.of(), null, null, null, false, false, null);
        }

        static Progress end(String action, String status, Notice message) {
            return new Progress(action, status, 0, List.of(), message, null, null, true, false, null);
        }
    }

    /** Who acts, for the audit log. */
    public record Actor(String profile, String ociUser) {
    }

    private final BackupsApi api;
    private final AuditLog audit;
    private final OperationLocks locks;
    private final Actor actor;
    private final Duration poll;

    public BackupOperations(BackupsApi api, AuditLog audit, OperationLocks locks, Actor actor, Duration poll) {
        this.api = api;
        this.audit = audit;
        this.locks = locks;
        this.actor = actor;
        this.poll = poll;
    }

    /** One action as {@link #run} sends it: what, on which database and resource, and how to send it. */
    private record Action(String name, String databaseId, String resourceId, List<String> targets,
                          Map<String, String> parameters, boolean retryable, Function<String, Submitted> send,
                          Notice success) {
    }

    public Progress create(String databaseId, String databaseName, String displayName, Integer retentionDays,
                           Consumer<Progress> onProgress) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("databaseName", databaseName);
        p.put("displayName", displayName);
        p.put("retentionPeriodInDays", retentionDays == null ? "default" : retentionDays.toString());
        return run(new Action("CREATE_BACKUP", databaseId, databaseId, List.of(databaseId), p, true,
                token -> api.create(databaseId, displayName, retentionDays, token),
                Notice.of("bk.done.create", displayName)), onProgress);
    }

    public Progress delete(Backup b, String databaseName, Consumer<Progress> onProgress) {
        if (b.automatic()) {
            // Refused here as the service would: say why without sending (and without an audit entry).
            Progress p = Progress.end("DELETE_BACKUP", "REFUSED", Notice.of("bk.refused.automatic"));
            onProgress.accept(p);
            return p;
        }
        return run(new Action("DELETE_BACKUP", b.databaseId(), b.id(), List.of(b.databaseId(), b.id()),
                Map.of("databaseName", databaseName, "displayName", b.displayName()), false, token -> api.delete(b.id()),
                Notice.of("bk.done.delete", b.displayName())), onProgress);
    }

    public Progress cancel(Backup b, String databaseName, Consumer<Progress> onProgress) {
        return run(new Action("CANCEL_BACKUP", b.databaseId(), b.id(), List.of(b.databaseId(), b.id()),
                Map.of("databaseName", databaseName, "displayName", b.displayName()), true,
                token -> api.cancel(b.id(), token), Notice.of("bk.done.cancel", b.displayName())), onProgress);
    }

    /**
     * Restores a database. The DB name typed by the DBA is checked here, whatever the dialog did: a
     * restore rewinds a database, and nothing is sent without it.
     *
     * @param confirmName the database's DB name, which the DBA must type (case-insensitive)
     * @param typedName   what the DBA typed
     */
    public Progress restore(String databaseId, String databaseName, String confirmName, String typedName,
                            BackupsApi.RestorePoint to, Consumer<Progress> onProgress) {
        if (confirmName == null || typedName == null || !typedName.trim().equalsIgnoreCase(confirmName)) {
            Progress p = Progress.end("RESTORE_DATABASE", "NOT_SENT", Notice.of("bk.notSent.confirm",
                    typedName == null ? "" : typedName.trim(), confirmName));
            onProgress.accept(p);
            return p;
        }
        String target = switch (to) {
            case BackupsApi.Latest l -> "latest";
            case BackupsApi.ToTimestamp t -> "timestamp " + t.timestamp();
            case BackupsApi.ToScn s -> "SCN " + s.scn();
        };
        Notice point = switch (to) {
            case BackupsApi.Latest l -> Notice.of("bk.point.latest");
            case BackupsApi.ToTimestamp t -> Notice.of("bk.point.time", t.timestamp());
            case BackupsApi.ToScn s -> Notice.of("bk.point.scn", s.scn());
        };
        return run(new Action("RESTORE_DATABASE", databaseId, databaseId, List.of(databaseId),
                Map.of("databaseName", databaseName, "restoreTo", target), false, token -> api.restore(databaseId, to),
                Notice.of("bk.done.restore", databaseName, point)), onProgress);
    }

    private Progress run(Action a, Consumer<Progress> onProgress) {
        OperationLocks.Lease lease = locks.tryLock(List.of(a.databaseId()), a.name());
        if (lease == null) {
            Progress p = Progress.end(a.name(), "NOT_SENT", Notice.of("op.busy",
                    Notice.of("op.kind." + locks.holder(a.databaseId()))));
            onProgress.accept(p);
            return p;
        }
        try (lease) {
            return sendAndFollow(a, onProgress);
        }
    }

    private Progress sendAndFollow(Action a, Consumer<Progress> onProgress) {
        onProgress.accept(Progress.start(a.name()));
        // The opc-retry-token, kept for this action: sent again, the service answers with the first result.
        String token = a.retryable() ? UUID.randomUUID().toString() : null;
        Map<String, String> parameters = new LinkedHashMap<>(a.parameters());
        if (token != null) {
            // Not a secret, but the audit log refuses names with "token": it is the opc-retry-token sent.
            parameters.put("idempotencyKey", token);
        }
        AuditLog.Intent intent;
        try {
            intent = audit.intent(actor.ociUser(), actor.profile(), a.name(), a.targets(), parameters);
        } catch (RuntimeException e) {
            Progress p = Progress.end(a.name(), "NOT_SENT", Notice.of("op.notAudited", e.getMessage()));
            onProgress.accept(p);
            return p;
        }
        Submitted sent;
        try {
            sent = a.send().apply(token);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || WorkRequestFollower.interrupted(e)) {
                // The app is closing as the request goes out: whether it arrived is not known. No outcome is
                // written, so the next start finds the intent and looks for its work request (decision 12).
                Thread.currentThread().interrupt();
                Progress p = new Progress(a.name(), "UNKNOWN", 0, List.of(), Notice.of("op.closedWhileSending"), null,
                        opc(e), true, false, null);
                onProgress.accept(p);
                return p;
            }
            if (WorkRequestFollower.clearlyRefused(e)) {
                return end(a, intent, "REFUSED", null, opc(e), Notice.of("op.refused", WorkRequestFollower.why(e)), 0,
                        List.of(), false, onProgress);
            }
            Recovered r = recover(a, intent, token, e, onProgress);
            if (r.ended() != null) {
                return r.ended();
            }
            sent = r.sent();
        }
        if (sent.workRequestId() == null) {
            return end(a, intent, "SUCCEEDED", null, sent.opcRequestId(), a.success(), 100, List.of(), true, onProgress);
        }
        try {
            audit.sent(intent, sent.workRequestId(), sent.opcRequestId());
        } catch (RuntimeException e) {
            // The outcome's write says it too if the disk is still full; following goes on meanwhile.
            LOG.warn("audit: the work request {} of {} could not be recorded: {}", sent.workRequestId(), a.name(),
                    e.getMessage());
        }
        Submitted s = sent;
        WorkRequestProgress wr;
        try {
            wr = WorkRequestFollower.follow(api, s.workRequestId(), poll, w -> onProgress.accept(new Progress(a.name(),
                    w.status(), w.percentComplete(), w.log(), null, s.workRequestId(), s.opcRequestId(), false, false,
                    null)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return end(a, intent, "UNKNOWN", s.workRequestId(), s.opcRequestId(), Notice.of("op.abandoned",
                    s.workRequestId()), 0, List.of(), false, onProgress);
        } catch (WorkRequestFollower.LostTrack e) {
            return end(a, intent, "UNKNOWN", s.workRequestId(), s.opcRequestId(), Notice.of("op.lostTrack",
                    s.workRequestId(), e.getMessage()), 0, List.of(), false, onProgress);
        }
        boolean ok = wr.status().equals("SUCCEEDED");
        Notice message = ok ? a.success() : wr.status().equals("CANCELED") ? Notice.of("bk.failed.canceled")
                : wr.errors().isEmpty() ? Notice.of("bk.failed.status", wr.status(), advice(a.name()))
                : Notice.of("bk.failed.errors", String.join("; ", wr.errors()), advice(a.name()));
        return end(a, intent, wr.status(), s.workRequestId(), s.opcRequestId(), message, wr.percentComplete(),
                wr.log(), ok, onProgress);
    }

    /** What {@link #recover} found: the send to follow, or the action's end when there is nothing to follow. */
    private record Recovered(Submitted sent, Progress ended) {
    }

    /**
     * The send ended without a clear answer: find what the service did. Its work request on the
     * resource, accepted since the intent, is followed like any other; a request with a retry token is
     * sent once more with the same token (the service returns the first result, never a second
     * backup).
     */
    private Recovered recover(Action a, AuditLog.Intent intent, String token, RuntimeException e,
                              Consumer<Progress> onProgress) {
        onProgress.accept(new Progress(a.name(), "UNKNOWN", 0, List.of(), Notice.of("op.lookingUp",
                WorkRequestFollower.why(e)), null, opc(e), false, false, null));
        WorkOn found;
        try {
            String compartment = api.compartmentOf(a.databaseId());
            found = WorkRequestFollower.find(api.workOn(compartment, a.resourceId()), a.name(), intent.entry().at());
        } catch (RuntimeException lookup) {
            return new Recovered(null, end(a, intent, "UNKNOWN", null, opc(e), Notice.of("op.unknown.lookupFailed",
                    WorkRequestFollower.why(e), WorkRequestFollower.why(lookup)), 0, List.of(), false, onProgress));
        }
        if (found != null) {
            return new Recovered(new Submitted(found.id(), opc(e)), null);
        }
        if (token != null) {
            try {
                return new Recovered(a.send().apply(token), null);
            } catch (RuntimeException again) {
                if (WorkRequestFollower.clearlyRefused(again)) {
                    return new Recovered(null, end(a, intent, "REFUSED", null, opc(again), Notice.of("op.refused",
                            WorkRequestFollower.why(again)), 0, List.of(), false, onProgress));
                }
                e = again;
            }
        }
        return new Recovered(null, end(a, intent, "UNKNOWN", null, opc(e), Notice.of("op.unknown.notFound",
                WorkRequestFollower.why(e)), 0, List.of(), false, onProgress));
    }

    /** Writes the outcome and tells the view; an outcome that cannot be written is said, not thrown. */
    private Progress end(Action a, AuditLog.Intent intent, String status, String workRequestId, String opcRequestId,
                         Notice message, float percent, List<String> log, boolean ok, Consumer<Progress> onProgress) {
        Notice unrecorded = null;
        try {
            audit.outcome(intent, status, workRequestId, opcRequestId, message);
        } catch (RuntimeException e) {
            unrecorded = Notice.of("op.unrecorded", e.getMessage());
        }
        Progress p = new Progress(a.name(), status, percent, log, message, workRequestId, opcRequestId, true, ok,
                unrecorded);
        onProgress.accept(p);
        return p;
    }

    private static String opc(RuntimeException e) {
        return e instanceof io.fleetdesk.oci.OciApiException o ? o.opcRequestId() : null;
    }

    private static Notice advice(String action) {
        return Notice.of(switch (action) {
            case "CREATE_BACKUP" -> "bk.advice.create";
            case "RESTORE_DATABASE" -> "bk.advice.restore";
            default -> "bk.advice.other";
        });
    }
}
