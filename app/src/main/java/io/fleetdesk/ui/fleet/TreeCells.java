package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.ui.common.HealthIcon;
import io.fleetdesk.app.Messages;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;

import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

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
                        TreeTableColumn<FleetRow, String> lagColumn, TreeTableColumn<FleetRow, FleetRow> refreshedColumn,
                        Supplier<FleetSnapshot> snapshot) {
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
                setText(RowText.displayName(row.node()));
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
                List<String> reasons = RowText.reasons(n);
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
                            : Messages.get("refreshed.staleSince", RowText.time(n.stale().lastGood())));
                } else {
                    // The latest snapshot's node: rows are only replaced when something changed, but the
                    // time of the last read moves every cycle (and differs for DB homes the budget deferred).
                    FleetNode current = snapshot.get().node(n.id());
                    Instant at = (current == null ? n : current).lastRefreshed();
                    setText(at == null ? Messages.get("refreshed.never") : RowText.time(at));
                }
            }
        });
    }
}
