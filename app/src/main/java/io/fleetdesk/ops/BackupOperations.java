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
    /** The four actions; the names are also the audit log's action names. */
    public enum Kind { CREATE_BACKUP, DELETE_BACKUP, CANCEL_BACKUP, RESTORE_DATABASE }

    /**
     * Where one action is, as in the Data Guard workflow: READY → SENDING → IN_PROGRESS → DONE or
     * FAILED; from SENDING to REFUSED on a clear 4xx, to LOOKING_UP on no clear answer (then
     * IN_PROGRESS when its work request is found, UNKNOWN when not); NOT_SENT when a check before
     * the send stopped it. Each action moves only along these arrows ({@link BackupRun}).
     */
    public enum State {
        READY, SENDING, LOOKING_UP, IN_PROGRESS, DONE, FAILED, REFUSED, NOT_SENT, UNKNOWN;

        public boolean terminal() {
            return this == DONE || this == FAILED || this == REFUSED || this == NOT_SENT || this == UNKNOWN;
        }
    }

    /**
     * What a view shows of one action.
     *
     * @param serviceStatus the work request's status as the service said it (ACCEPTED, IN_PROGRESS,
     *                      SUCCEEDED, FAILED, CANCELED, or a value added later); null before one is read
     * @param unrecorded    why the outcome could not be written to the audit log; null when it was
     */
    public record Progress(Kind kind, State state, String serviceStatus, float percentComplete, List<String> log,
                           Notice message, String workRequestId, String opcRequestId, Notice unrecorded) {
        public boolean ended() {
            return state.terminal();
        }

        public boolean succeeded() {
            return state == State.DONE;
        }

        /** An action that ended before anything was sent, with why. */
        public static Progress notSent(Kind kind, Notice why) {
            return new Progress(kind, State.NOT_SENT, null, 0, List.of(), why, null, null, null);
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
    private record Action(Kind kind, String databaseId, String resourceId, List<String> targets,
                          Map<String, String> parameters, boolean retryable, Function<String, Submitted> send,
                          Notice success) {
    }

    public Progress create(String databaseId, String databaseName, String displayName, Integer retentionDays,
                           Consumer<Progress> onProgress) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("databaseName", databaseName);
        p.put("displayName", displayName);
        p.put("retentionPeriodInDays", retentionDays == null ? "default" : retentionDays.toString());
        return run(new Action(Kind.CREATE_BACKUP, databaseId, databaseId, List.of(databaseId), p, true,
                token -> api.create(databaseId, displayName, retentionDays, token),
                Notice.of("bk.done.create", displayName)), onProgress);
    }

    public Progress delete(Backup b, String databaseName, Consumer<Progress> onProgress) {
        if (b.automatic()) {
            // Refused here as the service would: say why without sending (and without an audit entry).
            return new BackupRun(audit, Kind.DELETE_BACKUP, onProgress).notSent(Notice.of("bk.refused.automatic"));
        }
        return run(new Action(Kind.DELETE_BACKUP, b.databaseId(), b.id(), List.of(b.databaseId(), b.id()),
                Map.of("databaseName", databaseName, "displayName", b.displayName()), false, token -> api.delete(b.id()),
                Notice.of("bk.done.delete", b.displayName())), onProgress);
    }

    public Progress cancel(Backup b, String databaseName, Consumer<Progress> onProgress) {
        return run(new Action(Kind.CANCEL_BACKUP, b.databaseId(), b.id(), List.of(b.databaseId(), b.id()),
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
            return new BackupRun(audit, Kind.RESTORE_DATABASE, onProgress).notSent(Notice.of("bk.notSent.confirm",
                    typedName == null ? "" : typedName.trim(), confirmName));
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
        return run(new Action(Kind.RESTORE_DATABASE, databaseId, databaseId, List.of(databaseId),
                Map.of("databaseName", databaseName, "restoreTo", target), false, token -> api.restore(databaseId, to),
                Notice.of("bk.done.restore", databaseName, point)), onProgress);
    }

    private Progress run(Action a, Consumer<Progress> onProgress) {
        BackupRun run = new BackupRun(audit, a.kind(), onProgress);
        OperationLocks.Lease lease = locks.tryLock(List.of(a.databaseId()), a.kind().name());
        if (lease == null) {
            return run.notSent(Notice.of("op.busy", Notice.of("op.kind." + locks.holder(a.databaseId()))));
        }
        try (lease) {
            return sendAndFollow(a, run);
        } catch (RuntimeException | Error e) {
            // A bug must not leave the dialog running: the action ends, UNKNOWN, and the database is unlocked.
            run.end(State.UNKNOWN, null, Notice.of("op.internal", String.valueOf(e)));
            throw e;
        }
    }

    private Progress sendAndFollow(Action a, BackupRun run) {
        // The opc-retry-token, kept for this action: sent again, the service answers with the first result.
        String token = a.retryable() ? UUID.randomUUID().toString() : null;
        Map<String, String> parameters = new LinkedHashMap<>(a.parameters());
        if (token != null) {
            // Not a secret, but the audit log refuses names with "token": it is the opc-retry-token sent.
            parameters.put("idempotencyKey", token);
        }
        try {
            run.intent = audit.intent(actor.ociUser(), actor.profile(), a.kind().name(), a.targets(), parameters);
        } catch (RuntimeException e) {
            return run.notSent(Notice.of("op.notAudited", e.getMessage()));
        }
        run.show(State.SENDING, null, 0, List.of(), null, null, null);
        Submitted sent;
        try {
            sent = a.send().apply(token);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted() || WorkRequestFollower.interrupted(e)) {
                // The app is closing as the request goes out: whether it arrived is not known. No outcome is
                // written, so the next start finds the intent and looks for its work request (decision 12).
                Thread.currentThread().interrupt();
                run.intent = null;
                return run.end(State.UNKNOWN, null, opc(e), Notice.of("op.closedWhileSending"));
            }
            if (WorkRequestFollower.clearlyRefused(e)) {
                return run.end(State.REFUSED, null, opc(e), Notice.of("op.refused", WorkRequestFollower.why(e)));
            }
            sent = recover(a, run, token, e);
            if (sent == null) {
                return run.last();
            }
        }
        if (sent.workRequestId() == null) {
            return run.end(State.DONE, null, sent.opcRequestId(), a.success());
        }
        try {
            audit.sent(run.intent, sent.workRequestId(), sent.opcRequestId());
        } catch (RuntimeException e) {
            // The outcome's write says it too if the disk is still full; following goes on meanwhile.
            LOG.warn("audit: the work request {} of {} could not be recorded: {}", sent.workRequestId(), a.kind(),
                    e.getMessage());
        }
        Submitted s = sent;
        run.show(State.IN_PROGRESS, null, 0, List.of(), null, s.workRequestId(), s.opcRequestId());
        WorkRequestProgress wr;
        try {
            wr = WorkRequestFollower.follow(api, s.workRequestId(), poll, w -> run.show(State.IN_PROGRESS, w.status(),
                    w.percentComplete(), w.log(), null, s.workRequestId(), s.opcRequestId()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return run.end(State.UNKNOWN, null, Notice.of("op.abandoned", s.workRequestId()));
        } catch (WorkRequestFollower.LostTrack e) {
            return run.end(State.UNKNOWN, null, Notice.of("op.lostTrack", s.workRequestId(), e.getMessage()));
        }
        run.show(State.IN_PROGRESS, wr.status(), wr.percentComplete(), wr.log(), null, s.workRequestId(),
                s.opcRequestId());
        if (wr.status().equals("SUCCEEDED")) {
            return run.end(State.DONE, wr.status(), a.success());
        }
        Notice message = wr.status().equals("CANCELED") ? Notice.of("bk.failed.canceled")
                : wr.errors().isEmpty() ? Notice.of("bk.failed.status", wr.status(), advice(a.kind()))
                : Notice.of("bk.failed.errors", String.join("; ", wr.errors()), advice(a.kind()));
        return run.end(State.FAILED, wr.status(), message);
    }

    /**
     * The send ended without a clear answer: find what the service did. Its work request on the
     * resource, accepted since the intent, is followed like any other; a request with a retry token is
     * sent once more with the same token (the service returns the first result, never a second
     * backup). Returns the send to follow, or null when the action has ended.
     */
    private Submitted recover(Action a, BackupRun run, String token, RuntimeException e) {
        run.show(State.LOOKING_UP, null, 0, List.of(), Notice.of("op.lookingUp", WorkRequestFollower.why(e)), null,
                opc(e));
        WorkOn found;
        try {
            String compartment = api.compartmentOf(a.databaseId());
            found = WorkRequestFollower.find(api.workOn(compartment, a.resourceId()), a.kind().name(),
                    run.intent.entry().at());
        } catch (RuntimeException lookup) {
            run.end(State.UNKNOWN, null, Notice.of("op.unknown.lookupFailed", WorkRequestFollower.why(e),
                    WorkRequestFollower.why(lookup)));
            return null;
        }
        if (found != null) {
            return new Submitted(found.id(), opc(e));
        }
        if (token != null) {
            try {
                return a.send().apply(token);
            } catch (RuntimeException again) {
                if (WorkRequestFollower.clearlyRefused(again)) {
                    run.end(State.REFUSED, null, opc(again), Notice.of("op.refused", WorkRequestFollower.why(again)));
                    return null;
                }
                e = again;
            }
        }
        run.end(State.UNKNOWN, null, opc(e), Notice.of("op.unknown.notFound", WorkRequestFollower.why(e)));
        return null;
    }

    private static String opc(RuntimeException e) {
        return e instanceof io.fleetdesk.oci.OciApiException o ? o.opcRequestId() : null;
    }

    private static Notice advice(Kind kind) {
        return Notice.of(switch (kind) {
            case CREATE_BACKUP -> "bk.advice.create";
            case RESTORE_DATABASE -> "bk.advice.restore";
            case DELETE_BACKUP, CANCEL_BACKUP -> "bk.advice.other";
        });
    }
}
