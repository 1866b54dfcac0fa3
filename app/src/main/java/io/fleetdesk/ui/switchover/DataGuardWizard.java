package io.fleetdesk.ui.switchover;

import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.OwnedWindows;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import javafx.stage.Window;

import java.io.IOException;
import java.util.function.Consumer;

/**
 * The wizard's window. Closing it before anything was sent cancels (and frees the pair); closing it
 * while the operation runs asks first, then only hides it: the operation goes on in the service,
 * its progress stays in the main window's status bar, and a click there shows the window again.
 */
public final class DataGuardWizard implements io.fleetdesk.ui.common.FollowedWindow {
    private final DataGuardWizardModel model;
    private final Stage stage;
    private final StringBinding statusLine;
    private final Consumer<DataGuardWizard> onGone;
    private boolean gone;

    private DataGuardWizard(DataGuardWizardModel model, Window owner, Consumer<DataGuardWizard> onGone) throws IOException {
        this.model = model;
        this.onGone = onGone;
        this.stage = OwnedWindows.load(DataGuardWizard.class, "DataGuardWizard.fxml",
                t -> new DataGuardWizardController(model, this::requestClose), owner, 1100, 680);
        stage.titleProperty().bind(Bindings.createStringBinding(() -> Messages.get("dg.window",
                Messages.get("dg.kind." + OperationProgress.lower(model.kind())), model.actedProperty().get().name()),
                model.actedProperty()));
        stage.setOnCloseRequest(e -> {
            e.consume();
            requestClose();
        });
        statusLine = Bindings.createStringBinding(model::statusLine, model.stateProperty(), model.progress().percentProperty());
    }

    /** Opens a wizard over the main window; {@code onGone} runs once it is closed for good. */
    public static DataGuardWizard open(DataGuardWizardModel model, Window owner, Consumer<DataGuardWizard> onGone)
            throws IOException {
        DataGuardWizard w = new DataGuardWizard(model, owner, onGone);
        w.stage.show();
        return w;
    }

    public DataGuardWizardModel model() {
        return model;
    }

    @Override
    public boolean running() {
        return model.running();
    }

    @Override
    public Stage stage() {
        return stage;
    }

    @Override
    public StringBinding statusLine() {
        return statusLine;
    }

    /** Cancel before sending; ask while running (then hide); close when ended. */
    void requestClose() {
        if (model.running()) {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("dg.closeWhileRunning",
                    Messages.get("dg.kind." + OperationProgress.lower(model.kind()))),
                    new ButtonType(Messages.get("dg.closeWhileRunning.hide"), ButtonBar.ButtonData.OK_DONE),
                    new ButtonType(Messages.get("dg.closeWhileRunning.stay"), ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.initOwner(stage);
            ask.setHeaderText(null);
            ask.setTitle(stage.getTitle());
            ask.getDialogPane().setId("dgCloseAsk");
            ask.showAndWait().filter(b -> b.getButtonData() == ButtonBar.ButtonData.OK_DONE).ifPresent(b -> stage.hide());
            return;
        }
        model.cancel();
        stage.hide();
        if (!gone) {
            gone = true;
            onGone.accept(this);
        }
    }
}
