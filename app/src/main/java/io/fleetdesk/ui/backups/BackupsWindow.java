package io.fleetdesk.ui.backups;

import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.OwnedWindows;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The Backups window of one database. Closing it while an action runs only hides it: the action
 * goes on in OCI, its progress stays in the main window's status bar, and a click there shows it.
 */
public final class BackupsWindow implements io.fleetdesk.ui.common.FollowedWindow {
    private final BackupsViewModel model;
    private final Stage stage;
    private final StringBinding statusLine;

    private BackupsWindow(BackupsViewModel model, Window owner, Consumer<BackupsWindow> onGone) throws IOException {
        this.model = model;
        this.stage = OwnedWindows.load(BackupsWindow.class, "BackupsView.fxml", t -> new BackupsController(model), owner,
                1250, 700);
        stage.setTitle(Messages.get("bk.window", model.database().name()));
        statusLine = Bindings.createStringBinding(model::statusLine, model.progressProperty());
        stage.setOnHidden(e -> {
            if (!model.runningProperty().get()) {
                onGone.accept(this);
            }
        });
    }

    public static BackupsWindow open(BackupsViewModel model, Window owner, Consumer<BackupsWindow> onGone)
            throws IOException {
        BackupsWindow w = new BackupsWindow(model, owner, onGone);
        w.stage.show();
        return w;
    }

    public BackupsViewModel model() {
        return model;
    }

    @Override
    public boolean running() {
        return model.runningProperty().get();
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public StringBinding statusLine() {
        return statusLine;
    }

}
