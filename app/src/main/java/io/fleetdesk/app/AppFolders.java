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
