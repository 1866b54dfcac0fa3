package io.fleetdesk.poll;

import io.fleetdesk.support.En;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real poller and SDK against a simulator that throttles, fails and stalls. */
class PollerUnderFaultsTest {

    @Test
    void underA429StormTheFleetStillRefreshesAndTheLimitSettlesBelowWhereItStarted() throws Exception {
        // 40 requests/s per region with a burst of 10, far below what the poller would send unthrottled.
        FaultPlan faults = new FaultPlan().latency(Duration.ofMillis(10), 0).rateLimit(40, 10);
        try (DemoHarness h = new DemoHarness(21, 120, 2, faults); FleetPoller p = h.poller(
                PollerSettings.defaults().withDeadline(Duration.ofSeconds(40)).withConcurrency(32, 64), Duration.ofSeconds(5))) {
            FleetSnapshot first = p.refreshOnce();
            assertEquals(h.demo.fleet().allDatabases().size(), first.count(NodeKind.DATABASE), En.of(first.errors()).toString());
            assertTrue(En.of(first.errors()).isEmpty(), En.of(first.errors()).toString());
            long throttledFirst = h.demo.server().throttledCount();
            assertTrue(throttledFirst > 0, "the storm happened");
            assertTrue(p.limit("us-ashburn-1").throttles() > 0);
            assertTrue(p.limit("us-ashburn-1").limit() < 32, "halved on 429: " + p.limit("us-ashburn-1").limit());
            // Later refreshes start at the learnt limit and honour Retry-After: far fewer 429s per request.
            h.demo.server().resetCounters();
            FleetSnapshot second = p.refreshOnce();
            assertTrue(En.of(second.errors()).isEmpty(), En.of(second.errors()).toString());
            double rate2 = h.demo.server().throttledCount() / (double) h.demo.server().requestCount();
            double rate1 = throttledFirst / (double) first.requests();
            assertTrue(rate2 <= rate1, "429 share went from " + rate1 + " to " + rate2);
        }
    }

    @Test
    void serverErrorsAreRetriedAndTheFleetIsComplete() throws Exception {
        FaultPlan faults = new FaultPlan();
        try (DemoHarness h = new DemoHarness(22, 120, 2, faults); FleetPoller p = h.poller()) {
            p.discovery().ensure(); // discovery's own requests are not the refresh's
            h.demo.server().resetCounters();
            // Deterministic: every request is answered 500 on its first two tries, then carried out.
            faults.failFirstTries(2);
            FleetSnapshot s = p.refreshOnce();
            int all = h.demo.fleet().allDatabases().size();
            assertEquals(all, s.count(NodeKind.DATABASE), "every database, after the retries");
            assertTrue(En.of(s.errors()).stream().noneMatch(e -> e.contains("500")), En.of(s.errors()).toString());
            assertTrue(s.nodes().values().stream().allMatch(n -> n.stale() == null), "nothing is stale");
            // Every attempt is counted: each call was tried three times (two 500s, answered before routing).
            long routed = h.demo.server().requestsByOperation().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(h.demo.server().requestCount(), s.requests());
            assertEquals(3 * routed, s.requests(), s.requests() + " attempts for " + routed + " calls");
        }
    }

    @Test
    void stalledResponsesTimeOutAndOnlyWhatStalledIsStale() throws Exception {
        FaultPlan faults = new FaultPlan();
        try (DemoHarness h = new DemoHarness(23, 80, 2, faults); FleetPoller p = h.poller(
                PollerSettings.defaults().withDeadline(Duration.ofSeconds(6)), Duration.ofMillis(800))) {
            FleetSnapshot good = p.refreshOnce();
            assertTrue(En.of(good.errors()).isEmpty(), En.of(good.errors()).toString());
            // Every response stalls for 30 s: each call times out at 0.8 s; the refresh ends by its deadline.
            faults.stalls(1.0, Duration.ofSeconds(30));
            long t0 = System.nanoTime();
            FleetSnapshot stalled = p.refreshOnce();
            long took = (System.nanoTime() - t0) / 1_000_000;
            // Ends at its 6 s deadline (plus collection), not after the 30 s stalls; margin for a busy CI machine.
            assertTrue(took < 12_000, "the refresh waited " + took + " ms; its deadline is 6 s, the stalls 30 s");
            assertEquals(good.count(NodeKind.DATABASE), stalled.count(NodeKind.DATABASE), "last known state kept");
            for (FleetNode n : stalled.nodes().values()) {
                if (n.kind() == NodeKind.DATABASE) {
                    assertNotNull(n.stale(), n.name());
                    assertTrue(En.of(n.stale().reason()).contains("timed out") || En.of(n.stale().reason()).contains("ran late"),
                            En.of(n.stale().reason()));
                }
            }
            faults.stalls(0, Duration.ZERO);
            FleetSnapshot back = p.refreshOnce();
            assertTrue(back.nodes().values().stream().allMatch(n -> n.stale() == null), En.of(back.errors()).toString());
        }
    }
}
