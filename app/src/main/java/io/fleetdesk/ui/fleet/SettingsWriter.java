package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.AppSettings;
import io.fleetdesk.app.SettingsStore;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.poll.HealthRules;

import java.util.function.UnaryOperator;

/**
 * The main window's settings: read once, changed on the UI thread, written in the background by the
 * store's one writer (an older save never lands after a newer one). The thresholds in it become the
 * health rules of both pollers.
 */
public final class SettingsWriter {
    private final SettingsStore store;
    private AppSettings settings;

    SettingsWriter(SettingsStore store) {
        this.store = store;
        this.settings = store.load();
    }

    public AppSettings get() {
        return settings;
    }

    /** Changes and saves in the background. */
    void update(UnaryOperator<AppSettings> change) {
        settings = change.apply(settings);
        store.saveLater(settings);
    }

    /** Changes, saves and waits for the write (closing the window). */
    void updateNow(UnaryOperator<AppSettings> change) {
        update(change);
        store.flush();
    }

    /** Why the file could not be read at start (the banner says it), or null. */
    io.fleetdesk.model.Notice loadProblem() {
        return store.loadProblem();
    }

    /** Where settings.json is, for the hints that say what can be edited there. */
    public String file() {
        return store.file().toString();
    }

    /** The health thresholds of the OCI poller. */
    public HealthRules rules() {
        return settings.healthRules();
    }

    /** The direct probes' thresholds. */
    public DirectHealthRules directRules() {
        return settings.directRules();
    }
}
