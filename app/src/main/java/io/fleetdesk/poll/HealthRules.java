package io.fleetdesk.poll;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Health;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what the service reports into a health and the reasons for it, in a DBA's words.
 *
 * @param applyLagWarning  a standby further behind than this is WARNING (the broker's ApplyLagThreshold default)
 * @param applyLagCritical a standby further behind than this is CRITICAL
 * @param backupWarning    a database whose last good backup is older than this is WARNING (default 26 h:
 *                         a daily backup plus slack for its window moving)
 */
public record HealthRules(Duration applyLagWarning, Duration applyLagCritical, Duration backupWarning) {
    private static final Set<String> CRITICAL_STATES = Set.of("FAILED", "NEEDS_ATTENTION", "RESTORE_FAILED",
            "TERMINATING", "TERMINATED", "DISABLED");
    private static final Set<String> BUSY_STATES = Set.of("PROVISIONING", "UPDATING", "BACKUP_IN_PROGRESS",
            "UPGRADING", "CONVERTING", "MAINTENANCE_IN_PROGRESS", "RESTORE_IN_PROGRESS", "RELOCATING", "REFRESHING",
            "MIGRATED");

    public static HealthRules defaults() {
        return new HealthRules(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(26));
    }

    /** A verdict and the reasons behind it. */
    public record Verdict(Health health, List<String> reasons) {
    }

    private static final class Builder {
        Health health = Health.OK;
        final List<String> reasons = new ArrayList<>();

        void add(Health h, String reason) {
            health = health.worst(h);
            reasons.add(reason);
        }

        Verdict build() {
            return new Verdict(health, reasons);
        }
    }

    private static void lifecycle(Builder b, String what, String state, String details) {
        if (state == null || state.equals("AVAILABLE")) {
            return;
        }
        String tail = details == null || details.isBlank() ? "" : ": " + details;
        if (CRITICAL_STATES.contains(state)) {
            b.add(Health.CRITICAL, what + " is " + state + tail);
        } else if (BUSY_STATES.contains(state)) {
            b.add(Health.WARNING, what + " is " + state + tail + " (operations wait until it ends)");
        } else {
            b.add(Health.WARNING, what + " is " + state + tail);
        }
    }

    public Verdict dbSystem(String state, String details) {
        Builder b = new Builder();
        lifecycle(b, "DB system", state, details);
        return b.build();
    }

    public Verdict database(String state, String details, DataGuardMember dg) {
        Builder b = new Builder();
        lifecycle(b, "Database", state, details);
        if (dg != null && dg.isStandby() && !"DISABLED_STANDBY".equals(dg.role())) {
            long lag = dg.applyLagSeconds();
            if (lag < 0) {
                b.add(Health.WARNING, "Apply lag is not reported" + (dg.applyLag() == null ? "" : " ('" + dg.applyLag() + "')")
                        + "; check the standby's redo apply");
            } else if (lag > applyLagCritical.toSeconds()) {
                b.add(Health.CRITICAL, "Apply lag " + dg.applyLag() + " is over " + human(applyLagCritical)
                        + ": the standby is far behind; check redo transport and apply");
            } else if (lag > applyLagWarning.toSeconds()) {
                b.add(Health.WARNING, "Apply lag " + dg.applyLag() + " is over " + human(applyLagWarning));
            }
        }
        if (dg != null && "DISABLED_STANDBY".equals(dg.role())) {
            b.add(Health.CRITICAL, "Disabled standby after a failover: reinstate it to restore protection");
        }
        if (dg != null && dg.switchoverReadiness() != null && !dg.switchoverReadiness().equals("HEALTHY")) {
            b.add(Health.WARNING, "OCI says switchover readiness is " + dg.switchoverReadiness()
                    + (dg.switchoverMessage() == null ? "" : ": " + dg.switchoverMessage()));
        }
        return b.build();
    }

    /**
     * A database's health with its backup freshness: WARNING when the last good backup is older than
     * {@link #backupWarning}, or when the last attempt failed after the last success. A standby with no
     * backup on record is not flagged (Data Guard pairs are usually backed up on the primary).
     */
    public Verdict database(String state, String details, DataGuardMember dg, java.time.Instant lastBackup,
                            java.time.Instant lastFailedBackup, java.time.Instant now) {
        Verdict v = database(state, details, dg);
        Builder b = new Builder();
        b.health = v.health();
        b.reasons.addAll(v.reasons());
        boolean standby = dg != null && dg.isStandby();
        if (lastBackup == null) {
            if (!standby) {
                b.add(Health.WARNING, lastFailedBackup == null ? "No backup on record: enable automatic backups or take one"
                        : "No successful backup on record; the last attempt failed at " + stamp(lastFailedBackup));
            }
        } else {
            Duration age = Duration.between(lastBackup, now);
            if (age.compareTo(backupWarning) > 0) {
                b.add(Health.WARNING, "Last good backup " + hours(age) + " ago (" + stamp(lastBackup) + "), older than "
                        + hours(backupWarning) + ": check the automatic backups in Backups");
            }
            if (lastFailedBackup != null && lastFailedBackup.isAfter(lastBackup)) {
                b.add(Health.WARNING, "The last backup attempt failed (" + stamp(lastFailedBackup)
                        + ") after the last good one (" + stamp(lastBackup) + "): see Backups for the error");
            }
        }
        return b.build();
    }

    private static String hours(Duration d) {
        long h = d.toHours();
        return h >= 48 ? (h / 24) + " d " + (h % 24) + " h" : h + " h";
    }

    private static String stamp(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(java.time.ZoneOffset.UTC).format(t);
    }

    public HealthRules withBackupWarning(Duration d) {
        return new HealthRules(applyLagWarning, applyLagCritical, d);
    }

    public HealthRules withApplyLag(Duration warning, Duration critical) {
        return new HealthRules(warning, critical, backupWarning);
    }

    public Verdict pdb(String state, String openMode, String cdbRole) {
        Builder b = new Builder();
        lifecycle(b, "PDB", state, null);
        boolean primary = cdbRole == null || cdbRole.equals("PRIMARY");
        if (primary && openMode != null && !openMode.equals("READ_WRITE")) {
            b.add(Health.WARNING, "PDB is open " + openMode + " on a primary; applications cannot write");
        }
        return b.build();
    }

    static String human(Duration d) {
        long s = d.toSeconds();
        return s % 60 == 0 && s >= 60 ? (s / 60) + " min" : s + " s";
    }
}
