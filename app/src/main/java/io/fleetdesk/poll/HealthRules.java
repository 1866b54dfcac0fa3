package io.fleetdesk.poll;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.Notice;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Turns what the service reports into a health and the reasons for it, as notices (a key and its
 * values) the UI words in the DBA's language.
 *
 * @param applyLagWarning  a standby further behind than this is WARNING (the broker's ApplyLagThreshold default)
 * @param applyLagCritical a standby further behind than this is CRITICAL
 * @param backupWarning    a database whose last good backup is older than this is WARNING (default 26 h:
 *                         a daily backup plus slack for its window moving)
 */
public record HealthRules(Duration applyLagWarning, Duration applyLagCritical, Duration backupWarning,
                          Duration maintenanceOverlap, double autonomousStorageWarningPercent) {
    private static final Set<String> CRITICAL_STATES = Set.of("FAILED", "NEEDS_ATTENTION", "RESTORE_FAILED",
            "TERMINATING", "TERMINATED", "DISABLED", "INACCESSIBLE", "UNAVAILABLE", "ACTIVATION_FAILED", "DISCONNECTED");
    private static final Set<String> BUSY_STATES = Set.of("PROVISIONING", "UPDATING", "BACKUP_IN_PROGRESS",
            "UPGRADING", "CONVERTING", "MAINTENANCE_IN_PROGRESS", "RESTORE_IN_PROGRESS", "RELOCATING", "REFRESHING",
            "MIGRATED", "ROLE_CHANGE_IN_PROGRESS", "SCALE_IN_PROGRESS", "STARTING", "STOPPING", "RESTARTING",
            "RECREATING", "CREATING", "ACTIVATING", "SWITCHOVER_IN_PROGRESS", "FAILOVER_IN_PROGRESS",
            "REINSTATE_IN_PROGRESS");

    /**
     * @param maintenanceOverlap              both sides of a Data Guard pair scheduled for maintenance within this of
     *                                        each other is WARNING (default 6 h: the same evening)
     * @param autonomousStorageWarningPercent an Autonomous Database using more of its storage is WARNING
     */
    public HealthRules {
    }

    public HealthRules(Duration applyLagWarning, Duration applyLagCritical, Duration backupWarning) {
        this(applyLagWarning, applyLagCritical, backupWarning, Duration.ofHours(6), 90);
    }

    public static HealthRules defaults() {
        return new HealthRules(Duration.ofSeconds(30), Duration.ofMinutes(5), Duration.ofHours(26));
    }

    /** A verdict and the reasons behind it, as notices ({@code health.*} keys) the UI words. */
    public record Verdict(Health health, List<Notice> reasons) {
    }

    private static final class Builder {
        Health health = Health.OK;
        final List<Notice> reasons = new ArrayList<>();

        void add(Health h, String key, Object... args) {
            health = health.worst(h);
            reasons.add(Notice.of(key, args));
        }

        Verdict build() {
            return new Verdict(health, reasons);
        }
    }

    /** @param what {@code health.what.*}: which kind of resource is in that state */
    private static void lifecycle(Builder b, String what, String state, String details) {
        if (state == null || state.equals("AVAILABLE")) {
            return;
        }
        Notice kind = Notice.of(what);
        boolean told = details != null && !details.isBlank();
        if (CRITICAL_STATES.contains(state)) {
            b.add(Health.CRITICAL, told ? "health.state.because" : "health.state", kind, state, details);
        } else if (BUSY_STATES.contains(state)) {
            b.add(Health.WARNING, told ? "health.state.busyBecause" : "health.state.busy", kind, state, details);
        } else {
            b.add(Health.WARNING, told ? "health.state.because" : "health.state", kind, state, details);
        }
    }

    public Verdict dbSystem(String state, String details) {
        Builder b = new Builder();
        lifecycle(b, "health.what.dbSystem", state, details);
        return b.build();
    }

    public Verdict database(String state, String details, DataGuardMember dg) {
        Builder b = new Builder();
        lifecycle(b, "health.what.database", state, details);
        if (dg != null && dg.isStandby() && !"DISABLED_STANDBY".equals(dg.role())) {
            long lag = dg.applyLagSeconds();
            if (lag < 0) {
                if (dg.applyLag() == null) {
                    b.add(Health.WARNING, "health.lag.notReported");
                } else {
                    b.add(Health.WARNING, "health.lag.unreadable", dg.applyLag());
                }
            } else if (lag > applyLagCritical.toSeconds()) {
                b.add(Health.CRITICAL, "health.lag.critical", Duration.ofSeconds(lag), applyLagCritical);
            } else if (lag > applyLagWarning.toSeconds()) {
                b.add(Health.WARNING, "health.lag.warning", Duration.ofSeconds(lag), applyLagWarning);
            }
        }
        if (dg != null && "DISABLED_STANDBY".equals(dg.role())) {
            b.add(Health.CRITICAL, "health.disabledStandby");
        }
        if (dg != null && dg.switchoverReadiness() != null && !dg.switchoverReadiness().equals("HEALTHY")) {
            if (dg.switchoverMessage() == null) {
                b.add(Health.WARNING, "health.switchoverReadiness", dg.switchoverReadiness());
            } else {
                b.add(Health.WARNING, "health.switchoverReadiness.because", dg.switchoverReadiness(), dg.switchoverMessage());
            }
        }
        return b.build();
    }

    /**
     * A database's health with its backup freshness: WARNING when the last good backup is older than
     * {@link #backupWarning}, or when the last attempt failed after the last success. A standby with no
     * backup on record is not flagged (Data Guard pairs are usually backed up on the primary). Its
     * reasons have keys that start with {@code health.backup.}.
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
                if (lastFailedBackup == null) {
                    b.add(Health.WARNING, "health.backup.none");
                } else {
                    b.add(Health.WARNING, "health.backup.noneGood", lastFailedBackup);
                }
            }
        } else {
            Duration age = Duration.between(lastBackup, now);
            if (age.compareTo(backupWarning) > 0) {
                b.add(Health.WARNING, "health.backup.old", Duration.ofHours(age.toHours()), lastBackup, backupWarning);
            }
            if (lastFailedBackup != null && lastFailedBackup.isAfter(lastBackup)) {
                b.add(Health.WARNING, "health.backup.lastFailed", lastFailedBackup, lastBackup);
            }
        }
        return b.build();
    }

    /** Whether a reason is about backups (the Backups dialog shows those). */
    public static boolean aboutBackups(Notice reason) {
        return reason.key().startsWith("health.backup.");
    }

    public HealthRules withBackupWarning(Duration d) {
        return new HealthRules(applyLagWarning, applyLagCritical, d, maintenanceOverlap, autonomousStorageWarningPercent);
    }

    public HealthRules withApplyLag(Duration warning, Duration critical) {
        return new HealthRules(warning, critical, backupWarning, maintenanceOverlap, autonomousStorageWarningPercent);
    }

    /** How far behind a standby is: WARNING / CRITICAL past the thresholds; nothing when not reported. */
    private void lag(Builder b, Integer seconds) {
        if (seconds == null || seconds < 0) {
            return;
        }
        if (seconds > applyLagCritical.toSeconds()) {
            b.add(Health.CRITICAL, "health.lag.critical", Duration.ofSeconds(seconds), applyLagCritical);
        } else if (seconds > applyLagWarning.toSeconds()) {
            b.add(Health.WARNING, "health.lag.warning", Duration.ofSeconds(seconds), applyLagWarning);
        }
    }

    /**
     * An Autonomous Database: its lifecycle (STANDBY is a standby peer's normal state), a disabled
     * standby role, its Data Guard standby's lag (the local standby's on a primary, its own on a standby
     * peer), a local standby that is not in STANDBY, and storage nearly full.
     */
    public Verdict autonomousDatabase(String state, String details, io.fleetdesk.oci.Rows.AutonomousDataGuard dg,
                                      Integer usedGb, Integer storageGb) {
        Builder b = new Builder();
        boolean standbyRole = dg != null && dg.role() != null && dg.role().endsWith("STANDBY");
        lifecycle(b, "health.what.autonomousDatabase", "STANDBY".equals(state) && standbyRole ? null : state, details);
        if (dg != null) {
            if ("DISABLED_STANDBY".equals(dg.role())) {
                b.add(Health.CRITICAL, "health.disabledStandby");
            }
            if (Boolean.TRUE.equals(dg.localEnabled())) {
                String ls = dg.localStandbyState();
                if (ls != null && !ls.equals("STANDBY") && !ls.equals("AVAILABLE")) {
                    boolean bad = CRITICAL_STATES.contains(ls);
                    b.add(bad ? Health.CRITICAL : Health.WARNING, "health.adb.localStandbyState", ls);
                }
                lag(b, dg.localStandbyLag());
            }
            if (standbyRole) {
                lag(b, dg.ownLag());
            }
        }
        if (usedGb != null && storageGb != null && storageGb > 0) {
            double pct = 100.0 * usedGb / storageGb;
            if (pct > autonomousStorageWarningPercent) {
                b.add(Health.WARNING, "health.adb.storage", Math.round(pct), usedGb, storageGb,
                        Math.round(autonomousStorageWarningPercent));
            }
        }
        return b.build();
    }

    /** An autonomous container database: its lifecycle, and its Data Guard member as a database's. */
    public Verdict containerDatabase(String state, String details, DataGuardMember dg) {
        Builder b = new Builder();
        lifecycle(b, "health.what.containerDatabase", state, details);
        Verdict dgv = database(null, null, dg);
        dgv.reasons().forEach(r -> b.reasons.add(r));
        b.health = b.health.worst(dgv.health());
        return b.build();
    }

    /**
     * An Exadata infrastructure. Cloud@Customer reads ACTIVE when well; DISCONNECTED means the control
     * plane cannot reach it (its databases may still run, but nothing can be managed, backed up or patched
     * from the cloud), which gets its own reason.
     */
    public Verdict exadataInfrastructure(String state, String details, boolean cloudAtCustomer) {
        Builder b = new Builder();
        if ("DISCONNECTED".equals(state)) {
            b.add(Health.CRITICAL, details == null || details.isBlank() ? "health.exadata.disconnected"
                    : "health.exadata.disconnectedBecause", details);
            return b.build();
        }
        lifecycle(b, cloudAtCustomer ? "health.what.exadataCc" : "health.what.exadata",
                "ACTIVE".equals(state) ? null : state, details);
        return b.build();
    }

    /** A VM cluster, or an autonomous VM cluster. */
    public Verdict vmCluster(String state, String details, boolean autonomous) {
        Builder b = new Builder();
        lifecycle(b, autonomous ? "health.what.autonomousVmCluster" : "health.what.vmCluster", state, details);
        return b.build();
    }

    /** The local standby of an Autonomous Database, as its own row. */
    public Verdict localStandby(String state, Integer lagSeconds) {
        Builder b = new Builder();
        if (state != null && !state.equals("STANDBY") && !state.equals("AVAILABLE")) {
            b.add(CRITICAL_STATES.contains(state) ? Health.CRITICAL : Health.WARNING, "health.adb.localStandbyState", state);
        }
        lag(b, lagSeconds);
        return b.build();
    }

    /**
     * Both sides of a Data Guard pair scheduled for maintenance close together: if one goes wrong the
     * other may be down too. Null when they are further apart than {@link #maintenanceOverlap}.
     */
    public Notice maintenanceOverlap(java.time.Instant mine, java.time.Instant peer, String peerName) {
        if (mine == null || peer == null || Duration.between(mine, peer).abs().compareTo(maintenanceOverlap) > 0) {
            return null;
        }
        return Notice.of("health.maintenance.overlap", peerName, mine, peer, maintenanceOverlap);
    }

    public Verdict pdb(String state, String openMode, String cdbRole) {
        Builder b = new Builder();
        lifecycle(b, "health.what.pdb", state, null);
        boolean primary = cdbRole == null || cdbRole.equals("PRIMARY");
        if (primary && openMode != null && !openMode.equals("READ_WRITE")) {
            b.add(Health.WARNING, "health.pdbNotWritable", openMode);
        }
        return b.build();
    }
}
