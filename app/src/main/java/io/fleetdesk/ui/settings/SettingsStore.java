package io.fleetdesk.ui.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@code settings.json} in the OS's config folder: {@code $XDG_CONFIG_HOME/fleetdesk}
 * or {@code ~/.config/fleetdesk} on Linux, {@code %APPDATA%\Fleetdesk} on Windows,
 * {@code ~/Library/Application Support/Fleetdesk} on macOS; the system property
 * {@code fleetdesk.home} overrides it (tests). Writes go to a temporary file moved into place, so a
 * crash never leaves half a file. No JavaFX here.
 */
public final class SettingsStore {
    private static final Logger LOG = LoggerFactory.getLogger(SettingsStore.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private String loadProblem;

    public SettingsStore(Path folder) {
        this.file = folder.resolve("settings.json");
    }

    /** The store in the OS's config folder (or {@code -Dfleetdesk.home}). */
    public static SettingsStore standard() {
        return new SettingsStore(configFolder());
    }

    /** The OS's config folder (see {@link io.fleetdesk.ops.AppFolders#config()}). */
    public static Path configFolder() {
        return io.fleetdesk.ops.AppFolders.config();
    }

    public Path file() {
        return file;
    }

    /** The saved settings, or the defaults when there are none or they cannot be read (see {@link #loadProblem}). */
    public AppSettings load() {
        loadProblem = null;
        if (!Files.exists(file)) {
            return AppSettings.DEFAULTS;
        }
        try {
            AppSettings s = JSON.readValue(file.toFile(), AppSettings.class);
            return new AppSettings(s.theme() == null ? AppSettings.DEFAULTS.theme() : s.theme(),
                    s.intervalSeconds() < 2 ? AppSettings.DEFAULTS.intervalSeconds() : s.intervalSeconds(),
                    s.lastProfile(), s.window(), s.effectiveThresholds(), s.targets(), s.diagnosticsPack());
        } catch (IOException | RuntimeException e) {
            loadProblem = "The settings file " + file + " could not be read (" + e.getMessage().lines().findFirst().orElse("")
                    + "); Fleetdesk uses its defaults and rewrites the file when you change a setting.";
            LOG.warn(loadProblem);
            return AppSettings.DEFAULTS;
        }
    }

    /** Why the last {@link #load()} fell back to defaults, or null. */
    public String loadProblem() {
        return loadProblem;
    }

    /** Writes atomically; a failure is logged and returned, never thrown (losing a setting must not stop the app). */
    public String save(AppSettings s) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            JSON.writeValue(tmp.toFile(), s);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (IOException e) {
            String m = "Settings could not be saved to " + file + ": " + e.getMessage();
            LOG.warn(m);
            return m;
        }
    }
}
