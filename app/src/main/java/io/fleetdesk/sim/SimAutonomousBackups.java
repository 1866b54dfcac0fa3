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
 * Autonomous Database backups as the service keeps them: automatic daily backups over the retention
 * period (a weekly full, incrementals otherwise), manual backups (CreateAutonomousDatabaseBackup without
 * {@code isLongTermBackup}: the database is BACKUP_IN_PROGRESS while it runs) and long-term backups
 * ({@code isLongTermBackup} with a retention of 90 to 3,650 days; only these can be deleted), and
 * RestoreAutonomousDatabase to the latest point, a timestamp inside the retention period or an SCN (the
 * database is RESTORE_IN_PROGRESS, RESTORE_FAILED if it fails). {@link #failNext} fails the next create or
 * restore midway. Completion is applied lazily by {@link #settle()}.
 */
public final class SimAutonomousBackups {
    /** The service's default retention of automatic backups. */
    public static final int RETENTION_DAYS = 60;
    private static final Duration QUICK = Duration.ofSeconds(2);

    /** One backup, as ListAutonomousDatabaseBackups returns it. */
    public record Backup(String id, SimEstate.AutonomousDatabase db, String displayName, String type, String state,
                         Instant started, Instant ended, double sizeTb, Integer retentionDays, boolean automatic) {
    }

    private record Made(String id, SimEstate.AutonomousDatabase db, String displayName, boolean longTerm,
                        Integer retentionDays, SimWorkRequests.Entry creation) {
    }

    /** An error (status, code, message), or the work request (and the backup, for a create). */
    public record Result(int status, String code, String message, SimWorkRequests.Entry workRequest, Backup backup) {
        static Result error(int status, String code, String message) {
            return new Result(status, code, message, null, null);
        }
    }

    private final SimFleet fleet;
    private final SimEstate estate;
    private final SimWorkRequests workRequests;
    private final Map<String, Made> made = new ConcurrentHashMap<>();
    private final Map<String, Instant> deleted = new ConcurrentHashMap<>();
    private final Map<String, SimWorkRequests.Entry> restores = new ConcurrentHashMap<>();
    private volatile Duration backupLength = Duration.ofMinutes(15);
    private volatile Duration restoreLength = Duration.ofMinutes(20);
    private volatile String failNext;

    SimAutonomousBackups(SimFleet fleet, SimWorkRequests workRequests) {
        this.fleet = fleet;
        this.estate = fleet.estate();
        this.workRequests = workRequests;
    }

    public void lengths(Duration backup, Duration restore) {
        this.backupLength = backup;
        this.restoreLength = restore;
    }

    /** The next create or restore fails at 40 % with this message; null to clear. */
    public void failNext(String message) {
        this.failNext = message;
    }

    private static Result notFound() {
        return Result.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
    }

    /** Every backup of a database, newest first; deleted ones are gone. */
    public List<Backup> list(String adbId) {
        SimEstate.AutonomousDatabase a = estate.autonomousDatabase(adbId);
        if (a == null) {
            return List.of();
        }
        List<Backup> out = new ArrayList<>(automatic(a));
        for (Made m : made.values()) {
            if (m.db().id().equals(adbId) && !deleted.containsKey(m.id())) {
                out.add(backup(m));
            }
        }
        out.sort(Comparator.comparing(Backup::started).reversed());
        return out;
    }

    public Backup get(String id) {
        Made m = made.get(id);
        if (m != null) {
            return deleted.containsKey(id) ? null : backup(m);
        }
        for (SimEstate.AutonomousDatabase a : estate.allAutonomousDatabases()) {
            if (id.contains("." + token(a) + ".")) {
                return automatic(a).stream().filter(b -> b.id().equals(id)).findFirst().orElse(null);
            }
        }
        return null;
    }

    private static String token(SimEstate.AutonomousDatabase a) {
        return Integer.toString(Math.abs(a.id().hashCode()), 36);
    }

    /** Daily automatic backups over the retention period; none for a standby peer (its primary's are used). */
    private List<Backup> automatic(SimEstate.AutonomousDatabase a) {
        if ("STANDBY".equals(estate.role(a.id())) && a.pairId() != null) {
            return List.of();
        }
        Instant now = fleet.clock().now();
        long day = Math.floorDiv(now.getEpochSecond(), 86_400);
        Instant todayStart = Instant.ofEpochSecond(day * 86_400).plus(Duration.ofHours(1 + a.index() % 6));
        List<Backup> out = new ArrayList<>();
        for (int k = 0; k < RETENTION_DAYS; k++) {
            Instant start = todayStart.minus(Duration.ofDays(k));
            if (start.isAfter(now)) {
                continue;
            }
            Instant end = start.plus(Duration.ofMinutes(12));
            boolean full = Math.floorMod(day - k + a.index(), 7) == 0;
            String id = "ocid1.autonomousdatabasebackup.oc1." + a.region().substring(0, 3) + "." + token(a) + "."
                    + Long.toString(day - k, 36);
            out.add(new Backup(id, a, "Automatic Backup " + java.time.LocalDate.ofEpochDay(day - k), full ? "FULL" : "INCREMENTAL",
                    end.isAfter(now) ? "CREATING" : "ACTIVE", start, end.isAfter(now) ? null : end,
                    Math.max(0.1, a.usedGb() / 1024.0), null, true));
        }
        return out;
    }

    private Backup backup(Made m) {
        String status = workRequests.status(m.creation());
        String state = switch (status) {
            case "SUCCEEDED" -> "ACTIVE";
            case "FAILED" -> "FAILED";
            default -> "CREATING";
        };
        Instant ended = state.equals("CREATING") ? null : m.creation().accepted().plus(Duration.ofMillis(
                (long) (m.creation().length().toMillis() * workRequests.percentComplete(m.creation()) / 100.0)));
        return new Backup(m.id(), m.db(), m.displayName(), m.longTerm() ? "LONGTERM" : "FULL", state,
                m.creation().accepted(), ended, Math.max(0.1, m.db().usedGb() / 1024.0), m.retentionDays(), false);
    }

    /** CreateAutonomousDatabaseBackup: manual, or long-term with a retention of 90 to 3,650 days. */
    public synchronized Result create(String region, String adbId, String displayName, Boolean longTerm, Integer retention) {
        settle();
        SimEstate.AutonomousDatabase a = estate.autonomousDatabase(adbId);
        if (a == null || !a.region().equals(region)) {
            return notFound();
        }
        boolean lt = Boolean.TRUE.equals(longTerm);
        if (lt && (retention == null || retention < 90 || retention > 3650)) {
            return Result.error(400, "InvalidParameter", "A long-term backup needs retentionPeriodInDays from 90 to 3650.");
        }
        if (!lt && retention != null) {
            return Result.error(400, "InvalidParameter", "retentionPeriodInDays is only for a long-term backup"
                    + " (isLongTermBackup); a manual backup follows the database's backup retention.");
        }
        String state = estate.state(a);
        if (!state.equals("AVAILABLE")) {
            return Result.error(409, "IncorrectState", "Autonomous Database " + a.displayName() + " is " + state
                    + "; a backup needs it AVAILABLE.");
        }
        String fail = failNext;
        failNext = null;
        SimWorkRequests.Entry wr = workRequests.start("CREATE_AUTONOMOUS_DATABASE_BACKUP", a.compartmentId(), adbId,
                "autonomousDatabase", backupLength, fail == null ? -1 : 40, fail);
        String id = "ocid1.autonomousdatabasebackup.oc1." + a.region().substring(0, 3) + ".m" + wr.id().substring(wr.id().length() - 20);
        Made m = new Made(id, a, displayName == null || displayName.isBlank() ? "Manual backup" : displayName, lt,
                lt ? retention : null, wr);
        made.put(id, m);
        if (!lt) {
            fleet.beginOperationState(adbId, "BACKUP_IN_PROGRESS");
        }
        return new Result(200, null, null, wr, backup(m));
    }

    /** DeleteAutonomousDatabaseBackup: long-term backups only. */
    public synchronized Result delete(String region, String backupId) {
        settle();
        Backup b = get(backupId);
        if (b == null || !b.db().region().equals(region)) {
            return notFound();
        }
        if (!b.type().equals("LONGTERM")) {
            return Result.error(400, "InvalidParameter", "Only long-term backups can be deleted; automatic and manual"
                    + " backups expire with the database's backup retention.");
        }
        if (b.state().equals("CREATING")) {
            return Result.error(409, "IncorrectState", "The backup is still being created.");
        }
        SimWorkRequests.Entry wr = workRequests.start("DELETE_AUTONOMOUS_DATABASE_BACKUP", b.db().compartmentId(),
                backupId, "autonomousDatabaseBackup", QUICK, -1, null);
        deleted.put(backupId, fleet.clock().now());
        return new Result(204, null, null, wr, null);
    }

    /** RestoreAutonomousDatabase: exactly one of latest, a timestamp inside the retention period, an SCN. */
    public synchronized Result restore(String region, String adbId, Boolean latest, Instant timestamp, String scn) {
        settle();
        SimEstate.AutonomousDatabase a = estate.autonomousDatabase(adbId);
        if (a == null || !a.region().equals(region)) {
            return notFound();
        }
        int given = (Boolean.TRUE.equals(latest) ? 1 : 0) + (timestamp != null ? 1 : 0) + (scn != null ? 1 : 0);
        if (given != 1) {
            return Result.error(400, "InvalidParameter", "Give exactly one of latest, timestamp or databaseSCN.");
        }
        Instant now = fleet.clock().now();
        if (timestamp != null && (timestamp.isAfter(now) || timestamp.isBefore(now.minus(Duration.ofDays(RETENTION_DAYS))))) {
            return Result.error(400, "InvalidParameter", "The timestamp must be inside the backup retention of "
                    + RETENTION_DAYS + " days and not in the future.");
        }
        if (scn != null && !scn.matches("\\d{1,20}")) {
            return Result.error(400, "InvalidParameter", "databaseSCN must be a number.");
        }
        String state = estate.state(a);
        if (!state.equals("AVAILABLE") && !state.equals("RESTORE_FAILED") && !state.equals("STOPPED")) {
            return Result.error(409, "IncorrectState", "Autonomous Database " + a.displayName() + " is " + state
                    + "; a restore needs it AVAILABLE, STOPPED or RESTORE_FAILED.");
        }
        String fail = failNext;
        failNext = null;
        SimWorkRequests.Entry wr = workRequests.start("RESTORE_AUTONOMOUS_DATABASE", a.compartmentId(), adbId,
                "autonomousDatabase", restoreLength, fail == null ? -1 : 40, fail);
        restores.put(adbId, wr);
        fleet.beginOperationState(adbId, "RESTORE_IN_PROGRESS");
        return new Result(200, null, null, wr, null);
    }

    /** Ends what has ended. */
    public synchronized void settle() {
        for (Made m : made.values()) {
            String s = workRequests.status(m.creation());
            if (!m.longTerm() && (s.equals("SUCCEEDED") || s.equals("FAILED"))
                    && "BACKUP_IN_PROGRESS".equals(fleet.stateOverride(m.db().id()))) {
                fleet.endOperationState(m.db().id());
            }
        }
        for (var e : restores.entrySet()) {
            String s = workRequests.status(e.getValue());
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

    Map<String, Object> json(Backup b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", b.id());
        m.put("compartmentId", b.db().compartmentId());
        m.put("autonomousDatabaseId", b.db().id());
        m.put("displayName", b.displayName());
        m.put("type", b.type());
        m.put("isAutomatic", b.automatic());
        m.put("timeStarted", SimJson.time(b.started()));
        m.put("timeEnded", SimJson.time(b.ended()));
        m.put("lifecycleState", b.state());
        m.put("lifecycleDetails", b.state().equals("FAILED") ? "ORA-19511: non RMAN, but media manager or vendor specific failure" : null);
        m.put("databaseSizeInTBs", b.sizeTb());
        m.put("sizeInTBs", b.sizeTb());
        m.put("isRestorable", b.state().equals("ACTIVE"));
        m.put("retentionPeriodInDays", b.retentionDays());
        m.put("timeAvailableTill", b.ended() == null ? null : SimJson.time(b.ended().plus(Duration.ofDays(
                b.retentionDays() == null ? RETENTION_DAYS : b.retentionDays()))));
        m.put("dbVersion", b.db().dbVersion());
        m.put("infrastructureType", "CLOUD");
        return m;
    }
}
