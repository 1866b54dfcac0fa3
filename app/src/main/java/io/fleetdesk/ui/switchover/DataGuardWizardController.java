package io.fleetdesk.ui.switchover;

import io.fleetdesk.model.Health;
import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.State;
import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.switchover.DataGuardWizardModel.Page;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;

import java.util.List;
import java.util.function.Function;

/** The wizard's view: shows the page the model is on and forwards the DBA's input. No I/O here. */
public final class DataGuardWizardController {
    private final DataGuardWizardModel m;
    private final Runnable closeRequest;

    @FXML private Label titleLabel;
    @FXML private HBox stepsBox;
    @FXML private VBox pairPage;
    @FXML private VBox checksPage;
    @FXML private VBox confirmPage;
    @FXML private VBox executePage;
    @FXML private VBox verifyPage;
    @FXML private GridPane pairGrid;
    @FXML private Label associationLabel;
    @FXML private Label pairNote;
    @FXML private Label checksState;
    @FXML private Button rerunButton;
    @FXML private TableView<Check> checksTable;
    @FXML private TableColumn<Check, Verdict> verdictColumn;
    @FXML private TableColumn<Check, String> checkColumn;
    @FXML private TableColumn<Check, String> measuredColumn;
    @FXML private TableColumn<Check, String> adviceColumn;
    @FXML private CheckBox acknowledgeBox;
    @FXML private Label whatHappens;
    @FXML private Label interruption;
    @FXML private Label typePrompt;
    @FXML private TextField nameField;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordNote;
    @FXML private Label passwordPrompt;
    @FXML private CheckBox acceptLossBox;
    @FXML private Label executeState;
    @FXML private ProgressBar progressBar;
    @FXML private ListView<String> logList;
    @FXML private Label failureLabel;
    @FXML private GridPane idsGrid;
    @FXML private Label verifyState;
    @FXML private ListView<String> verifyList;
    @FXML private Label verifyFailure;
    @FXML private Label summaryLabel;
    @FXML private GridPane summaryGrid;
    @FXML private Label nextReason;
    @FXML private Button backButton;
    @FXML private Button nextButton;
    @FXML private Button closeButton;

    /** @param closeRequest what the Close/Cancel button does (the window asks first while it runs) */
    public DataGuardWizardController(DataGuardWizardModel model, Runnable closeRequest) {
        this.m = model;
        this.closeRequest = closeRequest;
    }

    private String kindWord() {
        return Messages.get("dg.kind." + OperationProgress.lower(m.kind()));
    }

    @FXML
    private void initialize() {
        titleLabel.setText(Messages.get("dg.title." + OperationProgress.lower(m.kind()), m.actedProperty().get().name(),
                m.peerProperty().get().name()));
        buildSteps();
        m.pageProperty().addListener((o, a, b) -> showPage(b));
        m.stateProperty().addListener((o, a, b) -> {
            buildSteps();
            updateButtons();
        });

        // Pair
        m.actedProperty().addListener((o, a, b) -> fillPair());
        m.peerProperty().addListener((o, a, b) -> fillPair());
        fillPair();
        associationLabel.textProperty().bind(m.associationProperty());
        pairNote.setText(Messages.get("dg.pair.note." + m.variant() + OperationProgress.lower(m.kind())));

        // Pre-checks
        checksState.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> m.checkingProperty().get()
                ? Messages.get("dg.checks.running") : m.checks().isEmpty() ? ""
                : Messages.get("dg.checks.summary", count(Verdict.PASS), count(Verdict.WARN), count(Verdict.FAIL),
                count(Verdict.NOT_CHECKED), m.checkedAtProperty().get())
                + (m.staleChecksProperty().get() ? "  " + Messages.get("dg.checks.reread") : ""),
                m.staleChecksProperty(), m.checkingProperty(), m.checks(),
                m.checkedAtProperty()));
        rerunButton.disableProperty().bind(m.checkingProperty());
        rerunButton.setOnAction(e -> m.runChecks());
        checksTable.setItems(m.checks());
        checksTable.setPlaceholder(new Label(Messages.get("dg.checks.running")));
        checksTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        verdictColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().verdict()));
        verdictColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Verdict v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Messages.get("dg.verdict." + v.name()));
                setGraphic(empty || v == null ? null : HealthIcon.of(health(v)));
            }
        });
        checkColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Messages.of(c.getValue().title())));
        measuredColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Messages.of(c.getValue().measured())));
        adviceColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(Messages.of(c.getValue().advice())));
        for (TableColumn<Check, String> col : List.of(checkColumn, measuredColumn, adviceColumn)) {
            col.setCellFactory(c -> wrapping(c));
        }
        acknowledgeBox.selectedProperty().bindBidirectional(m.acknowledgedProperty());
        acknowledgeBox.visibleProperty().bind(m.hasWarningsBinding().and(m.blockedBinding().not()));
        acknowledgeBox.managedProperty().bind(acknowledgeBox.visibleProperty());

        // Confirm
        whatHappens.setText(Messages.get("dg.confirm.what." + m.variant() + OperationProgress.lower(m.kind()),
                m.actedProperty().get().name(), m.peerProperty().get().name()));
        interruption.setText(Messages.get("dg.confirm.interruption." + m.variant() + OperationProgress.lower(m.kind()),
                m.actedProperty().get().name(), m.peerProperty().get().name()));
        typePrompt.setText(Messages.get("dg.confirm.type", m.confirmName()));
        nameField.setPromptText(m.confirmName());
        nameField.textProperty().bindBidirectional(m.typedNameProperty());
        if (m.needsPassword()) {
            m.passwordGivenProperty().bind(passwordField.textProperty().isNotEmpty());
        } else {
            // Autonomous Data Guard: the service needs no password, so none is asked for.
            for (javafx.scene.Node n : List.of(passwordPrompt, passwordField, passwordNote)) {
                n.setVisible(false);
                n.setManaged(false);
            }
        }
        acceptLossBox.setVisible(m.kind() == Kind.FAILOVER);
        acceptLossBox.setManaged(m.kind() == Kind.FAILOVER);
        acceptLossBox.setText(Messages.get("dg.confirm.acceptLoss"));
        acceptLossBox.selectedProperty().bindBidirectional(m.lossAcceptedProperty());

        // Execute
        progressBar.progressProperty().bind(m.progress().percentProperty());
        logList.setItems(m.progress().log());
        m.progress().log().addListener((ListChangeListener<String>) c -> logList.scrollTo(m.progress().log().size() - 1));
        executeState.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> Messages.get(
                "dg.state." + m.stateProperty().get().name(), kindWord(), Math.round(m.progress().percentProperty().get() * 100)),
                m.stateProperty(), m.progress().percentProperty()));
        failureLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                m.stateProperty().get() == State.FAILED || m.stateProperty().get() == State.UNKNOWN
                        ? m.progress().messageProperty().get() : "", m.stateProperty(),
                m.progress().messageProperty()));
        failureLabel.visibleProperty().bind(failureLabel.textProperty().isNotEmpty());
        failureLabel.managedProperty().bind(failureLabel.visibleProperty());
        ids(idsGrid);

        // Verify
        verifyState.textProperty().bind(executeState.textProperty());
        verifyList.setItems(m.progress().verifyLines());
        verifyFailure.textProperty().bind(failureLabel.textProperty());
        verifyFailure.visibleProperty().bind(failureLabel.visibleProperty());
        verifyFailure.managedProperty().bind(failureLabel.visibleProperty());
        summaryLabel.textProperty().bind(m.progress().summaryProperty());
        ids(summaryGrid);

        // Buttons
        nextReason.textProperty().bind(m.nextBlockedReason().map(r -> r == null ? "" : r).orElse(""));
        backButton.setOnAction(e -> m.back());
        nextButton.setOnAction(e -> next());
        closeButton.setOnAction(e -> closeRequest.run());
        showPage(m.pageProperty().get());
    }

    private void next() {
        if (m.pageProperty().get() == Page.CONFIRM) {
            // The password leaves the field as a char[] once; the field is cleared right after (not
            // before: an empty field makes the model refuse to send).
            char[] pw = passwordField.getText().toCharArray();
            m.submit(pw);
            passwordField.clear();
        } else {
            m.next();
        }
    }

    private long count(Verdict v) {
        return m.checks().stream().filter(c -> c.verdict() == v).count();
    }

    private static Health health(Verdict v) {
        return switch (v) {
            case PASS -> Health.OK;
            case WARN -> Health.WARNING;
            case FAIL -> Health.CRITICAL;
            case NOT_CHECKED -> Health.UNKNOWN;
        };
    }

    /** A cell that wraps its text to the column's width, so the advice is read in full. */
    private static TableCell<Check, String> wrapping(TableColumn<Check, String> column) {
        return new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("dg-cell-text");
                text.wrappingWidthProperty().bind(column.widthProperty().subtract(14));
                setPrefHeight(USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                text.setText(empty || s == null ? "" : s);
                setGraphic(empty ? null : text);
                setText(null);
            }
        };
    }

    private void ids(GridPane grid) {
        grid.addRow(0, key(Messages.get("dg.ids.workRequest")), copyable(m.progress().workRequestIdProperty()));
        grid.addRow(1, key(Messages.get("dg.ids.opcRequest")), copyable(m.progress().opcRequestIdProperty()));
    }

    private static Label key(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("details-key");
        return l;
    }

    private static TextField copyable(javafx.beans.value.ObservableValue<String> v) {
        TextField f = new TextField();
        f.setEditable(false);
        f.getStyleClass().add("details-value");
        f.textProperty().bind(v);
        GridPane.setHgrow(f, Priority.ALWAYS);
        return f;
    }

    private void fillPair() {
        PairMember a = m.actedProperty().get();
        PairMember b = m.peerProperty().get();
        pairGrid.getChildren().clear();
        pairGrid.addRow(0, new Label(), header(a.role() == null ? a.name() : a.role()), header(b.role() == null ? b.name() : b.role()));
        List<Row> rows = List.of(
                new Row("dg.pair.database", PairMember::name), new Row("dg.pair.dbName", PairMember::dbName),
                new Row("dg.pair.dbSystem", PairMember::dbSystem), new Row("dg.pair.region", PairMember::region),
                new Row("dg.pair.ad", PairMember::availabilityDomain), new Row("dg.pair.state", PairMember::lifecycleState),
                new Row("dg.pair.protection", PairMember::protectionMode), new Row("dg.pair.transport", PairMember::transportType),
                new Row("dg.pair.applyLag", PairMember::applyLag), new Row("dg.pair.transportLag", PairMember::transportLag));
        int r = 1;
        for (Row row : rows) {
            pairGrid.addRow(r++, key(Messages.get(row.key())), value(row.get().apply(a)), value(row.get().apply(b)));
        }
    }

    private record Row(String key, Function<PairMember, String> get) {
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("dg-pair-header");
        return l;
    }

    private static Node value(String s) {
        Label l = new Label(s == null ? "—" : s);
        l.getStyleClass().add("dg-pair-value");
        return l;
    }

    private void buildSteps() {
        stepsBox.getChildren().clear();
        Page current = m.pageProperty().get();
        for (Page p : Page.values()) {
            Label l = new Label((p.ordinal() + 1) + ". " + Messages.get("dg.step." + p.name().toLowerCase(java.util.Locale.ROOT)));
            l.getStyleClass().add("dg-step");
            if (p == current) {
                State st = m.stateProperty().get();
                l.getStyleClass().add(st == State.FAILED || st == State.UNKNOWN ? "dg-step-failed" : "dg-step-current");
            } else if (p.ordinal() < current.ordinal()) {
                l.getStyleClass().add("dg-step-done");
            }
            stepsBox.getChildren().add(l);
        }
    }

    private void showPage(Page p) {
        pairPage.setVisible(p == Page.PAIR);
        checksPage.setVisible(p == Page.PRECHECKS);
        confirmPage.setVisible(p == Page.CONFIRM);
        executePage.setVisible(p == Page.EXECUTE);
        verifyPage.setVisible(p == Page.VERIFY);
        buildSteps();
        updateButtons();
        if (p == Page.CONFIRM) {
            nameField.requestFocus();
        }
    }

    private void updateButtons() {
        Page p = m.pageProperty().get();
        backButton.setVisible(p == Page.PRECHECKS || p == Page.CONFIRM);
        backButton.setManaged(backButton.isVisible());
        boolean sendable = p == Page.PAIR || p == Page.PRECHECKS || p == Page.CONFIRM;
        nextButton.setVisible(sendable);
        nextButton.setManaged(sendable);
        nextButton.disableProperty().unbind();
        nextButton.disableProperty().bind(m.nextAllowed().not());
        nextButton.getStyleClass().removeAll("danger", "accent");
        if (p == Page.CONFIRM) {
            nextButton.setText(Messages.get("dg.start." + OperationProgress.lower(m.kind())));
            nextButton.getStyleClass().add("danger");
        } else {
            nextButton.setText(Messages.get("dg.next"));
            nextButton.getStyleClass().add("accent");
        }
        nextReason.setVisible(sendable);
        closeButton.setText(Messages.get(m.running() ? "dg.hide" : m.ended() ? "dg.close" : "dg.cancel"));
    }
}
