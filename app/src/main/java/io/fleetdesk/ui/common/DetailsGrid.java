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
