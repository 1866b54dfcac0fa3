package io.fleetdesk.ui.switchover;

import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardPrechecks;
import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.State;
import io.fleetdesk.app.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * One switchover, failover or reinstate wizard: the state its five pages share. Reads and the
 * operation run on the given executor (virtual threads); results come back through the injected
 * UI executor ({@code Platform::runLater} in the app). It holds no controls; the password passes through as a char[] once.
 */
public final class DataGuardWizardModel {
    public enum Page { PAIR, PRECHECKS, CONFIRM, EXECUTE, VERIFY }

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
    private final ObjectProperty<PairMember> acted = new SimpleObjectProperty<>();
    private final ObjectProperty<PairMember> peer = new SimpleObjectProperty<>();
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
    private final BooleanBinding blocked;
    private final BooleanBinding hasWarnings;
    private final WizardPageRules rules;

    private final Function<String, io.fleetdesk.jdbc.LinkedReading> jdbcOf;
    /** The pre-checks of an Autonomous pair; null for Base Database (read through {@link #apiOf}). */
    private final java.util.function.Supplier<DataGuardPrechecks.Result> checker;
    private final String variant;
    /** The Execute and Verify pages: the operation's progress to its end, and the pair's recovery after. */
    private final OperationProgress progress;
    /** The monotonic clock the pre-checks' age is measured on (a test moves it). */
    private java.util.function.LongSupplier nanoTime = System::nanoTime;
    /** The UI thread's executor: every background result crosses through it. */
    private final Executor ui;

    /**
     * @param snapshot     the fleet as last read, for names, DB systems, regions and ADs
     * @param apiOf        the operations client of a region
     * @param jdbcOf       a fresh direct-probe round for the target linked to an OCI database (blocking), or why there is none
     * @param ui           the UI thread's executor ({@code Platform::runLater} in the app)
     * @param fleetChanged asks the poller to read the fleet now (after submit and at the end)
     */
    public DataGuardWizardModel(DataGuardActions.Offer offer, DataGuardWorkflow workflow, FleetSnapshot snapshot,
                                Function<String, DataGuardOperationsApi> apiOf,
                                Function<String, io.fleetdesk.jdbc.LinkedReading> jdbcOf, Duration lagThreshold,
                                Executor background, Executor ui, Runnable fleetChanged) {
        this(offer, workflow, snapshot, apiOf, jdbcOf, null, "", lagThreshold, background, ui, fleetChanged);
    }

    /**
     * An Autonomous Data Guard pair (an Autonomous Database with its local standby or a cross-region peer,
     * or a container database pair): its own pre-checks, its own words, and no password.
     *
     * @param checker reads the pair now and judges it (blocking; never throws)
     * @param variant the texts' variant: {@code adbLocal.}, {@code adbRemote.} or {@code ""} (as Base)
     */
    public static DataGuardWizardModel autonomous(DataGuardActions.Offer offer, DataGuardWorkflow workflow,
                                                  FleetSnapshot snapshot, java.util.function.Supplier<DataGuardPrechecks.Result> checker,
                                                  String variant, Duration lagThreshold, Executor background, Executor ui,
                                                  Runnable fleetChanged) {
        return new DataGuardWizardModel(offer, workflow, snapshot, null, id -> null, checker, variant, lagThreshold,
                background, ui, fleetChanged);
    }

    private DataGuardWizardModel(DataGuardActions.Offer offer, DataGuardWorkflow workflow, FleetSnapshot snapshot,
                                 Function<String, DataGuardOperationsApi> apiOf,
                                 Function<String, io.fleetdesk.jdbc.LinkedReading> jdbcOf,
                                 java.util.function.Supplier<DataGuardPrechecks.Result> checker, String variant,
                                 Duration lagThreshold, Executor background, Executor ui, Runnable fleetChanged) {
        this.checker = checker;
        this.variant = variant;
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
        acted.set(PairMember.of(snapshot, offer.actedId(), null));
        peer.set(PairMember.of(snapshot, offer.peerId(), null));
        blocked = Bindings.createBooleanBinding(() -> checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL), checks);
        hasWarnings = Bindings.createBooleanBinding(() -> checks.stream().anyMatch(c -> c.verdict() == Verdict.WARN), checks);
        if (!workflow.needsPassword()) {
            passwordGiven.set(true); // Autonomous Data Guard: there is no password to give
        }
        rules = new WizardPageRules(kind, page, checking, checks, blocked, hasWarnings, acknowledged, typedName,
                passwordGiven, lossAccepted, this::confirmName);
        this.progress = new OperationProgress(kind, offer, actedRegion, peerRegion, apiOf, lagThreshold, background, ui,
                fleetChanged);
        workflow.onProgress(p -> ui.execute(() -> progress.onProgress(p)));
        // The roles are being read after the service said it is done: the wizard turns to the Verify page.
        progress.stateProperty().addListener((o, was, now) -> {
            if (now == State.VERIFYING) {
                page.set(Page.VERIFY);
            }
        });
    }

    // ---- what the pages read

    public Kind kind() {
        return kind;
    }

    /** Whether the Confirm page asks for the database admin password (Base Database only). */
    public boolean needsPassword() {
        return workflow.needsPassword();
    }

    /** Which words the pages use: {@code adbLocal.}, {@code adbRemote.}, or {@code ""} for a Data Guard association. */
    public String variant() {
        return variant;
    }

    public DataGuardActions.Offer offer() {
        return offer;
    }

    public ObjectProperty<Page> pageProperty() {
        return page;
    }

    public ObjectProperty<PairMember> actedProperty() {
        return acted;
    }

    public ObjectProperty<PairMember> peerProperty() {
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
        return progress.stateProperty();
    }

    /** The Execute and Verify pages' state. */
    public OperationProgress progress() {
        return progress;
    }

    /** The pre-checks were read again because they were older than five minutes when Start was pressed. */
    public BooleanProperty staleChecksProperty() {
        return staleChecks;
    }

    /** The DB name the DBA must type: always the primary's (for a failover, the primary being given up). */
    public String confirmName() {
        PairMember primary = kind == Kind.SWITCHOVER ? acted.get() : peer.get();
        return primary.dbName() != null ? primary.dbName() : primary.name();
    }

    /** The operation was sent and has not ended: closing asks, and then it goes on in the status bar. */
    public boolean running() {
        return progress.running();
    }

    public boolean ended() {
        return progress.ended();
    }

    /** For tests: the monotonic clock the pre-checks' five-minute validity is measured on. */
    public void useNanoClock(java.util.function.LongSupplier clock) {
        this.nanoTime = clock;
    }

    /** Next is allowed on this page; when not, {@link #nextBlockedReason()} says why. */
    public BooleanBinding nextAllowed() {
        return rules.nextAllowed();
    }

    /** Why Next is not allowed on this page (in the DBA's words), or null when it is. */
    public StringBinding nextBlockedReason() {
        return rules.nextBlockedReason();
    }

    // ---- commands

    /** Reads the pair now and judges it; the Pre-checks page shows the result. */
    public void runChecks() {
        if (checking.get() || progress.stateProperty().get() != State.PRECHECK) {
            return;
        }
        checking.set(true);
        acknowledged.set(false);
        background.execute(() -> {
            DataGuardPrechecks.Result r = checker != null ? checker.get() : DataGuardPrechecks.check(kind, offer.actedId(),
                    offer.peerId(), apiOf.apply(actedRegion), apiOf.apply(peerRegion), jdbcOf, lagThreshold);
            DataGuardPrechecks.Result result = r;
            ui.execute(() -> {
                checking.set(false);
                checks.setAll(result.checks());
                checkedAt.set(OperationProgress.clock(Instant.now()));
                checksReadAt = nanoTime.getAsLong();
                var f = result.facts();
                if (f != null) {
                    FleetSnapshot none = FleetSnapshot.EMPTY;
                    if (f.acted() != null) {
                        acted.set(PairMember.merge(acted.get(), PairMember.of(none, offer.actedId(), f.acted())));
                    }
                    if (f.peer() != null) {
                        peer.set(PairMember.merge(peer.get(), PairMember.of(none, offer.peerId(), f.peer())));
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
        if (page.get() == Page.CONFIRM && nanoTime.getAsLong() - checksReadAt > CHECKS_VALID_FOR.toNanos()) {
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

    /** One line for the main window's status bar while the wizard is closed. */
    public String statusLine() {
        return progress.statusLine(acted.get().name());
    }
}
