package io.fleetdesk.ui.details;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.ui.common.Messages;
import io.fleetdesk.ui.fleet.DetailsView;
import io.fleetdesk.ui.fleet.FleetRow;
import io.fleetdesk.ui.fleet.FleetViewModel;
import io.fleetdesk.ui.fleet.RowActions;
import io.fleetdesk.ui.fleet.RowText;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The main window's details pane: the selected row's place in the tenancy (breadcrumbs that select),
 * what it is, its health and every reason, its fields; for a region what discovery found; for a
 * direct connection its actions and deep-health tabs; for a database Backups and the Data Guard
 * operations it offers, each with why not. What the DBA asks for goes to {@link RowActions}.
 */
public final class DetailsPane implements DetailsView {
    private final VBox pane;
    private final FleetViewModel vm;
    private final RowActions actions;
    /** What the pane was last built from. */
    private FleetNode shownNode;
    private List<DataGuardActions.Offer> shownOffers = List.of();
    /** The direct probe reading shown (the pane is rebuilt when a new one arrives), and the chosen tab. */
    private Instant shownReadAt;
    private String shownTab = "tabOverview";

    public DetailsPane(VBox pane, FleetViewModel vm, RowActions actions) {
        this.pane = pane;
        this.vm = vm;
        this.actions = actions;
    }

    @Override
    public boolean outdated(FleetRow row) {
        return row == null || shownNode == null || !row.node().sameAs(shownNode) || row.node().stale() != null
                || !vm.features().dataGuardOffers(row).equals(shownOffers) || !java.util.Objects.equals(readAt(row), shownReadAt);
    }

    private Instant readAt(FleetRow row) {
        var st = row == null || row.node() == null ? null : vm.targets().poller().stateOfNode(row.node().id());
        return st == null || st.reading() == null ? null : st.reading().readAt();
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
                item.getValue() == null ? "" : RowText.displayName(item.getValue())));
        bar.setSelectedCrumb(org.controlsfx.control.BreadCrumbBar.buildTreeModel(path.toArray(FleetNode[]::new)));
        bar.setOnCrumbAction(e -> actions.select(e.getSelectedCrumb().getValue().id()));
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
        pane.getChildren().add(summary);
        List<Health> order = List.of(Health.CRITICAL, Health.UNKNOWN, Health.WARNING);
        notOk.sort(java.util.Comparator.comparingInt(c -> order.indexOf(c.shownHealth())));
        for (FleetNode c : notOk.subList(0, Math.min(5, notOk.size()))) {
            List<String> why = RowText.reasons(c);
            Label l = new Label(RowText.displayName(c) + " — " + Messages.health(c.shownHealth()) + (why.isEmpty() ? "" : ": " + why.getFirst()),
                    HealthIcon.of(c.shownHealth()));
            l.setWrapText(true);
            l.getStyleClass().add("details-reason");
            pane.getChildren().add(l);
        }
        if (notOk.size() > 5) {
            Label more = new Label(Messages.get("details.belowMore", notOk.size() - 5));
            more.getStyleClass().add("details-hint");
            pane.getChildren().add(more);
        }
    }

    /** A region's discovery: what was found and when, and a button to read the tenancy again. */
    private void showDiscovery() {
        Label section = new Label(Messages.get("discovery.section"));
        section.getStyleClass().add("details-section");
        Label what = new Label(vm.status().tenancyProperty().get() + ". " + vm.status().tenancyDetailsProperty().get());
        what.setWrapText(true);
        Button again = new Button(Messages.get("discovery.menu"));
        again.setId("detailsREDISCOVER");
        again.setOnAction(e -> vm.rediscoverNow());
        Label hint = new Label(Messages.get("discovery.hint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("details-hint");
        pane.getChildren().addAll(section, what, again, hint);
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
        connect.setOnAction(e -> actions.askPassword(t));
        Button edit = new Button(Messages.get("target.menu.edit"));
        edit.setId("detailsEDIT");
        edit.setDisable(demo);
        edit.setOnAction(e -> actions.editTarget(t, null));
        Button remove = new Button(Messages.get("target.menu.remove"));
        remove.setId("detailsREMOVE");
        remove.setDisable(demo);
        remove.setOnAction(e -> actions.removeTarget(t));
        pane.getChildren().add(new HBox(6, connect, edit, remove));
        if (demo) {
            Label l = new Label(Messages.get("target.demo"));
            l.setWrapText(true);
            l.getStyleClass().add("details-hint");
            pane.getChildren().add(l);
        }
        var st = vm.targets().poller().state(t.id());
        if (st != null && st.reading() != null) {
            javafx.scene.control.TabPane tabs = DeepHealthTabs.of(st, vm.settings().directRules(),
                    vm.targets().diagnosticsPack(), shownTab);
            tabs.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> shownTab = b == null ? shownTab : b.getId());
            pane.getChildren().add(tabs);
        }
    }

    /** "Direct connections": how to add one, and the Diagnostics Pack setting. */
    private void showDirectRoot() {
        Label about = new Label(Messages.get("direct.about"));
        about.setWrapText(true);
        Button add = new Button(Messages.get("target.add"));
        add.setId("detailsADD");
        add.setOnAction(e -> actions.editTarget(null, null));
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
        pane.getChildren().addAll(about, add, section, awr, licence, thresholds);
    }

    /** Fills the details pane for a row: what it is, its health and why, and its fields. */
    @Override
    public void show(FleetRow row) {
        pane.getChildren().clear();
        shownNode = row == null ? null : row.node();
        shownOffers = vm.features().dataGuardOffers(row);
        if (row == null || row.node() == null) {
            Label hint = new Label(Messages.get("details.none"));
            hint.getStyleClass().add("details-hint");
            hint.setWrapText(true);
            pane.getChildren().add(hint);
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
            crumbs.setTooltip(new Tooltip(vm.tree().snapshot().pathTo(n.id()).stream().map(RowText::displayName)
                    .collect(java.util.stream.Collectors.joining(" › "))));
            pane.getChildren().add(crumbs);
        }
        Label title = new Label(RowText.displayName(n));
        title.getStyleClass().add("details-title");
        title.setWrapText(true);
        Label kind = new Label(Messages.get("kind." + n.kind().name().toLowerCase(Locale.ROOT))
                + (n.lifecycleState() == null ? "" : " · " + n.lifecycleState())
                + (n.role() == null ? "" : " · " + n.role()));
        kind.getStyleClass().add("details-subtitle");
        Health shown = n.shownHealth();
        Label health = new Label(Messages.get("details.health", Messages.health(shown)), HealthIcon.of(shown));
        health.getStyleClass().addAll("details-health", HealthIcon.styleClass(shown));
        pane.getChildren().addAll(title, kind, health);
        if (row.rolledUp() != shown) {
            Label below = new Label(Messages.get("details.below", Messages.health(row.rolledUp())), HealthIcon.of(row.rolledUp()));
            pane.getChildren().add(below);
        }
        if (n.stale() != null) {
            String since = n.stale().lastGood() == null ? Messages.get("details.neverRead")
                    : Messages.get("details.lastGood", RowText.time(n.stale().lastGood()),
                    Math.max(0, java.time.Duration.between(n.stale().lastGood(), Instant.now()).toSeconds()));
            Label stale = new Label(Messages.get("details.stale", since, Messages.of(n.stale().reason())));
            stale.setWrapText(true);
            stale.getStyleClass().add("details-stale");
            pane.getChildren().add(stale);
        }
        Label why = new Label(Messages.get("details.why"));
        why.getStyleClass().add("details-section");
        pane.getChildren().add(why);
        for (String r : Messages.of(n.reasons())) {
            Label l = new Label("• " + r);
            l.setWrapText(true);
            l.getStyleClass().add("details-reason");
            pane.getChildren().add(l);
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
            pane.getChildren().add(good);
        }
        Label fields = new Label(Messages.get("details.fields"));
        fields.getStyleClass().add("details-section");
        pane.getChildren().addAll(fields, io.fleetdesk.ui.common.DetailsGrid.of(n.details()));
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
            open.setOnAction(e -> actions.openBackups(row));
            pane.getChildren().addAll(bk, open);
        }
        if (n.kind() == NodeKind.DATABASE && n.dataGuard() != null) {
            Label dg = new Label(Messages.get("details.dataGuard"));
            dg.getStyleClass().add("details-section");
            pane.getChildren().add(dg);
            for (DataGuardActions.Offer o : vm.features().dataGuardOffers(row)) {
                Button b = new Button(Messages.get("dg.menu." + o.kind().name().toLowerCase(Locale.ROOT)));
                b.setId("details" + o.kind().name());
                b.setDisable(!o.available());
                b.setOnAction(e -> actions.startOrExplain(o));
                if (o.available()) {
                    pane.getChildren().add(b);
                } else {
                    Label whyNot = new Label(Messages.of(o.reason()));
                    whyNot.setWrapText(true);
                    whyNot.getStyleClass().add("details-hint");
                    pane.getChildren().add(new VBox(2, b, whyNot));
                }
            }
        }
    }
}
