package io.fleetdesk.ui.backups;

import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.ops.BackupOperations;
import io.fleetdesk.ops.BackupOperations.Kind;
import io.fleetdesk.ops.BackupOperations.State;
import io.fleetdesk.app.Messages;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
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
import javafx.collections.transformation.FilteredList;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The Backups dialog's state for one database: its backups (newest first, filterable), the
 * automatic backup configuration, which actions the selection allows and why not, and the action
 * in progress. Reads and actions run on the executor; results come back through the injected UI executor.
 */
public final class BackupsViewModel {
    /** The type filter's "any" choice. */
    public static final String ANY = "";

    private final FleetNode database;
    private final Supplier<BackupsApi> api;
    private final BackupOperations.Actor actor;
    private final io.fleetdesk.ops.AuditLog audit;
    private final io.fleetdesk.ops.OperationLocks locks;
    private final Executor background;
    private final Runnable fleetChanged;
    private final Duration poll;

    private final ObservableList<Backup> all = FXCollections.observableArrayList();
    private final FilteredList<Backup> shown = new FilteredList<>(all, b -> true);
    private final StringProperty filter = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty(ANY);
    private final ObjectProperty<BackupConfig> config = new SimpleObjectProperty<>();
    private final BooleanProperty loading = new SimpleBooleanProperty();
    private final StringProperty loadProblem = new SimpleStringProperty("");
    private final ObjectProperty<Instant> loadedAt = new SimpleObjectProperty<>();
    private final ObjectProperty<Backup> selected = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final ObjectProperty<BackupOperations.Progress> progress = new SimpleObjectProperty<>();

    /** The UI thread's executor: reads and actions end there. */
    private final Executor ui;

    public BackupsViewModel(FleetNode database, Supplier<BackupsApi> api, io.fleetdesk.ops.AuditLog audit,
                            io.fleetdesk.ops.OperationLocks locks, BackupOperations.Actor actor, Executor background,
                            Executor ui, Runnable fleetChanged, Duration poll) {
        this.ui = ui;
        this.database = database;
        this.api = api;
        this.audit = audit;
        this.locks = locks;
        this.actor = actor;
        this.background = background;
        this.fleetChanged = fleetChanged;
        this.poll = poll;
        filter.addListener((o, a, b) -> refilter());
        type.addListener((o, a, b) -> refilter());
    }

    public FleetNode database() {
        return database;
    }

    /** The DB name the DBA types to confirm a restore (Oracle DB names are case-insensitive). */
    public String confirmName() {
        return database.dbName();
    }

    public ObservableList<Backup> shown() {
        return shown;
    }

    public int total() {
        return all.size();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public ObjectProperty<BackupConfig> configProperty() {
        return config;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    public StringProperty loadProblemProperty() {
        return loadProblem;
    }

    public ObjectProperty<Instant> loadedAtProperty() {
        return loadedAt;
    }

    public ObjectProperty<Backup> selectedProperty() {
        return selected;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public ObjectProperty<BackupOperations.Progress> progressProperty() {
        return progress;
    }

    /** What the tree says about this database's backups (the freshness reasons), or empty. */
    public List<String> freshness() {
        return database.reasons().stream().filter(io.fleetdesk.poll.HealthRules::aboutBackups).map(Messages::of).toList();
    }

    private void refilter() {
        String t = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        String k = type.get() == null ? ANY : type.get();
        shown.setPredicate(b -> (k.equals(ANY) || k.equals(b.type()))
                && (t.isEmpty() || (b.displayName() + " " + b.lifecycleState() + " " + b.id()).toLowerCase(Locale.ROOT)
                .contains(t)));
    }

    /** Reads the backups and the configuration again, in the background. */
    public void reload() {
        loading.set(true);
        background.execute(() -> {
            List<Backup> list = null;
            BackupConfig c = null;
            String problem = "";
            try {
                BackupsApi a = api.get();
                list = a.list(database.id());
                c = a.config(database.id());
            } catch (OciApiException e) {
                problem = Messages.get("bk.loadFailed", Messages.of(e.notice()));
            } catch (RuntimeException e) {
                problem = Messages.get("bk.loadFailed", e.getMessage());
            }
            List<Backup> l = list;
            BackupConfig cc = c;
            String p = problem;
            ui.execute(() -> {
                loading.set(false);
                loadProblem.set(p);
                if (l != null) {
                    String keep = selected.get() == null ? null : selected.get().id();
                    all.setAll(l.stream().sorted(java.util.Comparator.comparing(Backup::started,
                            java.util.Comparator.nullsLast(java.util.Comparator.reverseOrder()))).toList());
                    config.set(cc);
                    loadedAt.set(Instant.now());
                    if (keep != null) {
                        all.stream().filter(b -> b.id().equals(keep)).findFirst().ifPresent(selected::set);
                    }
                }
            });
        });
    }

    // ---- what the selection allows, and why not

    public StringBinding deleteBlocked() {
        return Bindings.createStringBinding(() -> {
            Backup b = selected.get();
            if (running.get()) {
                return Messages.get("bk.why.busy");
            }
            if (b == null) {
                return Messages.get("bk.why.select");
            }
            if (b.automatic()) {
                return Messages.get("bk.why.automatic");
            }
            if (autonomous() && !"LONGTERM".equals(b.type())) {
                return Messages.get("bk.why.adbDeleteLongTermOnly");
            }
            if (b.running()) {
                return Messages.get("bk.why.runningDelete");
            }
            return null;
        }, selected, running);
    }

    /** Whether the database is an Autonomous Database (manual and long-term backups; no cancel). */
    public boolean autonomous() {
        return database.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_DATABASE;
    }

    /**
     * Why a retention cannot be sent (in the DBA's words), or null: 1 to 3,650 days for an on-demand Base
     * backup; for an Autonomous Database, none (a manual backup) or 90 to 3,650 (a long-term one).
     */
    public String retentionProblem(Integer days) {
        if (days == null) {
            return autonomous() ? null : Messages.get("bk.create.retentionRange", 1, 3650);
        }
        int min = autonomous() ? 90 : 1;
        return days < min || days > 3650 ? Messages.get("bk.create.retentionRange", min, 3650) : null;
    }

    public StringBinding cancelBlocked() {
        return Bindings.createStringBinding(() -> {
            if (autonomous()) {
                return Messages.get("bk.why.adbNoCancel");
            }
            Backup b = selected.get();
            if (running.get() && (b == null || !b.running())) {
                return Messages.get("bk.why.busy");
            }
            if (b == null || !b.running()) {
                return Messages.get("bk.why.cancelOnlyRunning");
            }
            if (b.automatic()) {
                return Messages.get("bk.why.cancelAutomatic");
            }
            return null;
        }, selected, running);
    }

    public StringBinding createBlocked() {
        return Bindings.createStringBinding(() -> running.get() ? Messages.get("bk.why.busy") : null, running);
    }

    /** The restore form's own check: the typed DB name. The restore point is checked by {@link BackupOperations}. */
    public boolean nameConfirmed(String typed) {
        return typed != null && typed.trim().equalsIgnoreCase(confirmName());
    }

    // ---- actions

    public void create(String name, Integer retentionDays) {
        start(Kind.CREATE_BACKUP, (ops, tell) -> ops.create(database.id(), database.name(), name, retentionDays, tell));
    }

    public void delete(Backup b) {
        start(Kind.DELETE_BACKUP, (ops, tell) -> ops.delete(b, database.name(), tell));
    }

    public void cancel(Backup b) {
        start(Kind.CANCEL_BACKUP, (ops, tell) -> ops.cancel(b, database.name(), tell));
    }

    /** Restores to a point; {@code typedName} is what the DBA typed, checked again where it is sent. */
    public void restore(BackupsApi.RestorePoint to, String typedName) {
        start(Kind.RESTORE_DATABASE, (ops, tell) -> ops.restore(database.id(), database.name(), confirmName(), typedName, to,
                tell));
    }

    private void start(Kind kind, java.util.function.BiFunction<BackupOperations,
            java.util.function.Consumer<BackupOperations.Progress>, BackupOperations.Progress> action) {
        if (running.get()) {
            return;
        }
        running.set(true);
        AutoCloseable held = holdSession.get();
        background.execute(() -> {
            java.util.concurrent.atomic.AtomicBoolean ended = new java.util.concurrent.atomic.AtomicBoolean();
            try (held) {
                action.apply(new BackupOperations(api.get(), audit, locks, actor, poll), p -> {
                    ended.compareAndSet(false, p.ended());
                    publish(p);
                });
            } catch (Exception e) {
                if (!ended.get()) {
                    // Before the action began (the profile's clients closed meanwhile): nothing was sent.
                    publish(BackupOperations.Progress.notSent(kind, io.fleetdesk.model.Notice.of("op.notSent",
                            String.valueOf(e.getMessage()))));
                }
            } finally {
                fleetChanged.run();
            }
        });
    }

    /** Keeps the profile's clients open while an action runs (a profile switch or quit waits for it). */
    private java.util.function.Supplier<AutoCloseable> holdSession = () -> () -> { };

    public void holdSessionWith(java.util.function.Supplier<AutoCloseable> hold) {
        this.holdSession = hold;
    }

    /** FX thread only. */
    private int reloadsWhileRunning;
    /** The tree was asked to read the fleet for the running action. */
    private final java.util.concurrent.atomic.AtomicBoolean announced = new java.util.concurrent.atomic.AtomicBoolean();

    private void publish(BackupOperations.Progress p) {
        if (!p.ended() && p.workRequestId() != null && announced.compareAndSet(false, true)) {
            // Sent: the tree reads the fleet now, so BACKUP_IN_PROGRESS (or UPDATING for a restore) shows there.
            fleetChanged.run();
        }
        ui.execute(() -> {
            progress.set(p);
            if (p.ended()) {
                running.set(false);
                announced.set(false);
                reload();
            } else if (p.workRequestId() != null && reloadsWhileRunning++ % 3 == 0) {
                // The new backup (CREATING) and the database's state show while it runs.
                reload();
            }
        });
    }

    /** One line for the main window's status bar. */
    public String statusLine() {
        BackupOperations.Progress p = progress.get();
        if (p == null) {
            return "";
        }
        String what = Messages.get("bk.action." + p.kind()) + " " + database.name();
        if (!p.ended()) {
            return Messages.get("bk.status.running", what, Math.round(p.percentComplete()));
        }
        return Messages.get(p.succeeded() ? "bk.status.done" : p.state() == State.UNKNOWN ? "bk.status.unknown"
                : "bk.status.failed", what);
    }
}
