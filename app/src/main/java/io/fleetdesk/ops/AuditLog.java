package io.fleetdesk.ops;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.fleetdesk.model.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The audit log: append-only JSON lines ({@code audit.jsonl}) in the user's data folder. Every
 * action that changes a database writes an intent entry, forced to disk (fsync), before its request
 * is sent; a SENT entry with the work request as soon as the service answers; and an outcome entry
 * at the end. So a crash of the app between them still leaves what was sent, and the next start
 * finds it ({@link #unfinished()}).
 *
 * <p>A crash mid-write leaves a torn line: reading skips it (and a torn multi-byte character), and
 * the next append first ends it with a newline, so it never swallows the next entry. The file is
 * readable by its owner only (0600, its folder 0700, where the file system has POSIX permissions).
 */
public final class AuditLog {
    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    /** Parameter names that must never reach the log. Callers pass secrets to the service, never here. */
    private static final Pattern SECRET = Pattern.compile("(?i).*(password|passwd|passphrase|pass_phrase|secret|token|private.?key|wallet).*");

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            // An entry from a newer version (a field this one does not know) is still read.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public AuditLog(Path folder) {
        this.file = folder.resolve("audit.jsonl");
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
                System.getProperty("user.name"), ociUser, profile, action, targets, new LinkedHashMap<>(parameters),
                null, null, null, null, null, null);
        append(e);
        return new Intent(e, System.nanoTime());
    }

    /**
     * Writes and syncs that the service answered with a work request, before following it: after a
     * crash the next start can follow it from here.
     */
    public AuditEntry sent(Intent intent, String workRequestId, String opcRequestId) {
        return follow(intent, AuditEntry.Phase.SENT, null, workRequestId, opcRequestId, null);
    }

    /** Writes and syncs the outcome of an intent. Throws when it cannot be written. */
    public AuditEntry outcome(Intent intent, String status, String workRequestId, String opcRequestId, Notice what) {
        return follow(intent, AuditEntry.Phase.OUTCOME, status, workRequestId, opcRequestId, what);
    }

    /** Writes and syncs an entry that follows an intent (same operation, who and what), and returns it. */
    private AuditEntry follow(Intent intent, AuditEntry.Phase phase, String status, String workRequestId,
                              String opcRequestId, Notice what) {
        AuditEntry i = intent.entry();
        AuditEntry e = new AuditEntry(Instant.now(), i.operationId(), phase, i.osUser(), i.ociUser(), i.profile(),
                i.action(), i.targets(), i.parameters(), status, workRequestId, opcRequestId,
                Duration.ofNanos(System.nanoTime() - intent.startNanos()).toMillis(), null, what);
        append(e);
        return e;
    }

    private synchronized void append(AuditEntry e) {
        // A FileChannel closes itself when its thread is interrupted (ClosedByInterruptException), and
        // an interrupt is how a closing app stops an operation's thread: the entry must still be written.
        boolean interrupted = Thread.interrupted();
        try {
            boolean created = !Files.exists(file);
            if (created) {
                PrivateFiles.createPrivate(file.getParent());
            }
            byte[] line = (json.writeValueAsString(e) + "\n").getBytes(StandardCharsets.UTF_8);
            try (FileChannel ch = created
                    ? FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND), PrivateFiles.ownerOnlyFile())
                    : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
                long size = ch.size();
                if (size > 0 && !endsWithNewline(size)) {
                    // A torn line from a crash mid-write: end it, so this entry starts on a line of its own.
                    LOG.warn("audit log {} ended in a torn line (a crash while writing?); ended it before appending", file);
                    line = prepend((byte) '\n', line);
                }
                ByteBuffer buf = ByteBuffer.wrap(line);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            if (created) {
                // The new file's name is in the folder: sync the folder too, or a crash can lose the file.
                PrivateFiles.syncFolder(file.getParent());
            }
        } catch (IOException ex) {
            // The file and the OS's error only: the caller's notice (op.notAudited, op.unrecorded) says what it means.
            throw new UncheckedIOException(file + ": " + ex, ex);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private boolean endsWithNewline(long size) throws IOException {
        try (FileChannel r = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer last = ByteBuffer.allocate(1);
            r.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private static byte[] prepend(byte b, byte[] rest) {
        byte[] out = new byte[rest.length + 1];
        out[0] = b;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    /**
     * Every entry, oldest first. A line that is not a complete entry (torn by a crash, or hand-edited)
     * is skipped and logged; bytes that are not UTF-8 (a torn character) are read as replacement
     * characters, so one bad line never hides the others.
     */
    public List<AuditEntry> readAll() {
        List<AuditEntry> out = new ArrayList<>();
        if (!Files.exists(file)) {
            return out;
        }
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder))) {
            String l;
            int n = 0;
            while ((l = r.readLine()) != null) {
                n++;
                if (l.isBlank()) {
                    continue;
                }
                try {
                    out.add(json.readValue(l, AuditEntry.class));
                } catch (IOException ex) {
                    LOG.warn("audit log {} line {} is not a complete entry (a crash while writing?); skipped", file, n);
                }
            }
        } catch (IOException ex) {
            throw new UncheckedIOException(file + ": " + ex.getMessage(), ex);
        }
        return out;
    }

    /**
     * Operations whose intent has no outcome: the app ended (a crash, a kill, a power cut) between
     * sending and hearing the end. Each comes with its SENT entry when the service had answered.
     */
    public List<Unfinished> unfinished() {
        Map<String, AuditEntry> intents = new LinkedHashMap<>();
        Map<String, AuditEntry> sent = new LinkedHashMap<>();
        for (AuditEntry e : readAll()) {
            switch (e.phase()) {
                case INTENT -> intents.put(e.operationId(), e);
                case SENT -> sent.put(e.operationId(), e);
                case OUTCOME -> {
                    intents.remove(e.operationId());
                    sent.remove(e.operationId());
                }
                case null -> { }
            }
        }
        return intents.values().stream().map(i -> new Unfinished(i, sent.get(i.operationId()))).toList();
    }

    /** An intent without an outcome, and what the service answered (null when no answer was recorded). */
    public record Unfinished(AuditEntry intent, AuditEntry sent) {
        public String workRequestId() {
            return sent == null ? null : sent.workRequestId();
        }
    }

    /**
     * Writes the outcome of an operation found unfinished at start, once its work request is followed
     * to its end (or found gone).
     */
    public AuditEntry outcomeOf(Unfinished u, String status, String workRequestId, Notice what) {
        return outcome(new Intent(u.intent(), System.nanoTime()), status, workRequestId,
                u.sent() == null ? null : u.sent().opcRequestId(), what);
    }
}
