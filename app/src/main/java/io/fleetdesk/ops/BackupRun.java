package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.ops.BackupOperations.Kind;
import io.fleetdesk.ops.BackupOperations.Progress;
import io.fleetdesk.ops.BackupOperations.State;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * One action's states, moved only along {@link #ALLOWED}, each move told to the view. The
 * audit intent is kept here so the end writes its outcome.
 */
final class BackupRun {
    private static final Map<State, Set<State>> ALLOWED = Map.of(
            State.READY, EnumSet.of(State.SENDING, State.NOT_SENT, State.UNKNOWN),
            State.SENDING, EnumSet.of(State.IN_PROGRESS, State.DONE, State.REFUSED, State.LOOKING_UP, State.UNKNOWN),
            State.LOOKING_UP, EnumSet.of(State.IN_PROGRESS, State.DONE, State.REFUSED, State.UNKNOWN),
            State.IN_PROGRESS, EnumSet.of(State.DONE, State.FAILED, State.UNKNOWN),
            State.DONE, EnumSet.noneOf(State.class),
            State.FAILED, EnumSet.noneOf(State.class),
            State.REFUSED, EnumSet.noneOf(State.class),
            State.NOT_SENT, EnumSet.noneOf(State.class),
            State.UNKNOWN, EnumSet.noneOf(State.class));

    private final AuditLog audit;
    private final Kind kind;
    private final Consumer<Progress> view;
    private final AtomicReference<State> state = new AtomicReference<>(State.READY);
    private volatile Progress last;
    /** The audit intent once written; null before, and when no outcome must be written. */
    AuditLog.Intent intent;

    BackupRun(AuditLog audit, Kind kind, Consumer<Progress> view) {
        this.audit = audit;
        this.kind = kind;
        this.view = view;
        this.last = new Progress(kind, State.READY, null, 0, List.of(), null, null, null, null);
    }

    Progress last() {
        return last;
    }

    private void move(State to) {
        State from = state.get();
        if (!ALLOWED.get(from).contains(to) || !state.compareAndSet(from, to)) {
            throw new IllegalStateException(kind + " cannot go from " + from + " to " + to);
        }
    }

    /** Moves (or stays, to tell more progress in the same state) and tells the view. */
    void show(State to, String serviceStatus, float percent, List<String> log, Notice message, String workRequestId,
              String opcRequestId) {
        if (state.get() != to) {
            move(to);
        }
        last = new Progress(kind, to, serviceStatus, percent, log, message, workRequestId, opcRequestId, null);
        view.accept(last);
    }

    Progress notSent(Notice why) {
        move(State.NOT_SENT);
        last = Progress.notSent(kind, why);
        view.accept(last);
        return last;
    }

    /**
     * Ends the action: the state first, then its outcome to the audit log (a failure to write is
     * said, not thrown), then the view. Ending twice keeps the first end.
     *
     * @param serviceStatus the work request's last status, which is also the audit log's status
     *                      when there is one
     */
    Progress end(State to, String serviceStatus, Notice message) {
        State from = state.get();
        if (from.terminal()) {
            return last;
        }
        move(to);
        Notice unrecorded = null;
        if (intent != null) {
            String status = serviceStatus != null ? serviceStatus : to == State.DONE ? "SUCCEEDED" : to.name();
            try {
                audit.outcome(intent, status, last.workRequestId(), last.opcRequestId(), message);
            } catch (RuntimeException e) {
                unrecorded = Notice.of("op.unrecorded", e.getMessage());
            }
        }
        last = new Progress(kind, to, serviceStatus, to == State.DONE ? 100 : last.percentComplete(), last.log(),
                message, last.workRequestId(), last.opcRequestId(), unrecorded);
        view.accept(last);
        return last;
    }

    /** Ends with what is known of the request so far: its work request and opc-request-id. */
    Progress end(State to, String workRequestId, String opcRequestId, Notice message) {
        last = new Progress(kind, state.get(), last.serviceStatus(), last.percentComplete(), last.log(),
                last.message(), workRequestId, opcRequestId, null);
        return end(to, null, message);
    }
}
