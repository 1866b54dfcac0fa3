package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.Health;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciConfigProfiles;
import io.fleetdesk.oci.ProfileException;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.poll.HealthRules;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.app.FleetSession;
import io.fleetdesk.ui.common.FxBatcher;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.ui.common.Messages;
import io.fleetdesk.app.AppSettings;
import io.fleetdesk.ui.switchover.DataGuardWizardModel;
import io.fleetdesk.app.SettingsStore;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The main window's state: which profile is open, the fleet tree, the banner and the status bar.
 * Opening a profile and refreshing happen on virtual threads; results come back through one
 * {@link FxBatcher}. A profile that cannot be opened leaves a banner that says why, and the demo
 * fleet keeps (or starts) working.
 */
public final class FleetViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetViewModel.class);

    /** An update for one session, with the items of the nodes it adds, built off the FX thread (null: none). */
    private record Tagged(long generation, FleetUpdate update, FleetTreeModel.Prebuilt prebuilt) {
    }

    private final LaunchOptions options;
    private final FleetTreeModel tree = new FleetTreeModel();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty activeProfile = new SimpleStringProperty();
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper lastRefresh = new ReadOnlyStringWrapper(Messages.get("status.waiting"));
    private final ReadOnlyStringWrapper errors = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper errorDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper nextRefresh = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenancy = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper tenancyDetails = new ReadOnlyStringWrapper("");
    /** Discovery problems already shown in the banner, so the same one is not shown again every refresh. */
    private List<io.fleetdesk.model.Notice> shownDiscoveryProblems = List.of();
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** For dialogs: after the main window closed, late work (a reload after an action) is dropped, not thrown. */
    private final java.util.concurrent.Executor dialogs = r -> {
        try {
            background.execute(r);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("closing: background work dropped");
        }
    };
    /** The UI thread's executor: {@code Platform::runLater} in the app, the caller's thread in a plain test. */
    private final java.util.concurrent.Executor ui;
    private final FxBatcher<Tagged> batcher;
    private final List<Runnable> afterApply = new ArrayList<>();
    private final List<Runnable> beforeApply = new ArrayList<>();
    private volatile FleetSession session;
    private volatile long generation;
    private Consumer<FleetUpdate> subscription;
    private Duration interval;
    /** The profile being opened, or null; FX thread only. */
    private String pending;
    /** Re-reads profiles when the OCI config file changes on disk. */
    private io.fleetdesk.oci.ConfigFileWatcher configWatcher;
    /** The banner text about a broken edit of the open profile, so it goes away once the file is mended. */
    private String configProblem;

    private final AuditLog audit;
    private final OperationLocks operationLocks = new OperationLocks();
    private final SettingsStore settingsStore;
    /** What is saved; changed and written on the FX thread, written off it. */
    private AppSettings settings;
    /** The directly reached databases: app-wide, so their pools and passwords outlive a profile switch. */
    private final io.fleetdesk.poll.DirectPoller direct;
    private Consumer<Map<String, FleetNode>> directSubscription;
    /** The demo's targets while the demo profile is open; empty otherwise. */
    private List<io.fleetdesk.model.DirectTarget> demoTargets = List.of();

    /**
     * @param ui the UI thread's executor: every result from a background thread crosses through it
     *           (the app passes {@code Platform::runLater})
     */
    public FleetViewModel(LaunchOptions options, SettingsStore settingsStore, AuditLog audit,
                          java.util.concurrent.Executor ui) {
        this.ui = ui;
        this.batcher = FxBatcher.on(ui, Duration.ofMillis(100), this::applyBatch);
        this.options = options;
        this.audit = audit;
        this.interval = options.interval();
        this.settingsStore = settingsStore;
        this.settings = settingsStore.load();
        this.direct = new io.fleetdesk.poll.DirectPoller(io.fleetdesk.poll.DirectSettings.defaults()
                .withAwr(settings.diagnosticsPack()), directRules());
        direct.setTargets(settings.targets());
    }

    /** The direct probes' thresholds from the settings file. */
    public io.fleetdesk.jdbc.DirectHealthRules directRules() {
        AppSettings.Thresholds t = settings.effectiveThresholds();
        return new io.fleetdesk.jdbc.DirectHealthRules(Duration.ofSeconds(t.applyLagWarningSeconds()),
                Duration.ofSeconds(t.applyLagCriticalSeconds()), t.recoveryAreaWarningPercent(),
                t.recoveryAreaCriticalPercent(), t.tablespaceWarningPercent(), t.tablespaceCriticalPercent());
    }

    public io.fleetdesk.poll.DirectPoller direct() {
        return direct;
    }

    /** The saved direct targets (not the demo's). */
    public List<io.fleetdesk.model.DirectTarget> savedTargets() {
        return settings.targets();
    }

    /** Adds or replaces a saved target (same id), saves the settings and shows it. */
    public void saveTarget(io.fleetdesk.model.DirectTarget t) {
        List<io.fleetdesk.model.DirectTarget> next = new ArrayList<>(settings.targets());
        next.removeIf(x -> x.id().equals(t.id()));
        int at = settings.targets().stream().map(io.fleetdesk.model.DirectTarget::id).toList().indexOf(t.id());
        next.add(at < 0 ? next.size() : at, t);
        save(settings.withTargets(next));
        applyTargets();
    }

    /** Removes a saved target: its pool is closed and the settings no longer name it. */
    public void removeTarget(String id) {
        List<io.fleetdesk.model.DirectTarget> next = new ArrayList<>(settings.targets());
        next.removeIf(x -> x.id().equals(id));
        save(settings.withTargets(next));
        applyTargets();
    }

    /** Whether a target is the demo's (it cannot be edited or removed, and needs no password). */
    public boolean isDemoTarget(String id) {
        return demoTargets.stream().anyMatch(t -> t.id().equals(id));
    }

    /** The target behind a tree row, or null. */
    public io.fleetdesk.model.DirectTarget targetOf(FleetRow row) {
        var st = row == null || row.node() == null ? null : direct.stateOfNode(row.node().id());
        return st == null ? null : st.target();
    }

    /**
     * Every change to the direct targets (the list, a connect, a disconnect) runs here, one at a time in
     * the order asked: an edited target's new host is set before its password is sent, never after.
     */
    private final java.util.concurrent.ExecutorService targetChanges = java.util.concurrent.Executors
            .newSingleThreadExecutor(Thread.ofVirtual().name("direct-target-changes").factory());

    /** Connects a target with a password, off the FX thread; the array is wiped once handed over. */
    public void connect(String targetId, char[] password) {
        targetChanges.submit(() -> {
            io.fleetdesk.model.Notice why = direct.connect(targetId, password);
            if (why != null) {
                ui.execute(() -> banner.set(Messages.of(why)));
            }
        });
    }

    public void disconnect(String targetId) {
        targetChanges.submit(() -> direct.disconnect(targetId));
    }

    /** Where settings.json is, for the hints that say what can be edited there. */
    public String settingsFile() {
        return settingsStore.file().toString();
    }

    public boolean diagnosticsPack() {
        return settings.diagnosticsPack();
    }

    /** Turns AWR reading on or off (Diagnostics Pack licence). */
    public void setDiagnosticsPack(boolean on) {
        save(settings.withDiagnosticsPack(on));
        direct.setSettings(direct.settings().withAwr(on));
    }

    private void applyTargets() {
        List<io.fleetdesk.model.DirectTarget> all = allTargets();
        targetChanges.submit(() -> direct.setTargets(all));
    }

    /** The saved targets, then the demo's while the demo is open. */
    private List<io.fleetdesk.model.DirectTarget> allTargets() {
        List<io.fleetdesk.model.DirectTarget> all = new ArrayList<>(settings.targets());
        all.addAll(demoTargets);
        return all;
    }

    /** The health thresholds from the settings file. */
    public HealthRules rules() {
        AppSettings.Thresholds t = settings.effectiveThresholds();
        return new HealthRules(Duration.ofSeconds(t.applyLagWarningSeconds()), Duration.ofSeconds(t.applyLagCriticalSeconds()),
                Duration.ofHours(t.backupWarningHours()));
    }

    public AppSettings.WindowBounds savedWindow() {
        return settings.window();
    }

    public void rememberTheme(io.fleetdesk.ui.common.Theme t) {
        save(settings.withTheme(t.name().toLowerCase(java.util.Locale.ROOT)));
    }

    public void rememberWindow(AppSettings.WindowBounds b) {
        settings = settings.withWindow(b);
        // On close: through the one writer (so no older pending save lands after it), and wait for it.
        settingsStore.saveLater(settings);
        settingsStore.flush();
    }

    private void save(AppSettings s) {
        settings = s;
        settingsStore.saveLater(s);
    }

    public FleetTreeModel tree() {
        return tree;
    }

    public ObservableList<String> profiles() {
        return profiles;
    }

    /** The UI thread's executor this window was built with; dialogs it opens use the same. */
    public java.util.concurrent.Executor ui() {
        return ui;
    }

    public StringProperty activeProfileProperty() {
        return activeProfile;
    }

    public ReadOnlyStringProperty bannerProperty() {
        return banner.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty lastRefreshProperty() {
        return lastRefresh.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorsProperty() {
        return errors.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorDetailsProperty() {
        return errorDetails.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty nextRefreshProperty() {
        return nextRefresh.getReadOnlyProperty();
    }

    /** "3 regions · 19 compartments", for the status bar. */
    public ReadOnlyStringProperty tenancyProperty() {
        return tenancy.getReadOnlyProperty();
    }

    /** When the tenancy was discovered, and how to discover it again: the status bar's tooltip. */
    public ReadOnlyStringProperty tenancyDetailsProperty() {
        return tenancyDetails.getReadOnlyProperty();
    }

    /** Reads the tenancy's regions and compartments again now (Shift+F5), in the background. */
    public void rediscoverNow() {
        FleetSession s = session;
        if (s != null) {
            s.poller().rediscoverNow();
            tenancy.set(Messages.get("status.discovering"));
        }
    }

    /** Shows or hides compartments that hold nothing. */
    public void setShowEmpty(boolean show) {
        tree.setShowEmpty(show);
    }

    public BooleanProperty openingProperty() {
        return opening;
    }

    /** The open session, or null while none is; tests use it to reach the simulator. */
    public FleetSession session() {
        return session;
    }

    /** Runs after each applied batch, on the FX thread (the controller refreshes the details pane). */
    public void onApplied(Runnable r) {
        afterApply.add(r);
    }

    /** Runs before each batch is applied, on the FX thread (the controller notes the selected row). */
    public void onBeforeApply(Runnable r) {
        beforeApply.add(r);
    }

    public void dismissBanner() {
        banner.set(null);
    }

    /** Shows a message in the banner (for what the DBA asked for and cannot have, with why). */
    public void say(String message) {
        banner.set(message);
    }

    public AuditLog audit() {
        return audit;
    }

    public OperationLocks operationLocks() {
        return operationLocks;
    }

    /** The Data Guard operations a row offers, each with why not when it is not available. */
    public List<DataGuardActions.Offer> dataGuardOffers(FleetRow row) {
        return DataGuardActions.offers(tree.snapshot(), row == null || row.node() == null ? null : row.node().id(),
                operationLocks);
    }

    /** Why a row has no Backups dialog, or null when it has one. */
    public String backupsUnavailable(FleetRow row) {
        if (row == null || row.node() == null || row.node().kind() != io.fleetdesk.model.NodeKind.DATABASE) {
            return Messages.get("bk.why.notDatabase");
        }
        return session == null ? Messages.get("status.opening") : null;
    }

    /** The Backups dialog's model for a database row. */
    public io.fleetdesk.ui.backups.BackupsViewModel openBackups(FleetRow row) {
        FleetSession s = session;
        String why = backupsUnavailable(row);
        if (why != null) {
            throw new IllegalStateException(why);
        }
        FleetNode n = row.node();
        String region = tree.snapshot().regionOf(n.id());
        var model = new io.fleetdesk.ui.backups.BackupsViewModel(n, () -> s.backups(region), audit, operationLocks,
                new io.fleetdesk.ops.BackupOperations.Actor(s.profile().name(), s.profile().userId()), dialogs, ui,
                s.poller()::refreshNow, Duration.ofSeconds(1));
        model.holdSessionWith(s::operation);
        return model;
    }

    /**
     * A wizard's model for an offered operation; the pair is locked from here until the wizard ends.
     *
     * @throws DataGuardWorkflow.OperationInProgressException when the pair already has an operation open
     */
    public DataGuardWizardModel openDataGuard(DataGuardActions.Offer offer) {
        FleetSession s = session;
        if (s == null || !offer.available()) {
            throw new IllegalStateException(String.valueOf(offer.reason()));
        }
        FleetSnapshot snap = tree.snapshot();
        FleetNode primary = snap.node(offer.kind() == DataGuardWorkflow.Kind.SWITCHOVER ? offer.actedId() : offer.peerId());
        String confirmName = primary.dbName();
        String region = snap.regionOf(offer.actedId());
        DataGuardWorkflow w = new DataGuardWorkflow(offer.kind(), new DataGuardWorkflow.Target(offer.actedId(), offer.peerId(), snap.node(offer.actedId()).name(), snap.node(offer.peerId()).name(),
                confirmName, s.profile().name(), s.profile().userId()),
                s.operations(region), audit, operationLocks,
                id -> {
                    var dg = s.operations(snap.regionOf(id)).database(id).dataGuard();
                    return dg == null ? null : dg.role();
                },
                new DataGuardWorkflow.Timing(Duration.ofSeconds(1), Duration.ofMinutes(10)));
        DataGuardWizardModel model = new DataGuardWizardModel(offer, w, snap, s::operations, direct::readLinked,
                rules().applyLagWarning(), dialogs, ui, s.poller()::refreshNow);
        model.holdSessionWith(s::operation);
        return model;
    }

    /** Lists profiles and opens the first one, in the background. */
    public void start() {
        profiles.setAll(InMemoryKeyProfiles.DEMO_PROFILE);
        if (settingsStore.loadProblem() != null) {
            banner.set(Messages.of(settingsStore.loadProblem()));
        }
        background.submit(() -> {
            List<String> names = new ArrayList<>();
            String problem = null;
            try {
                names.addAll(OciConfigProfiles.profileNames(options.ociConfig()));
            } catch (ProfileException e) {
                problem = Messages.of(e.notice());
            }
            String p = problem;
            ui.execute(() -> {
                for (String n : names) {
                    if (!profiles.contains(n)) {
                        profiles.add(n);
                    }
                }
                if (p != null) {
                    banner.set(p);
                }
                open(options.profile() == null ? InMemoryKeyProfiles.DEMO_PROFILE : options.profile());
            });
            configWatcher = new io.fleetdesk.oci.ConfigFileWatcher(options.ociConfig(), Duration.ofSeconds(2),
                    this::configFileChanged);
        });
    }

    /**
     * The OCI config file changed on disk (watcher thread): the profile list follows it; an edit of the
     * open profile is applied when it loads, and when it does not, the banner says what is wrong while
     * the profile keeps running with what it had. No restart needed.
     */
    private void configFileChanged() {
        java.nio.file.Path file = options.ociConfig();
        List<String> names;
        String listProblem = null;
        try {
            names = OciConfigProfiles.profileNames(file);
        } catch (ProfileException e) {
            names = null;
            listProblem = Messages.of(e.notice());
        }
        FleetSession s = session;
        String active = s == null ? null : s.profile().name();
        String problem = null;
        boolean reopen = false;
        if (s != null && s.configText() != null) {
            String now = OciConfigProfiles.sectionText(file, active);
            if (names != null && !names.contains(active)) {
                problem = Messages.get("profile.removedFromFile", active, file);
            } else if (now != null && !now.equals(s.configText())) {
                try {
                    OciConfigProfiles.load(file, active);
                    reopen = true;
                } catch (ProfileException e) {
                    problem = Messages.get("profile.brokenEdit", Messages.profile(active), Messages.of(e.notice()));
                }
            }
        }
        List<String> found = names;
        String fileProblem = listProblem;
        String activeProblem = problem;
        boolean again = reopen;
        ui.execute(() -> {
            if (found != null) {
                List<String> next = new ArrayList<>();
                next.add(InMemoryKeyProfiles.DEMO_PROFILE);
                next.addAll(found);
                if (active != null && !next.contains(active)) {
                    next.add(active); // still open: it stays choosable until another is chosen
                }
                if (!next.equals(profiles)) {
                    profiles.setAll(next);
                }
            }
            if (fileProblem != null) {
                banner.set(fileProblem);
            }
            if (activeProblem != null) {
                configProblem = activeProblem;
                banner.set(activeProblem);
                LOG.warn("profile {}: the edited file cannot be used; keeping the settings it had", active);
            } else if (configProblem != null && configProblem.equals(banner.get())) {
                banner.set(null); // mended
                configProblem = null;
            }
            if (again && session == s) {
                LOG.info("profile {} changed in {}: opening it again", active, file);
                banner.set(Messages.get("profile.reloaded", active));
                reopen(active);
            }
        });
    }

    /** Opens a profile in the background; on failure says why and keeps or opens the demo fleet. */
    public void open(String name) {
        // The chooser fires for programmatic changes too: ignore the profile that is open or opening.
        if (name == null || name.equals(pending) || (pending == null && session != null
                && name.equals(session.profile().name()))) {
            return;
        }
        reopen(name);
    }

    /** Opens a profile even when it is the one open (its file changed); the old session closes once the new one runs. */
    private void reopen(String name) {
        pending = name;
        opening.set(true);
        activeProfile.set(name);
        PollerSettings settings = PollerSettings.defaults().withInterval(interval);
        background.submit(() -> {
            try {
                FleetSession s = name.equals(InMemoryKeyProfiles.DEMO_PROFILE)
                        ? FleetSession.openDemo(new FleetSession.DemoOptions(options.demoSeed(), options.demoSize(), 3,
                        60.0, demoFaults(), Messages.get("demo.group")), settings, rules())
                        : FleetSession.openConfigProfile(options.ociConfig(), name, settings, rules());
                ui.execute(() -> activate(s));
            } catch (ProfileException e) {
                LOG.warn("profile {} could not be opened: {}", name, e.getMessage());
                ui.execute(() -> failed(name, Messages.of(e.notice())));
            } catch (Exception e) {
                LOG.error("profile {} could not be opened", name, e);
                ui.execute(() -> failed(name, Messages.get("profile.failed", name, e.toString())));
            }
        });
    }

    /** The demo's faults: some latency, and with --demo-varied responses as varied as the real service's. */
    private io.fleetdesk.sim.FaultPlan demoFaults() {
        io.fleetdesk.sim.FaultPlan f = FleetSession.DemoOptions.defaults().faults();
        if (options.demoVaried() != null) {
            f.variation(io.fleetdesk.sim.SimVariation.of(options.demoVaried(), 0.3, 0.1));
        }
        return f;
    }

    private void failed(String name, String message) {
        pending = null;
        opening.set(false);
        banner.set(Messages.get("profile.unusable", Messages.profile(name), message));
        if (session == null || !session.profile().name().equals(InMemoryKeyProfiles.DEMO_PROFILE)) {
            if (session != null) {
                activeProfile.set(session.profile().name());
            } else {
                open(InMemoryKeyProfiles.DEMO_PROFILE);
            }
        } else {
            activeProfile.set(session.profile().name());
        }
    }

    private void activate(FleetSession s) {
        pending = null;
        FleetSession old = session;
        if (old != null) {
            old.poller().store().unsubscribe(subscription);
            direct.unsubscribe(directSubscription);
            background.submit(old::close);
        }
        long gen = ++generation;
        tree.clear();
        shownDiscoveryProblems = List.of();
        tenancy.set("");
        session = s;
        activeProfile.set(s.profile().name());
        if (!profiles.contains(s.profile().name())) {
            profiles.add(s.profile().name());
        }
        subscription = u -> {
            // Runs on the poller's thread: added rows (the first load's ~40,000 items at 10,000 databases) are built here.
            batcher.offer(new Tagged(gen, u, tree.prebuild(u)));
        };
        s.poller().store().subscribe(subscription);
        directSubscription = s.poller().store()::publishDirect;
        demoTargets = s.demoDatabases() == null ? List.of() : s.demoDatabases().targets();
        List<io.fleetdesk.model.DirectTarget> all = allTargets();
        targetChanges.submit(() -> {
            direct.setTargets(all);
            direct.subscribe(directSubscription);
            // The demo's databases connect like any target, with passwords the simulator made in memory.
            for (io.fleetdesk.model.DirectTarget t : demoTargets) {
                direct.connect(t.id(), s.demoDatabases().password(t.id()));
            }
        });
        s.poller().start();
        LaunchOptions.DemoOutage outage = options.demoOutage();
        if (outage != null && s.demo() != null) {
            background.submit(() -> {
                Thread.sleep(outage.after());
                LOG.info("demo: {} stops answering now (--demo-outage)", outage.region());
                s.demo().server().faults().regionDown(outage.region(), true);
                s.poller().refreshNow();
                return null;
            });
        }
        recoverUnfinished(s);
        String name = s.profile().name();
        save(settings.withLastProfile(name.equals(InMemoryKeyProfiles.DEMO_PROFILE) ? null : name));
        opening.set(false);
        lastRefresh.set(Messages.get("status.waiting"));
    }

    /** Operations (by audit operation id) being recovered, so a profile reopened meanwhile does not do it twice. */
    private final java.util.Set<String> recovering = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /**
     * Operations of this profile that the app left without an outcome last time (a crash, a kill): the
     * banner says so at once, then each work request is followed (found once the tree knows the
     * target's region) and its end recorded in the audit log and said in the banner.
     */
    private void recoverUnfinished(FleetSession s) {
        background.submit(() -> {
            List<AuditLog.Unfinished> pending;
            try {
                pending = io.fleetdesk.ops.CrashRecovery.pending(audit, s.profile().name()).stream()
                        .filter(u -> recovering.add(u.intent().operationId())).toList();
            } catch (RuntimeException e) {
                LOG.warn("the audit log could not be read for unfinished operations: {}", e.toString());
                return null;
            }
            if (pending.isEmpty()) {
                return null;
            }
            String listed = String.join("\n", pending.stream().map(u -> Messages.of(
                    io.fleetdesk.ops.CrashRecovery.announce(u))).toList());
            LOG.warn("{} operation(s) of {} were left without an outcome last time; following them", pending.size(),
                    s.profile().name());
            ui.execute(() -> banner.set(Messages.get("recovery.banner", listed)));
            List<String> settled = new ArrayList<>();
            for (AuditLog.Unfinished u : pending) {
                String target = u.intent().targets().isEmpty() ? null : u.intent().targets().getFirst();
                String region = null;
                long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (target != null && (region = s.poller().store().current().regionOf(target)) == null
                        && System.nanoTime() < until && session == s) {
                    Thread.sleep(500); // the first refresh of a large tenancy takes a while
                }
                io.fleetdesk.ops.CrashRecovery.Settled r;
                try {
                    r = region == null ? null : io.fleetdesk.ops.CrashRecovery.settle(audit, u, s.operations(region),
                            Duration.ofSeconds(2));
                } catch (RuntimeException e) {
                    LOG.warn("following the unfinished {} failed: {}", u.intent().action(), e.toString());
                    r = null;
                }
                if (r != null) {
                    settled.add(Messages.get("recovery.settled", Messages.of(io.fleetdesk.ops.CrashRecovery.announce(u)),
                            Messages.of(r.what())));
                } else {
                    recovering.remove(u.intent().operationId()); // tried again at the next start
                }
            }
            if (!settled.isEmpty()) {
                String text = String.join("\n", settled);
                ui.execute(() -> banner.set(Messages.get("recovery.done", text)));
                ui.execute(io.fleetdesk.ui.audit.AuditWindow::reloadIfOpen);
            }
            return null;
        });
    }

    public void refreshNow() {
        FleetSession s = session;
        if (s != null) {
            s.poller().refreshNow();
        }
    }

    public void setInterval(Duration d) {
        this.interval = d;
        save(settings.withInterval(d.toSeconds()));
        FleetSession s = session;
        if (s != null) {
            s.poller().setInterval(d);
        }
    }

    public Duration interval() {
        return interval;
    }

    /** The DBA is looking at this row: its database or DB system is read every cycle. */
    public void watch(FleetRow row) {
        FleetSession s = session;
        if (s == null) {
            return;
        }
        if (row == null || row.node() == null) {
            s.poller().watch(java.util.Set.of());
        } else {
            java.util.Set<String> ids = new java.util.HashSet<>();
            ids.add(row.node().id());
            if (row.node().parentId() != null) {
                ids.add(row.node().parentId());
            }
            s.poller().watch(ids);
        }
    }

    public void setFilter(String text, Health health) {
        tree.setFilter(text, health);
    }

    /** Called about once a second by the view to keep "next refresh in …" current. */
    public void tick() {
        FleetSession s = session;
        if (s == null) {
            nextRefresh.set(opening.get() ? Messages.get("status.opening") : "");
            return;
        }
        if (s.poller().isRefreshing()) {
            nextRefresh.set(Messages.get("status.refreshing"));
            return;
        }
        Instant next = s.poller().nextRefreshAt();
        nextRefresh.set(next == null ? Messages.get("status.refreshing")
                : Messages.get("status.next", Math.max(0, Duration.between(Instant.now(), next).toSeconds())));
    }

    private void applyBatch(List<Tagged> batch) {
        List<FleetUpdate> mine = new ArrayList<>();
        List<FleetTreeModel.Prebuilt> prebuilt = new ArrayList<>();
        for (Tagged t : batch) {
            if (t.generation() == generation) {
                mine.add(t.update());
                if (t.prebuilt() != null) {
                    prebuilt.add(t.prebuilt());
                }
            }
        }
        if (mine.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        beforeApply.forEach(Runnable::run);
        tree.apply(mine, prebuilt);
        long t1 = System.nanoTime();
        FleetSnapshot s = tree.snapshot();
        Map<Health, Integer> c = s.countByHealth();
        counts.set(Messages.get("status.counts", s.count(io.fleetdesk.model.NodeKind.DATABASE) + s.count(io.fleetdesk.model.NodeKind.DIRECT_DATABASE), c.get(Health.OK),
                c.get(Health.WARNING), c.get(Health.CRITICAL), c.get(Health.UNKNOWN)));
        lastRefresh.set(Messages.get("status.refreshed", java.time.LocalTime.ofInstant(s.takenAt(),
                        java.time.ZoneId.systemDefault()).withNano(0), s.refreshDuration().toMillis() / 1000.0,
                s.requests()));
        // Discovery's problems first (they say which policy would show more), then the refresh's.
        List<String> problemLines = new ArrayList<>();
        s.tenancy().problems().forEach(n -> problemLines.add(Messages.of(n)));
        problemLines.addAll(Messages.of(s.errors()));
        FleetSession open = session;
        if (open != null) {
            // A Retry-After holds a region back (a minute at most): say so, or the rows just look slow.
            open.poller().pauses().forEach((region, left) -> problemLines.add(Messages.get("status.paused", region,
                    Math.max(1, left.toSeconds()))));
        }
        errors.set(problemLines.isEmpty() ? Messages.get("status.noErrors") : Messages.get("status.errors", problemLines.size()));
        io.fleetdesk.model.TenancyInfo t = s.tenancy();
        if (t.discoveredAt() != null) {
            tenancy.set(Messages.get(t.complete() ? "status.tenancy" : "status.tenancyOld", t.regions(), t.compartments()));
            tenancyDetails.set(Messages.get(t.complete() ? "status.tenancy.tip" : "status.tenancyOld.tip",
                    java.time.LocalTime.ofInstant(t.discoveredAt(), java.time.ZoneId.systemDefault()).withNano(0)));
        }
        // What discovery could not do (a region not subscribed, compartments not listable) is said once in
        // the banner, with the policy that would fix it; it stays in the status bar's problems.
        List<io.fleetdesk.model.Notice> problems = t.problems();
        if (!problems.isEmpty() && !problems.equals(shownDiscoveryProblems)) {
            banner.set(Messages.get("discovery.problem", Messages.profile(activeProfile.get()),
                    String.join("\n", problems.stream().map(Messages::of).toList())));
        }
        shownDiscoveryProblems = problems;
        errorDetails.set(String.join("\n", problemLines));
        // A refused key is not a passing fault: say which profile and what to check, in the banner.
        s.errors().stream().filter(e -> e.mentions("oci.error.notAuthenticated")).findFirst().ifPresent(e ->
                banner.set(Messages.get("profile.refused", Messages.profile(activeProfile.get()), Messages.of(e))));
        long t2 = System.nanoTime();
        afterApply.forEach(Runnable::run);
        long t3 = System.nanoTime();
        if (t3 - t0 > 50_000_000L) {
            // Over the 50 ms budget of design section 6: say where it went (the first load of a large fleet does).
            LOG.info("applying {} update(s) took {} ms on the FX thread (tree {} ms, status {} ms, view {} ms)",
                    mine.size(), (t3 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000);
        }
    }

    @Override
    public void close() {
        if (configWatcher != null) {
            configWatcher.close();
        }
        FleetSession s = session;
        session = null;
        targetChanges.shutdownNow();
        direct.close();
        if (s != null) {
            s.poller().store().unsubscribe(subscription);
            s.close();
        }
        batcher.close();
        background.shutdownNow();
        try {
            // A running operation writes "continues in OCI" to the audit log when interrupted: let it.
            background.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
