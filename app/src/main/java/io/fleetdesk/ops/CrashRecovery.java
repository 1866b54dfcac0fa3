package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.WorkRequestsApi.WorkOn;
import io.fleetdesk.oci.WorkRequestsApi.WorkRequestProgress;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What the app was doing when it last ended without writing an outcome (a crash, a kill, a power
 * cut): each intent without an outcome is shown at the next start, and its work request (recorded
 * in the SENT entry, or looked up on the target now) is followed to its end and recorded. Blocking:
 * run on a background thread. No JavaFX, no sentences.
 */
public final class CrashRecovery {
    private CrashRecovery() {
    }

    /** How an unfinished operation ended, as now recorded. */
    public record Settled(AuditLog.Unfinished operation, String status, String workRequestId, Notice what) {
    }

    /**
     * The database whose region an unfinished operation's work request lives in: the one it was sent on
     * when the intent says so (a cross-region Autonomous switchover), else its first target.
     */
    public static String regionTarget(AuditLog.Unfinished u) {
        String sentOn = u.intent().parameters().get("sentOn");
        return sentOn != null ? sentOn : u.intent().targets().isEmpty() ? null : u.intent().targets().getFirst();
    }

    /** The operations of a profile left without an outcome, oldest first. */
    public static List<AuditLog.Unfinished> pending(AuditLog audit, String profile) {
        return audit.unfinished().stream().filter(u -> profile.equals(u.intent().profile())).toList();
    }

    /** What the DBA is told at start about an unfinished operation: what, on which database, sent when. */
    public static Notice announce(AuditLog.Unfinished u) {
        String name = u.intent().parameters().getOrDefault("databaseName",
                u.intent().targets().isEmpty() ? "?" : u.intent().targets().getFirst());
        Notice what = Notice.of("recovery.action." + u.intent().action());
        return u.workRequestId() == null
                ? Notice.of("recovery.unanswered", what, name, u.intent().at())
                : Notice.of("recovery.unfinished", what, name, u.intent().at(), u.workRequestId());
    }

    /**
     * Finds how an unfinished operation ended and records it: its work request is followed to the
     * end; without one recorded, it is looked up on the target (accepted since the intent). Nothing
     * found means it was not sent, or its trace is gone: recorded as UNKNOWN with what to check.
     *
     * @param api the Data Guard operations client of the target's region (it reads any work request
     *            and the target's compartment)
     */
    public static Settled settle(AuditLog audit, AuditLog.Unfinished u, DataGuardOperationsApi api, Duration poll)
            throws InterruptedException {
        String wrId = u.workRequestId();
        String target = u.intent().targets().isEmpty() ? null : u.intent().targets().getFirst();
        if (wrId == null && target != null) {
            try {
                // An Autonomous operation records its compartment and the database it was sent on (a
                // cross-region switchover goes to the standby peer); GetDatabase knows only Base databases.
                Map<String, String> p = u.intent().parameters();
                String compartment = p.containsKey("compartmentId") ? p.get("compartmentId")
                        : api.database(target).compartmentId();
                // Delete and cancel act on the backup (the second target), the rest on the database.
                String resource = p.containsKey("sentOn") ? p.get("sentOn")
                        : u.intent().targets().size() > 1 && u.intent().action().endsWith("_BACKUP")
                        && !u.intent().action().equals("CREATE_BACKUP") ? u.intent().targets().get(1) : target;
                WorkOn found = WorkRequestFollower.find(api.workOn(compartment, resource), u.intent().action(),
                        u.intent().at());
                wrId = found == null ? null : found.id();
            } catch (RuntimeException e) {
                return record(audit, u, "UNKNOWN", null, Notice.of("recovery.lookupFailed", WorkRequestFollower.why(e)));
            }
            if (wrId == null) {
                return record(audit, u, "UNKNOWN", null, Notice.of("recovery.notFound"));
            }
        }
        if (wrId == null) {
            return record(audit, u, "UNKNOWN", null, Notice.of("recovery.notFound"));
        }
        WorkRequestProgress wr;
        try {
            wr = WorkRequestFollower.follow(api, wrId, poll, w -> { });
        } catch (WorkRequestFollower.LostTrack e) {
            return record(audit, u, "UNKNOWN", wrId, Notice.of("op.lostTrack", wrId, e.getMessage()));
        }
        Notice what = wr.status().equals("SUCCEEDED") ? Notice.of("recovery.ended", wr.status())
                : Notice.of("recovery.endedWith", wr.status(), wr.errors().isEmpty() ? "-" : String.join("; ", wr.errors()));
        return record(audit, u, wr.status(), wrId, what);
    }

    private static Settled record(AuditLog audit, AuditLog.Unfinished u, String status, String wrId, Notice what) {
        audit.outcomeOf(u, status, wrId, what);
        return new Settled(u, status, wrId, what);
    }
}
