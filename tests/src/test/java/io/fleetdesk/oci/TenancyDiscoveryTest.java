package io.fleetdesk.oci;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Notice;
import io.fleetdesk.app.Messages;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimTenancy;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tenancy discovery through the real SDK (Identity) against the simulator's tenancy. */
class TenancyDiscoveryTest {

    @Test
    void everyReadySubscribedRegionIsWatchedHomeFirstAndTheOneStillSubscribingIsNot() throws Exception {
        try (DemoHarness h = new DemoHarness(5, 60, 3, new FaultPlan()); TenancyDiscovery d = h.discovery(h.profile)) {
            TenancyLayout l = d.discover();
            // The simulator serves three regions; a fourth (uk-london-1) is subscribed but IN_PROGRESS.
            assertEquals(List.of("us-ashburn-1", "eu-frankfurt-1", "ap-tokyo-1"), l.regions());
            assertTrue(h.demo.fleet().tenancy().subscriptions().stream()
                    .anyMatch(s -> s.regionName().equals("uk-london-1") && s.status().equals("IN_PROGRESS")));
            assertTrue(l.problems().isEmpty(), l.problems().toString());
            assertTrue(l.complete());
        }
    }

    @Test
    void aProfileInAnotherRegionThanTheHomeOneReadsTheCompartmentsFromTheHomeRegion() throws Exception {
        try (DemoHarness h = new DemoHarness(5, 60, 3, new FaultPlan())) {
            OciProfile p = h.profile;
            OciProfile frankfurt = new OciProfile(p.name(), p.auth(), p.userId(), p.tenancyId(), "eu-frankfurt-1",
                    p.regionFilter(), p.compartmentFilter(), p.endpoint(), p.identityEndpoint(), p.workRequestsEndpoint());
            List<String> opened = new java.util.concurrent.CopyOnWriteArrayList<>();
            try (TenancyDiscovery d = new TenancyDiscovery(frankfurt, region -> {
                opened.add(region);
                return new SdkIdentityApi(frankfurt, region, SdkRegionApi.Settings.defaults());
            })) {
                TenancyLayout l = d.discover();
                assertEquals(List.of("us-ashburn-1", "eu-frankfurt-1", "ap-tokyo-1"), l.regions(), "the home region first");
                assertEquals(19, l.compartments().size());
                assertTrue(l.complete(), l.problems().toString());
                // The profile's region answers the subscriptions (and is asked for the compartments at the same
                // time); the home region, once named, is asked again: it is where a change is seen first.
                assertEquals(List.of("eu-frankfurt-1", "us-ashburn-1"), opened);
            }
            try (TenancyDiscovery d = h.discovery(p)) {
                h.demo.server().resetCounters();
                d.discover();
                assertEquals(3L, h.demo.server().requestCount(), "a profile in the home region asks once for each");
            }
        }
    }

    @Test
    void theCompartmentSubtreeIsReadOverSeveralPagesWithTheRootAndWithoutTheDeletedOne() throws Exception {
        // 18 compartments of the demo tenancy + 232 more = 250 ACTIVE below the root: three pages of 100.
        try (DemoHarness h = new DemoHarness(5, 60, 1, 232, new FaultPlan()); TenancyDiscovery d = h.discovery(h.profile)) {
            SimTenancy t = h.demo.fleet().tenancy();
            h.demo.server().resetCounters();
            TenancyLayout l = d.discover();
            assertEquals(3L, h.demo.server().requestsByOperation().get("ListCompartments"));
            assertEquals(251, l.compartments().size(), "the root and 250 ACTIVE compartments");
            OciCompartment root = l.compartments().getFirst();
            assertEquals(t.tenancyId(), root.id());
            assertEquals("acme-demo", root.name());
            assertNull(root.parentId());
            assertFalse(l.compartments().stream().anyMatch(c -> c.name().equals("decommissioned-2025")),
                    "a DELETED compartment is not watched");
            // Nested as in the tenancy: each path is the simulator's, a parent comes before its children.
            Set<String> seen = new java.util.HashSet<>();
            for (OciCompartment c : l.compartments()) {
                assertEquals(t.path(c.id()), c.path());
                assertTrue(c.parentId() == null || seen.contains(c.parentId()), c.path() + " came before its parent");
                assertTrue(c.listed());
                seen.add(c.id());
            }
            assertTrue(l.compartments().stream().anyMatch(c -> c.path().equals("acme-demo/prod/erp/erp-apac/erp-apac-dr")),
                    "four levels below the root");
        }
    }

    @Test
    void aNarrowedProfileWatchesItsCompartmentsAndEverythingBelowAndShowsTheirAncestorsForThePath() throws Exception {
        try (DemoHarness h = new DemoHarness(5, 60, 3, new FaultPlan())) {
            SimTenancy t = h.demo.fleet().tenancy();
            SimTenancy.Compartment erp = t.byName("erp");
            OciProfile p = h.narrowed(List.of("eu-frankfurt-1"), List.of(new OciCompartment(erp.id(), "erp")));
            try (TenancyDiscovery d = h.discovery(p)) {
                TenancyLayout l = d.discover();
                assertEquals(List.of("eu-frankfurt-1"), l.regions());
                Set<String> listed = l.listed().stream().map(OciCompartment::path).collect(Collectors.toSet());
                assertEquals(Set.of("acme-demo/prod/erp", "acme-demo/prod/erp/erp-eu", "acme-demo/prod/erp/erp-apac",
                        "acme-demo/prod/erp/erp-apac/erp-apac-dr"), listed);
                // The root and prod are shown for the path, not listed.
                assertEquals(List.of("acme-demo", "acme-demo/prod"), l.compartments().stream().filter(c -> !c.listed())
                        .map(OciCompartment::path).toList());
            }
        }
    }

    @Test
    void aRegionTheTenancyIsNotReadyInIsNamedInAProblemAndTheRestIsWatched() throws Exception {
        try (DemoHarness h = new DemoHarness(5, 60, 3, new FaultPlan())) {
            OciProfile p = h.narrowed(List.of("ap-tokyo-1", "uk-london-1", "sa-saopaulo-1"), List.of());
            try (TenancyDiscovery d = h.discovery(p)) {
                TenancyLayout l = d.discover();
                assertEquals(List.of("ap-tokyo-1"), l.regions());
                assertEquals(2, l.problems().size(), l.problems().toString());
                // Data below the UI: a key and its values, worded by the UI in the DBA's language.
                assertEquals(Notice.of("discovery.regionNotReady", "narrowed", "uk-london-1", "IN_PROGRESS",
                        "us-ashburn-1, eu-frankfurt-1, ap-tokyo-1"),
                        l.problems().get(0));
                assertEquals(Notice.of("discovery.regionNotSubscribed", "narrowed", "sa-saopaulo-1",
                        "us-ashburn-1, eu-frankfurt-1, ap-tokyo-1"),
                        l.problems().get(1));
                String worded = Messages.of(l.problems().get(1));
                assertTrue(worded.contains("sa-saopaulo-1") && worded.contains("not subscribed"), worded);
            }
        }
    }

    @Test
    void aUserWhoMayNotListCompartmentsGetsTheRootAndTheNamedOnesAndIsToldWhichPolicyToAskFor() throws Exception {
        try (DemoHarness h = new DemoHarness(5, 60, 2, new FaultPlan())) {
            SimTenancy t = h.demo.fleet().tenancy();
            t.deny("ListCompartments", "*");
            SimTenancy.Compartment crm = t.byName("crm");
            OciProfile p = h.narrowed(List.of(), List.of(new OciCompartment(crm.id(), "crm")));
            try (TenancyDiscovery d = h.discovery(p)) {
                TenancyLayout l = d.discover();
                assertEquals(List.of("acme-demo", "acme-demo/crm"), l.compartments().stream().map(OciCompartment::path)
                        .toList(), "the root, and crm placed under it (its parent cannot be seen)");
                assertTrue(l.complete(), "a refusal is an answer: no quick retry");
                assertEquals(1, l.problems().size());
                Notice n = l.problems().getFirst();
                assertEquals("discovery.compartmentsRefusedNamed", n.key());
                assertTrue(n.args().getFirst().toString().startsWith("404 NotAuthorizedOrNotFound"), n.toString());
                assertEquals(java.util.List.of("crm"), n.args().get(1), "the named compartments, as a list the UI joins");
                String worded = Messages.of(n);
                assertTrue(worded.contains("inspect compartments in tenancy") && worded.contains("The tenancy's compartments"),
                        worded);
            }
            // The poller still lists what it may, and says the same in the refresh's problems.
            try (FleetPoller poller = h.poller()) {
                FleetSnapshot s = poller.refreshOnce();
                assertTrue(s.tenancy().problems().stream().anyMatch(x -> Messages.of(x).contains("inspect compartments in tenancy")),
                        s.tenancy().problems().toString());
                assertEquals(2, s.count(NodeKind.REGION));
                assertEquals(2, s.count(NodeKind.COMPARTMENT), "only the root, in each region");
            }
        }
    }

    @Test
    void aCompartmentCreatedAndOneDeletedWhileThePollerRunsShowUpWithoutARestart() throws Exception {
        try (DemoHarness h = new DemoHarness(5, 90, 2, new FaultPlan()); FleetPoller p = h.poller()) {
            SimTenancy t = h.demo.fleet().tenancy();
            SimTenancy.Compartment crm = t.byName("crm");
            p.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> p.store().current().count(NodeKind.REGION) == 2);
            String crmNode = "compartment:us-ashburn-1:" + crm.id();
            assertNotNull(p.store().current().node(crmNode));
            long crmDatabases = h.demo.fleet().allDatabases().stream().filter(db -> db.compartmentId().equals(crm.id())).count();
            assertTrue(crmDatabases > 0);

            SimTenancy.Compartment added = t.create(t.byName("nonprod").id(), "perf-lab", false);
            t.delete(crm.id());
            t.rename(t.byName("billing").id(), "billing-eu");
            p.rediscoverNow();
            await().atMost(Duration.ofSeconds(30)).until(() -> p.store().current().node(crmNode) == null);
            FleetSnapshot s = p.store().current();
            FleetNode perf = s.node("compartment:us-ashburn-1:" + added.id());
            assertNotNull(perf, "the new compartment is in the tree");
            assertEquals("acme-demo/nonprod/perf-lab", s.compartmentPath(perf.id()));
            assertTrue(s.isEmptyCompartment(perf.id()));
            assertEquals("billing-eu", s.node("compartment:us-ashburn-1:" + t.byName("billing-eu").id()).name());
            // The deleted compartment's rows went with it.
            assertEquals(0, s.nodes().values().stream().filter(n -> n.kind() == NodeKind.DATABASE
                    && crm.id().equals(h.demo.fleet().database(n.id()) == null ? null
                    : h.demo.fleet().database(n.id()).compartmentId())).count());
        }
    }
}
