package io.fleetdesk.poll;

import io.fleetdesk.support.En;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleet is never silently not watched: a bad cycle, a clock step, a storm of 429s. */
class PollingSurvivesTest {

    @Test
    void aCycleThatThrowsAnErrorIsShownAndPollingGoesOn() throws Exception {
        try (DemoHarness h = new DemoHarness(11, 60, 2, new FaultPlan())) {
            var layout = h.discovery(h.profile).discover();
            AtomicInteger opened = new AtomicInteger();
            FleetPoller.RegionApiFactory factory = (region, onRetryAfter) -> {
                if (opened.getAndIncrement() == 0) {
                    // An Error, not an exception: a broken provider, a class that failed to load.
                    throw new java.util.ServiceConfigurationError("a provider of the HTTP client could not be loaded");
                }
                return new SdkRegionApi(h.profile, region, SdkRegionApi.Settings.defaults(), onRetryAfter);
            };
            List<FleetUpdate> seen = new CopyOnWriteArrayList<>();
            try (FleetPoller p = new FleetPoller("test", layout, factory,
                    PollerSettings.defaults().withInterval(Duration.ofMillis(200)), HealthRules.defaults(), new FleetStore())) {
                p.store().subscribe(seen::add);
                p.start();
                await("the failed cycle is shown").atMost(Duration.ofSeconds(30)).until(() -> seen.stream()
                        .anyMatch(u -> En.of(u.snapshot().errors()).stream().anyMatch(e -> e.startsWith("The refresh failed")
                                && e.contains("could not be loaded"))));
                await("polling goes on and reads the fleet").atMost(Duration.ofSeconds(60)).until(() -> seen.stream()
                        .anyMatch(u -> u.snapshot().count(NodeKind.DATABASE) == h.demo.fleet().allDatabases().size()));
            }
        }
    }

    @Test
    void aWallClockStepBackADayDoesNotStopPolling() throws Exception {
        try (DemoHarness h = new DemoHarness(12, 30, 1, new FaultPlan())) {
            AtomicReference<Instant> wall = new AtomicReference<>(Instant.now());
            InstantSource stepping = wall::get;
            AtomicInteger refreshes = new AtomicInteger();
            try (FleetPoller p = h.poller(PollerSettings.defaults().withInterval(Duration.ofMillis(300)),
                    Duration.ofSeconds(10))) {
                p.useWallClock(stepping);
                p.store().subscribe(u -> refreshes.incrementAndGet());
                p.start();
                await("the first refresh").atMost(Duration.ofSeconds(30)).until(() -> refreshes.get() >= 1);
                wall.set(wall.get().minus(Duration.ofDays(1))); // NTP, a laptop waking, a hand-set clock
                int before = refreshes.get();
                await("refreshes go on at the interval").atMost(Duration.ofSeconds(30))
                        .until(() -> refreshes.get() >= before + 3);
                assertTrue(p.nextRefreshAt() == null || p.nextRefreshAt().isBefore(wall.get().plusSeconds(5)),
                        "the next refresh is shown by the clock the DBA sees");
            }
        }
    }

    @Test
    void theBackoffNeverOverflowsIntoRetryingBackToBack() {
        Duration base = Duration.ofMillis(200);
        Duration cap = Duration.ofSeconds(20);
        Duration previous = Duration.ZERO;
        for (int attempt = 1; attempt <= 200; attempt++) {
            Duration d = Fetcher.backoffCeiling(base, cap, attempt);
            assertTrue(!d.isNegative() && !d.isZero(), "attempt " + attempt + ": " + d);
            assertTrue(d.compareTo(cap) <= 0, "attempt " + attempt + ": " + d);
            assertTrue(d.compareTo(previous) >= 0, "never shorter than before: attempt " + attempt);
            previous = d;
        }
        assertEquals(cap, Fetcher.backoffCeiling(base, cap, 37), "attempt 37 overflowed the shift before");
        assertEquals(Duration.ofMillis(400), Fetcher.backoffCeiling(base, cap, 2));
    }
}
