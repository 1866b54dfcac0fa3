package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Notice;
import io.fleetdesk.poll.DirectPoller;
import io.fleetdesk.poll.DirectSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The databases reached directly over JDBC, app-wide, so their pools and passwords outlive a profile
 * switch: the saved targets (edited in the settings), the demo's while the demo profile is open, and
 * their connections. Every change (the list, a connect, a disconnect) runs on one thread in the order
 * asked: an edited target's new host is set before its password is sent, never after.
 */
public final class DirectTargets implements AutoCloseable {
    private final SettingsWriter settings;
    private final Consumer<Notice> problem;
    private final DirectPoller poller;
    private final ExecutorService changes = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("direct-target-changes").factory());
    /** The demo's targets while the demo profile is open; empty otherwise. */
    private List<DirectTarget> demo = List.of();
    private Consumer<Map<String, FleetNode>> subscription;

    /** @param problem told (on the changes thread) when a connect is refused before it is tried */
    DirectTargets(SettingsWriter settings, Consumer<Notice> problem) {
        this.settings = settings;
        this.problem = problem;
        this.poller = new DirectPoller(DirectSettings.defaults().withAwr(settings.get().diagnosticsPack()),
                settings.directRules());
        poller.setTargets(settings.get().targets());
    }

    public DirectPoller poller() {
        return poller;
    }

    /** The saved targets (not the demo's). */
    public List<DirectTarget> saved() {
        return settings.get().targets();
    }

    /** Adds or replaces a saved target (same id, same place), saves the settings and shows it. */
    public void save(DirectTarget t) {
        List<DirectTarget> now = settings.get().targets();
        List<DirectTarget> next = new ArrayList<>(now);
        next.removeIf(x -> x.id().equals(t.id()));
        int at = now.stream().map(DirectTarget::id).toList().indexOf(t.id());
        next.add(at < 0 ? next.size() : at, t);
        settings.update(s -> s.withTargets(next));
        apply();
    }

    /** Removes a saved target: its pool is closed and the settings no longer name it. */
    public void remove(String id) {
        List<DirectTarget> next = new ArrayList<>(settings.get().targets());
        next.removeIf(x -> x.id().equals(id));
        settings.update(s -> s.withTargets(next));
        apply();
    }

    /** Whether a target is the demo's (it cannot be edited or removed, and needs no password). */
    public boolean isDemo(String id) {
        return demo.stream().anyMatch(t -> t.id().equals(id));
    }

    /** The target behind a tree row, or null. */
    public DirectTarget of(FleetRow row) {
        var st = row == null || row.node() == null ? null : poller.stateOfNode(row.node().id());
        return st == null ? null : st.target();
    }

    /** Connects a target with a password, off the UI thread; the array is wiped once handed over. */
    public void connect(String targetId, char[] password) {
        changes.submit(() -> {
            Notice why = poller.connect(targetId, password);
            if (why != null) {
                problem.accept(why);
            }
        });
    }

    public void disconnect(String targetId) {
        changes.submit(() -> poller.disconnect(targetId));
    }

    public boolean diagnosticsPack() {
        return settings.get().diagnosticsPack();
    }

    /** Turns AWR reading on or off (Diagnostics Pack licence). */
    public void setDiagnosticsPack(boolean on) {
        settings.update(s -> s.withDiagnosticsPack(on));
        poller.setSettings(poller.settings().withAwr(on));
    }

    /**
     * A session opened: its store gets the direct nodes, and the demo's databases (when it is the demo)
     * join the list and connect with the passwords the simulator made in memory.
     */
    void follow(FleetSession s) {
        if (subscription != null) {
            poller.unsubscribe(subscription);
        }
        Consumer<Map<String, FleetNode>> sub = s.poller().store()::publishDirect;
        subscription = sub;
        demo = s.demoDatabases() == null ? List.of() : s.demoDatabases().targets();
        List<DirectTarget> all = all();
        List<DirectTarget> demoNow = demo;
        changes.submit(() -> {
            poller.setTargets(all);
            poller.subscribe(sub);
            for (DirectTarget t : demoNow) {
                poller.connect(t.id(), s.demoDatabases().password(t.id()));
            }
        });
    }

    private void apply() {
        List<DirectTarget> all = all();
        changes.submit(() -> poller.setTargets(all));
    }

    /** The saved targets, then the demo's while the demo is open. */
    private List<DirectTarget> all() {
        List<DirectTarget> all = new ArrayList<>(settings.get().targets());
        all.addAll(demo);
        return all;
    }

    @Override
    public void close() {
        changes.shutdownNow();
        poller.close();
    }
}
