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
        // Before the first logger: logback.xml writes the log file into the data folder (design section 8).
        if (System.getProperty("fleetdesk.logs") == null) {
            System.setProperty("fleetdesk.logs", io.fleetdesk.ops.AppFolders.data().resolve("logs").toString());
        }
        FleetdeskApp.launchWith(args);
    }
}
