package io.fleetdesk.ui.settings;

/**
 * What Fleetdesk remembers between runs (design section 8). No secrets, ever.
 *
 * @param theme           light, dark or system
 * @param intervalSeconds refresh interval
 * @param lastProfile     the profile open when the app was closed; null for the demo
 * @param window          the main window's bounds; null until the window was first closed
 * @param thresholds      health thresholds; null in files written before they existed (then the defaults)
 */
public record AppSettings(String theme, long intervalSeconds, String lastProfile, WindowBounds window,
                          Thresholds thresholds) {
    public static final AppSettings DEFAULTS = new AppSettings("system", 30, null, null, Thresholds.DEFAULTS);

    /**
     * When a database turns WARNING or CRITICAL; edited in {@code settings.json}.
     *
     * @param applyLagWarningSeconds  a standby further behind is WARNING, and the Data Guard pre-checks warn (30: the broker's ApplyLagThreshold)
     * @param applyLagCriticalSeconds a standby further behind is CRITICAL
     * @param backupWarningHours      a database whose last good backup is older is WARNING
     */
    public record Thresholds(long applyLagWarningSeconds, long applyLagCriticalSeconds, long backupWarningHours) {
        public static final Thresholds DEFAULTS = new Thresholds(30, 300, 26);

        /** Zero or negative values (a hand-edited file) fall back to the defaults. */
        public Thresholds sane() {
            return new Thresholds(applyLagWarningSeconds > 0 ? applyLagWarningSeconds : DEFAULTS.applyLagWarningSeconds,
                    applyLagCriticalSeconds > 0 ? applyLagCriticalSeconds : DEFAULTS.applyLagCriticalSeconds,
                    backupWarningHours > 0 ? backupWarningHours : DEFAULTS.backupWarningHours);
        }
    }

    /** The thresholds to use: the file's, or the defaults when it has none. */
    public Thresholds effectiveThresholds() {
        return thresholds == null ? Thresholds.DEFAULTS : thresholds.sane();
    }

    /** Where the main window was, in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(t, intervalSeconds, lastProfile, window, thresholds);
    }

    public AppSettings withInterval(long s) {
        return new AppSettings(theme, s, lastProfile, window, thresholds);
    }

    public AppSettings withLastProfile(String p) {
        return new AppSettings(theme, intervalSeconds, p, window, thresholds);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(theme, intervalSeconds, lastProfile, w, thresholds);
    }
}
