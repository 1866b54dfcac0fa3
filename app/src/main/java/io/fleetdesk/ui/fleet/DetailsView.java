package io.fleetdesk.ui.fleet;

/** The details pane as the main window drives it (built in {@code ui.details}). */
public interface DetailsView {
    /** Rebuilds the pane for a row (null: nothing selected). */
    void show(FleetRow row);

    /**
     * Whether the pane shows an older state of the row than the tree has: a rebuild replaces its
     * buttons, and a click that straddles it would be lost, so it is rebuilt only then.
     */
    boolean outdated(FleetRow row);
}
