package io.fleetdesk.ui.backups;

import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.ops.BackupOperations;
import io.fleetdesk.ops.RestorePoints;
import io.fleetdesk.app.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Locale;
import java.util.function.Function;

/** The Backups view: table, configuration, actions with their reasons, forms and progress. No I/O here. */
public final class BackupsController {
    /** What the service is sent (RFC 3339, UTC) and the same instant on this computer's clock. */
    private static final DateTimeFormatter SENT = DateTimeFormatter.ISO_INSTANT;
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
            .withZone(java.time.ZoneId.systemDefault());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private enum Form { NONE, CREATE, RESTORE, PROGRESS }

    private final BackupsViewModel vm;
    private final javafx.beans.property.ObjectProperty<Form> form = new javafx.beans.property.SimpleObjectProperty<>(Form.NONE);

    @FXML private Label titleLabel;
    @FXML private Label configLabel;
    @FXML private Label freshnessLabel;
    @FXML private TextField filterField;
    @FXML private ComboBox<String> typeChooser;
    @FXML private Button reloadButton;
    @FXML private Button createButton;
    @FXML private Button cancelButton;
    @FXML private Button deleteButton;
    @FXML private Button restoreButton;
    @FXML private Label whyLabel;
    @FXML private TableView<Backup> table;
    @FXML private TableColumn<Backup, String> nameColumn;
    @FXML private TableColumn<Backup, String> typeColumn;
    @FXML private TableColumn<Backup, String> stateColumn;
    @FXML private TableColumn<Backup, Instant> startedColumn;
    @FXML private TableColumn<Backup, Instant> endedColumn;
    @FXML private TableColumn<Backup, Duration> durationColumn;
    @FXML private TableColumn<Backup, Double> sizeColumn;
    @FXML private TableColumn<Backup, String> kindColumn;
    @FXML private TableColumn<Backup, Integer> retentionColumn;
    @FXML private javafx.scene.control.ScrollPane formScroll;
    @FXML private VBox createForm;
    @FXML private TextField createName;
    @FXML private Spinner<Integer> createRetention;
    @FXML private javafx.scene.control.CheckBox createLongTerm;
    @FXML private Label createRetentionLabel;
    @FXML private Label createNote;
    @FXML private Label createTitle;
    @FXML private Label createError;
    @FXML private Button createGo;
    @FXML private Button createBack;
    @FXML private VBox restoreForm;
    @FXML private RadioButton restoreLatest;
    @FXML private RadioButton restoreTime;
    @FXML private TextField restoreTimeField;
    @FXML private RadioButton restoreScn;
    @FXML private TextField restoreScnField;
    @FXML private Label restoreInputError;
    @FXML private Label restorePointShown;
    @FXML private Label restoreWarning;
    @FXML private Label restoreTypePrompt;
    @FXML private TextField restoreName;
    @FXML private Button restoreGo;
    @FXML private Button restoreBack;
    @FXML private VBox progressForm;
    @FXML private Label opTitle;
    @FXML private ProgressBar opProgress;
    @FXML private ListView<String> opLog;
    @FXML private Label opMessage;
    @FXML private Label opIds;
    @FXML private Button opClose;
    @FXML private Label countLabel;
    @FXML private Label loadLabel;

    public BackupsController(BackupsViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        titleLabel.setText(Messages.get("bk.title", vm.database().name()));
        configLabel.textProperty().bind(vm.configProperty().map(this::configText).orElse(Messages.get("bk.config.reading")));
        freshnessLabel.setText(vm.freshness().isEmpty() ? Messages.get("bk.fresh.ok") : String.join("\n", vm.freshness()));
        freshnessLabel.getStyleClass().add(vm.freshness().isEmpty() ? "bk-fresh-ok" : "bk-fresh-warn");

        // Table: newest first until the DBA sorts by another column.
        filterField.textProperty().bindBidirectional(vm.filterProperty());
        typeChooser.getItems().setAll(BackupsViewModel.ANY, "FULL", "INCREMENTAL", "VIRTUAL_FULL");
        typeChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(s -> s == null || s.isEmpty()
                ? Messages.get("bk.allTypes") : s));
        typeChooser.valueProperty().bindBidirectional(vm.typeProperty());
        SortedList<Backup> sorted = new SortedList<>(vm.shown());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label(Messages.get("bk.empty")));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        text(nameColumn, Backup::displayName);
        text(typeColumn, Backup::type);
        text(stateColumn, Backup::lifecycleState);
        value(startedColumn, Backup::started, t -> t == null ? "" : TIME.format(t));
        value(endedColumn, Backup::ended, t -> t == null ? "" : TIME.format(t));
        value(durationColumn, Backup::duration, d -> d == null ? "" : d.toMinutes() + " min");
        value(sizeColumn, Backup::sizeGb, s -> s == null ? "" : String.format(Locale.ROOT, "%.1f GB", s));
        text(kindColumn, b -> Messages.get(b.automatic() ? "bk.kind.automatic" : "bk.kind.onDemand"));
        value(retentionColumn, Backup::retentionDays, r -> r == null ? Messages.get("bk.retention.window") : r + " d");
        startedColumn.setComparator(Comparator.nullsLast(Comparator.naturalOrder()));
        startedColumn.setSortType(TableColumn.SortType.DESCENDING);
        table.getSortOrder().setAll(startedColumn);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.selectedProperty().set(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
            }
        });
        countLabel.textProperty().bind(Bindings.createStringBinding(() -> Messages.get("bk.count", vm.shown().size(),
                vm.total()), vm.shown()));
        loadLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.loadingProperty().get()
                        ? Messages.get("bk.loading") : !vm.loadProblemProperty().get().isEmpty() ? vm.loadProblemProperty().get()
                        : vm.loadedAtProperty().get() == null ? "" : Messages.get("bk.loadedAt",
                        TIME.format(vm.loadedAtProperty().get())),
                vm.loadingProperty(), vm.loadProblemProperty(), vm.loadedAtProperty()));
        reloadButton.setOnAction(e -> vm.reload());

        // Actions and why not.
        StringBinding deleteWhy = vm.deleteBlocked();
        StringBinding cancelWhy = vm.cancelBlocked();
        StringBinding createWhy = vm.createBlocked();
        deleteButton.disableProperty().bind(deleteWhy.isNotNull());
        cancelButton.disableProperty().bind(cancelWhy.isNotNull());
        createButton.disableProperty().bind(createWhy.isNotNull());
        restoreButton.disableProperty().bind(createWhy.isNotNull());
        whyLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            if (vm.selectedProperty().get() == null) {
                return Messages.get("bk.why.select");
            }
            StringBuilder s = new StringBuilder();
            if (deleteWhy.get() != null) {
                s.append(Messages.get("bk.why.deletePrefix", deleteWhy.get()));
            }
            if (cancelWhy.get() != null && vm.selectedProperty().get().running()) {
                s.append(s.isEmpty() ? "" : "  ").append(Messages.get("bk.why.cancelPrefix", cancelWhy.get()));
            }
            return s.toString();
        }, deleteWhy, cancelWhy, vm.selectedProperty()));

        createButton.setOnAction(e -> {
            createName.setText(Messages.get("bk.create.defaultName", LocalDateTime.now(ZoneOffset.UTC).withSecond(0)
                    .withNano(0).toString().replace('T', ' ')));
            createError.setText("");
            form.set(Form.CREATE);
            createName.requestFocus();
        });
        if (vm.autonomous()) {
            // An Autonomous Database: a manual backup (kept for the database's backup retention), or a
            // long-term one kept 90 to 3,650 days.
            createTitle.setText(Messages.get("bk.create.title.adb"));
            createNote.setText(Messages.get("bk.create.note.adb"));
            createRetentionLabel.setText(Messages.get("bk.create.retention.adb"));
            createLongTerm.setVisible(true);
            createLongTerm.setManaged(true);
            createRetention.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(90, 3650, 365));
            createRetention.disableProperty().bind(createLongTerm.selectedProperty().not());
            createRetentionLabel.disableProperty().bind(createLongTerm.selectedProperty().not());
        } else {
            createRetention.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 3650, 30));
        }
        createGo.setOnAction(e -> {
            String name = createName.getText() == null ? "" : createName.getText().trim();
            if (name.isEmpty()) {
                createError.setText(Messages.get("bk.create.nameRequired"));
                return;
            }
            Integer days = vm.autonomous() && !createLongTerm.isSelected() ? null : createRetention.getValue();
            String bad = vm.retentionProblem(days);
            if (bad != null) {
                createError.setText(bad);
                return;
            }
            form.set(Form.PROGRESS);
            vm.create(name, days);
        });
        createBack.setOnAction(e -> form.set(Form.NONE));

        deleteButton.setOnAction(e -> {
            Backup b = vm.selectedProperty().get();
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("bk.delete.confirm", b.displayName(),
                    b.started() == null ? "" : TIME.format(b.started()), vm.database().name()),
                    new ButtonType(Messages.get("bk.delete.go"), ButtonBar.ButtonData.OK_DONE),
                    new ButtonType(Messages.get("dg.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.initOwner(table.getScene().getWindow());
            ask.setHeaderText(null);
            ask.getDialogPane().setId("bkDeleteAsk");
            if (ask.showAndWait().map(t -> t.getButtonData() == ButtonBar.ButtonData.OK_DONE).orElse(false)) {
                form.set(Form.PROGRESS);
                vm.delete(b);
            }
        });
        cancelButton.setOnAction(e -> {
            form.set(Form.PROGRESS);
            vm.cancel(vm.selectedProperty().get());
        });

        // Restore: the point is checked as it is typed, and the DB name must be typed.
        restoreButton.setOnAction(e -> {
            restoreName.clear();
            restoreTimeField.setText(TIME.format(Instant.now().minus(Duration.ofHours(1))));
            form.set(Form.RESTORE);
        });
        restoreTimeField.disableProperty().bind(restoreTime.selectedProperty().not());
        restoreScnField.disableProperty().bind(restoreScn.selectedProperty().not());
        restoreWarning.setText(Messages.get("bk.restore.warning", vm.database().name()));
        restoreTypePrompt.setText(Messages.get("bk.restore.type", vm.confirmName()));
        restoreName.setPromptText(vm.confirmName());
        var restoreInput = Bindings.createObjectBinding(this::restoreInput, restoreLatest.selectedProperty(),
                restoreTime.selectedProperty(), restoreScn.selectedProperty(), restoreTimeField.textProperty(),
                restoreScnField.textProperty(), vm.configProperty());
        restoreInputError.textProperty().bind(restoreInput.map(i -> i instanceof RestorePoints.Invalid inv
                ? Messages.of(inv.why()) : ""));
        // The field the point is wrong in is outlined, as in the Add database dialog.
        restoreInput.subscribe(i -> {
            boolean bad = i instanceof RestorePoints.Invalid;
            restoreTimeField.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, bad && restoreTime.isSelected());
            restoreScnField.pseudoClassStateChanged(atlantafx.base.theme.Styles.STATE_DANGER, bad && restoreScn.isSelected());
        });
        // The exact instant that will be sent, in UTC and in this computer's time, before the DBA confirms.
        restorePointShown.textProperty().bind(restoreInput.map(i -> i instanceof RestorePoints.Valid v
                && v.point() instanceof BackupsApi.ToTimestamp t ? Messages.get("bk.restore.willSend",
                SENT.format(t.timestamp()), LOCAL.format(t.timestamp()), java.time.ZoneId.systemDefault().getId()) : ""));
        restorePointShown.visibleProperty().bind(restorePointShown.textProperty().isNotEmpty());
        restorePointShown.managedProperty().bind(restorePointShown.visibleProperty());
        restoreGo.disableProperty().bind(Bindings.createBooleanBinding(() -> !(restoreInput.get()
                instanceof RestorePoints.Valid) || !vm.nameConfirmed(restoreName.getText()) || vm.runningProperty().get(),
                restoreInput, restoreName.textProperty(), vm.runningProperty()));
        restoreGo.setOnAction(e -> {
            if (restoreInput.get() instanceof RestorePoints.Valid v && vm.nameConfirmed(restoreName.getText())) {
                form.set(Form.PROGRESS);
                vm.restore(v.point(), restoreName.getText());
            }
        });
        restoreBack.setOnAction(e -> form.set(Form.NONE));

        // Progress of the action.
        vm.progressProperty().addListener((o, a, p) -> showProgress(p));
        opClose.setOnAction(e -> form.set(Form.NONE));
        opClose.disableProperty().bind(vm.runningProperty());

        form.addListener((o, a, f) -> showForm(f));
        showForm(Form.NONE);
        vm.reload();
    }

    private RestorePoints.RestoreInput restoreInput() {
        if (restoreLatest.isSelected()) {
            return new RestorePoints.Valid(new BackupsApi.Latest());
        }
        if (restoreScn.isSelected()) {
            return RestorePoints.scn(restoreScnField.getText());
        }
        BackupConfig c = vm.configProperty().get();
        int window = c == null || c.recoveryWindowDays() == null ? 30 : c.recoveryWindowDays();
        return RestorePoints.timestamp(restoreTimeField.getText(), Instant.now(), window);
    }

    private void showProgress(BackupOperations.Progress p) {
        if (p == null) {
            return;
        }
        form.set(Form.PROGRESS);
        String what = Messages.get("bk.action." + p.kind()) + " " + vm.database().name();
        String state = Messages.get("bk.state." + p.state());
        opTitle.setText(p.ended() ? Messages.get(p.succeeded() ? "bk.op.done"
                : p.state() == BackupOperations.State.UNKNOWN ? "bk.op.unknown" : "bk.op.failed", what)
                : p.serviceStatus() == null ? Messages.get("bk.op.running", what, state, Math.round(p.percentComplete()))
                : Messages.get("bk.op.runningService", what, state, p.serviceStatus(), Math.round(p.percentComplete())));
        opProgress.setProgress(p.ended() && p.succeeded() ? 1 : p.percentComplete() / 100.0);
        opLog.getItems().setAll(p.log());
        opMessage.setText(p.message() == null ? "" : Messages.of(p.message())
                + (p.unrecorded() == null ? "" : "\n" + Messages.of(p.unrecorded())));
        opMessage.getStyleClass().removeAll("dg-failure", "dg-summary");
        if (p.ended()) {
            opMessage.getStyleClass().add(p.succeeded() ? "dg-summary" : "dg-failure");
        }
        opIds.setText(p.workRequestId() == null && p.opcRequestId() == null ? ""
                : Messages.get("bk.op.ids", p.workRequestId() == null ? "-" : p.workRequestId(),
                p.opcRequestId() == null ? "-" : p.opcRequestId()));
    }

    private void showForm(Form f) {
        createForm.setVisible(f == Form.CREATE);
        restoreForm.setVisible(f == Form.RESTORE);
        progressForm.setVisible(f == Form.PROGRESS);
        formScroll.setVisible(f != Form.NONE);
        formScroll.setManaged(f != Form.NONE);
        formScroll.setVvalue(0);
    }

    private String configText(BackupConfig c) {
        if (vm.autonomous()) {
            // The service backs an Autonomous Database up on its own schedule: there is no window to show.
            return Messages.get("bk.config.adb", c.recoveryWindowDays() == null ? "-" : c.recoveryWindowDays(),
                    c.destination() == null ? "-" : c.destination());
        }
        return Messages.get("bk.config", c.autoBackupEnabled() ? Messages.get("bk.config.enabled")
                        : Messages.get("bk.config.disabled"), c.windowText() == null ? "-" : c.windowText(),
                c.recoveryWindowDays() == null ? "-" : c.recoveryWindowDays(), c.destination() == null ? "-" : c.destination());
    }

    private static void text(TableColumn<Backup, String> c, Function<Backup, String> f) {
        c.setCellValueFactory(v -> new ReadOnlyStringWrapper(f.apply(v.getValue())));
    }

    /** A sortable value column (sorted by the value, shown as text). */
    private static <T> void value(TableColumn<Backup, T> c, Function<Backup, T> f, Function<T, String> show) {
        c.setCellValueFactory(v -> new ReadOnlyObjectWrapper<>(f.apply(v.getValue())));
        c.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : show.apply(item));
            }
        });
    }
}
