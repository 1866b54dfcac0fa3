package io.fleetdesk.oci;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Tells when the OCI config file changed on disk (created, edited, deleted), so profiles are re-read
 * without a restart. It reads the file every {@code every} and compares a digest of its content (a
 * config file is a few hundred bytes; a file system's one-second timestamps would miss quick edits).
 * Polling, not a WatchService: macOS's WatchService polls every ten seconds anyway,
 * inotify misses edits on network home folders, and the folder ({@code ~/.oci}) may not exist yet
 * when the app starts.
 */
public final class ConfigFileWatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigFileWatcher.class);

    private final Path file;
    private final Runnable onChange;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("oci-config-watch").factory());
    private byte[] digest = new byte[0];

    /** Starts looking; {@code onChange} runs on the watcher's thread after each change. */
    public ConfigFileWatcher(Path file, Duration every, Runnable onChange) {
        this.file = file;
        this.onChange = onChange;
        look(); // the state at start is not a change
        timer.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    private boolean look() {
        byte[] d = new byte[0]; // no file: its own state, so that creating or deleting it is a change
        try {
            if (Files.exists(file)) {
                d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
            }
        } catch (IOException | NoSuchAlgorithmException e) {
            LOG.debug("cannot read {} now: {}", file, e.getMessage());
            return false;
        }
        boolean changed = !Arrays.equals(d, digest);
        digest = d;
        return changed;
    }

    private void check() {
        try {
            if (look()) {
                LOG.info("{} changed: re-reading profiles", file);
                onChange.run();
            }
        } catch (RuntimeException e) {
            LOG.error("re-reading {} failed", file, e);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
