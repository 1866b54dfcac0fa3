package io.fleetdesk.ui.details;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.ui.common.DetailsGrid;
import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.app.Messages;
import io.fleetdesk.ui.fleet.DetailsView;
import io.fleetdesk.ui.fleet.FleetRow;
import io.fleetdesk.ui.fleet.FleetViewModel;
import io.fleetdesk.ui.fleet.RowActions;
import io.fleetdesk.ui.fleet.RowText;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.controlsfx.control.BreadCrumbBar;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The main window's details pane, laid out from {@link DetailsViewModel.Content}: the selected row's
 * place in the tenancy (breadcrumbs that select), what it is, its health and every reason, its
 * fields; for a region what discovery found; for a direct connection its actions and deep-health
 * tabs; for a database Backups and the Data Guard operations it offers, each with why not. What the
 * DBA asks for goes to {@link RowActions}.
 */
public final class DetailsPane implements DetailsView {
    private final VBox pane;
    private final FleetViewModel vm;
    private final DetailsViewModel model;
    private final RowActions actions;
    /** The deep-health tab the DBA chose, kept across rebuilds. */
    private String shownTab = "tabOverview";

    public DetailsPane(VBox pane, FleetViewModel vm, RowActions actions) {
        this.pane = pane;
        this.vm = vm;
        this.model = new DetailsViewModel(vm, Instant::now);
        this.actions = actions;
    }

    @Override
    public boolean outdated(FleetRow row) {
        return model.outdated(row);
    }

    /** Fills the details pane for a row: what it is, its health and why, and its fields. */
    @Override
    public void show(FleetRow row) {
        pane.getChildren().clear();
        DetailsViewModel.Content c = model.of(row);
        if (c == null) {
            pane.getChildren().add(label(Messages.get("details.none"), "details-hint"));
            return;
        }
        if (!c.path().isEmpty()) {
            pane.getChildren().add(breadcrumbs(c.path()));
        }
        Label title = label(c.title(), "details-title");
        Label kind = new Label(c.kindLine());
        kind.getStyleClass().add("details-subtitle");
        Label health = new Label(Messages.get("details.health", Messages.health(c.health())), HealthIcon.of(c.health()));
        health.getStyleClass().addAll("details-health", HealthIcon.styleClass(c.health()));
        pane.getChildren().addAll(title, kind, health);
        if (c.rolledUp() != null) {
            pane.getChildren().add(new Label(Messages.get("details.below", Messages.health(c.rolledUp())),
                    HealthIcon.of(c.rolledUp())));
        }
        if (c.stale() != null) {
            pane.getChildren().add(label(c.stale(), "details-stale"));
        }
        pane.getChildren().add(section("details.why"));
        for (String r : c.reasons()) {
            pane.getChildren().add(label("• " + r, "details-reason"));
        }
        if (c.belowSummary() != null) {
            showBelow(c.belowSummary());
        }
        if (c.allGood() != null) {
            pane.getChildren().add(label(c.allGood(), null));
        }
        pane.getChildren().addAll(section("details.fields"), DetailsGrid.of(c.fields(), this::link));
        if (c.direct() != null) {
            showDirect(c.direct());
        }
        if (c.directRoot() != null) {
            showDirectRoot(c.directRoot());
        }
        if (c.discovery() != null) {
            showDiscovery(c.discovery());
        }
        if (c.backups()) {
            Button open = new Button(Messages.get("bk.menu"));
            open.setId("detailsBACKUPS");
            open.setOnAction(e -> actions.openBackups(row));
            pane.getChildren().addAll(section("details.backups"), open);
        }
        if (!c.dataGuard().isEmpty()) {
            pane.getChildren().add(section("details.dataGuard"));
            for (DetailsViewModel.OfferView o : c.dataGuard()) {
                Button b = new Button(o.label());
                b.setId("details" + o.offer().kind().name());
                b.setDisable(o.whyNot() != null);
                b.setOnAction(e -> actions.startOrExplain(o.offer()));
                pane.getChildren().add(o.whyNot() == null ? b : new VBox(2, b, label(o.whyNot(), "details-hint")));
            }
        }
    }

    /**
     * Another row of the tree, such as a Data Guard peer in another region's branch: its name and region,
     * a link that selects it. One not in the tree (its region or compartment is not read) shows its OCID.
     */
    private javafx.scene.Node link(io.fleetdesk.model.NodeLink l) {
        var snap = vm.tree().snapshot();
        FleetNode target = snap.node(l.nodeId());
        javafx.scene.control.Hyperlink h = new javafx.scene.control.Hyperlink();
        h.getStyleClass().add("details-link");
        if (target == null) {
            h.setText(l.nodeId());
            h.setDisable(true);
            h.setTooltip(new Tooltip(Messages.get("details.link.notInTree")));
            return h;
        }
        List<FleetNode> path = snap.pathTo(target.id());
        String region = path.isEmpty() ? "" : path.getFirst().name();
        h.setText(Messages.get("details.link", RowText.displayName(target), region));
        h.setTooltip(new Tooltip(l.nodeId()));
        h.setOnAction(e -> actions.select(target.id()));
        return h;
    }

    /**
     * The row's place in the tenancy (region › compartments › … › the row), as a ControlsFX
     * BreadCrumbBar whose crumbs select that row in the tree. A deep path is wider than the pane: it
     * scrolls sideways, showing its end (the row itself) first.
     */
    private ScrollPane breadcrumbs(List<FleetNode> path) {
        var bar = new BreadCrumbBar<FleetNode>();
        bar.setId("breadcrumbs");
        bar.setAutoNavigationEnabled(false);
        bar.setCrumbFactory(item -> new BreadCrumbBar.BreadCrumbButton(
                item.getValue() == null ? "" : RowText.displayName(item.getValue())));
        bar.setSelectedCrumb(BreadCrumbBar.buildTreeModel(path.toArray(FleetNode[]::new)));
        bar.setOnCrumbAction(e -> actions.select(e.getSelectedCrumb().getValue().id()));
        ScrollPane crumbs = new ScrollPane(bar);
        crumbs.setFitToHeight(true);
        crumbs.setVbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        crumbs.setHbarPolicy(ScrollPane.ScrollBarPolicy.AS_NEEDED);
        crumbs.getStyleClass().addAll("edge-to-edge", "breadcrumbs-scroll");
        bar.widthProperty().addListener((o, a, b) -> crumbs.setHvalue(crumbs.getHmax())); // once laid out
        crumbs.setMinViewportHeight(30);
        crumbs.setTooltip(new Tooltip(path.stream().map(RowText::displayName).collect(Collectors.joining(" › "))));
        return crumbs;
    }

    private void showBelow(DetailsViewModel.Below b) {
        Label summary = label(Messages.get("details.belowCounts", b.critical(), b.unknown(), b.warning()), null);
        summary.setId("detailsBelow");
        pane.getChildren().add(summary);
        for (DetailsViewModel.BelowRow r : b.worst()) {
            Label l = label(r.name() + " — " + Messages.health(r.health()) + (r.firstReason() == null ? ""
                    : ": " + r.firstReason()), "details-reason");
            l.setGraphic(HealthIcon.of(r.health()));
            pane.getChildren().add(l);
        }
        if (b.more() > 0) {
            pane.getChildren().add(label(Messages.get("details.belowMore", b.more()), "details-hint"));
        }
    }

    /** A region's discovery: what was found and when, and a button to read the tenancy again. */
    private void showDiscovery(String what) {
        Button again = new Button(Messages.get("discovery.menu"));
        again.setId("detailsREDISCOVER");
        again.setOnAction(e -> vm.rediscoverNow());
        pane.getChildren().addAll(section("discovery.section"), label(what, null), again,
                label(Messages.get("discovery.hint"), "details-hint"));
    }

    /** A direct target's actions and, once read, its tabs. */
    private void showDirect(DetailsViewModel.Direct d) {
        var t = d.target();
        Button connect = button("target.menu.connect", "detailsCONNECT", d.demo(), () -> actions.askPassword(t));
        Button edit = button("target.menu.edit", "detailsEDIT", d.demo(), () -> actions.editTarget(t, null));
        Button remove = button("target.menu.remove", "detailsREMOVE", d.demo(), () -> actions.removeTarget(t));
        pane.getChildren().add(new HBox(6, connect, edit, remove));
        if (d.demo()) {
            pane.getChildren().add(label(Messages.get("target.demo"), "details-hint"));
        }
        if (d.state() != null && d.state().reading() != null) {
            TabPane tabs = DeepHealthTabs.of(d.state(), vm.settings().directRules(), vm.targets().diagnosticsPack(),
                    shownTab);
            tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> shownTab = b == null ? shownTab : b.getId());
            pane.getChildren().add(tabs);
        }
    }

    /** "Direct connections": how to add one, and the Diagnostics Pack setting. */
    private void showDirectRoot(DetailsViewModel.DirectRoot r) {
        Button add = button("target.add", "detailsADD", false, () -> actions.editTarget(null, null));
        CheckBox awr = new CheckBox(Messages.get("direct.awr"));
        awr.setId("awrSetting");
        awr.setMnemonicParsing(false); // DBA_HIST_SNAPSHOT: the underscore is part of the name, not a mnemonic
        awr.setSelected(r.diagnosticsPack());
        awr.setOnAction(e -> vm.targets().setDiagnosticsPack(awr.isSelected()));
        pane.getChildren().addAll(label(Messages.get("direct.about"), null), add, section("direct.settings"), awr,
                label(Messages.get("direct.awr.licence"), "details-hint"),
                label(Messages.get("direct.thresholds", r.settingsFile()), "details-hint"));
    }

    private static Label label(String text, String style) {
        Label l = new Label(text);
        l.setWrapText(true);
        if (style != null) {
            l.getStyleClass().add(style);
        }
        return l;
    }

    private static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("details-section");
        return l;
    }

    private static Button button(String key, String id, boolean disabled, Runnable action) {
        Button b = new Button(Messages.get(key));
        b.setId(id);
        b.setDisable(disabled);
        b.setOnAction(e -> action.run());
        return b;
    }
}
