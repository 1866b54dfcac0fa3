package io.fleetdesk.ui.switchover;

import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.State;
import io.fleetdesk.app.Messages;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The wizard's Execute and Verify pages: the workflow's progress as it arrives (state, percent, the
 * service's log, the work request), then the pair's recovery read again until it settles
 * ({@link io.fleetdesk.ops.DataGuardRecovery}), a line per read. Updated on the UI thread only.
 */
public final class OperationProgress {
    private final Kind kind;
    private final DataGuardActions.Offer offer;
    private final String actedRegion;
    private final String peerRegion;
    private final Function<String, DataGuardOperationsApi> apiOf;
    private final Duration lagThreshold;
    private final Executor background;
    private final Executor ui;
    private final Runnable fleetChanged;
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.PRECHECK);
    private final DoubleProperty percent = new SimpleDoubleProperty();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty workRequestId = new SimpleStringProperty("");
    private final StringProperty opcRequestId = new SimpleStringProperty("");
    private final ObservableList<String> verifyLines = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final Map<State, Instant> entered = new EnumMap<>(State.class);

    OperationProgress(Kind kind, DataGuardActions.Offer offer, String actedRegion, String peerRegion,
                      Function<String, DataGuardOperationsApi> apiOf, Duration lagThreshold, Executor background,
                      Executor ui, Runnable fleetChanged) {
        this.kind = kind;
        this.offer = offer;
        this.actedRegion = actedRegion;
        this.peerRegion = peerRegion;
        this.apiOf = apiOf;
        this.lagThreshold = lagThreshold;
        this.background = background;
        this.ui = ui;
        this.fleetChanged = fleetChanged;
    }

    public ObjectProperty<State> stateProperty() {
        return state;
    }

    public DoubleProperty percentProperty() {
        return percent;
    }

    public ObservableList<String> log() {
        return log;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty workRequestIdProperty() {
        return workRequestId;
    }

    public StringProperty opcRequestIdProperty() {
        return opcRequestId;
    }

    public ObservableList<String> verifyLines() {
        return verifyLines;
    }

    public StringProperty summaryProperty() {
        return summary;
    }

    boolean running() {
        State s = state.get();
        return s == State.SUBMITTED || s == State.IN_PROGRESS || s == State.VERIFYING;
    }

    boolean ended() {
        return state.get().terminal();
    }

    void onProgress(DataGuardWorkflow.Progress p) {
        if (p.state() != state.get()) {
            entered.putIfAbsent(p.state(), Instant.now());
            if (p.state() == State.SUBMITTED) {
                log.add(clock(Instant.now()) + "  " + Messages.get("dg.log.sending", lower(kind)));
            }
            if (p.state() == State.IN_PROGRESS) {
                fleetChanged.run();
            }
        }
        state.set(p.state());
        percent.set(p.percentComplete() / 100.0);
        // The service's log grows; show each new line once, with the time we saw it.
        int known = (int) log.stream().filter(l -> l.contains("  OCI: ")).count();
        for (int i = known; i < p.log().size(); i++) {
            log.add(clock(Instant.now()) + "  OCI: " + p.log().get(i));
        }
        if (p.workRequestId() != null) {
            workRequestId.set(p.workRequestId());
        }
        if (p.opcRequestId() != null) {
            opcRequestId.set(p.opcRequestId());
        }
        String said = p.message() == null ? "" : Messages.of(p.message())
                + (p.unrecorded() == null ? "" : "\n" + Messages.of(p.unrecorded()));
        message.set(said);
        if (p.state() == State.VERIFYING) {
            verifyLines.add(clock(Instant.now()) + "  " + Messages.get("dg.verify.rereading"));
        }
        if (p.state() == State.FAILED || p.state() == State.UNKNOWN || (p.state() == State.SUBMITTED && !said.isEmpty())) {
            log.add(clock(Instant.now()) + "  " + said);
        }
        if (p.state() == State.DONE) {
            verifyLines.add(clock(Instant.now()) + "  " + said);
            summary.set(summaryText());
            followRecovery();
        }
    }

    private String summaryText() {
        Instant sent = entered.get(State.SUBMITTED);
        Instant verifying = entered.get(State.VERIFYING);
        Instant done = entered.get(State.DONE);
        return Messages.get("dg.summary", Messages.get("dg.kind." + lower(kind)), seconds(sent, verifying),
                seconds(verifying, done), seconds(sent, done));
    }

    /**
     * After the roles have swapped: re-reads the pair until the association is AVAILABLE again and
     * the new standby's apply lag is under the threshold (or two minutes pass), a line per read.
     */
    private void followRecovery() {
        if (apiOf == null) {
            return; // Autonomous Data Guard: the service restarts apply itself; the roles were verified
        }
        String standbyId = switch (kind) {
            case SWITCHOVER -> offer.actedId();
            case FAILOVER -> null;
            case REINSTATE -> offer.actedId();
        };
        String primaryId = kind == Kind.FAILOVER ? offer.actedId() : offer.peerId();
        String primaryRegion = kind == Kind.FAILOVER ? actedRegion : peerRegion;
        var pair = new io.fleetdesk.ops.DataGuardRecovery.Pair(kind, apiOf.apply(primaryRegion), primaryId,
                apiOf.apply(actedRegion), standbyId);
        background.execute(() -> io.fleetdesk.ops.DataGuardRecovery.follow(pair, lagThreshold, Duration.ofSeconds(2),
                Duration.ofMinutes(2), r -> {
                    String l = clock(Instant.now()) + "  " + recoveryLine(r) + (r.settled() ? "  ✓" : "");
                    ui.execute(() -> verifyLines.add(l));
                }));
    }

    private static String recoveryLine(io.fleetdesk.ops.DataGuardRecovery.Reading r) {
        if (r.failed() != null) {
            return Messages.get("dg.verify.readFailed", Messages.of(r.failed()));
        }
        return r.standby() == null ? Messages.get("dg.verify.failoverLine", r.associationState(), r.peerRole())
                : Messages.get("dg.verify.lagLine", r.associationState(), Messages.lag(r.applyLag()), r.standby());
    }

    /** One line for the main window's status bar while the wizard is closed. */
    public String statusLine(String actedName) {
        String what = Messages.get("dg.kind." + lower(kind)) + " " + actedName;
        return switch (state.get()) {
            case DONE -> Messages.get("dg.status.done", what);
            case FAILED -> Messages.get("dg.status.failed", what);
            case UNKNOWN -> Messages.get("dg.status.unknown", what);
            case CANCELLED -> Messages.get("dg.status.cancelled", what);
            case VERIFYING -> Messages.get("dg.status.verifying", what);
            default -> Messages.get("dg.status.running", what, Math.round(percent.get() * 100));
        };
    }

    private static String seconds(Instant a, Instant b) {
        return a == null || b == null ? "-" : String.format(Locale.ROOT, "%.1f s", Duration.between(a, b).toMillis() / 1000.0);
    }

    static String clock(Instant t) {
        return LocalTime.ofInstant(t, ZoneId.systemDefault()).withNano(0).toString();
    }

    static String lower(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
