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
        FleetdeskApp.launchWith(args);
    }
}
