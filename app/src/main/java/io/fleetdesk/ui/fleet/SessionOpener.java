package io.fleetdesk.ui.fleet;

import io.fleetdesk.app.FleetSession;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.ProfileException;
import io.fleetdesk.poll.HealthRules;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimVariation;
import io.fleetdesk.ui.common.LaunchOptions;
import io.fleetdesk.app.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.ExecutorService;

/**
 * Opens a profile's session as the launch options say: the demo fleet (its size, seed, faults, and
 * its own-host group named in the DBA's language) or a profile of the OCI config file; and, for the
 * demo, the outage asked for with {@code --demo-outage}.
 */
final class SessionOpener {
    private static final Logger LOG = LoggerFactory.getLogger(SessionOpener.class);

    private SessionOpener() {
    }

    /** Blocking: call it on a background thread. */
    static FleetSession open(LaunchOptions options, String name, PollerSettings settings, HealthRules rules)
            throws ProfileException, IOException {
        if (!name.equals(InMemoryKeyProfiles.DEMO_PROFILE)) {
            return FleetSession.openConfigProfile(options.ociConfig(), name, settings, rules);
        }
        // The demo's faults: some latency, and with --demo-varied responses as varied as the real service's.
        FaultPlan f = FleetSession.DemoOptions.defaults().faults();
        if (options.demoVaried() != null) {
            f.variation(SimVariation.of(options.demoVaried(), 0.3, 0.1));
        }
        return FleetSession.openDemo(new FleetSession.DemoOptions(options.demoSeed(), options.demoSize(), 3, 60.0, f,
                Messages.get("demo.group")), settings, rules);
    }

    /** With {@code --demo-outage REGION:SECONDS}, that region of the demo stops answering after that long. */
    static void scheduleOutage(LaunchOptions options, FleetSession s, ExecutorService background) {
        LaunchOptions.DemoOutage outage = options.demoOutage();
        if (outage == null || s.demo() == null) {
            return;
        }
        background.submit(() -> {
            Thread.sleep(outage.after());
            LOG.info("demo: {} stops answering now (--demo-outage)", outage.region());
            s.demo().server().faults().regionDown(outage.region(), true);
            s.poller().refreshNow();
            return null;
        });
    }
}
