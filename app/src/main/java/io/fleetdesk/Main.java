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
            System.setProperty("fleetdesk.logs", io.fleetdesk.app.AppFolders.data().resolve("logs").toString());
        }
        // The log names databases, hosts and OCIDs: its folder is the owner's only (0700), and so is the
        // file logback appends to (0600, made here before logback opens it; the daily files it rolls to
        // are behind the 0700 folder).
        try {
            java.nio.file.Path logs = java.nio.file.Path.of(System.getProperty("fleetdesk.logs"));
            io.fleetdesk.ops.PrivateFiles.createPrivate(logs);
            java.nio.file.Path file = logs.resolve("fleetdesk.log");
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createFile(file, io.fleetdesk.ops.PrivateFiles.ownerOnlyFile());
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("Fleetdesk: the log folder could not be made private: " + e);
        }
        FleetdeskApp.launchWith(args);
    }
}
