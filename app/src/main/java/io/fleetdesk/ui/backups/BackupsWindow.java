package io.fleetdesk.ui.backups;

import io.fleetdesk.ui.common.Messages;
import io.fleetdesk.ui.common.ThemeManager;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The Backups window of one database. Closing it while an action runs only hides it: the action
 * goes on in OCI, its progress stays in the main window's status bar, and a click there shows it.
 */
public final class BackupsWindow {
    private final BackupsViewModel model;
    private final Stage stage = new Stage();
    private final StringBinding statusLine;

    private BackupsWindow(BackupsViewModel model, Window owner, Consumer<BackupsWindow> onGone) throws IOException {
        this.model = model;
        FXMLLoader loader = new FXMLLoader(BackupsWindow.class.getResource("BackupsView.fxml"), Messages.bundle());
        loader.setControllerFactory(t -> new BackupsController(model));
        Parent root = loader.load();
        Scene scene = new Scene(root, Math.min(1250, owner.getWidth() - 20), Math.min(700, owner.getHeight() - 30));
        ThemeManager.follow(scene, owner.getScene());
        stage.setScene(scene);
        stage.initOwner(owner);
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

    public Stage stage() {
        return stage;
    }

    public StringBinding statusLine() {
        return statusLine;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }
}
