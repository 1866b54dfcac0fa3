package io.fleetdesk.ui.targets;

import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.OwnedWindows;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/** The Add / Edit database window, modal over the main one. */
public final class TargetDialog {
    private TargetDialog() {
    }

    public static Stage open(TargetDialogModel model, boolean editing, Window owner) {
        Stage stage = OwnedWindows.load(TargetDialog.class, "TargetDialog.fxml",
                t -> new TargetDialogController(model, editing), owner, 760, 680);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(Messages.get(editing ? "target.title.edit" : "target.title.add"));
        stage.show();
        return stage;
    }
}
