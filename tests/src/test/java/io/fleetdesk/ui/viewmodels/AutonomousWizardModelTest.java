package io.fleetdesk.ui.viewmodels;

import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.AutonomousOperationsApi;
import io.fleetdesk.oci.SdkAutonomousOperationsApi;
import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.ops.AutonomousPairs;
import io.fleetdesk.ops.AutonomousPrechecks;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.State;
import io.fleetdesk.ops.OperationInProgressException;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.sim.SimEstate;
import io.fleetdesk.sim.SimFleet;
import io.fleetdesk.support.DemoHarness;
import io.fleetdesk.support.En;
import io.fleetdesk.ui.switchover.DataGuardWizardModel;
import io.fleetdesk.ui.switchover.DataGuardWizardModel.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Autonomous Data Guard through the wizard's model, as the window runs it (same-thread executors): an
 * Autonomous Database switchover to its local standby and to a cross-region peer, a container database
 * switchover, failover and reinstate, a failure in the middle, one operation per pair, and never a
 * password. Through the real SDK against the simulator, each database on its own region's endpoint.
 */
class AutonomousWizardModelTest {
    @TempDir
    Path data;
    private DemoHarness h;
    private SimFleet fleet;
    private SimEstate estate;
    private AuditLog audit;
    private final OperationLocks locks = new OperationLocks();
    private final Map<String, AutonomousOperationsApi> apis = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(5, 40, 3, new FaultPlan());
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(4));
        fleet = h.demo.fleet();
        estate = fleet.estate();
        audit = new AuditLog(data);
    }

    @AfterEach
    void stop() {
        apis.values().forEach(AutonomousOperationsApi::close);
        h.close();
    }

    private FleetSnapshot read() {
        try (FleetPoller p = h.poller()) {
            return p.refreshOnce();
        }
    }

    private String id(NodeKind kind, String name, String region, FleetSnapshot s) {
        return s.nodes().values().stream().filter(n -> n.kind() == kind && name.equals(n.name())
                && s.regionOf(n.id()).equals(region)).findFirst().orElseThrow().id();
    }

    /** The wizard as the main window opens it (FeatureLaunchers.openAutonomous), on the test's thread. */
    private DataGuardWizardModel wizard(Kind kind, String nodeId, FleetSnapshot snap) {
        DataGuardActions.Offer offer = DataGuardActions.offer(kind, snap, nodeId, locks);
        assertTrue(offer.available(), En.of(offer.reason()));
        var acted = snap.node(offer.actedId());
        boolean container = acted.kind() == NodeKind.AUTONOMOUS_CONTAINER_DATABASE;
        boolean local = AutonomousPairs.isLocalStandby(offer.peerId());
        Function<String, AutonomousOperationsApi> apiOf = id -> apis.computeIfAbsent(snap.regionOf(id),
                r -> new SdkAutonomousOperationsApi(h.profile, r));
        var primary = kind == Kind.SWITCHOVER || local ? acted : snap.node(offer.peerId());
        var target = new DataGuardWorkflow.Target(offer.actedId(), offer.peerId(), acted.name(),
                snap.node(offer.peerId()).name(), primary.dbName(), "Demo fleet", "ocid1.user.oc1..dba");
        var timing = new DataGuardWorkflow.Timing(Duration.ofMillis(100), Duration.ofSeconds(20));
        var w = new DataGuardWorkflow(kind, target, container ? AutonomousPairs.containerDatabase(apiOf, target)
                : AutonomousPairs.autonomousDatabase(apiOf, target), audit, locks,
                local ? AutonomousPairs.localStandby(kind, target, apiOf, timing.poll())
                        : AutonomousPairs.roles(kind, target, apiOf, container, timing.poll()), timing);
        Duration lag = Duration.ofSeconds(30);
        return DataGuardWizardModel.autonomous(offer, w, snap, container
                        ? () -> AutonomousPrechecks.containerDatabase(kind, offer.actedId(), offer.peerId(), apiOf, lag)
                        : () -> AutonomousPrechecks.autonomousDatabase(kind, offer.actedId(), offer.peerId(), apiOf, lag),
                container ? "" : local ? "adbLocal." : "adbRemote.", lag, Runnable::run, Runnable::run, () -> { });
    }

    /** Pair → Pre-checks → Confirm with the name typed, then Start: no password anywhere. */
    private State runToTheEnd(DataGuardWizardModel m) {
        assertFalse(m.needsPassword(), "Autonomous Data Guard asks for no password");
        m.next();
        assertEquals(Page.PRECHECKS, m.pageProperty().get());
        assertFalse(m.checks().stream().anyMatch(c -> c.verdict() == Verdict.FAIL),
                m.checks().stream().map(c -> En.of(c.title()) + ": " + En.of(c.measured())).toList().toString());
        if (m.hasWarningsBinding().get()) {
            m.acknowledgedProperty().set(true);
        }
        m.next();
        assertEquals(Page.CONFIRM, m.pageProperty().get());
        m.typedNameProperty().set(m.confirmName());
        if (m.kind() == Kind.FAILOVER) {
            m.lossAcceptedProperty().set(true);
        }
        assertNull(m.nextBlockedReason().get(), "nothing but the name (and for a failover, the loss) is asked");
        assertTrue(m.submit(new char[0]));
        return m.stateProperty().get();
    }

    private List<AuditEntry> auditOf(String databaseId) {
        return audit.readAll().stream().filter(e -> e.targets().contains(databaseId)).toList();
    }

    @Test
    void anAutonomousDatabaseSwitchesOverToItsLocalStandbyEndToEnd() {
        FleetSnapshot s = read();
        String crm = id(NodeKind.AUTONOMOUS_DATABASE, "crm-atp", "us-ashburn-1", s);
        // Offered from the standby's row too: it acts on the primary.
        DataGuardWizardModel m = wizard(Kind.SWITCHOVER, AutonomousPairs.localStandbyId(crm), s);
        assertEquals(crm, m.offer().actedId());
        assertEquals("CRMATP", m.confirmName());
        assertTrue(m.checks().isEmpty());
        assertEquals(State.DONE, runToTheEnd(m), En.of(m.progress().messageProperty().get() == null ? null
                : io.fleetdesk.model.Notice.of("pc.value", m.progress().messageProperty().get())));
        FleetSnapshot after = read();
        assertNotEquals(s.node(AutonomousPairs.localStandbyId(crm)).details().get(io.fleetdesk.model.Detail.AVAILABILITY_DOMAIN),
                after.node(AutonomousPairs.localStandbyId(crm)).details().get(io.fleetdesk.model.Detail.AVAILABILITY_DOMAIN),
                "the standby is now in the other availability domain");
        assertNotNull(after.node(crm).details().get(io.fleetdesk.model.Detail.LAST_SWITCHOVER));
        List<AuditEntry> log = auditOf(crm);
        assertEquals(List.of(AuditEntry.Phase.INTENT, AuditEntry.Phase.SENT, AuditEntry.Phase.OUTCOME),
                log.stream().map(AuditEntry::phase).toList());
        assertEquals("SWITCHOVER", log.getFirst().action());
        assertEquals("LOCAL_STANDBY", log.getFirst().parameters().get("to"));
        assertEquals("SUCCEEDED", log.getLast().status());
        assertTrue(log.stream().noneMatch(e -> e.parameters().keySet().stream().anyMatch(k -> k.toLowerCase().contains("password"))));
    }

    @Test
    void aCrossRegionSwitchoverIsSentToThePeersRegionAndTheRolesSwap() {
        FleetSnapshot s = read();
        String primary = id(NodeKind.AUTONOMOUS_DATABASE, "billing-atp", "us-ashburn-1", s);
        String peer = id(NodeKind.AUTONOMOUS_DATABASE, "billing-atp", "eu-frankfurt-1", s);
        DataGuardWizardModel m = wizard(Kind.SWITCHOVER, peer, s);
        assertEquals(primary, m.offer().actedId(), "acted on the primary whichever row it was opened from");
        assertEquals(State.DONE, runToTheEnd(m));
        assertEquals("STANDBY", estate.role(primary));
        assertEquals("PRIMARY", estate.role(peer));
        AuditEntry intent = auditOf(primary).getFirst();
        assertEquals(peer, intent.parameters().get("sentOn"));
        assertEquals(primary, intent.parameters().get("peerDbId"));
        // And back, from the new primary in Frankfurt.
        FleetSnapshot again = read();
        assertEquals("PRIMARY", again.node(peer).role());
        assertEquals(State.DONE, runToTheEnd(wizard(Kind.SWITCHOVER, peer, again)));
        assertEquals("PRIMARY", estate.role(primary));
    }

    @Test
    void aContainerDatabaseSwitchesOverFailsOverAndIsReinstated() {
        FleetSnapshot s = read();
        String iad = id(NodeKind.AUTONOMOUS_CONTAINER_DATABASE, "acd-erp-iad", "us-ashburn-1", s);
        String fra = id(NodeKind.AUTONOMOUS_CONTAINER_DATABASE, "acd-erp-fra", "eu-frankfurt-1", s);
        assertEquals(State.DONE, runToTheEnd(wizard(Kind.SWITCHOVER, iad, s)));
        assertEquals("PRIMARY", estate.role(fra));
        FleetSnapshot s2 = read();
        assertEquals(State.DONE, runToTheEnd(wizard(Kind.FAILOVER, iad, s2)));
        assertEquals("PRIMARY", estate.role(iad));
        assertEquals("DISABLED_STANDBY", estate.role(fra));
        FleetSnapshot s3 = read();
        assertEquals("DISABLED_STANDBY", s3.node(fra).role());
        assertEquals(State.DONE, runToTheEnd(wizard(Kind.REINSTATE, fra, s3)));
        assertEquals("STANDBY", estate.role(fra));
        assertEquals(3, auditOf(iad).stream().filter(e -> e.phase() == AuditEntry.Phase.OUTCOME
                && "SUCCEEDED".equals(e.status())).count());
    }

    @Test
    void aFailureInTheMiddleIsFailedWithTheServicesErrorAndTheRolesStay() {
        FleetSnapshot s = read();
        String iad = id(NodeKind.AUTONOMOUS_CONTAINER_DATABASE, "acd-erp-iad", "us-ashburn-1", s);
        h.demo.server().autonomousOperations().failNext("ORA-16665: timeout waiting for the result from a member");
        DataGuardWizardModel m = wizard(Kind.SWITCHOVER, iad, s);
        assertEquals(State.FAILED, runToTheEnd(m));
        assertTrue(m.progress().messageProperty().get().contains("ORA-16665"), m.progress().messageProperty().get());
        assertEquals("PRIMARY", estate.role(iad));
        assertEquals("FAILED", auditOf(iad).getLast().status());
        // The pair is free again for the next attempt.
        assertTrue(DataGuardActions.offer(Kind.SWITCHOVER, read(), iad, locks).available());
    }

    @Test
    void oneOperationPerPairAndPreChecksThatSeeWorkInFlightBlock() {
        FleetSnapshot s = read();
        String crm = id(NodeKind.AUTONOMOUS_DATABASE, "crm-atp", "us-ashburn-1", s);
        DataGuardWizardModel first = wizard(Kind.SWITCHOVER, crm, s);
        DataGuardActions.Offer second = DataGuardActions.offer(Kind.FAILOVER, s, crm, locks);
        assertFalse(second.available());
        assertTrue(En.of(second.reason()).contains("open already"), En.of(second.reason()));
        first.cancel();
        // A role change already running in the service (from the console, say) fails the pre-checks.
        new SdkAutonomousOperationsApi(h.profile, "us-ashburn-1").switchoverAutonomousDatabase(crm, null);
        DataGuardWizardModel m = wizard(Kind.SWITCHOVER, crm, s);
        m.next();
        var work = m.checks().stream().filter(c -> c.id().equals("work")).findFirst().orElseThrow();
        assertEquals(Verdict.FAIL, work.verdict());
        assertTrue(m.checks().stream().anyMatch(c -> c.verdict() == Verdict.FAIL && En.of(c.measured()).contains("ROLE_CHANGE_IN_PROGRESS")),
                m.checks().stream().map(c -> En.of(c.measured())).toList().toString());
        assertFalse(m.nextAllowed().get());
        // Even past the menu (a second window, a stale offer), the workflow refuses a second operation on the pair.
        var target = new DataGuardWorkflow.Target(crm, AutonomousPairs.localStandbyId(crm), "crm-atp", "standby", "CRMATP",
                "Demo fleet", "ocid1.user.oc1..dba");
        assertThrows(OperationInProgressException.class, () -> new DataGuardWorkflow(Kind.FAILOVER, target,
                AutonomousPairs.autonomousDatabase(id -> null, target), audit, locks,
                AutonomousPairs.localStandby(Kind.FAILOVER, target, id -> null, Duration.ofMillis(100)),
                DataGuardWorkflow.Timing.defaults()));
    }

    @Test
    void anAutonomousDatabaseHasNoReinstateAndAStoppedOneIsNoSwitchover() {
        FleetSnapshot s = read();
        String crm = id(NodeKind.AUTONOMOUS_DATABASE, "crm-atp", "us-ashburn-1", s);
        assertTrue(En.of(DataGuardActions.offer(Kind.REINSTATE, s, crm, locks).reason()).contains("reinstates an Autonomous Database by itself"));
        String adw = id(NodeKind.AUTONOMOUS_DATABASE, "analytics-adw", "us-ashburn-1", s);
        assertFalse(DataGuardActions.offer(Kind.SWITCHOVER, s, adw, locks).available(), "no Data Guard at all");
    }

    @Test
    void aCrossRegionSwitchoverLeftWithoutAnOutcomeIsFoundInThePeersRegionAtTheNextStart() throws Exception {
        FleetSnapshot s = read();
        String primary = id(NodeKind.AUTONOMOUS_DATABASE, "billing-atp", "us-ashburn-1", s);
        String peer = id(NodeKind.AUTONOMOUS_DATABASE, "billing-atp", "eu-frankfurt-1", s);
        String compartment = fleet.tenancy().byName("billing").id();
        // The app died right after the send: an intent, no SENT, no outcome; the service ran it.
        audit.intent("ocid1.user.oc1..dba", "Demo fleet", "SWITCHOVER", List.of(primary, peer),
                Map.of("sentOn", peer, "peerDbId", primary, "compartmentId", compartment, "databaseName", "billing-atp"));
        try (var fra = new SdkAutonomousOperationsApi(h.profile, "eu-frankfurt-1")) {
            fra.switchoverAutonomousDatabase(peer, primary);
        }
        var pending = io.fleetdesk.ops.CrashRecovery.pending(audit, "Demo fleet");
        assertEquals(1, pending.size());
        assertEquals(peer, io.fleetdesk.ops.CrashRecovery.regionTarget(pending.getFirst()));
        try (var ops = new io.fleetdesk.oci.SdkDataGuardOperationsApi(h.profile, s.regionOf(peer))) {
            var settled = io.fleetdesk.ops.CrashRecovery.settle(audit, pending.getFirst(), ops, Duration.ofMillis(50));
            assertEquals("SUCCEEDED", settled.status(), En.of(settled.what()));
            assertNotNull(settled.workRequestId());
        }
        assertTrue(io.fleetdesk.ops.CrashRecovery.pending(audit, "Demo fleet").isEmpty());
        assertEquals("PRIMARY", estate.role(peer));
    }
}
