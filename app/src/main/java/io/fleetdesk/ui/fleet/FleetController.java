package io.fleetdesk.ui.fleet;

import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ui.common.Messages;
import io.fleetdesk.ui.switchover.DataGuardWizard;
import io.fleetdesk.ui.switchover.DataGuardWizardModel;
import io.fleetdesk.ui.common.Theme;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.fxml.FXML;
import io.fleetdesk.app.FleetSession;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyEvent;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
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
    @FXML private TreeTableColumn<FleetRow, FleetRow> refreshedColumn;
    @FXML private VBox detailsPane;
    @FXML private Label countsLabel;
    @FXML private Label refreshLabel;
    @FXML private Label errorsLabel;
    @FXML private Label nextLabel;
    @FXML private HBox operationsBox;
    @FXML private Button auditButton;
    @FXML private Button addTargetButton;

    private TreeItem<FleetRow> shownItem;
    /** What the details pane was last built from. */
    private FleetNode shownNode;
    private List<DataGuardActions.Offer> shownOffers = List.of();
    /** The direct probe reading the details show (they are rebuilt when a new one arrives), and the chosen tab. */
    private Instant shownReadAt;
    private String shownTab = "tabOverview";

    public FleetController(FleetViewModel vm, Theme initialTheme, Consumer<Theme> applyTheme) {
        this.vm = vm;
        this.initialTheme = initialTheme;
        this.applyTheme = applyTheme;
    }

    @FXML
    private void initialize() {
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
        nameColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        nameColumn.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(FleetRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().remove("stale");
                if (empty || row == null || row.node() == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                setText(displayName(row.node()));
                setGraphic(HealthIcon.of(row.rolledUp()));
                if (row.node().stale() != null) {
                    getStyleClass().add("stale");
                }
            }
        });
        healthColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        healthColumn.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(FleetRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.node() == null) {
                    setText(null);
                    setGraphic(null);
                    setTooltip(null);
                    return;
                }
                FleetNode n = row.node();
                Health shown = n.shownHealth();
                Health h = io.fleetdesk.model.FleetSnapshot.isContainer(n.kind()) ? row.rolledUp() : shown;
                // Stale shows as UNKNOWN here; the italics and "stale since …" in Last refreshed say why.
                setText(Messages.health(h));
                setGraphic(HealthIcon.of(h));
                List<String> reasons = reasons(n);
                setTooltip(reasons.isEmpty() ? null : new Tooltip(String.join("\n", reasons)));
            }
        });
        stateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().node() == null ? null
                : c.getValue().getValue().node().lifecycleState()));
        roleColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue().node() == null ? null
                : c.getValue().getValue().node().role()));
        lagColumn.setCellValueFactory(c -> {
            FleetNode n = c.getValue().getValue().node();
            if (n == null || n.dataGuard() == null || !n.dataGuard().isStandby()) {
                return new ReadOnlyObjectWrapper<>(null);
            }
            // In the DBA's units when it parses ("4 minutes" is the service's English); as written when not.
            return new ReadOnlyObjectWrapper<>(Messages.lag(n.dataGuard().applyLag()));
        });
        refreshedColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().getValue()));
        refreshedColumn.setCellFactory(c -> new TreeTableCell<>() {
            @Override
            protected void updateItem(FleetRow row, boolean empty) {
                super.updateItem(row, empty);
                if (empty || row == null || row.node() == null) {
                    setText(null);
                    return;
                }
                FleetNode n = row.node();
                if (n.stale() != null) {
                    setText(n.stale().lastGood() == null ? Messages.get("refreshed.never")
                            : Messages.get("refreshed.staleSince", time(n.stale().lastGood())));
                } else {
                    // The latest snapshot's node: rows are only replaced when something changed, but the
                    // time of the last read moves every cycle (and differs for DB homes the budget deferred).
                    FleetNode current = vm.tree().snapshot().node(n.id());
                    Instant at = (current == null ? n : current).lastRefreshed();
                    setText(at == null ? Messages.get("refreshed.never") : time(at));
                }
            }
        });

        // The details follow the selection here, and the selected row's new values after every batch
        // (onApplied below): rows are updated in place, so the same item carries the new value.
        fleetTree.getSelectionModel().selectedItemProperty().addListener((o, before, item) -> {
            shownItem = item;
            showDetails(item == null ? null : item.getValue());
            vm.watch(item == null ? null : item.getValue());
        });
        showDetails(null);

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
            fleetTree.refresh();
            FleetRow row = shownItem == null ? null : shownItem.getValue();
            // Rebuild the details only when what they show changed: a rebuild replaces the buttons,
            // and a click that straddles it would be lost.
            if (row == null || shownNode == null || !row.node().sameAs(shownNode) || row.node().stale() != null
                    || !vm.features().dataGuardOffers(row).equals(shownOffers) || !java.util.Objects.equals(readAt(row), shownReadAt)) {
                showDetails(row);
            }
        });
        // Data Guard: context menu (also Shift+F10 / the menu key), shortcuts, the details pane.
        ContextMenu menu = new ContextMenu();
        menu.setOnShowing(e -> fillDataGuardMenu(menu));
        fleetTree.setContextMenu(menu);
        fleetTree.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.isShortcutDown() && !e.isShiftDown() && e.getCode() == javafx.scene.input.KeyCode.B) {
                e.consume();
                TreeItem<FleetRow> item = fleetTree.getSelectionModel().getSelectedItem();
                openBackups(item == null ? null : item.getValue());
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
                offerFor(k).ifPresent(this::startOrExplain);
            }
        });
        auditButton.setOnAction(e -> io.fleetdesk.ui.audit.AuditWindow.show(vm.audit(), fleetTree.getScene().getWindow(), vm.ui()));
        addTargetButton.setOnAction(e -> editTarget(null, null));

        Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> vm.tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        ticker.play();
    }

    private java.util.Optional<DataGuardActions.Offer> offerFor(Kind k) {
        TreeItem<FleetRow> item = fleetTree.getSelectionModel().getSelectedItem();
        return vm.features().dataGuardOffers(item == null ? null : item.getValue()).stream().filter(o -> o.kind() == k).findFirst();
    }

    private void fillDataGuardMenu(ContextMenu menu) {
        menu.getItems().clear();
        TreeItem<FleetRow> item = fleetTree.getSelectionModel().getSelectedItem();
        FleetRow selectedRow = item == null ? null : item.getValue();
        MenuItem backups = new MenuItem(Messages.get("bk.menu"));
        backups.setId("menuBACKUPS");
        backups.setDisable(vm.features().backupsUnavailable(selectedRow) != null);
        backups.setOnAction(e -> openBackups(selectedRow));
        menu.getItems().addAll(backups, item("menuREDISCOVER", Messages.get("discovery.menu"), false, vm::rediscoverNow),
                new javafx.scene.control.SeparatorMenuItem());
        fillDirectMenu(menu, selectedRow);
        for (DataGuardActions.Offer o : vm.features().dataGuardOffers(item == null ? null : item.getValue())) {
            MenuItem mi = new MenuItem(Messages.get("dg.menu." + o.kind().name().toLowerCase(Locale.ROOT)));
            mi.setId("menu" + o.kind().name());
            // The shortcut is shown, not set as an accelerator: a context menu's accelerators are
            // installed in the scene and would fire this (by then stale) item. The key handler above does it.
            mi.setDisable(!o.available());
            mi.setOnAction(e -> startOrExplain(o));
            menu.getItems().add(mi);
            if (!o.available()) {
                MenuItem why = new MenuItem("    " + Messages.of(o.reason()));
                why.setDisable(true);
                why.getStyleClass().add("menu-reason");
                menu.getItems().add(why);
            }
        }
    }

    /** Connect, edit and remove for a direct target; link a connect string for an OCI database. */
    private void fillDirectMenu(ContextMenu menu, FleetRow row) {
        if (row == null || row.node() == null) {
            return;
        }
        io.fleetdesk.model.DirectTarget t = vm.targets().of(row);
        if (t != null) {
            boolean demo = vm.targets().isDemo(t.id());
            menu.getItems().add(item("menuCONNECT", Messages.get("target.menu.connect"), demo, () -> askPassword(t)));
            menu.getItems().add(item("menuDISCONNECT", Messages.get("target.menu.disconnect"), false,
                    () -> vm.targets().disconnect(t.id())));
            menu.getItems().add(item("menuEDIT", Messages.get("target.menu.edit"), demo, () -> editTarget(t, null)));
            menu.getItems().add(item("menuREMOVE", Messages.get("target.menu.remove"), demo, () -> removeTarget(t)));
            menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        } else if (row.node().kind() == NodeKind.DATABASE) {
            var linked = vm.targets().poller().linkedTo(row.node().id());
            menu.getItems().add(linked == null
                    ? item("menuLINK", Messages.get("target.menu.link"), false, () -> editTarget(null, row.node().id()))
                    : item("menuLINK", Messages.get("target.menu.editLink"), vm.targets().isDemo(linked.target().id()),
                    () -> editTarget(linked.target(), null)));
            menu.getItems().add(new javafx.scene.control.SeparatorMenuItem());
        }
    }

    private static MenuItem item(String id, String text, boolean disabled, Runnable action) {
        MenuItem mi = new MenuItem(text);
        mi.setId(id);
        mi.setDisable(disabled);
        mi.setOnAction(e -> action.run());
        return mi;
    }

    /** The Add / Edit database dialog; {@code linkTo} preselects an OCI database to link. */
    private void editTarget(io.fleetdesk.model.DirectTarget existing, String linkTo) {
        var snap = vm.tree().snapshot();
        List<io.fleetdesk.ui.targets.TargetDialogModel.LinkChoice> links = snap.nodes().values().stream()
                .filter(n -> n.kind() == NodeKind.DATABASE)
                .map(n -> new io.fleetdesk.ui.targets.TargetDialogModel.LinkChoice(n.id(), n.name() + " · "
                        + snap.regionOf(n.id()) + (n.role() == null ? "" : " · " + n.role())))
                .sorted(java.util.Comparator.comparing(io.fleetdesk.ui.targets.TargetDialogModel.LinkChoice::label))
                .toList();
        List<String> groups = vm.targets().saved().stream().map(io.fleetdesk.model.DirectTarget::group)
                .filter(g -> !g.isEmpty()).distinct().sorted().toList();
        var model = new io.fleetdesk.ui.targets.TargetDialogModel(existing, linkTo, groups, links,
                r -> Thread.ofVirtual().name("target-check").start(r), vm.ui(), (t, pw) -> {
                    vm.targets().save(t);
                    if (pw.length > 0) {
                        vm.targets().connect(t.id(), pw);
                    }
                });
        io.fleetdesk.ui.targets.TargetDialog.open(model, existing != null, fleetTree.getScene().getWindow());
    }

    private void askPassword(io.fleetdesk.model.DirectTarget t) {
        io.fleetdesk.ui.targets.PasswordPrompt.ask(fleetTree.getScene().getWindow(), t, pw -> vm.targets().connect(t.id(), pw));
    }

    private void removeTarget(io.fleetdesk.model.DirectTarget t) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                Messages.get("target.remove.text", t.name(), t.describe()));
        a.initOwner(fleetTree.getScene().getWindow());
        a.setHeaderText(Messages.get("target.remove.title", t.name()));
        io.fleetdesk.ui.common.ThemeManager.follow(a.getDialogPane().getScene(), fleetTree.getScene());
        a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).setId("removeConfirm");
        a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.targets().remove(t.id()));
    }

    private Instant readAt(FleetRow row) {
        var st = row == null || row.node() == null ? null : vm.targets().poller().stateOfNode(row.node().id());
        return st == null || st.reading() == null ? null : st.reading().readAt();
    }

    /** The status-bar link of a window whose action goes on after it is closed: shown while it is hidden. */
    private void follow(io.fleetdesk.ui.common.FollowedWindow w, String id) {
        Hyperlink link = new Hyperlink();
        link.setId(id);
        link.setUserData(w);
        link.textProperty().bind(w.statusLine());
        link.setOnAction(e -> w.show());
        link.visibleProperty().bind(w.stage().showingProperty().not().and(link.textProperty().isNotEmpty()));
        link.managedProperty().bind(link.visibleProperty());
        operationsBox.getChildren().add(link);
    }

    /** Opens the Backups dialog of a database, or says in the banner why not. */
    private void openBackups(FleetRow row) {
        String why = vm.features().backupsUnavailable(row);
        if (why != null) {
            vm.say(Messages.get("bk.unavailable", why));
            return;
        }
        try {
            io.fleetdesk.ui.backups.BackupsViewModel model = vm.features().openBackups(row);
            io.fleetdesk.ui.backups.BackupsWindow w = io.fleetdesk.ui.backups.BackupsWindow.open(model,
                    fleetTree.getScene().getWindow(), gone -> operationsBox.getChildren().removeIf(n -> n.getUserData() == gone));
            model.progressProperty().addListener((obs, before, now) -> io.fleetdesk.ui.audit.AuditWindow.reloadIfOpen());
            follow(w, "operation-BACKUPS");
        } catch (IllegalStateException | java.io.IOException e) {
            vm.say(Messages.get("bk.unavailable", e.getMessage()));
        }
    }

    /** Opens the wizard for an offer, or says in the banner why it cannot be done. */
    private void startOrExplain(DataGuardActions.Offer o) {
        if (!o.available()) {
            vm.say(Messages.get("dg.unavailable", Messages.get("dg.kind." + o.kind().name().toLowerCase(Locale.ROOT)),
                    Messages.of(o.reason())));
            return;
        }
        try {
            DataGuardWizardModel model = vm.features().openDataGuard(o);
            DataGuardWizard w = DataGuardWizard.open(model, fleetTree.getScene().getWindow(), gone -> {
                operationsBox.getChildren().removeIf(n -> n.getUserData() == gone);
                showDetails(shownItem == null ? null : shownItem.getValue());
            });
            // The intent and the outcome appear in an open Audit view as they are written.
            model.stateProperty().addListener((obs, before, now) -> io.fleetdesk.ui.audit.AuditWindow.reloadIfOpen());
            follow(w, "operation-" + o.kind().name());
            showDetails(shownItem == null ? null : shownItem.getValue());
        } catch (io.fleetdesk.ops.OperationInProgressException e) {
            vm.say(Messages.get("dg.unavailable", Messages.get("dg.kind." + o.kind().name().toLowerCase(Locale.ROOT)),
                    Messages.of(e.notice())));
        } catch (IllegalStateException | java.io.IOException e) {
            vm.say(Messages.get("dg.unavailable", Messages.get("dg.kind." + o.kind().name().toLowerCase(Locale.ROOT)),
                    e.getMessage()));
        }
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

    private static String time(Instant t) {
        return LocalTime.ofInstant(t, ZoneId.systemDefault()).withNano(0).toString();
    }

    /** A row's name as shown: a kind that could not be listed is named in the DBA's words, not by its API call. */
    static String displayName(FleetNode n) {
        if (io.fleetdesk.poll.DirectPoller.ROOT_ID.equals(n.id())) {
            return Messages.get("tree.directConnections");
        }
        if (n.kind() != NodeKind.NOT_LISTED) {
            return n.name();
        }
        String words = Messages.get("notListed." + n.name());
        return words.startsWith("!") ? Messages.get("notListed.row", n.name()) : words;
    }

    /**
     * The selected row's place in the tenancy (region › compartments › … › the row), as a ControlsFX
     * BreadCrumbBar; a crumb selects that row in the tree.
     */
    private org.controlsfx.control.BreadCrumbBar<FleetNode> breadcrumbs(FleetNode n) {
        List<FleetNode> path = vm.tree().snapshot().pathTo(n.id());
        var bar = new org.controlsfx.control.BreadCrumbBar<FleetNode>();
        bar.setId("breadcrumbs");
        bar.setAutoNavigationEnabled(false);
        bar.setCrumbFactory(item -> new org.controlsfx.control.BreadCrumbBar.BreadCrumbButton(
                item.getValue() == null ? "" : displayName(item.getValue())));
        bar.setSelectedCrumb(org.controlsfx.control.BreadCrumbBar.buildTreeModel(path.toArray(FleetNode[]::new)));
        bar.setOnCrumbAction(e -> {
            TreeItem<FleetRow> target = vm.tree().item(e.getSelectedCrumb().getValue().id());
            if (target != null) {
                for (TreeItem<FleetRow> p = target.getParent(); p != null; p = p.getParent()) {
                    p.setExpanded(true);
                }
                fleetTree.getSelectionModel().select(target);
                int row = fleetTree.getRow(target);
                if (row >= 0) {
                    fleetTree.scrollTo(row);
                }
            }
        });
        return bar;
    }

    /**
     * For a region, compartment or group: what is wrong below it, so that its details say the same as
     * the rows under it (the worst first, up to five, with their first reason).
     */
    private void showBelow(FleetNode n) {
        var snap = vm.tree().snapshot();
        java.util.Map<Health, Integer> counts = new java.util.EnumMap<>(Health.class);
        List<FleetNode> notOk = new java.util.ArrayList<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(snap.children(n.id()));
        while (!todo.isEmpty()) {
            FleetNode c = snap.node(todo.pop());
            if (c == null) {
                continue;
            }
            todo.addAll(snap.children(c.id()));
            if (!io.fleetdesk.model.FleetSnapshot.isContainer(c.kind()) || c.stale() != null || !c.reasons().isEmpty()) {
                Health h = c.shownHealth();
                counts.merge(h, 1, Integer::sum);
                if (h != Health.OK) {
                    notOk.add(c);
                }
            }
        }
        if (notOk.isEmpty()) {
            return;
        }
        Label summary = new Label(Messages.get("details.belowCounts", counts.getOrDefault(Health.CRITICAL, 0),
                counts.getOrDefault(Health.UNKNOWN, 0), counts.getOrDefault(Health.WARNING, 0)));
        summary.setWrapText(true);
        summary.setId("detailsBelow");
        detailsPane.getChildren().add(summary);
        List<Health> order = List.of(Health.CRITICAL, Health.UNKNOWN, Health.WARNING);
        notOk.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c.shownHealth())));
        for (FleetNode c : notOk.subList(0, Math.min(5, notOk.size()))) {
            List<String> why = reasons(c);
            Label l = new Label(displayName(c) + " — " + Messages.health(c.shownHealth()) + (why.isEmpty() ? "" : ": " + why.getFirst()),
                    HealthIcon.of(c.shownHealth()));
            l.setWrapText(true);
            l.getStyleClass().add("details-reason");
            detailsPane.getChildren().add(l);
        }
        if (notOk.size() > 5) {
            Label more = new Label(Messages.get("details.belowMore", notOk.size() - 5));
            more.getStyleClass().add("details-hint");
            detailsPane.getChildren().add(more);
        }
    }

    /** A region's discovery: what was found and when, and a button to read the tenancy again. */
    private void showDiscovery() {
        Label section = new Label(Messages.get("discovery.section"));
        section.getStyleClass().add("details-section");
        Label what = new Label(tenancyLabel.getText() + ". " + vm.status().tenancyDetailsProperty().get());
        what.setWrapText(true);
        Button again = new Button(Messages.get("discovery.menu"));
        again.setId("detailsREDISCOVER");
        again.setOnAction(e -> vm.rediscoverNow());
        Label hint = new Label(Messages.get("discovery.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("details-hint");
        detailsPane.getChildren().addAll(section, what, again, hint);
    }

    private static List<String> reasons(FleetNode n) {
        List<String> r = new java.util.ArrayList<>(Messages.of(n.reasons()));
        if (n.stale() != null) {
            r.addFirst(Messages.get("details.staleReason", Messages.of(n.stale().reason())));
        }
        return r;
    }

    /** A direct target's actions and, once read, its tabs. */
    private void showDirect(FleetRow row) {
        io.fleetdesk.model.DirectTarget t = vm.targets().of(row);
        if (t == null) {
            return;
        }
        boolean demo = vm.targets().isDemo(t.id());
        Button connect = new Button(Messages.get("target.menu.connect"));
        connect.setId("detailsCONNECT");
        connect.setDisable(demo);
        connect.setOnAction(e -> askPassword(t));
        Button edit = new Button(Messages.get("target.menu.edit"));
        edit.setId("detailsEDIT");
        edit.setDisable(demo);
        edit.setOnAction(e -> editTarget(t, null));
        Button remove = new Button(Messages.get("target.menu.remove"));
        remove.setId("detailsREMOVE");
        remove.setDisable(demo);
        remove.setOnAction(e -> removeTarget(t));
        detailsPane.getChildren().add(new HBox(6, connect, edit, remove));
        if (demo) {
            Label l = new Label(Messages.get("target.demo"));
            l.setWrapText(true);
            l.getStyleClass().add("details-hint");
            detailsPane.getChildren().add(l);
        }
        var st = vm.targets().poller().state(t.id());
        if (st != null && st.reading() != null) {
            javafx.scene.control.TabPane tabs = io.fleetdesk.ui.details.DeepHealthTabs.of(st, vm.settings().directRules(),
                    vm.targets().diagnosticsPack(), shownTab);
            tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> shownTab = b == null ? shownTab : b.getId());
            detailsPane.getChildren().add(tabs);
        }
    }

    /** "Direct connections": how to add one, and the Diagnostics Pack setting. */
    private void showDirectRoot() {
        Label about = new Label(Messages.get("direct.about"));
        about.setWrapText(true);
        Button add = new Button(Messages.get("target.add"));
        add.setId("detailsADD");
        add.setOnAction(e -> editTarget(null, null));
        javafx.scene.control.CheckBox awr = new javafx.scene.control.CheckBox(Messages.get("direct.awr"));
        awr.setId("awrSetting");
        awr.setMnemonicParsing(false); // DBA_HIST_SNAPSHOT: the underscore is part of the name, not a mnemonic
        awr.setSelected(vm.targets().diagnosticsPack());
        awr.setOnAction(e -> vm.targets().setDiagnosticsPack(awr.isSelected()));
        Label licence = new Label(Messages.get("direct.awr.licence"));
        licence.setWrapText(true);
        licence.getStyleClass().add("details-hint");
        Label thresholds = new Label(Messages.get("direct.thresholds", vm.settings().file()));
        thresholds.setWrapText(true);
        thresholds.getStyleClass().add("details-hint");
        Label section = new Label(Messages.get("direct.settings"));
        section.getStyleClass().add("details-section");
        detailsPane.getChildren().addAll(about, add, section, awr, licence, thresholds);
    }

    /** Fills the details pane for a row: what it is, its health and why, and its fields. */
    private void showDetails(FleetRow row) {
        detailsPane.getChildren().clear();
        shownNode = row == null ? null : row.node();
        shownOffers = vm.features().dataGuardOffers(row);
        if (row == null || row.node() == null) {
            Label hint = new Label(Messages.get("details.none"));
            hint.getStyleClass().add("details-hint");
            hint.setWrapText(true);
            detailsPane.getChildren().add(hint);
            return;
        }
        FleetNode n = row.node();
        if (n.parentId() != null) {
            // A deep path is wider than the pane: it scrolls sideways, showing its end (the row itself) first.
            var bar = breadcrumbs(n);
            javafx.scene.control.ScrollPane crumbs = new javafx.scene.control.ScrollPane(bar);
            crumbs.setFitToHeight(true);
            crumbs.setVbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
            crumbs.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.AS_NEEDED);
            crumbs.getStyleClass().addAll("edge-to-edge", "breadcrumbs-scroll");
            bar.widthProperty().addListener((o, a, b) -> crumbs.setHvalue(crumbs.getHmax())); // once laid out
            crumbs.setMinViewportHeight(30);
            crumbs.setTooltip(new Tooltip(vm.tree().snapshot().pathTo(n.id()).stream().map(FleetController::displayName)
                    .collect(java.util.stream.Collectors.joining(" › "))));
            detailsPane.getChildren().add(crumbs);
        }
        Label title = new Label(displayName(n));
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        Label kind = new Label(Messages.get("kind." + n.kind().name().toLowerCase(Locale.ROOT))
                + (n.lifecycleState() == null ? "" : " · " + n.lifecycleState())
                + (n.role() == null ? "" : " · " + n.role()));
        kind.getStyleClass().add("details-subtitle");
        Health shown = n.shownHealth();
        Label health = new Label(Messages.get("details.health", Messages.health(shown)), HealthIcon.of(shown));
        health.getStyleClass().addAll("details-health", HealthIcon.styleClass(shown));
        detailsPane.getChildren().addAll(title, kind, health);
        if (row.rolledUp() != shown) {
            Label below = new Label(Messages.get("details.below", Messages.health(row.rolledUp())), HealthIcon.of(row.rolledUp()));
            detailsPane.getChildren().add(below);
        }
        if (n.stale() != null) {
            String since = n.stale().lastGood() == null ? Messages.get("details.neverRead")
                    : Messages.get("details.lastGood", time(n.stale().lastGood()),
                    Math.max(0, java.time.Duration.between(n.stale().lastGood(), Instant.now()).toSeconds()));
            Label stale = new Label(Messages.get("details.stale", since, Messages.of(n.stale().reason())));
            stale.setWrapText(true);
            stale.getStyleClass().add("details-stale");
            detailsPane.getChildren().add(stale);
        }
        Label why = new Label(Messages.get("details.why"));
        why.getStyleClass().add("details-section");
        detailsPane.getChildren().add(why);
        for (String r : Messages.of(n.reasons())) {
            Label l = new Label("• " + r);
            l.setWrapText(true);
            l.getStyleClass().add("details-reason");
            detailsPane.getChildren().add(l);
        }
        boolean container = io.fleetdesk.model.FleetSnapshot.isContainer(n.kind());
        if (container) {
            showBelow(n);
        }
        if (n.reasons().isEmpty() && (!container || row.rolledUp() == Health.OK)) {
            // "Nothing wrong" only when nothing below says otherwise: a stale compartment over a WARNING
            // database must not read as all good.
            Label good = new Label(n.stale() == null ? Messages.get("details.allGood")
                    : Messages.get("details.allGoodWhenLastRead"));
            good.setWrapText(true);
            detailsPane.getChildren().add(good);
        }
        Label fields = new Label(Messages.get("details.fields"));
        fields.getStyleClass().add("details-section");
        detailsPane.getChildren().addAll(fields, io.fleetdesk.ui.common.DetailsGrid.of(n.details()));
        shownReadAt = readAt(row);
        if (n.kind() == NodeKind.DIRECT_DATABASE) {
            showDirect(row);
        }
        if (n.kind() == NodeKind.DIRECT_GROUP && n.parentId() == null) {
            showDirectRoot();
        }
        if (n.kind() == NodeKind.REGION) {
            showDiscovery();
        }
        if (n.kind() == NodeKind.DATABASE) {
            Label bk = new Label(Messages.get("details.backups"));
            bk.getStyleClass().add("details-section");
            Button open = new Button(Messages.get("bk.menu"));
            open.setId("detailsBACKUPS");
            open.setOnAction(e -> openBackups(row));
            detailsPane.getChildren().addAll(bk, open);
        }
        if (n.kind() == NodeKind.DATABASE && n.dataGuard() != null) {
            Label dg = new Label(Messages.get("details.dataGuard"));
            dg.getStyleClass().add("details-section");
            detailsPane.getChildren().add(dg);
            for (DataGuardActions.Offer o : vm.features().dataGuardOffers(row)) {
                Button b = new Button(Messages.get("dg.menu." + o.kind().name().toLowerCase(Locale.ROOT)));
                b.setId("details" + o.kind().name());
                b.setDisable(!o.available());
                b.setOnAction(e -> startOrExplain(o));
                if (o.available()) {
                    detailsPane.getChildren().add(b);
                } else {
                    Label whyNot = new Label(Messages.of(o.reason()));
                    whyNot.setWrapText(true);
                    whyNot.getStyleClass().add("details-hint");
                    detailsPane.getChildren().add(new VBox(2, b, whyNot));
                }
            }
        }
    }
}
