package io.fleetdesk.ui.audit;

import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.app.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.function.Function;

/** The Audit view: a table of entries with filters, and the selected entry in full. */
public final class AuditController {
    private final AuditViewModel vm;

    @FXML private TextField filterField;
    @FXML private ComboBox<String> actionChooser;
    @FXML private ComboBox<String> statusChooser;
    @FXML private Button reloadButton;
    @FXML private Label countLabel;
    @FXML private TableView<AuditEntry> table;
    @FXML private TableColumn<AuditEntry, String> atColumn;
    @FXML private TableColumn<AuditEntry, String> phaseColumn;
    @FXML private TableColumn<AuditEntry, String> actionColumn;
    @FXML private TableColumn<AuditEntry, String> statusColumn;
    @FXML private TableColumn<AuditEntry, String> targetsColumn;
    @FXML private TableColumn<AuditEntry, String> whoColumn;
    @FXML private TableColumn<AuditEntry, String> durationColumn;
    @FXML private TableColumn<AuditEntry, String> messageColumn;
    @FXML private TextArea entryText;
    @FXML private Label fileLabel;

    public AuditController(AuditViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        filterField.textProperty().bindBidirectional(vm.textProperty());
        StringConverter<String> any = io.fleetdesk.ui.common.DisplayConverter.of(s -> s == null
                || s.equals(AuditViewModel.ANY) ? Messages.get("audit.any") : s);
        actionChooser.setItems(vm.actions());
        actionChooser.setConverter(any);
        actionChooser.valueProperty().bindBidirectional(vm.actionProperty());
        statusChooser.setItems(vm.statuses());
        statusChooser.setConverter(any);
        statusChooser.valueProperty().bindBidirectional(vm.statusProperty());
        reloadButton.setOnAction(e -> vm.reload());

        table.setItems(vm.shown());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(Messages.get("audit.empty")));
        column(atColumn, e -> LocalDateTime.ofInstant(e.at(), ZoneId.systemDefault()).withNano(0).toString().replace('T', ' '));
        column(phaseColumn, e -> e.phase().name());
        column(actionColumn, AuditEntry::action);
        column(statusColumn, e -> e.status() == null ? "" : e.status());
        // Names as the DBA reads them when the entry has them; the OCIDs are in the entry's details.
        column(targetsColumn, e -> e.parameters().containsKey("databaseName")
                ? e.parameters().get("databaseName") + (e.parameters().containsKey("peerDatabaseName")
                ? " ↔ " + e.parameters().get("peerDatabaseName") : "") : String.join(", ", e.targets()));
        column(whoColumn, e -> e.osUser() + (e.ociUser() == null ? "" : " / " + e.ociUser()));
        column(durationColumn, e -> e.durationMs() == null ? "" : String.format("%.1f s", e.durationMs() / 1000.0));
        column(messageColumn, AuditViewModel::message);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                entryText.setText(b == null ? "" : AuditViewModel.describe(b)));
        countLabel.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("audit.count",
                vm.shown().size(), vm.total()), vm.shown()));
        fileLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.problemProperty().get().isEmpty()
                ? Messages.get("audit.file", vm.file()) : vm.problemProperty().get(), vm.problemProperty()));
        vm.reload();
    }

    private static void column(TableColumn<AuditEntry, String> c, Function<AuditEntry, String> f) {
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
    }
}
