package io.fleetdesk.ui.settings;

/**
 * What Fleetdesk remembers between runs (design section 8). No secrets, ever.
 *
 * @param theme           light, dark or system
 * @param intervalSeconds refresh interval
 * @param lastProfile     the profile open when the app was closed; null for the demo
 * @param window          the main window's bounds; null until the window was first closed
 */
public record AppSettings(String theme, long intervalSeconds, String lastProfile, WindowBounds window) {
    public static final AppSettings DEFAULTS = new AppSettings("system", 30, null, null);

    /** Where the main window was, in screen coordinates. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    public AppSettings withTheme(String t) {
        return new AppSettings(t, intervalSeconds, lastProfile, window);
    }

    public AppSettings withInterval(long s) {
        return new AppSettings(theme, s, lastProfile, window);
    }

    public AppSettings withLastProfile(String p) {
        return new AppSettings(theme, intervalSeconds, p, window);
    }

    public AppSettings withWindow(WindowBounds w) {
        return new AppSettings(theme, intervalSeconds, lastProfile, w);
    }
}
