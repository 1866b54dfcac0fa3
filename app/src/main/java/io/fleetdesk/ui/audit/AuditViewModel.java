package io.fleetdesk.ui.audit;

import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.app.Messages;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * The Audit view's state: every entry of the audit log, newest first, narrowed by a text (any field),
 * an action and a status. The file is read on the given executor, never on the FX thread.
 */
public final class AuditViewModel {
    /** The choice that means "any" in the action and status filters. */
    public static final String ANY = "";

    private final AuditLog audit;
    private final Executor background;
    private final ObservableList<AuditEntry> all = FXCollections.observableArrayList();
    private final FilteredList<AuditEntry> shown = new FilteredList<>(all, e -> true);
    private final ObservableList<String> actions = FXCollections.observableArrayList(ANY);
    private final ObservableList<String> statuses = FXCollections.observableArrayList(ANY);
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty action = new SimpleStringProperty(ANY);
    private final StringProperty status = new SimpleStringProperty(ANY);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");

    /** The UI thread's executor, where the entries read in the background are shown. */
    private final Executor ui;

    public AuditViewModel(AuditLog audit, Executor background, Executor ui) {
        this.audit = audit;
        this.background = background;
        this.ui = ui;
        text.addListener((o, a, b) -> refilter());
        action.addListener((o, a, b) -> refilter());
        status.addListener((o, a, b) -> refilter());
    }

    public ObservableList<AuditEntry> shown() {
        return shown;
    }

    public int total() {
        return all.size();
    }

    public ObservableList<String> actions() {
        return actions;
    }

    public ObservableList<String> statuses() {
        return statuses;
    }

    public StringProperty textProperty() {
        return text;
    }

    public StringProperty actionProperty() {
        return action;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public String file() {
        return audit.file().toString();
    }

    /** Reads the file again in the background and shows it. */
    public void reload() {
        background.execute(() -> {
            List<AuditEntry> read;
            String trouble = "";
            try {
                read = new ArrayList<>(audit.readAll());
            } catch (RuntimeException e) {
                read = List.of();
                trouble = Messages.get("audit.readFailed", String.valueOf(e.getMessage()));
            }
            List<AuditEntry> entries = read.stream().sorted(Comparator.comparing(AuditEntry::at).reversed()).toList();
            String t = trouble;
            ui.execute(() -> {
                all.setAll(entries);
                actions.setAll(distinct(entries, AuditEntry::action));
                statuses.setAll(distinct(entries, e -> e.phase() != AuditEntry.Phase.OUTCOME ? e.phase().name() : e.status()));
                problem.set(t);
                refilter();
            });
        });
    }

    private static List<String> distinct(List<AuditEntry> entries, java.util.function.Function<AuditEntry, String> f) {
        List<String> out = new ArrayList<>();
        out.add(ANY);
        entries.stream().map(f).filter(java.util.Objects::nonNull).distinct().sorted().forEach(out::add);
        return out;
    }

    private void refilter() {
        String t = text.get() == null ? "" : text.get().trim().toLowerCase(Locale.ROOT);
        String a = action.get() == null ? ANY : action.get();
        String s = status.get() == null ? ANY : status.get();
        shown.setPredicate(e -> (a.equals(ANY) || a.equals(e.action()))
                && (s.equals(ANY) || s.equals(e.phase() != AuditEntry.Phase.OUTCOME ? e.phase().name() : e.status()))
                && (t.isEmpty() || describe(e).toLowerCase(Locale.ROOT).contains(t)));
    }

    /** Every field of an entry, one per line: the detail area shows it and the text filter searches it. */
    public static String describe(AuditEntry e) {
        StringBuilder b = new StringBuilder();
        line(b, "audit.field.at", e.at());
        line(b, "audit.field.operation", e.operationId());
        line(b, "audit.field.phase", e.phase());
        line(b, "audit.field.action", e.action());
        line(b, "audit.field.status", e.status());
        line(b, "audit.field.osUser", e.osUser());
        line(b, "audit.field.ociUser", e.ociUser());
        line(b, "audit.field.profile", e.profile());
        line(b, "audit.field.targets", String.join(", ", e.targets()));
        line(b, "audit.field.parameters", e.parameters().isEmpty() ? null : e.parameters().toString());
        line(b, "audit.field.workRequest", e.workRequestId());
        line(b, "audit.field.opcRequest", e.opcRequestId());
        line(b, "audit.field.duration", e.durationMs() == null ? null : e.durationMs() + " ms");
        line(b, "audit.field.message", message(e));
        return b.toString();
    }

    private static void line(StringBuilder b, String key, Object v) {
        if (v != null && !v.toString().isEmpty()) {
            b.append(Messages.get(key)).append(": ").append(v).append('\n');
        }
    }

    /** What happened, in the DBA's language: the notice of a new entry, the English words of an older one. */
    public static String message(AuditEntry e) {
        return e.notice() != null ? Messages.of(e.notice()) : e.message() == null ? "" : e.message();
    }
}
