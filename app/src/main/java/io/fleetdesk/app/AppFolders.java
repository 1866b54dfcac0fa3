package io.fleetdesk.app;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Fleetdesk keeps its files on each OS (design section 8), in one place. Settings go to the
 * config folder ({@code -Dfleetdesk.home} overrides it); the audit log and the log file go to the
 * data folder ({@code -Dfleetdesk.data}). The app, the tests and a command line ask here;
 * nothing below {@code app} does: the audit log is given its folder. No logger here: {@code Main} asks for
 * the data folder before logging is configured, because the log file goes there.
 */
public final class AppFolders {
    private AppFolders() {
    }

    /** {@code $XDG_CONFIG_HOME/fleetdesk} or {@code ~/.config/fleetdesk}, {@code %APPDATA%\Fleetdesk}, {@code ~/Library/Application Support/Fleetdesk}. */
    public static Path config() {
        return folder("fleetdesk.home", "APPDATA", Path.of("AppData", "Roaming"), "XDG_CONFIG_HOME", Path.of(".config"));
    }

    /** {@code $XDG_DATA_HOME/fleetdesk} or {@code ~/.local/share/fleetdesk}, {@code %LOCALAPPDATA%\Fleetdesk}, {@code ~/Library/Application Support/Fleetdesk}. */
    public static Path data() {
        return folder("fleetdesk.data", "LOCALAPPDATA", Path.of("AppData", "Local"), "XDG_DATA_HOME",
                Path.of(".local", "share"));
    }

    /**
     * Before the first logger: points logback's file at the data folder's {@code logs} (design section
     * 8) unless {@code fleetdesk.logs} is set. The log names databases, hosts and OCIDs: its folder is
     * the owner's only (0700), and so is the file logback appends to (0600, made here before logback
     * opens it; the daily files it rolls to are behind the 0700 folder). A failure is said on stderr.
     */
    public static void prepareLogs() {
        if (System.getProperty("fleetdesk.logs") == null) {
            System.setProperty("fleetdesk.logs", data().resolve("logs").toString());
        }
        try {
            Path logs = Path.of(System.getProperty("fleetdesk.logs"));
            io.fleetdesk.ops.PrivateFiles.createPrivate(logs);
            Path file = logs.resolve("fleetdesk.log");
            if (!java.nio.file.Files.exists(file)) {
                java.nio.file.Files.createFile(file, io.fleetdesk.ops.PrivateFiles.ownerOnlyFile());
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("Fleetdesk: the log folder could not be made private: " + e);
        }
    }

    private static Path folder(String overrideProperty, String windowsVariable, Path windowsDefault, String xdgVariable,
                               Path xdgDefault) {
        String override = System.getProperty(overrideProperty);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String v = System.getenv(windowsVariable);
            return v != null ? Path.of(v, "Fleetdesk") : home.resolve(windowsDefault).resolve("Fleetdesk");
        }
        if (os.contains("mac")) {
            return home.resolve(Path.of("Library", "Application Support", "Fleetdesk"));
        }
        String xdg = System.getenv(xdgVariable);
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "fleetdesk") : home.resolve(xdgDefault).resolve("fleetdesk");
    }
}
