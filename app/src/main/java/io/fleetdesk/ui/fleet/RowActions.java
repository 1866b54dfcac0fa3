package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.ops.DataGuardActions;

/** What the details pane (or a menu) asks the main window to do for a row. */
public interface RowActions {
    void openBackups(FleetRow row);

    /** Opens the wizard for an offer, or says in the banner why it cannot be done. */
    void startOrExplain(DataGuardActions.Offer o);

    /** The Add / Edit database dialog; {@code linkTo} preselects an OCI database to link. */
    void editTarget(DirectTarget existing, String linkTo);

    void askPassword(DirectTarget t);

    void removeTarget(DirectTarget t);

    /** Selects a node's row in the tree (a breadcrumb), opening its path. */
    void select(String nodeId);
}
