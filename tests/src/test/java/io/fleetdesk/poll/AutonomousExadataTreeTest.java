package io.fleetdesk.poll;

import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.NodeLink;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimEstate;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.sim.SimTenancy;
import io.fleetdesk.support.DemoHarness;
import io.fleetdesk.support.En;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's Autonomous Databases, container databases, Exadata and Cloud@Customer in the fleet tree,
 * through the real SDK and the poller: where each hangs, its health and the reason, its Data Guard, and
 * the maintenance-overlap warning.
 */
class AutonomousExadataTreeTest {
    private static DemoHarness h;
    private static FleetPoller poller;
    private static FleetSnapshot s;
    private static SimEstate estate;

    @BeforeAll
    static void refresh() throws Exception {
        h = new DemoHarness(7, 60, 3, new FaultPlan());
        estate = h.demo.fleet().estate();
        // Standby lag follows the simulated clock and peaks for a while every 40 minutes: pinned, so the
        // health asserted here is the lifecycle's, not the lag's (the lag rules have tests of their own).
        for (SimEstate.AutonomousDatabase a : estate.allAutonomousDatabases()) {
            h.demo.fleet().overrideApplyLag(a.id(), 3);
            h.demo.fleet().overrideApplyLag(a.id() + "#local", 3);
        }
        for (SimEstate.ContainerDatabase c : estate.allContainerDatabases()) {
            h.demo.fleet().overrideApplyLag(c.id(), 3);
        }
        poller = h.poller();
        s = poller.refreshOnce();
    }

    @AfterAll
    static void stop() {
        poller.close();
        h.close();
    }

    private static FleetNode named(NodeKind kind, String name, String region) {
        return s.nodes().values().stream().filter(n -> n.kind() == kind && name.equals(n.name())
                        && s.pathTo(n.id()).getFirst().name().equals(region)).findFirst()
                .orElseThrow(() -> new AssertionError(kind + " " + name + " in " + region + " not in the tree"));
    }

    private static String compartmentNode(String region, String name) {
        return "compartment:" + region + ":" + h.demo.fleet().tenancy().byName(name).id();
    }

    @Test
    void everyKindIsInTheTreeUnderItsParentAndTerminatedOnesAreNot() {
        assertTrue(s.errors().isEmpty(), En.of(s.errors()).toString());
        long liveAdbs = estate.allAutonomousDatabases().stream().filter(a -> !"TERMINATED".equals(estate.state(a))).count();
        assertEquals(liveAdbs, s.count(NodeKind.AUTONOMOUS_DATABASE));
        assertTrue(s.nodes().values().stream().noneMatch(n -> "old-adw".equals(n.name())), "terminated: not shown");
        assertEquals(estate.allContainerDatabases().size(), s.count(NodeKind.AUTONOMOUS_CONTAINER_DATABASE));
        assertEquals(estate.allInfrastructures().size(), s.count(NodeKind.EXADATA_INFRASTRUCTURE));
        assertEquals(estate.allVmClusters().size(), s.count(NodeKind.VM_CLUSTER));
        assertEquals(estate.allAutonomousVmClusters().size(), s.count(NodeKind.AUTONOMOUS_VM_CLUSTER));

        FleetNode exa = named(NodeKind.EXADATA_INFRASTRUCTURE, "exa-prod-iad", "us-ashburn-1");
        assertEquals(compartmentNode("us-ashburn-1", "erp"), exa.parentId());
        FleetNode vmc = named(NodeKind.VM_CLUSTER, "vmc-erp-prod", "us-ashburn-1");
        assertEquals(exa.id(), vmc.parentId());
        // Its databases (vmClusterId, no dbSystemId) hang under the VM cluster, with their PDBs.
        List<String> dbs = s.children(vmc.id());
        assertEquals(2, dbs.size());
        for (String id : dbs) {
            assertEquals(NodeKind.DATABASE, s.node(id).kind());
            assertEquals(1, s.children(id).size(), "its PDB");
        }
        FleetNode avm = named(NodeKind.AUTONOMOUS_VM_CLUSTER, "avmc-erp-iad", "us-ashburn-1");
        assertEquals(exa.id(), avm.parentId());
        FleetNode acd = named(NodeKind.AUTONOMOUS_CONTAINER_DATABASE, "acd-erp-iad", "us-ashburn-1");
        assertEquals(avm.id(), acd.parentId());
        FleetNode dedicated = named(NodeKind.AUTONOMOUS_DATABASE, "erp-atp", "us-ashburn-1");
        assertEquals(acd.id(), dedicated.parentId());
        assertEquals("Autonomous Database on Dedicated Exadata Infrastructure", En.value(dedicated.details().get(Detail.DEPLOYMENT)));
        FleetNode serverless = named(NodeKind.AUTONOMOUS_DATABASE, "crm-atp", "us-ashburn-1");
        assertEquals(compartmentNode("us-ashburn-1", "crm"), serverless.parentId());
        assertEquals("Autonomous Database Serverless", En.value(serverless.details().get(Detail.DEPLOYMENT)));
        assertEquals("4 ECPU", En.value(serverless.details().get(Detail.COMPUTE)));
        assertEquals("412 GB used of 1,024 GB", En.value(serverless.details().get(Detail.STORAGE)));
        assertEquals("OLTP", serverless.details().get(Detail.WORKLOAD));
    }

    @Test
    void aLocalStandbyIsARowUnderItsPrimaryWithItsLag() {
        FleetNode crm = named(NodeKind.AUTONOMOUS_DATABASE, "crm-atp", "us-ashburn-1");
        assertEquals("PRIMARY", crm.role());
        List<String> kids = s.children(crm.id());
        assertEquals(1, kids.size());
        FleetNode standby = s.node(kids.getFirst());
        assertEquals(NodeKind.AUTONOMOUS_STANDBY, standby.kind());
        assertEquals("STANDBY", standby.role());
        assertEquals("STANDBY", standby.lifecycleState());
        assertTrue(standby.dataGuard().applyLagSeconds() >= 0, "its lag is shown");
        assertEquals("Autonomous Data Guard", En.value(crm.details().get(Detail.DR_TYPE)));
        assertTrue(En.value(crm.details().get(Detail.LOCAL_STANDBY)).startsWith("STANDBY, "), En.value(crm.details().get(Detail.LOCAL_STANDBY)));
    }

    @Test
    void aCrossRegionPeerIsReadFromItsRegionAndLinkedFromThePrimary() {
        FleetNode primary = named(NodeKind.AUTONOMOUS_DATABASE, "billing-atp", "us-ashburn-1");
        FleetNode peer = named(NodeKind.AUTONOMOUS_DATABASE, "billing-atp", "eu-frankfurt-1");
        assertEquals(compartmentNode("eu-frankfurt-1", "billing"), peer.parentId(), "in the peer region's branch");
        assertEquals(new NodeLink(peer.id()), primary.details().get(Detail.PEERS));
        assertEquals(new NodeLink(primary.id()), peer.details().get(Detail.PEERS));
        assertEquals("PRIMARY", primary.role());
        assertEquals("STANDBY", peer.role());
        assertEquals("STANDBY", peer.lifecycleState());
        assertEquals(Health.OK, peer.health(), "STANDBY is a standby peer's normal state: " + En.of(peer.reasons()));
        assertEquals("REMOTE_STANDBY_DG_REGION", peer.details().get(Detail.DG_REGION));
        assertNotNull(peer.dataGuard().applyLag(), "a standby peer's own lag");
    }

    @Test
    void cloudAtCustomerDisconnectedIsCriticalAndSaysWhatItMeans() {
        FleetNode cc = named(NodeKind.EXADATA_INFRASTRUCTURE, "exacc-dc1-frankfurt", "eu-frankfurt-1");
        assertEquals(Health.CRITICAL, cc.health());
        assertEquals("DISCONNECTED", cc.lifecycleState());
        assertTrue(En.of(cc.reasons()).getFirst().contains("DISCONNECTED from OCI"), En.of(cc.reasons()).toString());
        assertEquals("Exadata Database Service on Cloud@Customer", En.value(cc.details().get(Detail.DEPLOYMENT)));
        FleetNode vm = named(NodeKind.VM_CLUSTER, "vmc-dc1-finance", "eu-frankfurt-1");
        assertEquals(cc.id(), vm.parentId());
        assertEquals(Health.CRITICAL, s.rolledUpHealth(compartmentNode("eu-frankfurt-1", "erp-eu")));
        FleetNode stopped = named(NodeKind.AUTONOMOUS_DATABASE, "analytics-adw", "us-ashburn-1");
        assertEquals(Health.WARNING, stopped.health());
        assertTrue(En.of(stopped.reasons()).getFirst().startsWith("Autonomous Database is STOPPED"), En.of(stopped.reasons()).toString());
    }

    @Test
    void bothSidesOfAPairPatchedTheSameEveningAreWarnings() {
        FleetNode iad = named(NodeKind.AUTONOMOUS_CONTAINER_DATABASE, "acd-erp-iad", "us-ashburn-1");
        FleetNode fra = named(NodeKind.AUTONOMOUS_CONTAINER_DATABASE, "acd-erp-fra", "eu-frankfurt-1");
        assertTrue(iad.details().get(Detail.NEXT_MAINTENANCE) instanceof Instant);
        for (FleetNode n : List.of(iad, fra)) {
            assertEquals(Health.WARNING, n.health(), En.of(n.reasons()).toString());
            String peerName = n == iad ? "acd-erp-fra" : "acd-erp-iad";
            assertTrue(En.of(n.reasons()).stream().anyMatch(r -> r.contains("Data Guard peer " + peerName)
                    && r.contains("within 6 h")), En.of(n.reasons()).toString());
        }
        // The Exadata infrastructure's own maintenance, nine days out, is shown and is no warning.
        FleetNode exa = named(NodeKind.EXADATA_INFRASTRUCTURE, "exa-prod-iad", "us-ashburn-1");
        assertTrue(exa.details().get(Detail.NEXT_MAINTENANCE) instanceof Instant);
        assertEquals(Health.OK, exa.health(), En.of(exa.reasons()).toString());
    }

    @Test
    void aRoleChangeInProgressAndAnInaccessibleDatabaseShowAsTheServiceSaysWithAReason() {
        SimFleet f = h.demo.fleet();
        SimEstate.AutonomousDatabase crm = estate.allAutonomousDatabases().stream()
                .filter(a -> a.displayName().equals("crm-atp")).findFirst().orElseThrow();
        SimEstate.AutonomousDatabase apex = estate.allAutonomousDatabases().stream()
                .filter(a -> a.displayName().equals("apex-forms")).findFirst().orElseThrow();
        f.overrideState(crm.id(), "ROLE_CHANGE_IN_PROGRESS");
        f.overrideState(apex.id(), "INACCESSIBLE");
        try {
            FleetSnapshot again = poller.refreshOnce();
            FleetNode a = again.node(crm.id());
            assertEquals(Health.WARNING, a.health());
            assertTrue(En.of(a.reasons()).getFirst().contains("ROLE_CHANGE_IN_PROGRESS"), En.of(a.reasons()).toString());
            FleetNode b = again.node(apex.id());
            assertEquals(Health.CRITICAL, b.health());
            assertTrue(En.of(b.reasons()).getFirst().contains("INACCESSIBLE"), En.of(b.reasons()).toString());
        } finally {
            f.overrideState(crm.id(), null);
            f.overrideState(apex.id(), null);
        }
    }

    @Test
    void autonomousAndExadataListsRefusedInACompartmentSayWhichPolicyIsMissingAndTheRestStaysFresh() throws Exception {
        try (DemoHarness h2 = new DemoHarness(7, 60, 2, new FaultPlan()); var p = h2.poller()) {
            SimTenancy t = h2.demo.fleet().tenancy();
            String crm = t.byName("crm").id();
            String erp = t.byName("erp").id();
            t.deny("ListAutonomousDatabases", crm);
            t.deny("ListCloudExadataInfrastructures", erp);
            FleetSnapshot r = p.refreshOnce();
            FleetNode adbs = r.node("unlisted:ListAutonomousDatabases:us-ashburn-1:" + crm);
            assertEquals(Health.UNKNOWN, adbs.health());
            assertTrue(En.of(adbs.reasons()).getFirst().contains("inspect autonomous-databases in compartment"),
                    En.of(adbs.reasons()).toString());
            FleetNode exa = r.node("unlisted:ListCloudExadataInfrastructures:us-ashburn-1:" + erp);
            assertTrue(En.of(exa.reasons()).getFirst().contains("inspect cloud-exadata-infrastructures in compartment"),
                    En.of(exa.reasons()).toString());
            // The rest of erp is fresh: its VM clusters, now under the compartment, and their databases.
            FleetNode vmc = r.nodes().values().stream().filter(n -> "vmc-erp-prod".equals(n.name())).findFirst().orElseThrow();
            assertEquals("compartment:us-ashburn-1:" + erp, vmc.parentId());
            assertNull(vmc.stale());
            assertEquals(2, r.children(vmc.id()).size());
            assertNull(r.node("compartment:us-ashburn-1:" + crm).stale(), "crm's other lists answered");
        }
    }

    @Test
    void theWindowsFirstCycleShowsTheDatabasesAndTheNextOneRightAfterAddsTheExadataInfrastructuresAndContainerDatabases()
            throws Exception {
        try (DemoHarness h2 = new DemoHarness(7, 60, 3, new FaultPlan());
             FleetPoller p = h2.poller(PollerSettings.defaults().withDeadline(java.time.Duration.ofSeconds(20))
                     .withInterval(java.time.Duration.ofMinutes(10)).withSlowTierAfterFirstCycle(true),
                     java.time.Duration.ofSeconds(10))) {
            List<FleetSnapshot> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            p.store().subscribe(u -> seen.add(u.snapshot()));
            p.start();
            org.awaitility.Awaitility.await("two cycles, the second without waiting the 10-minute interval")
                    .atMost(java.time.Duration.ofSeconds(60)).until(() -> seen.size() >= 2);
            FleetSnapshot first = seen.getFirst();
            FleetSnapshot second = seen.get(1);
            assertEquals(h2.demo.fleet().allDatabases().size(), first.count(NodeKind.DATABASE), "every database at once");
            assertTrue(first.count(NodeKind.AUTONOMOUS_DATABASE) > 0, "and the Autonomous ones");
            assertEquals(0, first.count(NodeKind.EXADATA_INFRASTRUCTURE), "the slow tier waits for the next cycle");
            assertEquals(0, first.count(NodeKind.AUTONOMOUS_CONTAINER_DATABASE), "so do the container databases");
            assertEquals(h2.demo.fleet().estate().allInfrastructures().size(), second.count(NodeKind.EXADATA_INFRASTRUCTURE));
            assertEquals(h2.demo.fleet().estate().allContainerDatabases().size(),
                    second.count(NodeKind.AUTONOMOUS_CONTAINER_DATABASE), "which come with the second");
            FleetNode dedicated = second.nodes().values().stream()
                    .filter(n -> n.kind() == NodeKind.AUTONOMOUS_DATABASE && n.parentId() != null
                            && second.node(n.parentId()).kind() == NodeKind.AUTONOMOUS_CONTAINER_DATABASE)
                    .findFirst().orElseThrow();
            assertEquals(NodeKind.COMPARTMENT, first.node(first.node(dedicated.id()).parentId()).kind(),
                    "a dedicated Autonomous Database is shown at once, under its compartment until its container comes");
            FleetNode db = second.nodes().values().stream().filter(n -> "ERPX01_iad1".equals(n.name())).findFirst().orElseThrow();
            assertEquals(NodeKind.VM_CLUSTER, second.node(db.parentId()).kind(), "then under its VM cluster");
            assertEquals(NodeKind.COMPARTMENT, first.node(first.node(db.id()).parentId()).kind(), "at first under its compartment");
        }
    }
}
