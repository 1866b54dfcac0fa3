package io.fleetdesk.ui.fleet;

import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.model.Health;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.common.Theme;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.fxml.FXML;
import io.fleetdesk.app.FleetSession;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/** The main window: profile chooser, fleet tree, details pane and status bar. View only; state is in {@link FleetViewModel}. */
public final class FleetController {
    private final FleetViewModel vm;
    private final Consumer<Theme> applyTheme;
    private final Theme initialTheme;

    @FXML private ComboBox<String> profileChooser;
    @FXML private Button refreshButton;
    @FXML private ComboBox<java.time.Duration> intervalChooser;
    @FXML private TextField filterField;
    @FXML private ComboBox<Health> healthFilter;
    @FXML private javafx.scene.control.CheckBox showEmptyToggle;
    @FXML private Label tenancyLabel;
    @FXML private ComboBox<Theme> themeChooser;
    @FXML private HBox bannerBox;
    @FXML private Label bannerText;
    @FXML private TreeTableView<FleetRow> fleetTree;
    @FXML private TreeTableColumn<FleetRow, FleetRow> nameColumn;
    @FXML private TreeTableColumn<FleetRow, FleetRow> healthColumn;
    @FXML private TreeTableColumn<FleetRow, String> stateColumn;
    @FXML private TreeTableColumn<FleetRow, String> roleColumn;
    @FXML private TreeTableColumn<FleetRow, String> lagColumn;
    @FXML private TreeTableColumn<FleetRow, String> refreshedColumn;
    @FXML private TreeTableColumn<FleetRow, String> maintenanceColumn;
    /** The snapshot the tree shows, set after each applied batch: the Last refreshed column observes it. */
    private final javafx.beans.property.ObjectProperty<io.fleetdesk.model.FleetSnapshot> shownSnapshot =
            new javafx.beans.property.SimpleObjectProperty<>(io.fleetdesk.model.FleetSnapshot.EMPTY);
    @FXML private VBox detailsPane;
    @FXML private Label countsLabel;
    @FXML private Label refreshLabel;
    @FXML private Label errorsLabel;
    @FXML private Label nextLabel;
    @FXML private HBox operationsBox;
    @FXML private Button auditButton;
    @FXML private Button addTargetButton;

    private TreeItem<FleetRow> shownItem;
    /** Builds the details pane (from {@code ui.details}) over the view's pane, with this window's actions. */
    private final java.util.function.BiFunction<VBox, RowActions, DetailsView> detailsFactory;
    private DetailsView details;
    private FleetActions actions;

    public FleetController(FleetViewModel vm, Theme initialTheme, Consumer<Theme> applyTheme,
                           java.util.function.BiFunction<VBox, RowActions, DetailsView> detailsFactory) {
        this.vm = vm;
        this.initialTheme = initialTheme;
        this.applyTheme = applyTheme;
        this.detailsFactory = detailsFactory;
    }

    @FXML
    private void initialize() {
        actions = new FleetActions(vm, fleetTree, operationsBox, this::showSelected);
        details = detailsFactory.apply(detailsPane, actions);
        // Profiles
        profileChooser.setItems(vm.profiles());
        profileChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(Messages::profile));
        profileChooser.valueProperty().bindBidirectional(vm.activeProfileProperty());
        profileChooser.setOnAction(e -> switchProfile(profileChooser.getValue()));
        profileChooser.disableProperty().bind(vm.openingProperty());
        refreshButton.setOnAction(e -> vm.refreshNow());

        intervalChooser.getItems().setAll(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(30),
                java.time.Duration.ofMinutes(1), java.time.Duration.ofMinutes(5));
        if (!intervalChooser.getItems().contains(vm.interval())) {
            intervalChooser.getItems().addFirst(vm.interval());
        }
        intervalChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(d -> d.toSeconds() < 60 ? Messages.get("interval.seconds", d.toSeconds())
                : Messages.get("interval.minutes", d.toMinutes())));
        intervalChooser.setValue(vm.interval());
        intervalChooser.valueProperty().addListener((o, a, b) -> vm.setInterval(b));

        // Filter
        healthFilter.getItems().setAll(null, Health.OK, Health.WARNING, Health.CRITICAL, Health.UNKNOWN);
        healthFilter.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(h -> h == null ? Messages.get("filter.allHealth") : Messages.health(h)));
        healthFilter.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(Health h, boolean empty) {
                super.updateItem(h, empty);
                setText(h == null ? Messages.get("filter.allHealth") : Messages.health(h));
                setGraphic(h == null ? null : HealthIcon.of(h));
            }
        });
        filterField.textProperty().addListener((o, a, b) -> vm.setFilter(b, healthFilter.getValue()));
        healthFilter.valueProperty().addListener((o, a, b) -> vm.setFilter(filterField.getText(), b));
        showEmptyToggle.setSelected(vm.tree().showsEmpty());
        showEmptyToggle.setTooltip(new Tooltip(Messages.get("tree.showEmpty.tip")));
        showEmptyToggle.selectedProperty().addListener((o, a, b) -> vm.setShowEmpty(b));

        // Theme
        themeChooser.getItems().setAll(Theme.values());
        themeChooser.setConverter(io.fleetdesk.ui.common.DisplayConverter.of(t -> Messages.get("theme." + t.name().toLowerCase(Locale.ROOT))));
        themeChooser.setValue(initialTheme);
        themeChooser.setTooltip(new Tooltip(Messages.get("theme.label")));
        themeChooser.valueProperty().addListener((o, a, b) -> applyTheme.accept(b));

        // Banner
        bannerText.textProperty().bind(vm.bannerProperty());
        bannerBox.visibleProperty().bind(vm.bannerProperty().isNotNull().and(vm.bannerProperty().isNotEmpty()));
        bannerBox.managedProperty().bind(bannerBox.visibleProperty());

        // Tree
        fleetTree.setRoot(vm.tree().root());
        fleetTree.setShowRoot(false);
        fleetTree.setPlaceholder(new Label(Messages.get("tree.empty")));
        TreeCells.install(nameColumn, healthColumn, stateColumn, roleColumn, lagColumn, refreshedColumn, shownSnapshot);
        TreeCells.installMaintenance(maintenanceColumn);
        // The details follow the selection here, and the selected row's new values after every batch
        // (onApplied below): rows are updated in place, so the same item carries the new value.
        fleetTree.getSelectionModel().selectedItemProperty().addListener((o, before, item) -> {
            shownItem = item;
            details.show(item == null ? null : item.getValue());
            vm.watch(item == null ? null : item.getValue());
        });
        details.show(null);

        // Status bar
        countsLabel.textProperty().bind(vm.status().countsProperty());
        refreshLabel.textProperty().bind(vm.status().lastRefreshProperty());
        errorsLabel.textProperty().bind(vm.status().errorsProperty());
        Tooltip errorTip = new Tooltip();
        errorTip.textProperty().bind(vm.status().errorDetailsProperty());
        errorsLabel.setTooltip(errorTip);
        vm.status().errorDetailsProperty().addListener((o, a, b) -> {
            errorsLabel.getStyleClass().remove("has-errors");
            if (b != null && !b.isEmpty()) {
                errorsLabel.getStyleClass().add("has-errors");
            }
        });
        nextLabel.textProperty().bind(vm.status().nextRefreshProperty());
        tenancyLabel.textProperty().bind(vm.status().tenancyProperty());
        Tooltip tenancyTip = new Tooltip();
        tenancyTip.textProperty().bind(vm.status().tenancyDetailsProperty());
        tenancyLabel.setTooltip(tenancyTip);
        // A row whose compartment moved is taken out of the tree and put back under its new parent; the
        // selection model drops it on the way. Put the selection back on the same row.
        TreeItem<FleetRow>[] selectedBefore = new TreeItem[1];
        vm.onBeforeApply(() -> selectedBefore[0] = fleetTree.getSelectionModel().getSelectedItem());
        vm.onApplied(() -> {
            TreeItem<FleetRow> keep = selectedBefore[0];
            if (keep != null && keep.getValue().node() != null && fleetTree.getSelectionModel().getSelectedItem() != keep
                    && vm.tree().item(keep.getValue().node().id()) == keep) {
                fleetTree.getSelectionModel().select(keep);
            }
            // Rows redraw themselves (TreeCells); the times of the last read follow the snapshot.
            shownSnapshot.set(vm.tree().snapshot());
            FleetRow row = shownItem == null ? null : shownItem.getValue();
            // Rebuild the details only when what they show changed: a rebuild replaces the buttons,
            // and a click that straddles it would be lost.
            if (details.outdated(row)) {
                details.show(row);
            }
        });
        // Data Guard: context menu (also Shift+F10 / the menu key), shortcuts, the details pane.
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> actions.fillMenu(menu));
        fleetTree.setContextMenu(menu);
        fleetTree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.B) {
                e.consume();
                TreeItem<FleetRow> item = fleetTree.getSelectionModel().getSelectedItem();
                actions.openBackups(item == null ? null : item.getValue());
                return;
            }
            if (!e.isShortcutDown() || !e.isShiftDown()) {
                return;
            }
            Kind k = switch (e.getCode()) {
                case S -> Kind.SWITCHOVER;
                case F -> Kind.FAILOVER;
                case R -> Kind.REINSTATE;
                default -> null;
            };
            if (k != null) {
                e.consume();
                offerFor(k).ifPresent(actions::startOrExplain);
            }
        });
        auditButton.setOnAction(e -> io.fleetdesk.ui.audit.AuditWindow.show(vm.audit(), fleetTree.getScene().getWindow(), vm.ui()));
        addTargetButton.setOnAction(e -> actions.editTarget(null, null));

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private java.util.Optional<DataGuardActions.Offer> offerFor(Kind k) {
        TreeItem<FleetRow> item = fleetTree.getSelectionModel().getSelectedItem();
        return vm.features().dataGuardOffers(item == null ? null : item.getValue()).stream().filter(o -> o.kind() == k).findFirst();
    }

    /** Rebuilds the details of the selected row (after a wizard opened or closed). */
    private void showSelected() {
        details.show(shownItem == null ? null : shownItem.getValue());
    }

    /** Set while the chooser is put back after the DBA chose to stay: that change is not a choice. */
    private boolean revertingProfile;

    /**
     * Opens another profile; while an operation runs, asks first (as quitting does). Either way the
     * operation is never cut off: its profile's clients stay open until it ends, and the status bar
     * keeps following it.
     */
    private void switchProfile(String name) {
        if (revertingProfile) {
            return;
        }
        FleetSession open = vm.session();
        List<String> running = runningOperations();
        if (open != null && name != null && !name.equals(open.profile().name()) && !running.isEmpty()) {
            Alert ask = new Alert(Alert.AlertType.CONFIRMATION, Messages.get("profile.switchWhileRunning",
                    String.join("\n", running), Messages.profile(open.profile().name()), Messages.profile(name)),
                    new ButtonType(Messages.get("profile.switchWhileRunning.switch"), ButtonBar.ButtonData.OK_DONE),
                    new ButtonType(Messages.get("profile.switchWhileRunning.stay"), ButtonBar.ButtonData.CANCEL_CLOSE));
            ask.initOwner(fleetTree.getScene().getWindow());
            ask.setHeaderText(null);
            if (ask.showAndWait().map(b -> b.getButtonData() != ButtonBar.ButtonData.OK_DONE).orElse(true)) {
                revertingProfile = true;
                try {
                    vm.activeProfileProperty().set(open.profile().name());
                } finally {
                    revertingProfile = false;
                }
                return;
            }
        }
        vm.open(name);
    }

    /** What runs in OCI from this window now (the main window asks before closing then). */
    public List<String> runningOperations() {
        List<String> out = new java.util.ArrayList<>();
        for (javafx.scene.Node n : operationsBox.getChildren()) {
            if (n.getUserData() instanceof io.fleetdesk.ui.common.FollowedWindow w && w.running()) {
                out.add(w.statusLine().get());
            }
        }
        return out;
    }

    @FXML
    private void onDismissBanner() {
        vm.dismissBanner();
    }

    @FXML
    private void onFocusFilter() {
        filterField.requestFocus();
    }

}
