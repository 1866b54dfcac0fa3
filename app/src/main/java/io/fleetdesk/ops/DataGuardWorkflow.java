package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.WorkRequestsApi.WorkOn;
import io.fleetdesk.oci.WorkRequestsApi.WorkRequestProgress;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One switchover, failover or reinstate, as a state machine without JavaFX:
 * PRECHECK → CONFIRMED → SUBMITTED → IN_PROGRESS → VERIFYING → DONE; FAILED when the service said
 * no or the work request failed; UNKNOWN when it was sent and its end is not known (no clear answer,
 * following lost, the app closing); CANCELLED before submission. Transitions are compare-and-set,
 * so a double click or a second window cannot run it twice; both databases are locked from creation
 * to the end ({@link OperationLocks}, shared with Backups). The audit log gets an intent (synced)
 * before the request, the work request as soon as the service answers, and an outcome at the end.
 *
 * <p>The end is always published and the databases always unlocked, whatever throws (a full disk
 * included): an outcome that could not be written is shown as such, it never wedges the wizard.
 */
public final class DataGuardWorkflow {
    public enum Kind { SWITCHOVER, FAILOVER, REINSTATE }

    public enum State {
        PRECHECK, CONFIRMED, SUBMITTED, IN_PROGRESS, VERIFYING, DONE, FAILED, UNKNOWN, CANCELLED;

        public boolean terminal() {
            return this == DONE || this == FAILED || this == UNKNOWN || this == CANCELLED;
        }
    }

    private static final Map<State, Set<State>> ALLOWED = Map.of(
            State.PRECHECK, EnumSet.of(State.CONFIRMED, State.CANCELLED),
            State.CONFIRMED, EnumSet.of(State.SUBMITTED, State.CANCELLED, State.PRECHECK),
            State.SUBMITTED, EnumSet.of(State.IN_PROGRESS, State.FAILED, State.UNKNOWN),
            State.IN_PROGRESS, EnumSet.of(State.VERIFYING, State.FAILED, State.UNKNOWN),
            State.VERIFYING, EnumSet.of(State.DONE, State.FAILED, State.UNKNOWN),
            State.DONE, EnumSet.noneOf(State.class),
            State.FAILED, EnumSet.noneOf(State.class),
            State.UNKNOWN, EnumSet.noneOf(State.class),
            State.CANCELLED, EnumSet.noneOf(State.class));

    /**
     * What a view shows: the state, the service's progress and log, and what happened.
     *
     * @param unrecorded why the outcome could not be written to the audit log; null when it was
     */
    public record Progress(State state, float percentComplete, List<String> log, Notice message, String workRequestId,
                           String opcRequestId, Notice unrecorded) {
        Progress(State state) {
            this(state, 0, List.of(), null, null, null, null);
        }
    }

    /**
     * Who, where and on what: the database acted on and its peer (OCIDs and the DB unique names a DBA
     * reads), and the DB name the DBA must type.
     */
    public record Target(String databaseId, String peerDatabaseId, String databaseName, String peerDatabaseName,
                         String confirmName, String profile, String ociUser) {
    }

    /** How long to wait between looks at the work request and the roles, and for the roles at most. */
    public record Timing(Duration poll, Duration verifyFor) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(2), Duration.ofMinutes(10));
        }
    }

    private final Kind kind;
    private final Target target;
    private final PairSender sender;
    private final AuditLog audit;
    private final OperationLocks.Lease lease;
    private final Timing timing;
    /** The roles read before the send and after the operation. */
    private final RoleCheck roles;
    private final AtomicReference<State> state = new AtomicReference<>(State.PRECHECK);
    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private volatile Progress progress;

    /**
     * @param roleOf reads a database's current Data Guard role (PRIMARY, STANDBY, DISABLED_STANDBY)
     * @throws OperationInProgressException when either database already has an operation open
     */
    public DataGuardWorkflow(Kind kind, Target target, DataGuardOperationsApi api, AuditLog audit, OperationLocks locks,
                             Function<String, String> roleOf, Timing timing) {
        this(kind, target, PairSender.association(api, target.databaseId()), audit, locks,
                new DataGuardRoles(kind, target, roleOf, timing.poll()), timing);
    }

    /**
     * Any kind of pair: {@code sender} says how the operation is sent and followed, {@code roles} how the
     * pair is checked before the send and verified after.
     *
     * @throws OperationInProgressException when either database already has an operation open
     */
    public DataGuardWorkflow(Kind kind, Target target, PairSender sender, AuditLog audit, OperationLocks locks,
                             RoleCheck roles, Timing timing) {
        List<String> both = List.of(target.databaseId(), target.peerDatabaseId());
        this.lease = locks.tryLock(both, kind.name());
        if (lease == null) {
            throw new OperationInProgressException(Notice.of("op.busy", Notice.of("op.kind." + locks.holder(both))));
        }
        this.kind = kind;
        this.target = target;
        this.sender = sender;
        this.audit = audit;
        this.timing = timing;
        this.roles = roles;
        this.progress = new Progress(State.PRECHECK);
    }

    public Kind kind() {
        return kind;
    }

    public State state() {
        return state.get();
    }

    public Progress progress() {
        return progress;
    }

    /** Told of every change, on the thread that made it (the UI hands it to the FX thread). */
    public void onProgress(Consumer<Progress> l) {
        listeners.add(l);
    }

    private void move(State from, State to) {
        if (!ALLOWED.get(from).contains(to) || !state.compareAndSet(from, to)) {
            throw new IllegalStateException(kind + " cannot go from " + state.get() + " to " + to);
        }
    }

    private void publish(Progress p) {
        progress = p;
        try {
            for (Consumer<Progress> l : listeners) {
                l.accept(p);
            }
        } finally {
            if (p.state().terminal()) {
                lease.close();
            }
        }
    }

    /** The DBA typed the DB name: true when it matches (Oracle DB names are case-insensitive). */
    public boolean confirm(String typedName) {
        if (typedName == null || !typedName.trim().equalsIgnoreCase(target.confirmName())) {
            return false;
        }
        move(State.PRECHECK, State.CONFIRMED);
        publish(new Progress(State.CONFIRMED));
        return true;
    }

    /** Closing the wizard before submitting. */
    public void cancel() {
        State s = state.get();
        if (s == State.PRECHECK || s == State.CONFIRMED) {
            move(s, State.CANCELLED);
            publish(new Progress(State.CANCELLED, 0, List.of(), Notice.of("dg.msg.cancelled"), null, null, null));
        } else if (!s.terminal()) {
            throw new IllegalStateException("The " + kind + " was already sent; it continues in the service and"
                    + " cannot be cancelled here.");
        }
    }

    /**
     * Sends the operation and follows it to the end; blocking, so run it on a background thread.
     * The password is wiped whatever happens. Returns the final progress, which is also published,
     * and the databases are unlocked, whatever throws on the way.
     */
    public Progress run(char[] adminPassword) {
        try {
            move(State.CONFIRMED, State.SUBMITTED);
        } catch (IllegalStateException e) {
            Arrays.fill(adminPassword, '\0');
            throw e;
        }
        publish(new Progress(State.SUBMITTED));
        Progress end = null;
        try {
            end = sendAndFollow(adminPassword);
            return end;
        } catch (RuntimeException | Error e) {
            // A bug or a full disk must not leave the wizard in a running state with the pair locked.
            end = finish(State.UNKNOWN, null, progress.workRequestId(), progress.opcRequestId(),
                    Notice.of("dg.msg.internal", String.valueOf(e)));
            throw e;
        } finally {
            Arrays.fill(adminPassword, '\0');
            if (end == null || !state.get().terminal()) {
                finish(State.UNKNOWN, null, progress.workRequestId(), progress.opcRequestId(),
                        Notice.of("dg.msg.internal", "no end"));
            }
        }
    }

    private AuditLog.Intent intent;

    /** Whether the operation needs the database admin password (Base Database only). */
    public boolean needsPassword() {
        return sender.needsPassword();
    }

    private Progress sendAndFollow(char[] adminPassword) {
        try {
            Map<String, String> details = new java.util.LinkedHashMap<>(sender.prepare(kind));
            // The roles, read again right before the send: the pre-checks may be minutes old.
            String why = roles.notAsExpectedBefore();
            if (why != null) {
                return finish(State.FAILED, null, null, null, Notice.of("dg.msg.notSent", Notice.of(why)));
            }
            details.put("databaseName", target.databaseName());
            details.put("peerDatabaseName", target.peerDatabaseName());
            intent = audit.intent(target.ociUser(), target.profile(), kind.name(),
                    List.of(target.databaseId(), target.peerDatabaseId()), details);
        } catch (RuntimeException e) {
            return finish(State.FAILED, null, null, null, Notice.of("dg.msg.notSent", WorkRequestFollower.why(e)));
        }
        DataGuardOperationsApi.Submitted sent;
        try {
            sent = sender.send(kind, adminPassword);
        } catch (RuntimeException e) {
            String opc = e instanceof OciApiException o ? o.opcRequestId() : null;
            if (Thread.currentThread().isInterrupted() || WorkRequestFollower.interrupted(e)) {
                // Closing as the request goes out: no outcome is written, so the next start looks for its
                // work request (decision 12). The wizard still ends, and the pair is freed.
                Thread.currentThread().interrupt();
                AuditLog.Intent open = intent;
                intent = null;
                try {
                    return finish(State.UNKNOWN, null, null, opc, Notice.of("op.closedWhileSending"));
                } finally {
                    intent = open;
                }
            }
            if (WorkRequestFollower.clearlyRefused(e)) {
                return finish(State.FAILED, "REFUSED", null, opc, Notice.of("dg.msg.refused", kindNotice(),
                        WorkRequestFollower.why(e)));
            }
            // No clear answer: the service may have started it. Look for its work request; never resend.
            publish(new Progress(State.SUBMITTED, 0, List.of(), Notice.of("op.lookingUp", WorkRequestFollower.why(e)),
                    null, opc, null));
            WorkOn found;
            try {
                String on = sender.sentOn(kind);
                String compartment = sender.compartmentOf(on);
                found = WorkRequestFollower.find(sender.workRequests(kind).workOn(compartment, on), kind.name(),
                        intent.entry().at());
            } catch (RuntimeException lookup) {
                return finish(State.UNKNOWN, null, null, opc, Notice.of("op.unknown.lookupFailed",
                        WorkRequestFollower.why(e), WorkRequestFollower.why(lookup)));
            }
            if (found == null) {
                return finish(State.UNKNOWN, null, null, opc, Notice.of("op.unknown.notFound", WorkRequestFollower.why(e)));
            }
            sent = new DataGuardOperationsApi.Submitted(found.id(), opc);
        }
        try {
            audit.sent(intent, sent.workRequestId(), sent.opcRequestId());
        } catch (RuntimeException e) {
            LOG.warn("audit: the work request {} of the {} could not be recorded: {}", sent.workRequestId(), kind,
                    e.getMessage());
        }
        move(State.SUBMITTED, State.IN_PROGRESS);
        publish(new Progress(State.IN_PROGRESS, 0, List.of(), null, sent.workRequestId(), sent.opcRequestId(), null));
        DataGuardOperationsApi.Submitted s = sent;
        WorkRequestProgress wr;
        try {
            DataGuardRoles.sleep(timing.poll());
            wr = WorkRequestFollower.follow(sender.workRequests(kind), s.workRequestId(), timing.poll(), w -> publish(new Progress(
                    State.IN_PROGRESS, w.percentComplete(), w.log(), null, s.workRequestId(), s.opcRequestId(), null)));
        } catch (InterruptedException | DataGuardRoles.Abandoned e) {
            Thread.currentThread().interrupt();
            return finish(State.UNKNOWN, null, s.workRequestId(), s.opcRequestId(), Notice.of("dg.msg.abandoned",
                    kindNotice(), s.workRequestId()));
        } catch (WorkRequestFollower.LostTrack e) {
            return finish(State.UNKNOWN, null, s.workRequestId(), s.opcRequestId(), Notice.of("op.lostTrack",
                    s.workRequestId(), e.getMessage()));
        }
        if (!wr.status().equals("SUCCEEDED")) {
            Object why = wr.errors().isEmpty() ? Notice.of("dg.msg.wrEnded", wr.status()) : String.join("; ", wr.errors());
            return finish(State.FAILED, wr.status(), s.workRequestId(), s.opcRequestId(), Notice.of("dg.msg.failed",
                    kindNotice(), why));
        }
        move(State.IN_PROGRESS, State.VERIFYING);
        publish(new Progress(State.VERIFYING, 100, wr.log(), null, s.workRequestId(), s.opcRequestId(), null));
        RoleCheck.Seen seen;
        try {
            seen = roles.waitForSwap(System.nanoTime() + timing.verifyFor().toNanos());
        } catch (DataGuardRoles.Abandoned e) {
            return finish(State.UNKNOWN, null, s.workRequestId(), s.opcRequestId(), Notice.of("dg.msg.abandoned",
                    kindNotice(), s.workRequestId()));
        }
        if (seen.swapped()) {
            Notice done = seen.peer() == null ? Notice.of("dg.msg.done", target.databaseName(), seen.acted())
                    : Notice.of("dg.msg.donePair", target.databaseName(), seen.acted(), target.peerDatabaseName(), seen.peer());
            return finish(State.DONE, "SUCCEEDED", s.workRequestId(), s.opcRequestId(), done);
        }
        // The service said SUCCEEDED but the roles were not seen to change: not a failure we know of.
        return finish(State.UNKNOWN, null, s.workRequestId(), s.opcRequestId(), Notice.of("dg.msg.notVerified",
                seen.acted() + (seen.peer() == null ? "" : " / " + seen.peer())));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(DataGuardWorkflow.class);

    private Notice kindNotice() {
        return Notice.of("dg.kind." + kind.name().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Ends the workflow: the state first (so nothing else can end it), then the outcome to the audit
     * log (a failure to write is shown, not thrown), then the view, then the databases are unlocked.
     *
     * @param auditStatus the outcome's status in the audit log; null for the state's name
     */
    private Progress finish(State to, String auditStatus, String workRequestId, String opcRequestId, Notice message) {
        State from = state.get();
        if (from.terminal() || !state.compareAndSet(from, to)) {
            return progress;
        }
        Notice unrecorded = null;
        if (intent != null) {
            try {
                audit.outcome(intent, auditStatus != null ? auditStatus : to == State.DONE ? "SUCCEEDED" : to.name(),
                        workRequestId, opcRequestId, message);
            } catch (RuntimeException e) {
                unrecorded = Notice.of("op.unrecorded", e.getMessage());
            }
        }
        Progress p = new Progress(to, progress.percentComplete(), progress.log(), message, workRequestId, opcRequestId,
                unrecorded);
        publish(p);
        return p;
    }
}
