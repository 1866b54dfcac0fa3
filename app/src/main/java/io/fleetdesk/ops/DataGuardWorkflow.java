package io.fleetdesk.ops;

import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.WorkRequestsApi.WorkRequestProgress;
import io.fleetdesk.oci.OciApiException;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One switchover, failover or reinstate, as a state machine without JavaFX:
 * PRECHECK → CONFIRMED → SUBMITTED → IN_PROGRESS → VERIFYING → DONE, or FAILED from any running
 * state, or CANCELLED before submission. Transitions are compare-and-set, so a double click or a
 * second window cannot run it twice; the pair is locked from creation to the end. The audit log
 * gets an intent (synced) before the request and an outcome after it.
 */
public final class DataGuardWorkflow {
    public enum Kind { SWITCHOVER, FAILOVER, REINSTATE }

    public enum State {
        PRECHECK, CONFIRMED, SUBMITTED, IN_PROGRESS, VERIFYING, DONE, FAILED, CANCELLED;

        public boolean terminal() {
            return this == DONE || this == FAILED || this == CANCELLED;
        }
    }

    private static final Map<State, Set<State>> ALLOWED = Map.of(
            State.PRECHECK, EnumSet.of(State.CONFIRMED, State.CANCELLED),
            State.CONFIRMED, EnumSet.of(State.SUBMITTED, State.CANCELLED, State.PRECHECK),
            State.SUBMITTED, EnumSet.of(State.IN_PROGRESS, State.FAILED),
            State.IN_PROGRESS, EnumSet.of(State.VERIFYING, State.FAILED),
            State.VERIFYING, EnumSet.of(State.DONE, State.FAILED),
            State.DONE, EnumSet.noneOf(State.class),
            State.FAILED, EnumSet.noneOf(State.class),
            State.CANCELLED, EnumSet.noneOf(State.class));

    /** What a view shows: the state, the service's progress and log, and what happened. */
    public record Progress(State state, float percentComplete, List<String> log, String message, String workRequestId,
                           String opcRequestId) {
    }

    /**
     * Who, where and on what: the database acted on and its peer (OCIDs and the DB unique names a DBA
     * reads), and the DB name the DBA must type.
     */
    public record Target(String pairKey, String databaseId, String peerDatabaseId, String databaseName,
                         String peerDatabaseName, String confirmName, String profile, String ociUser) {
    }

    /** How long to wait between looks at the work request and the roles, and for the roles at most. */
    public record Timing(Duration poll, Duration verifyFor) {
        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(2), Duration.ofMinutes(10));
        }
    }

    private final Kind kind;
    private final Target target;
    private final DataGuardOperationsApi api;
    private final AuditLog audit;
    private final PairLocks locks;
    private final Function<String, String> roleOf;
    private final Timing timing;
    private final AtomicReference<State> state = new AtomicReference<>(State.PRECHECK);
    private final List<Consumer<Progress>> listeners = new CopyOnWriteArrayList<>();
    private volatile Progress progress;

    /**
     * @param roleOf reads a database's current Data Guard role (PRIMARY, STANDBY, DISABLED_STANDBY)
     * @throws OperationInProgressException when the pair already has an operation open
     */
    public DataGuardWorkflow(Kind kind, Target target, DataGuardOperationsApi api, AuditLog audit, PairLocks locks,
                             Function<String, String> roleOf, Timing timing) {
        String holder = locks.tryLock(target.pairKey(), kind.name());
        if (holder != null) {
            throw new OperationInProgressException("A " + holder + " of this Data Guard pair is already open"
                    + " (in this or another window). Finish or close it first.");
        }
        this.kind = kind;
        this.target = target;
        this.api = api;
        this.audit = audit;
        this.locks = locks;
        this.roleOf = roleOf;
        this.timing = timing;
        this.progress = new Progress(State.PRECHECK, 0, List.of(), null, null, null);
    }

    /** Thrown when a pair already has an operation open. */
    public static final class OperationInProgressException extends RuntimeException {
        OperationInProgressException(String m) {
            super(m);
        }
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
        for (Consumer<Progress> l : listeners) {
            l.accept(p);
        }
        if (p.state().terminal()) {
            locks.unlock(target.pairKey());
        }
    }

    /** The DBA typed the DB name: true when it matches (Oracle DB names are case-insensitive). */
    public boolean confirm(String typedName) {
        if (typedName == null || !typedName.trim().equalsIgnoreCase(target.confirmName())) {
            return false;
        }
        move(State.PRECHECK, State.CONFIRMED);
        publish(new Progress(State.CONFIRMED, 0, List.of(), null, null, null));
        return true;
    }

    /** Closing the wizard before submitting. */
    public void cancel() {
        State s = state.get();
        if (s == State.PRECHECK || s == State.CONFIRMED) {
            move(s, State.CANCELLED);
            publish(new Progress(State.CANCELLED, 0, List.of(), "Cancelled before anything was sent.", null, null));
        } else if (!s.terminal()) {
            throw new IllegalStateException("The " + kind.name().toLowerCase(Locale.ROOT)
                    + " was already sent; it continues in the service and cannot be cancelled here.");
        }
    }

    /**
     * Sends the operation and follows it to the end; blocking, so run it on a background thread.
     * The password is wiped whatever happens. Returns the final progress.
     */
    public Progress run(char[] adminPassword) {
        try {
            move(State.CONFIRMED, State.SUBMITTED);
        } catch (IllegalStateException e) {
            java.util.Arrays.fill(adminPassword, '\0');
            throw e;
        }
        publish(new Progress(State.SUBMITTED, 0, List.of(), null, null, null));
        AuditLog.Intent intent;
        String associationId;
        try {
            associationId = api.associationId(target.databaseId());
            intent = audit.intent(target.ociUser(), target.profile(), kind.name(),
                    List.of(target.databaseId(), target.peerDatabaseId()),
                    Map.of("dataGuardAssociationId", associationId, "databaseName", target.databaseName(),
                            "peerDatabaseName", target.peerDatabaseName()));
        } catch (RuntimeException e) {
            java.util.Arrays.fill(adminPassword, '\0');
            return fail(null, null, null, "Nothing was sent: " + message(e));
        }
        DataGuardOperationsApi.Submitted sent;
        try {
            sent = switch (kind) {
                case SWITCHOVER -> api.switchover(target.databaseId(), associationId, adminPassword);
                case FAILOVER -> api.failover(target.databaseId(), associationId, adminPassword);
                case REINSTATE -> api.reinstate(target.databaseId(), associationId, adminPassword);
            };
        } catch (RuntimeException e) {
            java.util.Arrays.fill(adminPassword, '\0');
            String opc = e instanceof OciApiException o ? o.opcRequestId() : null;
            return fail(intent, null, opc, "The service refused the " + kind.name().toLowerCase(Locale.ROOT) + ": " + message(e));
        }
        move(State.SUBMITTED, State.IN_PROGRESS);
        publish(new Progress(State.IN_PROGRESS, 0, List.of(), null, sent.workRequestId(), sent.opcRequestId()));
        WorkRequestProgress wr;
        try {
            do {
                sleep(timing.poll());
                wr = api.workRequest(sent.workRequestId());
                publish(new Progress(State.IN_PROGRESS, wr.percentComplete(), wr.log(), null, sent.workRequestId(),
                        sent.opcRequestId()));
            } while (!wr.ended());
        } catch (Abandoned e) {
            return abandon(intent, sent);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return abandon(intent, sent);
            }
            return fail(intent, sent.workRequestId(), sent.opcRequestId(), "Lost track of the work request "
                    + sent.workRequestId() + ": " + message(e) + ". Check it in the OCI console before trying again.");
        }
        if (!wr.status().equals("SUCCEEDED")) {
            String why = wr.errors().isEmpty() ? "the work request ended " + wr.status() : String.join("; ", wr.errors());
            return fail(intent, sent.workRequestId(), sent.opcRequestId(), "The " + kind.name().toLowerCase(Locale.ROOT)
                    + " failed: " + why + ". The roles are unchanged. Fix the cause (the work request log says where"
                    + " it stopped), then start the " + kind.name().toLowerCase(Locale.ROOT) + " again from the tree:"
                    + " the pre-checks run again.");
        }
        move(State.IN_PROGRESS, State.VERIFYING);
        publish(new Progress(State.VERIFYING, 100, wr.log(), null, sent.workRequestId(), sent.opcRequestId()));
        long until = System.nanoTime() + timing.verifyFor().toNanos();
        String[] expected = expectedRoles();
        String acted = null;
        String peer = null;
        while (System.nanoTime() < until) {
            try {
                acted = roleOf.apply(target.databaseId());
                peer = expected[1] == null ? null : roleOf.apply(target.peerDatabaseId());
                if (expected[0].equals(acted) && (expected[1] == null || expected[1].equals(peer))) {
                    String done = "Roles verified: " + target.databaseName() + " is " + acted
                            + (peer == null ? "" : ", " + target.peerDatabaseName() + " is " + peer) + ".";
                    move(State.VERIFYING, State.DONE);
                    audit.outcome(intent, "SUCCEEDED", sent.workRequestId(), sent.opcRequestId(), done);
                    Progress p = new Progress(State.DONE, 100, wr.log(), done, sent.workRequestId(), sent.opcRequestId());
                    publish(p);
                    return p;
                }
            } catch (RuntimeException e) {
                // A read failed: keep trying until the deadline.
            }
            try {
                sleep(timing.poll());
            } catch (Abandoned e) {
                return abandon(intent, sent);
            }
        }
        return fail(intent, sent.workRequestId(), sent.opcRequestId(), "The work request succeeded but the roles did not"
                + " change in time (still " + acted + (peer == null ? "" : " / " + peer) + "). Check the pair in the OCI console.");
    }

    private String[] expectedRoles() {
        return switch (kind) {
            case SWITCHOVER -> new String[] {"STANDBY", "PRIMARY"};
            case FAILOVER -> new String[] {"PRIMARY", "DISABLED_STANDBY"};
            case REINSTATE -> new String[] {"STANDBY", null};
        };
    }

    private Progress fail(AuditLog.Intent intent, String workRequestId, String opcRequestId, String message) {
        State from = state.get();
        move(from, State.FAILED);
        if (intent != null) {
            audit.outcome(intent, "FAILED", workRequestId, opcRequestId, message);
        }
        Progress p = new Progress(State.FAILED, progress.percentComplete(), progress.log(), message, workRequestId, opcRequestId);
        publish(p);
        return p;
    }

    /** Fleetdesk is closing while the operation runs in OCI: it goes on there, so say that, not FAILED. */
    private Progress abandon(AuditLog.Intent intent, DataGuardOperationsApi.Submitted sent) {
        String m = "Fleetdesk was closed while the " + kind.name().toLowerCase(Locale.ROOT) + " ran; it continues in OCI."
                + " Follow work request " + sent.workRequestId() + " in the OCI console.";
        audit.outcome(intent, "UNKNOWN", sent.workRequestId(), sent.opcRequestId(), m);
        state.set(State.FAILED);
        Progress p = new Progress(State.FAILED, progress.percentComplete(), progress.log(), m, sent.workRequestId(),
                sent.opcRequestId());
        publish(p);
        return p;
    }

    /** The thread was interrupted: the app is closing. */
    private static final class Abandoned extends RuntimeException {
        Abandoned(InterruptedException cause) {
            super("interrupted", cause);
        }
    }

    private static String message(RuntimeException e) {
        return e instanceof OciApiException o ? o.userMessage() : e.getMessage();
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned(e);
        }
    }
}
