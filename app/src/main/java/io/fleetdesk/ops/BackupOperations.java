package io.fleetdesk.ops;

import io.fleetdesk.model.Backup;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.WorkRequestsApi.Submitted;
import io.fleetdesk.oci.WorkRequestsApi.WorkRequestProgress;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Create, delete and cancel a backup, and restore a database: each audited (intent synced before the
 * request, outcome after) and followed to the end of its work request. Blocking: run on a background
 * thread. No JavaFX here.
 */
public final class BackupOperations {
    /** Where an action is; {@code ended} with {@code succeeded} or not, and the message a DBA reads. */
    public record Progress(String action, String status, float percentComplete, List<String> log, String message,
                           String workRequestId, String opcRequestId, boolean ended, boolean succeeded) {
        static Progress start(String action) {
            return new Progress(action, "SENDING", 0, List.of(), null, null, null, false, false);
        }
    }

    /** Who acts, for the audit log. */
    public record Actor(String profile, String ociUser) {
    }

    private final BackupsApi api;
    private final AuditLog audit;
    private final Actor actor;
    private final Duration poll;

    public BackupOperations(BackupsApi api, AuditLog audit, Actor actor, Duration poll) {
        this.api = api;
        this.audit = audit;
        this.actor = actor;
        this.poll = poll;
    }

    public Progress create(String databaseId, String databaseName, String displayName, Integer retentionDays,
                           Consumer<Progress> onProgress) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("databaseName", databaseName);
        p.put("displayName", displayName);
        p.put("retentionPeriodInDays", retentionDays == null ? "default" : retentionDays.toString());
        return run("CREATE_BACKUP", List.of(databaseId), p, () -> api.create(databaseId, displayName, retentionDays),
                "The backup " + displayName + " is ACTIVE.", onProgress);
    }

    public Progress delete(Backup b, String databaseName, Consumer<Progress> onProgress) {
        if (b.automatic()) {
            // Refused here as the service would: say why without sending (and without an audit entry).
            Progress p = new Progress("DELETE_BACKUP", "REFUSED", 0, List.of(), "Automatic backups cannot be deleted;"
                    + " they expire with the recovery window.", null, null, true, false);
            onProgress.accept(p);
            return p;
        }
        return run("DELETE_BACKUP", List.of(b.databaseId(), b.id()), Map.of("databaseName", databaseName,
                "displayName", b.displayName()), () -> api.delete(b.id()), "The backup " + b.displayName() + " is deleted.",
                onProgress);
    }

    public Progress cancel(Backup b, String databaseName, Consumer<Progress> onProgress) {
        return run("CANCEL_BACKUP", List.of(b.databaseId(), b.id()), Map.of("databaseName", databaseName,
                "displayName", b.displayName()), () -> api.cancel(b.id()), "The backup " + b.displayName()
                + " is canceled.", onProgress);
    }

    public Progress restore(String databaseId, String databaseName, BackupsApi.RestorePoint to,
                            Consumer<Progress> onProgress) {
        String target = switch (to) {
            case BackupsApi.Latest l -> "latest";
            case BackupsApi.ToTimestamp t -> "timestamp " + t.timestamp();
            case BackupsApi.ToScn s -> "SCN " + s.scn();
        };
        return run("RESTORE_DATABASE", List.of(databaseId), Map.of("databaseName", databaseName, "restoreTo", target),
                () -> api.restore(databaseId, to), databaseName + " is restored to " + target + ".", onProgress);
    }

    private Progress run(String action, List<String> targets, Map<String, String> parameters, Supplier<Submitted> send,
                         String success, Consumer<Progress> onProgress) {
        onProgress.accept(Progress.start(action));
        AuditLog.Intent intent;
        try {
            intent = audit.intent(actor.ociUser(), actor.profile(), action, targets, parameters);
        } catch (RuntimeException e) {
            Progress p = new Progress(action, "NOT_SENT", 0, List.of(), e.getMessage(), null, null, true, false);
            onProgress.accept(p);
            return p;
        }
        Submitted sent;
        try {
            sent = send.get();
        } catch (OciApiException e) {
            String m = "The service refused it: " + e.userMessage();
            audit.outcome(intent, "REFUSED", null, e.opcRequestId(), m);
            Progress p = new Progress(action, "REFUSED", 0, List.of(), m, null, e.opcRequestId(), true, false);
            onProgress.accept(p);
            return p;
        }
        WorkRequestProgress wr = null;
        try {
            while (true) {
                if (sent.workRequestId() == null) {
                    break;
                }
                wr = api.workRequest(sent.workRequestId());
                onProgress.accept(new Progress(action, wr.status(), wr.percentComplete(), wr.log(), null,
                        sent.workRequestId(), sent.opcRequestId(), false, false));
                if (wr.ended()) {
                    break;
                }
                Thread.sleep(poll);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unknown(action, intent, sent, onProgress);
        } catch (RuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                return unknown(action, intent, sent, onProgress);
            }
            String m = "Lost track of work request " + sent.workRequestId() + ": " + (e instanceof OciApiException o
                    ? o.userMessage() : e.getMessage()) + ". Check it in the OCI console before trying again.";
            audit.outcome(intent, "UNKNOWN", sent.workRequestId(), sent.opcRequestId(), m);
            Progress p = new Progress(action, "UNKNOWN", 0, List.of(), m, sent.workRequestId(), sent.opcRequestId(), true,
                    false);
            onProgress.accept(p);
            return p;
        }
        boolean ok = wr == null || wr.status().equals("SUCCEEDED");
        String message = ok ? success : wr.status().equals("CANCELED") ? "The work request was canceled."
                : (wr.errors().isEmpty() ? "The work request ended " + wr.status() : String.join("; ", wr.errors()))
                + ". " + advice(action);
        audit.outcome(intent, ok ? "SUCCEEDED" : wr.status(), sent.workRequestId(), sent.opcRequestId(), message);
        Progress p = new Progress(action, wr == null ? "SUCCEEDED" : wr.status(), wr == null ? 100 : wr.percentComplete(),
                wr == null ? List.of() : wr.log(), message, sent.workRequestId(), sent.opcRequestId(), true, ok);
        onProgress.accept(p);
        return p;
    }

    private static String advice(String action) {
        return switch (action) {
            case "CREATE_BACKUP" -> "Nothing was kept from this backup. Check the database's alert log and the backup"
                    + " destination (Object Storage quota, network), then create it again.";
            case "RESTORE_DATABASE" -> "The database is RESTORE_FAILED and not open. Check the work request's log and"
                    + " the chosen point (is it covered by a backup?), then restore again, or open a service request.";
            default -> "Check the work request in the OCI console.";
        };
    }

    private Progress unknown(String action, AuditLog.Intent intent, Submitted sent, Consumer<Progress> onProgress) {
        String m = "Fleetdesk stopped following it; it continues in OCI. Follow work request " + sent.workRequestId()
                + " in the OCI console.";
        audit.outcome(intent, "UNKNOWN", sent.workRequestId(), sent.opcRequestId(), m);
        Progress p = new Progress(action, "UNKNOWN", 0, List.of(), m, sent.workRequestId(), sent.opcRequestId(), true, false);
        onProgress.accept(p);
        return p;
    }

    // ---- restore input, validated before anything is sent

    /** A restore point, or why the DBA's input is not one. */
    public sealed interface RestoreInput permits Valid, Invalid {
    }

    public record Valid(BackupsApi.RestorePoint point) implements RestoreInput {
    }

    public record Invalid(String why) implements RestoreInput {
    }

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss]");

    /**
     * Checks a timestamp (UTC, {@code yyyy-MM-dd HH:mm[:ss]}, inside the recovery window and not in the
     * future) or an SCN (digits only).
     */
    public static RestoreInput timestamp(String text, Instant now, int recoveryWindowDays) {
        if (text == null || text.isBlank()) {
            return new Invalid("Enter a time as yyyy-MM-dd HH:mm (UTC).");
        }
        Instant t;
        try {
            t = LocalDateTime.parse(text.trim(), STAMP).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return new Invalid("'" + text.trim() + "' is not a time: write it as yyyy-MM-dd HH:mm (UTC), e.g. "
                    + STAMP.format(LocalDateTime.ofInstant(now.minus(Duration.ofHours(1)), ZoneOffset.UTC)).substring(0, 16) + ".");
        }
        if (t.isAfter(now)) {
            return new Invalid("That time is in the future. Choose a time before now (UTC).");
        }
        Instant oldest = now.minus(Duration.ofDays(recoveryWindowDays));
        if (t.isBefore(oldest)) {
            return new Invalid("That time is outside the recovery window of " + recoveryWindowDays + " days (the oldest"
                    + " point is " + STAMP.format(LocalDateTime.ofInstant(oldest, ZoneOffset.UTC)) + " UTC).");
        }
        return new Valid(new BackupsApi.ToTimestamp(t));
    }

    public static RestoreInput scn(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid("Enter the SCN (a number, e.g. from V$DATABASE.CURRENT_SCN or an alert log).");
        }
        String s = text.trim().replace(",", "").replace("_", "");
        if (!s.matches("\\d{1,20}")) {
            return new Invalid("'" + text.trim() + "' is not an SCN: it must be a whole number.");
        }
        return new Valid(new BackupsApi.ToScn(s));
    }
}
