package io.fleetdesk.app;

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
    private io.fleetdesk.model.Notice loadProblem;

    public SettingsStore(Path folder) {
        this.file = folder.resolve("settings.json");
    }

    /** The store in the OS's config folder (or {@code -Dfleetdesk.home}). */
    public static SettingsStore standard() {
        return new SettingsStore(configFolder());
    }

    /** The OS's config folder (see {@link io.fleetdesk.app.AppFolders#config()}). */
    public static Path configFolder() {
        return io.fleetdesk.app.AppFolders.config();
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
            // Never overwrite it silently: it holds the saved direct targets. Keep it aside, named.
            String why = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            Path kept = file.resolveSibling("settings.unreadable-" + java.time.LocalDateTime.now()
                    .format(java.time.format.DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss")) + ".json");
            try {
                Files.move(file, kept);
                loadProblem = io.fleetdesk.model.Notice.of("settings.keptAside", file.toString(), why, kept.toString());
            } catch (IOException moveFailed) {
                loadProblem = io.fleetdesk.model.Notice.of("settings.unreadable", file.toString(), why,
                        String.valueOf(moveFailed.getMessage()));
                readOnly = true;
            }
            LOG.warn("settings file {} could not be read ({}): {}", file, why, loadProblem);
            return AppSettings.DEFAULTS;
        }
    }

    /** Why the last {@link #load()} fell back to defaults ({@code settings.*}), or null. */
    public io.fleetdesk.model.Notice loadProblem() {
        return loadProblem;
    }

    /** Set when an unreadable file could not be kept aside: then it is never overwritten. */
    private volatile boolean readOnly;

    /** The one writer: saves run in the order they were asked for, the newest pending one only. */
    private final java.util.concurrent.ExecutorService writer = java.util.concurrent.Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("settings-writer").factory());
    private final java.util.concurrent.atomic.AtomicReference<AppSettings> pending =
            new java.util.concurrent.atomic.AtomicReference<>();

    /**
     * Saves in the background, in order: of saves asked for in a row, the last one is written last (an
     * older one never lands after a newer one), and ones overtaken before they ran are skipped.
     */
    public void saveLater(AppSettings s) {
        pending.set(s);
        writer.execute(() -> {
            AppSettings next = pending.getAndSet(null);
            if (next != null) {
                save(next);
            }
        });
    }

    /** Waits for the saves asked for so far (closing the app, tests). */
    public void flush() {
        try {
            writer.submit(() -> { }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            LOG.warn("settings: the last save did not finish: {}", e.toString());
        }
    }

    /**
     * Writes now, atomically: a temporary file, forced to disk, moved over the old one, and the folder
     * forced too, so a crash or a power cut leaves the old file or the new one, never half of one.
     * A failure is logged and returned, never thrown (losing a setting must not stop the app).
     */
    public synchronized io.fleetdesk.model.Notice save(AppSettings s) {
        if (readOnly) {
            return io.fleetdesk.model.Notice.of("settings.notSaved", file.toString());
        }
        try {
            io.fleetdesk.ops.PrivateFiles.createPrivate(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "settings", ".tmp");
            try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(tmp,
                    java.nio.file.StandardOpenOption.WRITE, java.nio.file.StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(s)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            io.fleetdesk.ops.PrivateFiles.syncFolder(file.getParent());
            return null;
        } catch (IOException e) {
            LOG.warn("settings could not be saved to {}: {}", file, e.toString());
            return io.fleetdesk.model.Notice.of("settings.saveFailed", file.toString(), String.valueOf(e.getMessage()));
        }
    }
}
