package io.fleetdesk.ops;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Where Fleetdesk keeps its files on each OS (design section 8), in one place. Settings go to the
 * config folder ({@code -Dfleetdesk.home} overrides it); the audit log and the log file go to the
 * data folder ({@code -Dfleetdesk.data}). It lives in {@code ops}, the lowest layer both the audit
 * log and the settings store ({@code ui.settings}) may use. No logger here: {@code Main} asks for
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
     * Creates a folder (and its parents) readable by the owner only (0700) where the file system has
     * POSIX permissions; an existing folder is tightened to 0700 when it is ours.
     */
    public static void createPrivate(Path folder) throws java.io.IOException {
        if (!posix(folder)) {
            java.nio.file.Files.createDirectories(folder);
            return;
        }
        java.nio.file.Files.createDirectories(folder, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
        try {
            java.nio.file.Files.setPosixFilePermissions(folder,
                    java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        } catch (java.io.IOException | SecurityException e) {
            // Not ours (a shared -Dfleetdesk.data): leave it as its owner set it.
        }
    }

    /** File attributes for a new file readable and writable by its owner only (0600), or none without POSIX. */
    public static java.nio.file.attribute.FileAttribute<?>[] ownerOnlyFile() {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new java.nio.file.attribute.FileAttribute<?>[0];
        }
        return new java.nio.file.attribute.FileAttribute<?>[] {java.nio.file.attribute.PosixFilePermissions
                .asFileAttribute(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"))};
    }

    /**
     * Forces a folder's entries to disk, so a file just created or renamed in it survives a crash. Not
     * possible on every OS (Windows cannot open a folder as a channel): then it is skipped.
     */
    public static void syncFolder(Path folder) {
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(folder,
                java.nio.file.StandardOpenOption.READ)) {
            ch.force(true);
        } catch (java.io.IOException | UnsupportedOperationException e) {
            // Best effort where the OS does not allow it.
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
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
