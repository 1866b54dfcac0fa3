package io.fleetdesk.ui.targets;

import io.fleetdesk.jdbc.ConnectStrings;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.app.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * The Add / Edit database dialog's state: the target's fields, what the connect string resolves to
 * (checked off the FX thread, since a tnsnames alias means reading a file), and why Save is not
 * possible yet. Saving hands the target (never the password) to the settings, and the password,
 * when one was typed, to the pool only.
 */
public final class TargetDialogModel {
    /** One OCI database the target can be linked to. */
    public record LinkChoice(String databaseId, String label) {
        public static final LinkChoice NONE = new LinkChoice("", null);
    }

    private final String id;
    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty group = new SimpleStringProperty("");
    private final ObjectProperty<DirectTarget.ConnectKind> kind = new SimpleObjectProperty<>(DirectTarget.ConnectKind.EZCONNECT);
    private final StringProperty connect = new SimpleStringProperty("");
    private final StringProperty tnsAdmin = new SimpleStringProperty("");
    private final StringProperty wallet = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<DirectTarget.Role> role = new SimpleObjectProperty<>(DirectTarget.Role.NORMAL);
    private final ObjectProperty<LinkChoice> link = new SimpleObjectProperty<>(LinkChoice.NONE);
    private final ReadOnlyStringWrapper resolved = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    /** The field the problem is in, for the dialog to mark; null when there is none. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<ConnectStrings.Field> problemField =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final List<String> groups;
    private final List<LinkChoice> links;
    private final Executor background;
    private final BiConsumer<DirectTarget, char[]> onSave;
    private final AtomicLong checks = new AtomicLong();
    private final BooleanBinding saveDisabled;

    /** The UI thread's executor, where the check's result is shown. */
    private final Executor ui;

    /**
     * @param existing the target being edited, or null to add one
     * @param ui       the UI thread's executor ({@code Platform::runLater} in the app)
     * @param onSave   saves the target and, when the array is not empty, connects with it (and wipes it)
     */
    public TargetDialogModel(DirectTarget existing, String linkTo, List<String> groups, List<LinkChoice> links,
                             Executor background, Executor ui, BiConsumer<DirectTarget, char[]> onSave) {
        this.ui = ui;
        this.id = existing == null ? UUID.randomUUID().toString() : existing.id();
        this.groups = List.copyOf(groups);
        this.links = List.copyOf(links);
        this.background = background;
        this.onSave = onSave;
        if (existing != null) {
            name.set(existing.name());
            group.set(existing.group());
            kind.set(existing.kind());
            connect.set(existing.connect());
            tnsAdmin.set(existing.tnsAdmin());
            wallet.set(existing.wallet());
            user.set(existing.user());
            role.set(existing.role());
        }
        String linked = existing != null ? existing.linkedDatabaseId() : linkTo == null ? "" : linkTo;
        link.set(links.stream().filter(l -> l.databaseId().equals(linked)).findFirst().orElse(LinkChoice.NONE));
        for (javafx.beans.Observable p : List.<javafx.beans.Observable>of(kind, connect, tnsAdmin, wallet, user, role, name)) {
            p.addListener(o -> check());
        }
        saveDisabled = Bindings.createBooleanBinding(() -> !problem.get().isEmpty() || resolved.get().isEmpty(),
                problem, resolved);
        check();
    }

    public boolean editing(DirectTarget t) {
        return t != null && t.id().equals(id);
    }

    /** Checks the fields; the answer arrives on the FX thread (the last check wins). */
    private void check() {
        long n = checks.incrementAndGet();
        DirectTarget t = target();
        String nameProblem = t.name().isBlank() ? Messages.get("target.problem.name") : null;
        background.execute(() -> {
            String out;
            String why;
            ConnectStrings.Field where;
            try {
                ConnectStrings.Resolved r = ConnectStrings.resolve(t);
                out = Messages.get("target.resolved", r.shown());
                why = nameProblem == null ? "" : nameProblem;
                where = nameProblem == null ? null : ConnectStrings.Field.NAME;
            } catch (ConnectStrings.InvalidTarget e) {
                out = "";
                why = Messages.of(e.notice());
                where = e.field();
            }
            String o = out;
            String w = why;
            ConnectStrings.Field f = where;
            ui.execute(() -> {
                if (checks.get() == n) {
                    resolved.set(o);
                    problem.set(w);
                    problemField.set(f);
                }
            });
        });
    }

    /** The target as the fields say now (no password). */
    public DirectTarget target() {
        return new DirectTarget(id, name.get().strip(), group.get() == null ? "" : group.get(), kind.get(),
                connect.get() == null ? "" : connect.get().strip(), tnsAdmin.get(), wallet.get(),
                user.get() == null ? "" : user.get().strip(), role.get(), link.get() == null ? "" : link.get().databaseId());
    }

    /** Saves; the password array is handed on (and wiped by whoever connects), or wiped here when empty. */
    public void save(char[] password) {
        onSave.accept(target(), password);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty groupProperty() {
        return group;
    }

    public ObjectProperty<DirectTarget.ConnectKind> kindProperty() {
        return kind;
    }

    public StringProperty connectProperty() {
        return connect;
    }

    public StringProperty tnsAdminProperty() {
        return tnsAdmin;
    }

    public StringProperty walletProperty() {
        return wallet;
    }

    public StringProperty userProperty() {
        return user;
    }

    public ObjectProperty<DirectTarget.Role> roleProperty() {
        return role;
    }

    public ObjectProperty<LinkChoice> linkProperty() {
        return link;
    }

    public ReadOnlyStringProperty resolvedProperty() {
        return resolved.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    public javafx.beans.property.ReadOnlyObjectProperty<ConnectStrings.Field> problemFieldProperty() {
        return problemField.getReadOnlyProperty();
    }

    public BooleanBinding saveDisabled() {
        return saveDisabled;
    }

    public List<String> groups() {
        return groups;
    }

    public List<LinkChoice> links() {
        return links;
    }
}
