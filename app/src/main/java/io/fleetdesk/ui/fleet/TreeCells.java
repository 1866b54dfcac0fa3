package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.app.Messages;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

import java.time.Instant;
import java.util.List;

/**
 * The fleet tree's cells: the name with its rolled-up health shape (italic when stale), the health
 * with its reasons as a tooltip, the lifecycle state, the Data Guard role, the apply lag in the DBA's
 * units, and when the row was last read.
 */
final class TreeCells {
    private TreeCells() {
    }

    static void install(TreeTableColumn<FleetRow, FleetRow> nameColumn, TreeTableColumn<FleetRow, FleetRow> healthColumn,
                        TreeTableColumn<FleetRow, String> stateColumn, TreeTableColumn<FleetRow, String> roleColumn,
                        TreeTableColumn<FleetRow, String> lagColumn, TreeTableColumn<FleetRow, String> refreshedColumn,
                        ObservableValue<FleetSnapshot> snapshot) {
        // Every column observes its row's item, so a row updated in place (TreeItem.setValue) redraws
        // its own cells, and only those. Before, the whole tree was refresh()ed after every batch, which
        // recreated every visible cell and restyled it from scratch: most of the FX thread's long pulses
        // during a 10,000-database refresh storm (issue 15; docs/benchmarks.md).
        nameColumn.setCellValueFactory(c -> c.getValue().valueProperty());
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
                setText(RowText.displayName(row.node()));
                setGraphic(HealthIcon.of(row.rolledUp()));
                if (row.node().stale() != null) {
                    getStyleClass().add("stale");
                }
            }
        });
        healthColumn.setCellValueFactory(c -> c.getValue().valueProperty());
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
                List<String> reasons = RowText.reasons(n);
                setTooltip(reasons.isEmpty() ? null : new Tooltip(String.join("\n", reasons)));
            }
        });
        stateColumn.setCellValueFactory(c -> c.getValue().valueProperty()
                .map(r -> r.node() == null ? null : r.node().lifecycleState()));
        roleColumn.setCellValueFactory(c -> c.getValue().valueProperty()
                .map(r -> r.node() == null ? null : r.node().role()));
        lagColumn.setCellValueFactory(c -> c.getValue().valueProperty().map(r -> {
            FleetNode n = r.node();
            if (n == null || n.dataGuard() == null || !n.dataGuard().isStandby()) {
                return null;
            }
            // In the DBA's units when it parses ("4 minutes" is the service's English); as written when not.
            return Messages.lag(n.dataGuard().applyLag());
        }));
        // The time of the last read moves every cycle without the row changing (and differs for DB homes
        // the budget deferred): this column also observes the snapshot shown, and its text is its value,
        // so a cell redraws only when its text changes.
        refreshedColumn.setCellValueFactory(c -> Bindings.createStringBinding(
                () -> refreshed(c.getValue().getValue(), snapshot.getValue()), c.getValue().valueProperty(), snapshot));
    }

    /**
     * Next maintenance: the next scheduled run of an infrastructure, VM cluster, container database or
     * Autonomous Database, in the DBA's local time (the details pane has UTC too).
     */
    static void installMaintenance(TreeTableColumn<FleetRow, String> column) {
        column.setCellValueFactory(c -> c.getValue().valueProperty().map(r -> {
            if (r.node() == null || !(r.node().details().get(io.fleetdesk.model.Detail.NEXT_MAINTENANCE) instanceof Instant t)) {
                return null;
            }
            return RowText.dateTime(t);
        }));
    }

    private static String refreshed(FleetRow row, FleetSnapshot snapshot) {
        if (row == null || row.node() == null) {
            return null;
        }
        FleetNode n = row.node();
        if (n.stale() != null) {
            return n.stale().lastGood() == null ? Messages.get("refreshed.never")
                    : Messages.get("refreshed.staleSince", RowText.time(n.stale().lastGood()));
        }
        // The latest snapshot's node: rows are only replaced when something changed.
        FleetNode current = snapshot == null ? null : snapshot.node(n.id());
        Instant at = (current == null ? n : current).lastRefreshed();
        return at == null ? Messages.get("refreshed.never") : RowText.time(at);
    }
}
