package io.fleetdesk.app;

import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.support.DemoHarness;

/**
 * Run by {@link SigningTest} in a JVM of its own, started with {@code -Dfleetdesk.signing=jdk}: the
 * provider is chosen once per process. Prints which provider signs, then reads a small demo fleet
 * through the SDK and prints how many databases were answered and whether any call was refused 401.
 */
public final class SigningFallbackChild {
    private SigningFallbackChild() {
    }

    public static void main(String[] args) throws Exception {
        System.out.println("SIGNING " + Signing.install());
        try (DemoHarness h = new DemoHarness(11, 40, 1, new FaultPlan()); var poller = h.poller()) {
            var s = poller.refreshOnce();
            System.out.println("DATABASES " + s.count(NodeKind.DATABASE) + " OF " + h.demo.fleet().allDatabases().size());
            long adbs = h.demo.fleet().estate().allAutonomousDatabases().stream()
                    .filter(a -> !"TERMINATED".equals(h.demo.fleet().estate().state(a))).count();
            System.out.println("AUTONOMOUS " + s.count(NodeKind.AUTONOMOUS_DATABASE) + " OF " + adbs);
            System.out.println("UNAUTHORIZED " + s.errors().stream().anyMatch(e -> String.valueOf(e).contains("401")));
        }
        System.exit(0);
    }
}
