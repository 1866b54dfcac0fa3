package io.fleetdesk.ui.switchover;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardPrechecks;
import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.State;
import io.fleetdesk.ui.common.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
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
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One switchover, failover or reinstate wizard: the state its five pages share. Reads and the
 * operation run on the given executor (virtual threads); results come back through the injected
 * UI executor ({@code Platform::runLater} in the app). It holds no controls; the password passes through as a char[] once.
 */
public final class DataGuardWizardModel {
    public enum Page { PAIR, PRECHECKS, CONFIRM, EXECUTE, VERIFY }

    /** One side of the pair as the Pair page shows it. */
    public record Member(String name, String dbName, String dbSystem, String region, String availabilityDomain,
                         String role, String lifecycleState, String protectionMode, String transportType,
                         String applyLag, String transportLag) {
    }

    private final Kind kind;
    private final DataGuardActions.Offer offer;
    private final DataGuardWorkflow workflow;
    private final Function<String, DataGuardOperationsApi> apiOf;
    private final String actedRegion;
    private final String peerRegion;
    private final Duration lagThreshold;
    private final Executor background;
    private final Runnable fleetChanged;

    private final ObjectProperty<Page> page = new SimpleObjectProperty<>(Page.PAIR);
    private final ObjectProperty<Member> acted = new SimpleObjectProperty<>();
    private final ObjectProperty<Member> peer = new SimpleObjectProperty<>();
    private final StringProperty association = new SimpleStringProperty("");
    private final ObservableList<Check> checks = FXCollections.observableArrayList();
    private final BooleanProperty checking = new SimpleBooleanProperty();
    private final StringProperty checkedAt = new SimpleStringProperty("");
    /** When the pre-checks were last read (monotonic); older than {@link #CHECKS_VALID_FOR}, they are read again. */
    private volatile long checksReadAt = Long.MIN_VALUE / 2;
    /** Pre-checks older than this are read again before anything is sent. */
    static final Duration CHECKS_VALID_FOR = Duration.ofMinutes(5);
    /** Set when the send was held back to read stale pre-checks again (the page says why). */
    private final BooleanProperty staleChecks = new SimpleBooleanProperty();
    private final BooleanProperty acknowledged = new SimpleBooleanProperty();
    private final StringProperty typedName = new SimpleStringProperty("");
    private final BooleanProperty passwordGiven = new SimpleBooleanProperty();
    private final BooleanProperty lossAccepted = new SimpleBooleanProperty();
    private final ObjectProperty<State> state = new SimpleObjectProperty<>(State.PRECHECK);
    private final DoubleProperty percent = new SimpleDoubleProperty();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final StringProperty message = new SimpleStringProperty("");
    private final StringProperty workRequestId = new SimpleStringProperty("");
    private final StringProperty opcRequestId = new SimpleStringProperty("");
    private final ObservableList<String> verifyLines = FXCollections.observableArrayList();
    private final StringProperty summary = new SimpleStringProperty("");
    private final Map<State, Instant> entered = new EnumMap<>(State.class);
    private final BooleanBinding blocked;
    private final BooleanBinding hasWarnings;

    private final Function<String, io.fleetdesk.poll.LinkedReading> jdbcOf;
    /** The UI thread's executor: every background result crosses through it. */
    private final Executor ui;

    /**
     * @param snapshot     the fleet as last read, for names, DB systems, regions and ADs
     * @param apiOf        the operations client of a region
     * @param ui           the UI thread's executor ({@code Platform::runLater} in the app)
     * @param fleetChanged asks the poller to read the fleet now (after submit and at the end)
     */
    public DataGuardWizardModel(DataGuardActions.Offer offer, DataGuardWorkflow workflow, FleetSnapshot snapshot,
                                Function<String, DataGuardOperationsApi> apiOf, Duration lagThreshold,
                                Executor background, Executor ui, Runnable fleetChanged) {
        this(offer, workflow, snapshot, apiOf, id -> new io.fleetdesk.poll.LinkedReading(null, null), lagThreshold,
                background, ui, fleetChanged);
    }

    /** @param jdbcOf a fresh direct-probe round for the target linked to an OCI database (blocking), or why there is none */
    public DataGuardWizardModel(DataGuardActions.Offer offer, DataGuardWorkflow workflow, FleetSnapshot snapshot,
                                Function<String, DataGuardOperationsApi> apiOf,
                                Function<String, io.fleetdesk.poll.LinkedReading> jdbcOf, Duration lagThreshold,
                                Executor background, Executor ui, Runnable fleetChanged) {
        this.ui = ui;
        this.jdbcOf = jdbcOf;
        this.kind = offer.kind();
        this.offer = offer;
        this.workflow = workflow;
        this.apiOf = apiOf;
        this.actedRegion = snapshot.regionOf(offer.actedId());
        this.peerRegion = snapshot.regionOf(offer.peerId());
        this.lagThreshold = lagThreshold;
        this.background = background;
        this.fleetChanged = fleetChanged;
        acted.set(member(snapshot, offer.actedId(), null));
        peer.set(member(snapshot, offer.peerId(), null));
        blocked = Bindings.createBooleanBinding(() -> checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL), checks);
        hasWarnings = Bindings.createBooleanBinding(() -> checks.stream().anyMatch(c -> c.verdict() == Verdict.WARN), checks);
        workflow.onProgress(p -> ui.execute(() -> onProgress(p)));
    }

    private static Member member(FleetSnapshot s, String id, DatabaseRow fresh) {
        FleetNode n = s.node(id);
        FleetNode system = n == null || n.parentId() == null ? null : s.node(n.parentId());
        DataGuardMember dg = fresh != null ? fresh.dataGuard() : n == null ? null : n.dataGuard();
        String name = fresh != null ? (fresh.dbUniqueName() != null ? fresh.dbUniqueName() : fresh.dbName())
                : n == null ? id : n.name();
        String dbName = fresh != null ? fresh.dbName() : n == null ? null : n.text(io.fleetdesk.model.Detail.DB_NAME);
        return new Member(name, dbName, system == null ? null : system.name(), s.regionOf(id),
                system == null ? null : system.text(io.fleetdesk.model.Detail.AVAILABILITY_DOMAIN),
                dg == null ? null : dg.role(), fresh != null ? fresh.lifecycleState() : n == null ? null : n.lifecycleState(),
                dg == null ? null : dg.protectionMode(), dg == null ? null : dg.transportType(),
                dg == null || dg.applyLag() == null ? null : Messages.lag(dg.applyLag()),
                dg == null || dg.transportLag() == null ? null : Messages.lag(dg.transportLag()));
    }

    // ---- what the pages read

    public Kind kind() {
        return kind;
    }

    public DataGuardActions.Offer offer() {
        return offer;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<Member> actedProperty() {
        return acted;
    }

    public ObjectProperty<Member> peerProperty() {
        return peer;
    }

    public StringProperty associationProperty() {
        return association;
    }

    public ObservableList<Check> checks() {
        return checks;
    }

    public BooleanProperty checkingProperty() {
        return checking;
    }

    public StringProperty checkedAtProperty() {
        return checkedAt;
    }

    public BooleanProperty acknowledgedProperty() {
        return acknowledged;
    }

    public BooleanBinding blockedBinding() {
        return blocked;
    }

    public BooleanBinding hasWarningsBinding() {
        return hasWarnings;
    }

    public StringProperty typedNameProperty() {
        return typedName;
    }

    public BooleanProperty passwordGivenProperty() {
        return passwordGiven;
    }

    public BooleanProperty lossAcceptedProperty() {
        return lossAccepted;
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

    /** The pre-checks were read again because they were older than five minutes when Start was pressed. */
    public BooleanProperty staleChecksProperty() {
        return staleChecks;
    }

    /** The DB name the DBA must type: always the primary's (for a failover, the primary being given up). */
    public String confirmName() {
        Member primary = kind == Kind.SWITCHOVER ? acted.get() : peer.get();
        return primary.dbName() != null ? primary.dbName() : primary.name();
    }

    /** The operation was sent and has not ended: closing asks, and then it goes on in the status bar. */
    public boolean running() {
        State s = state.get();
        return s == State.SUBMITTED || s == State.IN_PROGRESS || s == State.VERIFYING;
    }

    public boolean ended() {
        return state.get().terminal();
    }

    /** Next is allowed on this page; when not, {@link #nextBlockedReason()} says why. */
    public BooleanBinding nextAllowed() {
        if (nextAllowed == null) {
            nextAllowed = Bindings.createBooleanBinding(() -> nextBlockedReason().get() == null, nextBlockedReason());
        }
        return nextAllowed;
    }

    private StringBinding nextReason;
    private BooleanBinding nextAllowed;

    public StringBinding nextBlockedReason() {
        if (nextReason == null) {
            nextReason = Bindings.createStringBinding(() -> switch (page.get()) {
                case PAIR -> null;
                case PRECHECKS -> checking.get() ? Messages.get("dg.next.checking")
                        : checks.isEmpty() ? Messages.get("dg.next.notChecked")
                        : blocked.get() ? Messages.get("dg.next.blocked")
                        : hasWarnings.get() && !acknowledged.get() ? Messages.get("dg.next.acknowledge") : null;
                case CONFIRM -> !typedName.get().trim().equalsIgnoreCase(confirmName())
                        ? Messages.get("dg.next.typeName", confirmName())
                        : !passwordGiven.get() ? Messages.get("dg.next.password")
                        : kind == Kind.FAILOVER && !lossAccepted.get() ? Messages.get("dg.next.acceptLoss") : null;
                case EXECUTE, VERIFY -> "";
            }, page, checking, checks, blocked, hasWarnings, acknowledged, typedName, passwordGiven, lossAccepted);
        }
        return nextReason;
    }

    // ---- commands

    /** Reads the pair now and judges it; the Pre-checks page shows the result. */
    public void runChecks() {
        if (checking.get() || state.get() != State.PRECHECK) {
            return;
        }
        checking.set(true);
        acknowledged.set(false);
        background.execute(() -> {
            DataGuardPrechecks.Result r;
            try {
                var facts = DataGuardPrechecks.read(kind, offer.actedId(), offer.peerId(), apiOf.apply(actedRegion),
                        apiOf.apply(peerRegion));
                // The primary's side (for a reinstate: the disabled standby's) and the standby's, read now over JDBC.
                String primaryId = kind == DataGuardWorkflow.Kind.FAILOVER ? offer.peerId() : offer.actedId();
                String standbyId = primaryId.equals(offer.actedId()) ? offer.peerId() : offer.actedId();
                var p = jdbcOf.apply(primaryId);
                var sb = jdbcOf.apply(standbyId);
                r = DataGuardPrechecks.evaluate(facts, lagThreshold,
                        new DataGuardPrechecks.JdbcFacts(p.reading(), sb.reading(), p.why(), sb.why()));
            } catch (RuntimeException e) {
                r = new DataGuardPrechecks.Result(null, List.of(new Check("read", Notice.of("pc.read.title"),
                        Verdict.FAIL, Notice.of("pc.value", String.valueOf(e.getMessage())), Notice.of("pc.read.advice"))));
            }
            DataGuardPrechecks.Result result = r;
            ui.execute(() -> {
                checking.set(false);
                checks.setAll(result.checks());
                checkedAt.set(clock(Instant.now()));
                checksReadAt = System.nanoTime();
                var f = result.facts();
                if (f != null) {
                    FleetSnapshot none = FleetSnapshot.EMPTY;
                    if (f.acted() != null) {
                        acted.set(merge(acted.get(), member(none, offer.actedId(), f.acted())));
                    }
                    if (f.peer() != null) {
                        peer.set(merge(peer.get(), member(none, offer.peerId(), f.peer())));
                    }
                    if (f.association() != null) {
                        var a = f.association();
                        association.set(Messages.get("dg.pair.association", a.lifecycleState(), a.protectionMode(),
                                a.transportType(), Messages.lag(a.applyLag()),
                                a.applyRate() == null ? "-" : a.applyRate()));
                    }
                }
            });
        });
    }

    /** Keeps what the tree knew (DB system, region, AD) and takes the fresh reads' states and lags. */
    private static Member merge(Member known, Member fresh) {
        return new Member(fresh.name(), fresh.dbName() != null ? fresh.dbName() : known.dbName(), known.dbSystem(),
                known.region(), known.availabilityDomain(), fresh.role(), fresh.lifecycleState(), fresh.protectionMode(),
                fresh.transportType(), fresh.applyLag(), fresh.transportLag());
    }

    public void back() {
        switch (page.get()) {
            case PRECHECKS -> page.set(Page.PAIR);
            case CONFIRM -> page.set(Page.PRECHECKS);
            default -> { }
        }
    }

    /** Pair → Pre-checks (runs them once) → Confirm. Confirm's Next is {@link #submit}. */
    public void next() {
        if (!nextAllowed().get()) {
            return;
        }
        switch (page.get()) {
            case PAIR -> {
                page.set(Page.PRECHECKS);
                if (checks.isEmpty()) {
                    runChecks();
                }
            }
            case PRECHECKS -> page.set(Page.CONFIRM);
            default -> { }
        }
    }

    /**
     * Confirms with the typed name and sends the operation with the password, which is wiped once
     * sent (or refused). Returns false when the name does not match; nothing is sent then.
     */
    public boolean submit(char[] password) {
        if (page.get() == Page.CONFIRM && System.nanoTime() - checksReadAt > CHECKS_VALID_FOR.toNanos()) {
            // The pair may have changed since: read it again, and the DBA looks at the checks again.
            java.util.Arrays.fill(password, '\0');
            page.set(Page.PRECHECKS);
            staleChecks.set(true);
            runChecks();
            return false;
        }
        if (page.get() != Page.CONFIRM || !nextAllowed().get() || !workflow.confirm(typedName.get())) {
            java.util.Arrays.fill(password, '\0');
            return false;
        }
        page.set(Page.EXECUTE);
        AutoCloseable held = holdSession.get();
        background.execute(() -> {
            try {
                workflow.run(password);
            } finally {
                java.util.Arrays.fill(password, '\0');
                release(held);
                fleetChanged.run();
            }
        });
        return true;
    }

    /** Keeps the profile's clients open while the operation runs (a profile switch or quit waits for it). */
    private java.util.function.Supplier<AutoCloseable> holdSession = () -> () -> { };

    public void holdSessionWith(java.util.function.Supplier<AutoCloseable> hold) {
        this.holdSession = hold;
    }

    private static void release(AutoCloseable held) {
        try {
            held.close();
        } catch (Exception e) {
            // Nothing to do: the session logs its own close failures.
        }
    }

    /** The wizard closes before anything was sent: the pair is free again. */
    public void cancel() {
        if (!running() && !ended()) {
            workflow.cancel();
        }
    }

    private void onProgress(DataGuardWorkflow.Progress p) {
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
            page.set(Page.VERIFY);
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
        String standbyId = switch (kind) {
            case SWITCHOVER -> offer.actedId();
            case FAILOVER -> null;
            case REINSTATE -> offer.actedId();
        };
        String primaryId = kind == Kind.FAILOVER ? offer.actedId() : offer.peerId();
        String primaryRegion = kind == Kind.FAILOVER ? actedRegion : peerRegion;
        background.execute(() -> {
            long until = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (System.nanoTime() < until) {
                String line;
                boolean settled = false;
                try {
                    var api = apiOf.apply(primaryRegion);
                    var a = api.association(primaryId);
                    if (standbyId == null) {
                        line = Messages.get("dg.verify.failoverLine", a.lifecycleState(), a.peerRole());
                        settled = "AVAILABLE".equals(a.lifecycleState());
                    } else {
                        DatabaseRow s = apiOf.apply(actedRegion).database(standbyId);
                        long lag = s.dataGuard() == null ? -1 : s.dataGuard().applyLagSeconds();
                        line = Messages.get("dg.verify.lagLine", a.lifecycleState(),
                                s.dataGuard() == null ? "-" : Messages.lag(s.dataGuard().applyLag()),
                                s.dbUniqueName());
                        settled = "AVAILABLE".equals(a.lifecycleState()) && lag >= 0 && lag <= lagThreshold.toSeconds();
                    }
                } catch (RuntimeException e) {
                    line = Messages.get("dg.verify.readFailed", e instanceof io.fleetdesk.oci.OciApiException o
                            ? Messages.of(o.notice()) : String.valueOf(e.getMessage()));
                }
                String l = clock(Instant.now()) + "  " + line + (settled ? "  ✓" : "");
                ui.execute(() -> verifyLines.add(l));
                if (settled) {
                    return;
                }
                try {
                    Thread.sleep(2000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
    }

    /** One line for the main window's status bar while the wizard is closed. */
    public String statusLine() {
        String what = Messages.get("dg.kind." + lower(kind)) + " " + acted.get().name();
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

    private static String clock(Instant t) {
        return LocalTime.ofInstant(t, ZoneId.systemDefault()).withNano(0).toString();
    }

    static String lower(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
