package io.fleetdesk.ui.common;

import javafx.beans.binding.StringBinding;
import javafx.stage.Stage;

/**
 * A window whose action goes on in OCI after it is closed (the Data Guard wizard, the Backups
 * dialog): the main window's status bar shows its line while it is hidden, a click shows it again,
 * and quitting asks while it runs.
 */
public interface FollowedWindow {
    Stage stage();

    /** What the status bar says about it; empty when there is nothing to follow. */
    StringBinding statusLine();

    /** An action was sent and has not ended. */
    boolean running();

    default void show() {
        stage().show();
        stage().toFront();
    }
}
