package io.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Backups as the Database service keeps them. Automatic backups follow each database's daily
 * window in simulated time (a weekly level 0, incrementals otherwise) over the recovery window,
 * matching {@link SimFleet#lastBackup} and {@link SimFleet#lastFailedBackup}; one database in 40 has
 * its latest one FAILED. On-demand backups come from CreateBackup with a work request; the database
 * is BACKUP_IN_PROGRESS while one runs. DeleteBackup (refused for automatic backups), CancelBackup
 * and RestoreDatabase behave like the service: a restoring database is UPDATING (the Database API has no
 * RESTORE_IN_PROGRESS state), and a failed restore leaves it RESTORE_FAILED; {@link #failNext}
 * makes the next create or restore fail midway. Completion is applied lazily by {@link #settle()}.
 */
public final class SimBackups {
    /** Days of automatic backups kept (the service's default recovery window is 30). */
    public static final int RECOVERY_WINDOW_DAYS = 30;
    /** Deleting or canceling is bookkeeping for the service: its work request ends within seconds. */
    private static final Duration QUICK = Duration.ofSeconds(2);

    /** One backup, as ListBackups returns it. */
    public record Backup(String id, String databaseId, String compartmentId, String displayName, String type,
                         String lifecycleState, Instant started, Instant ended, double sizeGb, Integer retentionDays,
                         boolean automatic) {
    }

    private record OnDemand(String id, SimFleet.Database db, String displayName, int retentionDays,
                            SimWorkRequests.Entry creation, double sizeGb) {
    }

    private record Restore(SimFleet.Database db, SimWorkRequests.Entry workRequest) {
    }

    /** What an action returns: an error (status, code, message), or the work request (and the backup, for a create). */
    public record Result(int status, String code, String message, SimWorkRequests.Entry workRequest, Backup backup) {
        static Result error(int status, String code, String message) {
            return new Result(status, code, message, null, null);
        }
    }

    private final SimFleet fleet;
    private final SimWorkRequests workRequests;
    private final Map<String, OnDemand> onDemand = new ConcurrentHashMap<>();
    private final Map<String, String> canceled = new ConcurrentHashMap<>();
    private final Map<String, Instant> deleted = new ConcurrentHashMap<>();
    private final Map<String, Restore> restores = new ConcurrentHashMap<>();
    private volatile Duration backupLength = Duration.ofMinutes(20);
    private volatile Duration restoreLength = Duration.ofMinutes(30);
    private volatile String failNext;

    SimBackups(SimFleet fleet, SimWorkRequests workRequests) {
        this.fleet = fleet;
        this.workRequests = workRequests;
    }

    /** How long an on-demand backup and a restore take in simulated time. */
    public void lengths(Duration backup, Duration restore) {
        this.backupLength = backup;
        this.restoreLength = restore;
    }

    /** The next CreateBackup or RestoreDatabase fails at 40 % with this message; null to clear. */
    public void failNext(String message) {
        this.failNext = message;
    }

    /** Every backup of a database, newest first; deleted ones are gone. */
    public List<Backup> list(String databaseId) {
        SimFleet.Database db = fleet.database(databaseId);
        if (db == null) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>(automatic(db));
        for (OnDemand o : onDemand.values()) {
            if (o.db().id().equals(databaseId) && !deleted.containsKey(o.id())) {
                out.add(onDemandBackup(o));
            }
        }
        out.sort(Comparator.comparing(Backup::started).reversed());
        return out;
    }

    public Backup get(String backupId) {
        OnDemand o = onDemand.get(backupId);
        if (o != null) {
            return deleted.containsKey(backupId) ? null : onDemandBackup(o);
        }
        // Automatic: ocid1.dbbackup.oc1.<region>.<database token>.<day>
        String[] parts = backupId.split("\\.");
        if (parts.length != 6) {
            return null;
        }
        for (SimFleet.Database db : fleet.allDatabases()) {
            if (parts[4].equals(token(db))) {
                return automatic(db).stream().filter(b -> b.id().equals(backupId)).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static String token(SimFleet.Database db) {
        return Integer.toString(Math.abs(db.id().hashCode()), 36);
    }

    /** The automatic backups in the recovery window, from the database's daily window. */
    private List<Backup> automatic(SimFleet.Database db) {
        Instant now = fleet.clock().now();
        Instant lastEnd = fleet.lastFailedBackup(db) != null ? fleet.lastFailedBackup(db) : fleet.lastBackup(db);
        Instant lastStart = lastEnd.minus(SimTimeline.BACKUP_LENGTH);
        List<Backup> out = new ArrayList<>();
        // A run in progress now (its end is after now).
        Instant running = lastStart.plus(SimTimeline.BACKUP_PERIOD);
        if (!running.isAfter(now)) {
            out.add(auto(db, running, null, "CREATING"));
        }
        for (int k = 0; k < RECOVERY_WINDOW_DAYS; k++) {
            Instant start = lastStart.minus(SimTimeline.BACKUP_PERIOD.multipliedBy(k));
            boolean failed = k == 0 && fleet.lastFailedBackup(db) != null;
            out.add(auto(db, start, start.plus(SimTimeline.BACKUP_LENGTH), failed ? "FAILED" : "ACTIVE"));
        }
        return out;
    }

    private Backup auto(SimFleet.Database db, Instant start, Instant end, String state) {
        long day = Math.floorDiv(start.getEpochSecond(), 86_400);
        boolean full = Math.floorMod(day + db.index(), 7) == 0;
        double base = 80 + Math.floorMod(db.index() * 37L, 900);
        double size = Math.round((full ? base : base * 0.08 + Math.floorMod(day, 5)) * 10) / 10.0;
        String id = "ocid1.dbbackup.oc1." + db.region().substring(0, 3) + "." + token(db) + "." + Long.toString(day, 36);
        return new Backup(id, db.id(), db.compartmentId(), "Automatic Backup", full ? "FULL" : "INCREMENTAL", state, start,
                end, size, null, true);
    }

    private Backup onDemandBackup(OnDemand o) {
        String status = workRequests.status(o.creation());
        String state = canceled.containsKey(o.id()) ? "CANCELED" : switch (status) {
            case "SUCCEEDED" -> "ACTIVE";
            case "FAILED" -> "FAILED";
            default -> "CREATING";
        };
        Instant ended = state.equals("CREATING") ? null
                : o.creation().accepted().plus(Duration.ofMillis((long) (o.creation().length().toMillis()
                * workRequests.percentComplete(o.creation()) / 100.0)));
        return new Backup(o.id(), o.db().id(), o.db().compartmentId(), o.displayName(), "FULL", state,
                o.creation().accepted(), ended, o.sizeGb(), o.retentionDays(), false);
    }

    /** CreateBackup: a full on-demand backup; the database is BACKUP_IN_PROGRESS until it ends. */
    public synchronized Result create(String databaseId, String displayName, Integer retentionDays) {
        settle();
        SimFleet.Database db = fleet.database(databaseId);
        if (db == null) {
            return Result.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }
        if (displayName == null || displayName.isBlank()) {
            return Result.error(400, "InvalidParameter", "displayName is required.");
        }
        if (retentionDays != null && (retentionDays < 1 || retentionDays > 3650)) {
            return Result.error(400, "InvalidParameter", "retentionPeriodInDays must be between 1 and 3650.");
        }
        String state = fleet.databaseState(db);
        if (!state.equals("AVAILABLE")) {
            return Result.error(409, "IncorrectState", "The database " + db.dbUniqueName() + " is " + state
                    + "; a backup needs it AVAILABLE.");
        }
        String fail = failNext;
        failNext = null;
        SimWorkRequests.Entry wr = workRequests.start("CREATE_BACKUP", db.compartmentId(), databaseId, "database",
                backupLength, fail == null ? -1 : 40, fail);
        String id = "ocid1.dbbackup.oc1." + db.region().substring(0, 3) + ".od" + wr.id().substring(wr.id().length() - 20);
        OnDemand o = new OnDemand(id, db, displayName, retentionDays == null ? 30 : retentionDays, wr,
                80 + Math.floorMod(db.index() * 37L, 900));
        onDemand.put(id, o);
        fleet.beginOperationState(databaseId, "BACKUP_IN_PROGRESS");
        return new Result(200, null, null, wr, onDemandBackup(o));
    }

    /** DeleteBackup: refused for automatic backups and for one that is still running. */
    public synchronized Result delete(String backupId) {
        settle();
        Backup b = get(backupId);
        if (b == null) {
            return Result.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }
        if (b.automatic()) {
            return Result.error(400, "InvalidParameter", "Automatic backups cannot be deleted; they expire with the"
                    + " recovery window (" + RECOVERY_WINDOW_DAYS + " days).");
        }
        if (b.lifecycleState().equals("CREATING")) {
            return Result.error(409, "IncorrectState", "The backup is still being created; cancel it first.");
        }
        SimWorkRequests.Entry wr = workRequests.start("DELETE_BACKUP", b.compartmentId(), backupId, "backup",
                QUICK, -1, null);
        deleted.put(backupId, fleet.clock().now());
        return new Result(204, null, null, wr, null);
    }

    /** CancelBackup: only a backup that is being created. */
    public synchronized Result cancel(String backupId) {
        settle();
        OnDemand o = onDemand.get(backupId);
        Backup b = o == null ? get(backupId) : onDemandBackup(o);
        if (b == null) {
            return Result.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }
        if (o == null || !b.lifecycleState().equals("CREATING")) {
            return Result.error(409, "IncorrectState", "Only an on-demand backup that is being created can be canceled;"
                    + " this one is " + b.lifecycleState() + ".");
        }
        canceled.put(backupId, "CANCELED");
        workRequests.cancel(o.creation());
        fleet.endOperationState(o.db().id());
        SimWorkRequests.Entry wr = workRequests.start("CANCEL_BACKUP", o.db().compartmentId(), backupId, "backup",
                QUICK, -1, null);
        return new Result(202, null, null, wr, onDemandBackup(o));
    }

    /**
     * RestoreDatabase to the latest backup, a timestamp inside the recovery window, or an SCN.
     * Exactly one of them; the database is UPDATING until the work request ends, RESTORE_FAILED if it fails.
     */
    public synchronized Result restore(String databaseId, Boolean latest, Instant timestamp, String scn) {
        settle();
        SimFleet.Database db = fleet.database(databaseId);
        if (db == null) {
            return Result.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }
        int given = (Boolean.TRUE.equals(latest) ? 1 : 0) + (timestamp != null ? 1 : 0) + (scn != null ? 1 : 0);
        if (given != 1) {
            return Result.error(400, "InvalidParameter", "Give exactly one of latest, timestamp or databaseSCN.");
        }
        Instant now = fleet.clock().now();
        if (timestamp != null && (timestamp.isAfter(now)
                || timestamp.isBefore(now.minus(Duration.ofDays(RECOVERY_WINDOW_DAYS))))) {
            return Result.error(400, "InvalidParameter", "The timestamp must be inside the recovery window of "
                    + RECOVERY_WINDOW_DAYS + " days and not in the future.");
        }
        if (scn != null && !scn.matches("\\d{1,20}")) {
            return Result.error(400, "InvalidParameter", "databaseSCN must be a number.");
        }
        String state = fleet.databaseState(db);
        if (!state.equals("AVAILABLE") && !state.equals("RESTORE_FAILED")) {
            return Result.error(409, "IncorrectState", "The database " + db.dbUniqueName() + " is " + state
                    + "; a restore needs it AVAILABLE (or RESTORE_FAILED, to try again).");
        }
        String fail = failNext;
        failNext = null;
        SimWorkRequests.Entry wr = workRequests.start("RESTORE_DATABASE", db.compartmentId(), databaseId, "database",
                restoreLength, fail == null ? -1 : 40, fail);
        restores.put(databaseId, new Restore(db, wr));
        fleet.beginOperationState(databaseId, "UPDATING");
        return new Result(200, null, null, wr, null);
    }

    /** Ends what has ended: the database leaves BACKUP_IN_PROGRESS, or UPDATING after a restore. */
    public synchronized void settle() {
        for (OnDemand o : onDemand.values()) {
            String s = workRequests.status(o.creation());
            if ((s.equals("SUCCEEDED") || s.equals("FAILED")) && "BACKUP_IN_PROGRESS".equals(fleet.stateOverride(o.db().id()))
                    && !hasRunningBackup(o.db().id())) {
                fleet.endOperationState(o.db().id());
            }
        }
        for (var e : restores.entrySet()) {
            String s = workRequests.status(e.getValue().workRequest());
            if (s.equals("SUCCEEDED") || s.equals("FAILED")) {
                fleet.endOperationState(e.getKey());
                if (s.equals("FAILED")) {
                    fleet.overrideState(e.getKey(), "RESTORE_FAILED");
                } else if ("RESTORE_FAILED".equals(fleet.stateOverride(e.getKey()))) {
                    fleet.overrideState(e.getKey(), null);
                }
                restores.remove(e.getKey());
            }
        }
    }

    private boolean hasRunningBackup(String databaseId) {
        return onDemand.values().stream().anyMatch(o -> o.db().id().equals(databaseId) && !canceled.containsKey(o.id())
                && workRequests.status(o.creation()).matches("ACCEPTED|IN_PROGRESS"));
    }

    /** What the database's lifecycleDetails say while it is being restored; null when it is not. */
    String restoreDetails(String databaseId) {
        Restore r = restores.get(databaseId);
        return r == null ? null : "Restore in progress (" + Math.round(workRequests.percentComplete(r.workRequest())) + " %)";
    }

    /** The backup configuration GetDatabase returns ({@code dbBackupConfig}). */
    Map<String, Object> configJson(SimFleet.Database db) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("autoBackupEnabled", true);
        m.put("recoveryWindowInDays", RECOVERY_WINDOW_DAYS);
        Instant start = fleet.lastBackup(db).minus(SimTimeline.BACKUP_LENGTH);
        int hour = start.atZone(java.time.ZoneOffset.UTC).getHour();
        m.put("autoBackupWindow", "SLOT_" + new String[] {"ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT",
                "NINE", "TEN", "ELEVEN", "TWELVE"}[hour / 2]);
        m.put("backupDestinationDetails", List.of(Map.of("type", "OBJECT_STORE")));
        m.put("backupDeletionPolicy", "DELETE_AFTER_RETENTION_PERIOD");
        return m;
    }

    Map<String, Object> json(Backup b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("compartmentId", b.compartmentId());
        m.put("databaseId", b.databaseId());
        m.put("displayName", b.displayName());
        m.put("type", b.type());
        m.put("timeStarted", SimJson.time(b.started()));
        m.put("timeEnded", b.ended() == null ? null : SimJson.time(b.ended()));
        m.put("lifecycleState", b.lifecycleState());
        m.put("lifecycleDetails", b.lifecycleState().equals("FAILED") ? "RMAN-03009: failure of backup command on"
                + " ORA_SBT_TAPE_1 channel; ORA-19511: non RMAN, but media manager or vendor specific failure" : null);
        m.put("databaseSizeInGBs", b.sizeGb());
        m.put("databaseEdition", "ENTERPRISE_EDITION_EXTREME_PERFORMANCE");
        m.put("retentionPeriodInDays", b.retentionDays());
        m.put("backupDestinationType", "OBJECT_STORE");
        return m;
    }
}
