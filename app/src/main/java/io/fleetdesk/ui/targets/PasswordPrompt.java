package io.fleetdesk.ui.targets;

import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.ThemeManager;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Asks for a direct target's password at connect time. The password leaves the field once, as a
 * char[] for the pool, and the field is cleared; it is never saved.
 */
public final class PasswordPrompt {
    private PasswordPrompt() {
    }

    public static Dialog<ButtonType> ask(Window owner, DirectTarget t, Consumer<char[]> connect) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(Messages.get("connect.title", t.name()));
        PasswordField pw = new PasswordField();
        pw.setId("connectPassword");
        Label who = new Label(Messages.get("connect.who", t.describe()));
        who.setWrapText(true);
        Label note = new Label(Messages.get("target.password.note"));
        note.setWrapText(true);
        note.getStyleClass().add("details-hint");
        VBox box = new VBox(8, who, pw, note);
        box.setPrefWidth(460);
        d.getDialogPane().setContent(box);
        ButtonType connectButton = new ButtonType(Messages.get("connect.button"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.CANCEL, connectButton);
        d.getDialogPane().lookupButton(connectButton).setId("connectButton");
        ThemeManager.follow(d.getDialogPane().getScene(), owner.getScene());
        d.setOnShown(e -> pw.requestFocus());
        d.setResultConverter(b -> {
            if (b == connectButton) {
                char[] p = pw.getText().toCharArray();
                connect.accept(p);
            }
            pw.clear();
            return b;
        });
        d.show();
        return d;
    }
}
