package io.fleetdesk.ui.common;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of the app.
 *
 * @param profile     profile to open first ("Demo fleet" unless given)
 * @param ociConfig   the OCI config file to read profiles from
 * @param theme       light, dark or system
 * @param interval    refresh interval
 * @param demoSize    databases in the demo fleet
 * @param demoSeed    seed of the demo fleet
 * @param demoOutage  demo only: a region that stops answering after a while; null for none
 * @param demoVaried  demo only: answer as varied as the real service (optional fields left out, enum
 *                    values the SDK does not know), from this seed; null for the plain simulator
 */
public record LaunchOptions(String profile, Path ociConfig, Theme theme, Duration interval, int demoSize,
                            long demoSeed, DemoOutage demoOutage, Long demoVaried) {

    /** Demo only: this region stops answering (503) this long after start, to see what an outage looks like. */
    public record DemoOutage(String region, Duration after) {
        static DemoOutage parse(String s) {
            int c = s.lastIndexOf(':');
            if (c < 1) {
                throw new IllegalArgumentException("--demo-outage takes REGION:SECONDS, e.g. eu-frankfurt-1:20");
            }
            return new DemoOutage(s.substring(0, c), Duration.ofSeconds(Long.parseLong(s.substring(c + 1))));
        }
    }

    public LaunchOptions(String profile, Path ociConfig, Theme theme, Duration interval, int demoSize, long demoSeed) {
        this(profile, ociConfig, theme, interval, demoSize, demoSeed, null, null);
    }

    /** The same options with the demo's responses as varied as the real service's. */
    public LaunchOptions withDemoVaried(Long seed) {
        return new LaunchOptions(profile, ociConfig, theme, interval, demoSize, demoSeed, demoOutage, seed);
    }

    public static LaunchOptions defaults() {
        return new LaunchOptions(null, io.fleetdesk.oci.OciConfigProfiles.defaultConfigFile(), Theme.SYSTEM,
                Duration.ofSeconds(30), io.fleetdesk.sim.DemoFleet.DEFAULT_SIZE, io.fleetdesk.sim.DemoFleet.DEFAULT_SEED);
    }

    /** The defaults with what the DBA chose last time (theme, interval, last profile). */
    public static LaunchOptions from(io.fleetdesk.app.AppSettings s) {
        LaunchOptions d = defaults();
        Theme theme;
        try {
            theme = Theme.parse(s.theme());
        } catch (IllegalArgumentException e) {
            theme = d.theme();
        }
        return new LaunchOptions(s.lastProfile(), d.ociConfig(), theme, Duration.ofSeconds(Math.max(2, s.intervalSeconds())),
                d.demoSize(), d.demoSeed(), null, null);
    }

    public static LaunchOptions parse(List<String> args) {
        return parse(args, defaults());
    }

    /**
     * Parses {@code --profile NAME --oci-config PATH --theme light|dark|system --interval SECONDS --demo-size N
     * --demo-seed N --demo-outage REGION:SECONDS --demo-varied SEED} over {@code base}: what is not given keeps
     * the base's value.
     */
    public static LaunchOptions parse(List<String> args, LaunchOptions base) {
        String profile = base.profile;
        Path ociConfig = base.ociConfig;
        Theme theme = base.theme;
        Duration interval = base.interval;
        int demoSize = base.demoSize;
        long demoSeed = base.demoSeed;
        DemoOutage outage = base.demoOutage;
        Long varied = base.demoVaried;
        List<String> a = new ArrayList<>(args);
        for (int i = 0; i < a.size(); i++) {
            String k = a.get(i);
            String v = i + 1 < a.size() ? a.get(i + 1) : null;
            switch (k) {
                case "--profile" -> profile = need(k, v);
                case "--oci-config" -> ociConfig = Path.of(need(k, v));
                case "--theme" -> theme = Theme.parse(need(k, v));
                case "--interval" -> interval = Duration.ofSeconds(Math.max(2, Long.parseLong(need(k, v))));
                case "--demo-size" -> demoSize = Integer.parseInt(need(k, v));
                case "--demo-seed" -> demoSeed = Long.parseLong(need(k, v));
                case "--demo-outage" -> outage = DemoOutage.parse(need(k, v));
                case "--demo-varied" -> varied = Long.parseLong(need(k, v));
                default -> throw new IllegalArgumentException("Unknown option " + k
                        + ". Options: --profile NAME, --oci-config PATH, --theme light|dark|system, --interval SECONDS,"
                        + " --demo-size N, --demo-seed N, --demo-outage REGION:SECONDS, --demo-varied SEED");
            }
            i++;
        }
        return new LaunchOptions(profile, ociConfig, theme, interval, demoSize, demoSeed, outage, varied);
    }

    private static String need(String k, String v) {
        if (v == null) {
            throw new IllegalArgumentException(k + " needs a value");
        }
        return v;
    }
}
