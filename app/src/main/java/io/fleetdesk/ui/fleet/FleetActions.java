package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.switchover.DataGuardWizard;
import io.fleetdesk.ui.switchover.DataGuardWizardModel;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.util.List;
import java.util.Locale;

/**
 * What the DBA can do from a row, wherever they ask (context menu, shortcut, details pane): open
 * Backups, start a Data Guard operation or say why not, add, edit, connect or remove a direct
 * connection. A window whose operation goes on after it is closed keeps a link in the status bar.
 */
final class FleetActions implements RowActions {
    private final FleetViewModel vm;
    private final TreeTableView<FleetRow> fleetTree;
    private final HBox operationsBox;
    private final Runnable refreshDetails;

    FleetActions(FleetViewModel vm, TreeTableView<FleetRow> fleetTree, HBox operationsBox, Runnable refreshDetails) {
        this.vm = vm;
        this.fleetTree = fleetTree;
        this.operationsBox = operationsBox;
        this.refreshDetails = refreshDetails;
    }

    private Window window() {
        return fleetTree.getScene().getWindow();
    }

    @Override
    public void select(String nodeId) {
        TreeItem<FleetRow> target = vm.tree().item(nodeId);
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
    }

    void fillMenu(ContextMenu menu) {
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
    @Override
    public void editTarget(io.fleetdesk.model.DirectTarget existing, String linkTo) {
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
        io.fleetdesk.ui.targets.TargetDialog.open(model, existing != null, window());
    }

    @Override
    public void askPassword(io.fleetdesk.model.DirectTarget t) {
        io.fleetdesk.ui.targets.PasswordPrompt.ask(window(), t, pw -> vm.targets().connect(t.id(), pw));
    }

    @Override
    public void removeTarget(io.fleetdesk.model.DirectTarget t) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                Messages.get("target.remove.text", t.name(), t.describe()));
        a.initOwner(window());
        a.setHeaderText(Messages.get("target.remove.title", t.name()));
        io.fleetdesk.ui.common.ThemeManager.follow(a.getDialogPane().getScene(), fleetTree.getScene());
        a.getDialogPane().lookupButton(javafx.scene.control.ButtonType.OK).setId("removeConfirm");
        a.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> vm.targets().remove(t.id()));
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
    @Override
    public void openBackups(FleetRow row) {
        String why = vm.features().backupsUnavailable(row);
        if (why != null) {
            vm.say(Messages.get("bk.unavailable", why));
            return;
        }
        try {
            io.fleetdesk.ui.backups.BackupsViewModel model = vm.features().openBackups(row);
            io.fleetdesk.ui.backups.BackupsWindow w = io.fleetdesk.ui.backups.BackupsWindow.open(model,
                    window(), gone -> operationsBox.getChildren().removeIf(n -> n.getUserData() == gone));
            model.progressProperty().addListener((obs, before, now) -> io.fleetdesk.ui.audit.AuditWindow.reloadIfOpen());
            follow(w, "operation-BACKUPS");
        } catch (IllegalStateException | java.io.IOException e) {
            vm.say(Messages.get("bk.unavailable", e.getMessage()));
        }
    }

    /** Opens the wizard for an offer, or says in the banner why it cannot be done. */
    @Override
    public void startOrExplain(DataGuardActions.Offer o) {
        if (!o.available()) {
            vm.say(Messages.get("dg.unavailable", Messages.get("dg.kind." + o.kind().name().toLowerCase(Locale.ROOT)),
                    Messages.of(o.reason())));
            return;
        }
        try {
            DataGuardWizardModel model = vm.features().openDataGuard(o);
            DataGuardWizard w = DataGuardWizard.open(model, window(), gone -> {
                operationsBox.getChildren().removeIf(n -> n.getUserData() == gone);
                refreshDetails.run();
            });
            // The intent and the outcome appear in an open Audit view as they are written.
            model.stateProperty().addListener((obs, before, now) -> io.fleetdesk.ui.audit.AuditWindow.reloadIfOpen());
            follow(w, "operation-" + o.kind().name());
            refreshDetails.run();
        } catch (io.fleetdesk.ops.OperationInProgressException e) {
            vm.say(Messages.get("dg.unavailable", Messages.get("dg.kind." + o.kind().name().toLowerCase(Locale.ROOT)),
                    Messages.of(e.notice())));
        } catch (IllegalStateException | java.io.IOException e) {
            vm.say(Messages.get("dg.unavailable", Messages.get("dg.kind." + o.kind().name().toLowerCase(Locale.ROOT)),
                    e.getMessage()));
        }
    }
}
