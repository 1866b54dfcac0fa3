package io.fleetdesk.ui.targets;

import io.fleetdesk.model.DirectTarget;
import atlantafx.base.theme.Styles;
import io.fleetdesk.jdbc.ConnectStrings;
import io.fleetdesk.app.Messages;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.stage.DirectoryChooser;
import javafx.stage.Stage;

import java.io.File;
import java.util.Locale;
import java.util.Map;

/** Binds the Add / Edit database dialog to its {@link TargetDialogModel}. View only. */
public final class TargetDialogController {
    private final TargetDialogModel model;
    private final boolean editing;

    @FXML private Label titleLabel;
    @FXML private TextField nameField;
    @FXML private ComboBox<String> groupField;
    @FXML private ComboBox<DirectTarget.ConnectKind> kindChooser;
    @FXML private Label connectLabel;
    @FXML private TextField connectField;
    @FXML private TextField tnsAdminField;
    @FXML private Button tnsAdminBrowse;
    @FXML private TextField walletField;
    @FXML private Button walletBrowse;
    @FXML private TextField userField;
    @FXML private ComboBox<DirectTarget.Role> roleChooser;
    @FXML private PasswordField passwordField;
    @FXML private ComboBox<TargetDialogModel.LinkChoice> linkChooser;
    @FXML private Label resolvedLabel;
    @FXML private Label problemLabel;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    public TargetDialogController(TargetDialogModel model, boolean editing) {
        this.model = model;
        this.editing = editing;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(Messages.get(editing ? "target.title.edit" : "target.title.add"));
        nameField.textProperty().bindBidirectional(model.nameProperty());
        groupField.getItems().setAll(model.groups());
        groupField.getEditor().textProperty().bindBidirectional(model.groupProperty());
        kindChooser.getItems().setAll(DirectTarget.ConnectKind.values());
        kindChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(k -> k == null ? "" : Messages.get("target.kind." + k.name().toLowerCase(Locale.ROOT))));
        kindChooser.valueProperty().bindBidirectional(model.kindProperty());
        connectField.textProperty().bindBidirectional(model.connectProperty());
        kindChooser.valueProperty().addListener((o, a, b) -> kindChanged(b));
        kindChanged(kindChooser.getValue());
        tnsAdminField.textProperty().bindBidirectional(model.tnsAdminProperty());
        String env = System.getenv("TNS_ADMIN");
        tnsAdminField.setPromptText(env == null || env.isBlank() ? Messages.get("target.tnsAdmin.noEnv")
                : Messages.get("target.tnsAdmin.env", env));
        walletField.textProperty().bindBidirectional(model.walletProperty());
        tnsAdminBrowse.setOnAction(e -> browse(tnsAdminField));
        walletBrowse.setOnAction(e -> browse(walletField));
        userField.textProperty().bindBidirectional(model.userProperty());
        roleChooser.getItems().setAll(DirectTarget.Role.values());
        roleChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(r -> r == null ? "" : Messages.get("target.role." + r.name().toLowerCase(Locale.ROOT))));
        roleChooser.valueProperty().bindBidirectional(model.roleProperty());
        linkChooser.getItems().add(TargetDialogModel.LinkChoice.NONE);
        linkChooser.getItems().addAll(model.links());
        linkChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(l -> l == null || l.label() == null ? Messages.get("target.link.none") : l.label()));
        linkChooser.valueProperty().bindBidirectional(model.linkProperty());
        resolvedLabel.textProperty().bind(model.resolvedProperty());
        problemLabel.textProperty().bind(model.problemProperty());
        problemLabel.visibleProperty().bind(model.problemProperty().isNotEmpty());
        problemLabel.managedProperty().bind(problemLabel.visibleProperty());
        // The field the problem is in is outlined (AtlantaFX's danger state) and says the problem when
        // hovered. Not ControlsFX's ValidationSupport: its decorations reach into Parent.getChildren by
        // reflection, which the packaged runtime refuses without --add-opens (decision 0015).
        Map<ConnectStrings.Field, TextField> fields = Map.of(ConnectStrings.Field.NAME, nameField,
                ConnectStrings.Field.CONNECT, connectField, ConnectStrings.Field.TNS_ADMIN, tnsAdminField,
                ConnectStrings.Field.WALLET, walletField, ConnectStrings.Field.USER, userField);
        javafx.beans.InvalidationListener mark = o -> fields.forEach((k, field) -> {
            boolean here = k == model.problemFieldProperty().get();
            field.pseudoClassStateChanged(Styles.STATE_DANGER, here);
            field.setTooltip(here ? new Tooltip(model.problemProperty().get()) : null);
        });
        model.problemFieldProperty().addListener(mark);
        model.problemProperty().addListener(mark);
        saveButton.disableProperty().bind(model.saveDisabled());
        cancelButton.setOnAction(e -> close());
        saveButton.setOnAction(e -> {
            // The password leaves the field once, as a char[], and the field is cleared.
            String typed = passwordField.getText();
            char[] pw = typed == null ? new char[0] : typed.toCharArray();
            passwordField.clear();
            model.save(pw);
            close();
        });
    }

    private void kindChanged(DirectTarget.ConnectKind k) {
        if (k == null) {
            return;
        }
        connectLabel.setText(Messages.get("target.connect." + k.name().toLowerCase(Locale.ROOT)));
        connectField.setPromptText(Messages.get("target.connect." + k.name().toLowerCase(Locale.ROOT) + ".prompt"));
        boolean tns = k == DirectTarget.ConnectKind.TNS_ALIAS;
        tnsAdminField.setDisable(!tns);
        tnsAdminBrowse.setDisable(!tns);
    }

    private void browse(TextField into) {
        DirectoryChooser c = new DirectoryChooser();
        if (into.getText() != null && !into.getText().isBlank() && new File(into.getText()).isDirectory()) {
            c.setInitialDirectory(new File(into.getText()));
        }
        File f = c.showDialog(into.getScene().getWindow());
        if (f != null) {
            into.setText(f.getAbsolutePath());
        }
    }

    private void close() {
        passwordField.clear();
        ((Stage) saveButton.getScene().getWindow()).close();
    }
}
