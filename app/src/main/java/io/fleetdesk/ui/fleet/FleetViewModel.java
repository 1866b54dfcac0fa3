package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.ProfileException;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.poll.HealthRules;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.app.FleetSession;
import io.fleetdesk.ui.common.FxBatcher;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.app.Messages;
import io.fleetdesk.app.AppSettings;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The main window's state: which profile is open, the fleet tree, the banner and the status bar.
 * Opening a profile and refreshing happen on virtual threads; results come back through one
 * {@link FxBatcher}. A profile that cannot be opened leaves a banner that says why, and the demo
 * fleet keeps (or starts) working.
 */
public final class FleetViewModel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetViewModel.class);

    private final LaunchOptions options;
    private final FleetTreeModel tree = new FleetTreeModel();
    private final ObservableList<String> profiles = FXCollections.observableArrayList();
    private final StringProperty activeProfile = new SimpleStringProperty();
    private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper();
    /** Discovery problems already shown in the banner, so the same one is not shown again every refresh. */
    private List<io.fleetdesk.model.Notice> shownDiscoveryProblems = List.of();
    private final BooleanProperty opening = new SimpleBooleanProperty();
    private final ExecutorService background = Executors.newVirtualThreadPerTaskExecutor();
    /** The UI thread's executor: {@code Platform::runLater} in the app, the caller's thread in a plain test. */
    private final java.util.concurrent.Executor ui;
    private final TreeFeed feed;
    private final ProfileFileWatch fileWatch;
    private volatile FleetSession session;
    private Duration interval;
    /** The profile being opened, or null; FX thread only. */
    private String pending;

    private final AuditLog audit;
    private final OperationLocks operationLocks = new OperationLocks();
    /** What is saved; changed on the UI thread, written off it. */
    private final SettingsWriter settings;
    /** The directly reached databases: app-wide, so their pools and passwords outlive a profile switch. */
    private final DirectTargets targets;
    private final StatusBar status = new StatusBar();
    private final FeatureLaunchers features;
    private final UnfinishedOperations unfinished;

    /**
     * @param ui the UI thread's executor: every result from a background thread crosses through it
     *           (the app passes {@code Platform::runLater})
     */
    public FleetViewModel(LaunchOptions options, SettingsStore settingsStore, AuditLog audit,
                          java.util.concurrent.Executor ui) {
        this.ui = ui;
        this.feed = new TreeFeed(tree, ui, this::applied);
        this.fileWatch = new ProfileFileWatch(options.ociConfig(), () -> session, profiles, ui, banner, this::reopen);
        this.options = options;
        this.audit = audit;
        this.interval = options.interval();
        this.settings = new SettingsWriter(settingsStore);
        this.targets = new DirectTargets(settings, why -> ui.execute(() -> banner.set(Messages.of(why))));
        this.unfinished = new UnfinishedOperations(audit, background, ui, text -> banner.set(text), () -> session);
        this.features = new FeatureLaunchers(() -> session, tree, audit, operationLocks, targets, settings, background, ui);
    }

    /** The settings file and the thresholds in it. */
    public SettingsWriter settings() {
        return settings;
    }

    /** The databases reached directly over JDBC. */
    public DirectTargets targets() {
        return targets;
    }

    /** The status bar's text. */
    public StatusBar status() {
        return status;
    }

    /** The health thresholds from the settings file. */
    public HealthRules rules() {
        return settings.rules();
    }

    public AppSettings.WindowBounds savedWindow() {
        return settings.get().window();
    }

    public void rememberTheme(io.fleetdesk.ui.common.Theme t) {
        settings.update(s -> s.withTheme(t.name().toLowerCase(java.util.Locale.ROOT)));
    }

    /** On close: through the one writer (so no older pending save lands after it), and waits for it. */
    public void rememberWindow(AppSettings.WindowBounds b) {
        settings.updateNow(s -> s.withWindow(b));
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

    /** Reads the tenancy's regions and compartments again now (Shift+F5), in the background. */
    public void rediscoverNow() {
        FleetSession s = session;
        if (s != null) {
            s.poller().rediscoverNow();
            status.discovering();
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
        feed.onApplied(r);
    }

    /** Runs before each batch is applied, on the FX thread (the controller notes the selected row). */
    public void onBeforeApply(Runnable r) {
        feed.onBeforeApply(r);
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

    /** The Backups dialog and the Data Guard wizard, opened from a row. */
    public FeatureLaunchers features() {
        return features;
    }

    /** Lists profiles and opens the first one, in the background. */
    public void start() {
        profiles.setAll(InMemoryKeyProfiles.DEMO_PROFILE);
        if (settings.loadProblem() != null) {
            banner.set(Messages.of(settings.loadProblem()));
        }
        background.submit(() -> fileWatch.listThen(() -> open(options.profile() == null
                ? InMemoryKeyProfiles.DEMO_PROFILE : options.profile())));
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
        PollerSettings settings = PollerSettings.defaults().withInterval(interval).withSlowTierAfterFirstCycle(true);
        background.submit(() -> {
            try {
                FleetSession s = SessionOpener.open(options, name, settings, rules());
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
        feed.follow(s);
        if (old != null) {
            background.submit(old::close);
        }
        shownDiscoveryProblems = List.of();
        status.waiting();
        session = s;
        activeProfile.set(s.profile().name());
        if (!profiles.contains(s.profile().name())) {
            profiles.add(s.profile().name());
        }
        targets.follow(s);
        s.poller().start();
        SessionOpener.scheduleOutage(options, s, background);
        unfinished.follow(s);
        String name = s.profile().name();
        settings.update(x -> x.withLastProfile(name.equals(InMemoryKeyProfiles.DEMO_PROFILE) ? null : name));
        opening.set(false);
    }

    public void refreshNow() {
        FleetSession s = session;
        if (s != null) {
            s.poller().refreshNow();
        }
    }

    public void setInterval(Duration d) {
        this.interval = d;
        settings.update(x -> x.withInterval(d.toSeconds()));
        FleetSession s = session;
        if (s != null) {
            s.poller().setInterval(d);
        }
    }

    public Duration interval() {
        return interval;
    }

    /** The DBA is looking at this row: it and its parent (its DB system) are read every cycle. */
    public void watch(FleetRow row) {
        FleetSession s = session;
        if (s != null) {
            s.poller().watch(row == null ? java.util.Set.of() : row.watched());
        }
    }

    public void setFilter(String text, Health health) {
        tree.setFilter(text, health);
    }

    /** Called about once a second by the view to keep "next refresh in …" current. */
    public void tick() {
        status.tick(session, opening.get());
    }

    /** After each batch: the status bar, and what the banner must say once (discovery's limits, a refused key). */
    private void applied(FleetSnapshot s) {
        if (s.requests() > 0) {
            // The first tree is drawn. From now on the poller's work leaves a core to the window; before, its
            // first refresh is what the DBA waits for, and lowered it came 11 % later (docs/benchmarks.md).
            io.fleetdesk.app.BackgroundPriority.start();
        }
        FleetSession open = session;
        status.show(s, open == null ? Map.of() : open.poller().pauses());
        // What discovery could not do (a region not subscribed, compartments not listable) is said once in
        // the banner, with the policy that would fix it; it stays in the status bar's problems.
        List<io.fleetdesk.model.Notice> problems = s.tenancy().problems();
        if (!problems.isEmpty() && !problems.equals(shownDiscoveryProblems)) {
            banner.set(Messages.get("discovery.problem", Messages.profile(activeProfile.get()),
                    String.join("\n", problems.stream().map(Messages::of).toList())));
        }
        shownDiscoveryProblems = problems;
        // A refused key is not a passing fault: say which profile and what to check, in the banner.
        s.errors().stream().filter(e -> e.mentions("oci.error.notAuthenticated")).findFirst().ifPresent(e ->
                banner.set(Messages.get("profile.refused", Messages.profile(activeProfile.get()), Messages.of(e))));
    }

    @Override
    public void close() {
        fileWatch.close();
        FleetSession s = session;
        session = null;
        targets.close();
        feed.close();
        if (s != null) {
            s.close();
        }
        background.shutdownNow();
        try {
            // A running operation writes "continues in OCI" to the audit log when interrupted: let it.
            background.awaitTermination(3, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
