package io.fleetdesk.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit log: append-only JSON lines ({@code audit.jsonl}) in the user's data folder. Every
 * action that changes a database writes an intent entry, forced to disk (fsync), before its request
 * is sent, and an outcome entry after; so a crash of the app between the two still leaves the
 * intent. Reading skips a torn last line (a crash mid-write) and says so in the log.
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** Parameter names that must never reach the log. Callers pass secrets to the service, never here. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|passphrase|pass_phrase|secret|token|private.?key|wallet).*");

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT);

    public AuditLog(Path folder) {
        this.file = folder.resolve("audit.jsonl");
    }

    /** The data folder (see {@link AppFolders#data()}). */
    public static Path dataFolder() {
        return AppFolders.data();
    }

    public Path file() {
        return file;
    }

    /** An operation in flight: its intent is on disk; call {@link #outcome} once it ends. */
    public record Intent(AuditEntry entry, long startNanos) {
    }

    /**
     * Writes and syncs the intent. Throws when it cannot be written: an action that cannot be audited
     * must not be sent.
     */
    public Intent intent(String ociUser, String profile, String action, List<String> targets,
                         Map<String, String> parameters) {
        for (String k : parameters.keySet()) {
            if (SECRET.matcher(k).matches()) {
                throw new IllegalArgumentException("The audit log never records secrets; remove the parameter '" + k + "'");
            }
        }
        AuditEntry e = new AuditEntry(Instant.now(), UUID.randomUUID().toString(), AuditEntry.Phase.INTENT,
                System.getProperty("user.name"), ociUser, profile, action, targets, parameters, null, null, null, null, null);
        append(e);
        return new Intent(e, System.nanoTime());
    }

    /** Writes and syncs the outcome of an intent. */
    public AuditEntry outcome(Intent intent, String status, String workRequestId, String opcRequestId, String message) {
        AuditEntry i = intent.entry();
        AuditEntry e = new AuditEntry(Instant.now(), i.operationId(), AuditEntry.Phase.OUTCOME, i.osUser(), i.ociUser(),
                i.profile(), i.action(), i.targets(), i.parameters(), status, workRequestId, opcRequestId,
                Duration.ofNanos(System.nanoTime() - intent.startNanos()).toMillis(), message);
        append(e);
        return e;
    }

    private synchronized void append(AuditEntry e) {
        // A FileChannel closes itself when its thread is interrupted (ClosedByInterruptException), and
        // an interrupt is how a closing app stops an operation's thread: the entry must still be written.
        boolean interrupted = Thread.interrupted();
        try {
            Files.createDirectories(file.getParent());
            byte[] line = (json.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND)) {
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("The audit log " + file + " could not be written: " + ex
                    + (e.phase() == AuditEntry.Phase.INTENT ? ". Nothing was sent." : ". The outcome is not recorded.")
                    + " Check the disk and the folder's permissions.", ex);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Every entry, oldest first; a torn last line (a crash mid-write) is skipped. */
    public List<AuditEntry> readAll() {
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i);
                if (l.isBlank()) {
                    continue;
                }
                try {
                    out.add(json.readValue(l, AuditEntry.class));
                } catch (IOException ex) {
                    LOG.warn("audit log {} line {} is not a complete entry (a crash while writing?); skipped", file, i + 1);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("The audit log " + file + " could not be read: " + ex.getMessage(), ex);
        }
        return out;
    }
}
