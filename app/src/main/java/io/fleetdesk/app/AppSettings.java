package io.fleetdesk.app;

import io.fleetdesk.model.DirectTarget;

import java.util.List;

/**
 * What Fleetdesk remembers between runs (design section 8). No secrets, ever: a direct target
 * keeps its connect string and user name, never its password.
 *
 * @param theme           light, dark or system
 * @param intervalSeconds refresh interval
 * @param lastProfile     the profile open when the app was closed; null for the demo
 * @param window          the main window's bounds; null until the window was first closed
 * @param thresholds      health thresholds; null in files written before they existed (then the defaults)
 * @param targets         databases reached directly over JDBC ("Direct connections"); null in older files
 * @param diagnosticsPack whether the Oracle Diagnostics Pack is licensed, so the probes may read AWR
 *                        (DBA_HIST_SNAPSHOT); off unless the DBA turns it on
 */
public record AppSettings(String theme, long intervalSeconds, String lastProfile, WindowBounds window,
                          Thresholds thresholds, List<DirectTarget> targets, boolean diagnosticsPack) {
    public static final AppSettings DEFAULTS = new AppSettings("system", 30, null, null, Thresholds.DEFAULTS, List.of(), false);

    public AppSettings {
        targets = targets == null ? List.of() : List.copyOf(targets);
    }

    /**
     * When a database turns WARNING or CRITICAL; edited in {@code settings.json}.
     *
     * @param applyLagWarningSeconds  a standby further behind is WARNING, and the Data Guard pre-checks warn (30: the broker's ApplyLagThreshold)
     * @param applyLagCriticalSeconds a standby further behind is CRITICAL
     * @param backupWarningHours      a database whose last good backup is older is WARNING
     * @param recoveryAreaWarningPercent  a recovery area fuller (after reclaimable files) is WARNING (direct probes)
     * @param recoveryAreaCriticalPercent and CRITICAL
     * @param tablespaceWarningPercent    a tablespace fuller is WARNING (direct probes)
     * @param tablespaceCriticalPercent   and CRITICAL
     * @param maintenanceOverlapHours     both sides of a Data Guard pair scheduled for maintenance within this
     *                                    many hours of each other is WARNING
     * @param autonomousStorageWarningPercent an Autonomous Database using more of its storage is WARNING
     */
    public record Thresholds(long applyLagWarningSeconds, long applyLagCriticalSeconds, long backupWarningHours,
                             double recoveryAreaWarningPercent, double recoveryAreaCriticalPercent,
                             double tablespaceWarningPercent, double tablespaceCriticalPercent,
                             long maintenanceOverlapHours, double autonomousStorageWarningPercent) {
        public static final Thresholds DEFAULTS = new Thresholds(30, 300, 26, 80, 95, 85, 95, 6, 90);

        /** Zero or negative values (a hand-edited file, or one written before the field existed) fall back to the defaults. */
        public Thresholds sane() {
            return new Thresholds(or(applyLagWarningSeconds, DEFAULTS.applyLagWarningSeconds),
                    or(applyLagCriticalSeconds, DEFAULTS.applyLagCriticalSeconds),
                    or(backupWarningHours, DEFAULTS.backupWarningHours),
                    percent(recoveryAreaWarningPercent, DEFAULTS.recoveryAreaWarningPercent),
                    percent(recoveryAreaCriticalPercent, DEFAULTS.recoveryAreaCriticalPercent),
                    percent(tablespaceWarningPercent, DEFAULTS.tablespaceWarningPercent),
                    percent(tablespaceCriticalPercent, DEFAULTS.tablespaceCriticalPercent),
                    or(maintenanceOverlapHours, DEFAULTS.maintenanceOverlapHours),
                    percent(autonomousStorageWarningPercent, DEFAULTS.autonomousStorageWarningPercent));
        }

        private static long or(long v, long d) {
            return v > 0 ? v : d;
        }

        private static double percent(double v, double d) {
            return v > 0 && v <= 100 ? v : d;
        }
    }

    /** The thresholds to use: the file's, or the defaults when it has none. */
    public Thresholds effectiveThresholds() {
        return thresholds == null ? Thresholds.DEFAULTS : thresholds.sane();
    }

    /** The OCI poller's health thresholds, from the effective thresholds. */
    public io.fleetdesk.poll.HealthRules healthRules() {
        Thresholds t = effectiveThresholds();
        return new io.fleetdesk.poll.HealthRules(java.time.Duration.ofSeconds(t.applyLagWarningSeconds()),
                java.time.Duration.ofSeconds(t.applyLagCriticalSeconds()), java.time.Duration.ofHours(t.backupWarningHours()),
                java.time.Duration.ofHours(t.maintenanceOverlapHours()), t.autonomousStorageWarningPercent());
    }

    /** The direct probes' thresholds, from the effective thresholds. */
    public io.fleetdesk.jdbc.DirectHealthRules directRules() {
        Thresholds t = effectiveThresholds();
        return new io.fleetdesk.jdbc.DirectHealthRules(java.time.Duration.ofSeconds(t.applyLagWarningSeconds()),
                java.time.Duration.ofSeconds(t.applyLagCriticalSeconds()), t.recoveryAreaWarningPercent(),
                t.recoveryAreaCriticalPercent(), t.tablespaceWarningPercent(), t.tablespaceCriticalPercent());
    }

    /** Where the main window was, in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(t, intervalSeconds, lastProfile, window, thresholds, targets, diagnosticsPack);
    }

    public AppSettings withInterval(long s) {
        return new AppSettings(theme, s, lastProfile, window, thresholds, targets, diagnosticsPack);
    }

    public AppSettings withLastProfile(String p) {
        return new AppSettings(theme, intervalSeconds, p, window, thresholds, targets, diagnosticsPack);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(theme, intervalSeconds, lastProfile, w, thresholds, targets, diagnosticsPack);
    }

    public AppSettings withTargets(List<DirectTarget> t) {
        return new AppSettings(theme, intervalSeconds, lastProfile, window, thresholds, t, diagnosticsPack);
    }

    public AppSettings withDiagnosticsPack(boolean on) {
        return new AppSettings(theme, intervalSeconds, lastProfile, window, thresholds, targets, on);
    }
}
