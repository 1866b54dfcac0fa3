package io.fleetdesk.ui.common;

import io.fleetdesk.app.Messages;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import java.util.Map;

/** The details pane's name / value rows: a muted name, and a read-only field the DBA can select and copy. */
public final class DetailsGrid {
    private DetailsGrid() {
    }

    /** One row per detail, in the map's order, labelled from {@code detail.<NAME>}; a null value shows as "-". */
    public static GridPane of(Map<io.fleetdesk.model.Detail, Object> rows) {
        java.util.Map<String, String> shown = new java.util.LinkedHashMap<>();
        rows.forEach((k, v) -> shown.put(Messages.get("detail." + k.name()), Messages.value(v)));
        return ofText(shown);
    }

    /**
     * The same, with a value that is another row of the tree ({@link io.fleetdesk.model.NodeLink}, or a
     * list of them: a Data Guard peer in another region) drawn by {@code link}, as a link that selects it.
     */
    public static GridPane of(Map<io.fleetdesk.model.Detail, Object> rows,
                              java.util.function.Function<io.fleetdesk.model.NodeLink, javafx.scene.Node> link) {
        GridPane g = new GridPane();
        g.getStyleClass().add("details-grid");
        int i = 0;
        for (var e : rows.entrySet()) {
            Label k = new Label(Messages.get("detail." + e.getKey().name()));
            k.getStyleClass().add("details-key");
            javafx.scene.Node v;
            if (e.getValue() instanceof io.fleetdesk.model.NodeLink l) {
                v = link.apply(l);
            } else if (e.getValue() instanceof java.util.List<?> list && !list.isEmpty()
                    && list.stream().allMatch(x -> x instanceof io.fleetdesk.model.NodeLink)) {
                javafx.scene.layout.VBox box = new javafx.scene.layout.VBox();
                list.forEach(x -> box.getChildren().add(link.apply((io.fleetdesk.model.NodeLink) x)));
                v = box;
            } else {
                TextField t = new TextField(e.getValue() == null ? "-" : Messages.value(e.getValue()));
                t.setEditable(false);
                t.getStyleClass().add("details-value");
                v = t;
            }
            GridPane.setHgrow(v, Priority.ALWAYS);
            g.addRow(i++, k, v);
        }
        return g;
    }

    /** One row per entry of already-worded names and values, in the map's order; a null value shows as "-". */
    public static GridPane ofText(Map<String, String> rows) {
        GridPane g = new GridPane();
        g.getStyleClass().add("details-grid");
        int i = 0;
        for (var e : rows.entrySet()) {
            Label k = new Label(e.getKey());
            k.getStyleClass().add("details-key");
            TextField v = new TextField(e.getValue() == null ? "-" : e.getValue());
            v.setEditable(false);
            v.getStyleClass().add("details-value");
            GridPane.setHgrow(v, Priority.ALWAYS);
            g.addRow(i++, k, v);
        }
        return g;
    }
}
