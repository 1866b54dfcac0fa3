package io.fleetdesk.ops;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the audit log and the log file live: {@code $XDG_DATA_HOME/fleetdesk} or
 * {@code ~/.local/share/fleetdesk} on Linux, {@code %LOCALAPPDATA%\\Fleetdesk} on Windows,
 * {@code ~/Library/Application Support/Fleetdesk} on macOS; {@code -Dfleetdesk.data} overrides it.
 * No logger here: {@code Main} asks for it before logging is configured (the log file goes there).
 */
public final class DataFolder {
    private DataFolder() {
    }

    public static Path path() {
        String override = System.getProperty("fleetdesk.data");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String home = System.getProperty("user.home");
        if (os.contains("win")) {
            String local = System.getenv("LOCALAPPDATA");
            return local != null ? Path.of(local, "Fleetdesk") : Path.of(home, "AppData", "Local", "Fleetdesk");
        }
        if (os.contains("mac")) {
            return Path.of(home, "Library", "Application Support", "Fleetdesk");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "fleetdesk") : Path.of(home, ".local", "share", "fleetdesk");
    }
}
