package io.fleetdesk.sim;

import io.fleetdesk.oci.AutonomousOperationsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.Rows;
import io.fleetdesk.oci.SdkAutonomousOperationsApi;
import io.fleetdesk.oci.WorkRequestsApi;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Autonomous Data Guard operations through the real SDK against the simulator: each is accepted on
 * the database the service expects, refused with a clear message on the wrong one, runs through
 * ROLE_CHANGE_IN_PROGRESS and ends as the service ends it.
 */
class AutonomousOperationsThroughSdkTest {
    private DemoHarness h;
    private SimEstate estate;
    private AutonomousOperationsApi iad;
    private AutonomousOperationsApi fra;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(5, 40, 3, new FaultPlan());
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(4));
        estate = h.demo.fleet().estate();
        iad = new SdkAutonomousOperationsApi(h.profile, "us-ashburn-1");
        fra = new SdkAutonomousOperationsApi(h.profile, "eu-frankfurt-1");
    }

    @AfterEach
    void stop() {
        iad.close();
        fra.close();
        h.close();
    }

    private SimEstate.AutonomousDatabase adb(String name, String region) {
        return estate.allAutonomousDatabases().stream().filter(a -> a.displayName().equals(name) && a.region().equals(region))
                .findFirst().orElseThrow();
    }

    private SimEstate.ContainerDatabase acd(String name) {
        return estate.allContainerDatabases().stream().filter(c -> c.displayName().equals(name)).findFirst().orElseThrow();
    }

    private static WorkRequestsApi.WorkRequestProgress followToEnd(WorkRequestsApi api, String id) {
        WorkRequestsApi.WorkRequestProgress p = api.workRequest(id);
        for (int i = 0; i < 20 && !p.ended(); i++) {
            p = api.workRequest(id);
        }
        return p;
    }

    @Test
    void aLocalSwitchoverMovesThePrimaryToTheStandbysAvailabilityDomainAndKeepsItsRole() {
        SimEstate.AutonomousDatabase crm = adb("crm-atp", "us-ashburn-1");
        Rows.AutonomousDatabaseRow before = iad.autonomousDatabase(crm.id());
        String standbyAdBefore = before.dataGuard().localStandbyAvailabilityDomain();
        var sent = iad.switchoverAutonomousDatabase(crm.id(), null);
        assertNotNull(sent.workRequestId());
        assertEquals("ROLE_CHANGE_IN_PROGRESS", iad.autonomousDatabase(crm.id()).lifecycleState());
        // One role change at a time.
        OciApiException busy = assertThrows(OciApiException.class, () -> iad.switchoverAutonomousDatabase(crm.id(), null));
        assertEquals(409, busy.status());
        assertEquals("SUCCEEDED", followToEnd(iad, sent.workRequestId()).status());
        Rows.AutonomousDatabaseRow after = iad.autonomousDatabase(crm.id());
        assertEquals("AVAILABLE", after.lifecycleState());
        assertEquals("PRIMARY", after.dataGuard().role());
        assertNotEquals(standbyAdBefore, after.dataGuard().localStandbyAvailabilityDomain());
        assertNotNull(after.dataGuard().lastSwitchover());
    }

    @Test
    void aCrossRegionSwitchoverIsSentOnTheStandbyPeerWithThePrimaryAndSwapsTheRoles() {
        SimEstate.AutonomousDatabase primary = adb("billing-atp", "us-ashburn-1");
        SimEstate.AutonomousDatabase peer = adb("billing-atp", "eu-frankfurt-1");
        // Sent on the primary, or in the wrong region: refused, saying where it goes.
        OciApiException wrong = assertThrows(OciApiException.class,
                () -> iad.switchoverAutonomousDatabase(primary.id(), peer.id()));
        assertEquals(409, wrong.status());
        assertTrue(wrong.getMessage().contains("sent on the standby peer"), wrong.getMessage());
        OciApiException elsewhere = assertThrows(OciApiException.class,
                () -> iad.switchoverAutonomousDatabase(peer.id(), primary.id()));
        assertEquals(404, elsewhere.status(), "the peer lives on its own region's endpoint");
        var sent = fra.switchoverAutonomousDatabase(peer.id(), primary.id());
        assertEquals("ROLE_CHANGE_IN_PROGRESS", fra.autonomousDatabase(peer.id()).lifecycleState());
        assertEquals("SUCCEEDED", followToEnd(fra, sent.workRequestId()).status());
        assertEquals("PRIMARY", fra.autonomousDatabase(peer.id()).dataGuard().role());
        assertEquals("AVAILABLE", fra.autonomousDatabase(peer.id()).lifecycleState());
        Rows.AutonomousDatabaseRow old = iad.autonomousDatabase(primary.id());
        assertEquals("STANDBY", old.dataGuard().role());
        assertEquals("STANDBY", old.lifecycleState());
        assertNotNull(old.dataGuard().lastSwitchover());
    }

    @Test
    void containerDatabaseSwitchoverFailoverAndReinstateThroughTheDataGuardGroupCalls() {
        SimEstate.ContainerDatabase a = acd("acd-erp-iad");
        SimEstate.ContainerDatabase b = acd("acd-erp-fra");
        OciApiException onStandby = assertThrows(OciApiException.class, () -> fra.switchoverContainerDatabase(b.id()));
        assertEquals(409, onStandby.status());
        assertTrue(onStandby.getMessage().contains("PRIMARY"), onStandby.getMessage());
        var s = iad.switchoverContainerDatabase(a.id());
        assertEquals("UPDATING", iad.containerDatabase(a.id()).lifecycleState());
        assertEquals("SUCCEEDED", followToEnd(iad, s.workRequestId()).status());
        assertEquals("STANDBY", iad.containerDatabase(a.id()).dataGuard().role());
        assertEquals("PRIMARY", fra.containerDatabase(b.id()).dataGuard().role());
        // Failover to iad (now the standby): the old primary is left DISABLED_STANDBY until reinstated.
        var f = iad.failoverContainerDatabase(a.id());
        assertEquals("SUCCEEDED", followToEnd(iad, f.workRequestId()).status());
        assertEquals("PRIMARY", iad.containerDatabase(a.id()).dataGuard().role());
        assertEquals("DISABLED_STANDBY", fra.containerDatabase(b.id()).dataGuard().role());
        var r = fra.reinstateContainerDatabase(b.id());
        assertEquals("SUCCEEDED", followToEnd(fra, r.workRequestId()).status());
        assertEquals("STANDBY", fra.containerDatabase(b.id()).dataGuard().role());
    }

    @Test
    void aFailureMidwayLeavesTheRolesAsTheyWere() {
        SimEstate.ContainerDatabase a = acd("acd-erp-iad");
        h.demo.server().autonomousOperations().failNext("ORA-16778: redo transport error for one or more databases");
        var s = iad.switchoverContainerDatabase(a.id());
        var end = followToEnd(iad, s.workRequestId());
        assertEquals("FAILED", end.status());
        assertTrue(String.join(" ", end.errors()).contains("ORA-16778"), end.errors().toString());
        assertEquals("PRIMARY", iad.containerDatabase(a.id()).dataGuard().role());
        assertEquals("AVAILABLE", iad.containerDatabase(a.id()).lifecycleState());
    }
}
