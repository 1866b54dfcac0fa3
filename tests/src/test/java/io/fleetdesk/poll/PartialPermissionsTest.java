package io.fleetdesk.poll;

import io.fleetdesk.support.En;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.sim.SimTenancy;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A list call the policy does not allow in one compartment (the demo's payments, where the user may
 * not list PDBs) marks only that kind there; the rest of the compartment stays fresh.
 */
class PartialPermissionsTest {
    private static final String POLICY = "inspect pluggable-databases in compartment prod:payments";

    @Test
    void pdbsRefusedInOneCompartmentMarkOnlyThePdbsThereAndItsDatabasesStayFresh() throws Exception {
        try (DemoHarness h = new DemoHarness(7, 150, 2, new FaultPlan()); var p = h.poller()) {
            SimTenancy t = h.demo.fleet().tenancy();
            SimTenancy.Compartment payments = t.byName(SimTenancy.NO_PDB_POLICY_COMPARTMENT);
            t.deny("ListPluggableDatabases", payments.id());
            FleetSnapshot s = p.refreshOnce();
            SimFleet f = h.demo.fleet();
            List<SimFleet.Database> there = f.allDatabases().stream()
                    .filter(d -> d.compartmentId().equals(payments.id()) && d.region().equals("us-ashburn-1")).toList();
            assertTrue(!there.isEmpty(), "the demo puts databases in payments");

            String compId = "compartment:us-ashburn-1:" + payments.id();
            FleetNode comp = s.node(compId);
            assertNull(comp.stale(), "the compartment was read: it is not stale");
            // Its databases are fresh and keep their own health, and have no PDB rows.
            for (SimFleet.Database d : there) {
                FleetNode n = s.node(d.id());
                assertNotNull(n, d.dbUniqueName());
                assertNull(n.stale());
                assertTrue(s.children(d.id()).isEmpty(), "no PDB of " + d.dbUniqueName() + " could be listed");
            }
            // One row says what is missing here and which policy statement would allow it.
            FleetNode unlisted = s.node("unlisted:ListPluggableDatabases:us-ashburn-1:" + payments.id());
            assertEquals(NodeKind.NOT_LISTED, unlisted.kind());
            assertEquals(compId, unlisted.parentId());
            assertEquals(Health.UNKNOWN, unlisted.health());
            assertTrue(En.of(unlisted.reasons()).getFirst().contains(POLICY), En.of(unlisted.reasons()).toString());
            // The compartment's roll-up says the same as the rows under it.
            assertEquals(Health.UNKNOWN.worst(worstOf(s, there)), s.rolledUpHealth(compId));
            assertTrue(En.of(s.errors()).stream().anyMatch(e -> e.startsWith("us-ashburn-1 / acme-demo/prod/payments:")
                    && e.contains(POLICY)), En.of(s.errors()).toString());
            // Every other compartment's PDBs are there.
            long pdbsElsewhere = f.allDatabases().stream().filter(d -> !d.compartmentId().equals(payments.id()))
                    .mapToLong(d -> f.pdbsOf(d.id()).size()).sum();
            assertEquals(pdbsElsewhere, s.count(NodeKind.PLUGGABLE_DATABASE));
        }
    }

    @Test
    void pdbsReadBeforeThePolicyChangedAreKeptStaleWithThePolicyText() throws Exception {
        try (DemoHarness h = new DemoHarness(7, 150, 2, new FaultPlan()); var p = h.poller()) {
            SimTenancy t = h.demo.fleet().tenancy();
            SimTenancy.Compartment payments = t.byName(SimTenancy.NO_PDB_POLICY_COMPARTMENT);
            SimFleet.Database db = h.demo.fleet().allDatabases().stream()
                    .filter(d -> d.compartmentId().equals(payments.id())).findFirst().orElseThrow();
            p.refreshOnce();
            t.deny("ListPluggableDatabases", payments.id());
            FleetSnapshot s = p.refreshOnce();
            List<String> pdbs = s.children(db.id());
            assertEquals(h.demo.fleet().pdbsOf(db.id()).size(), pdbs.size());
            for (String id : pdbs) {
                FleetNode pdb = s.node(id);
                assertNotNull(pdb.stale(), pdb.name() + " is marked stale");
                assertTrue(En.of(pdb.stale().reason()).contains(POLICY), En.of(pdb.stale().reason()));
                assertEquals(Health.UNKNOWN, pdb.shownHealth());
            }
            assertNull(s.node(db.id()).stale(), "the CDB itself was read fresh");
            assertNull(s.node("compartment:" + db.region() + ":" + payments.id()).stale());
        }
    }

    private static Health worstOf(FleetSnapshot s, List<SimFleet.Database> dbs) {
        Health h = Health.OK;
        for (SimFleet.Database d : dbs) {
            h = h.worst(s.rolledUpHealth(d.id()));
        }
        // DB systems there roll up too.
        for (String id : s.children("compartment:us-ashburn-1:" + dbs.getFirst().compartmentId())) {
            h = h.worst(s.rolledUpHealth(id));
        }
        return h;
    }
}
