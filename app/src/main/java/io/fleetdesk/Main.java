package io.fleetdesk;

import io.fleetdesk.ui.FleetdeskApp;

/**
 * Starts Fleetdesk. A plain class (not an {@code Application}) so the app also starts with
 * JavaFX on the class path, as it does from Maven and the packaged launcher.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("fleetdesk.mainAt", Long.toString(System.currentTimeMillis()));
        // Before the first logger: the log file goes into the data folder (design section 8).
        io.fleetdesk.app.AppFolders.prepareLogs();
        // Native RSA signing where there is a build for this OS: every OCI request is signed (issue 15).
        // Set up beside the window; a session waits for it before its first key or request.
        io.fleetdesk.app.Signing.installInBackground();
        FleetdeskApp.launchWith(args);
    }
}
