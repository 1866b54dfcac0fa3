package io.fleetdesk.sim;

import com.oracle.bmc.ClientConfiguration;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.DataGuardAssociation;
import com.oracle.bmc.database.model.FailoverDataGuardAssociationDetails;
import com.oracle.bmc.database.model.ReinstateDataGuardAssociationDetails;
import com.oracle.bmc.database.model.SwitchoverDataGuardAssociationDetails;
import com.oracle.bmc.database.requests.FailoverDataGuardAssociationRequest;
import com.oracle.bmc.database.requests.GetDatabaseRequest;
import com.oracle.bmc.database.requests.ListDataGuardAssociationsRequest;
import com.oracle.bmc.database.requests.ReinstateDataGuardAssociationRequest;
import com.oracle.bmc.database.requests.SwitchoverDataGuardAssociationRequest;
import com.oracle.bmc.database.responses.SwitchoverDataGuardAssociationResponse;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.workrequests.WorkRequestClient;
import com.oracle.bmc.workrequests.model.WorkRequest;
import com.oracle.bmc.workrequests.requests.GetWorkRequestRequest;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Switchover, failover and reinstate in the simulator, driven through the real SDK as the wizard will. */
class DataGuardOperationsThroughSdkTest {
    private static final String PASSWORD = "Demo#Admin_12";
    private DemoHarness h;
    private DatabaseClient db;
    private WorkRequestClient wr;
    private SimFleet fleet;
    private SimFleet.Database primary;
    private SimFleet.Database standby;

    @BeforeEach
    void start() throws Exception {
        h = new DemoHarness(77, 120, 2, new FaultPlan());
        fleet = h.demo.fleet();
        h.workRequestsEndAfterFourReads(Duration.ofMinutes(10));
        SimFleet.Pair pair = h.availablePairInOneRegion();
        primary = fleet.database(pair.firstDbId());
        standby = fleet.database(pair.secondDbId());
        String endpoint = h.demo.server().endpoint(primary.region());
        ClientConfiguration noRetry = ClientConfiguration.builder().retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION).build();
        db = DatabaseClient.builder().endpoint(endpoint).configuration(noRetry).build(h.profile.auth());
        wr = WorkRequestClient.builder().endpoint(endpoint).configuration(noRetry).build(h.profile.auth());
    }

    @AfterEach
    void stop() {
        db.close();
        wr.close();
        h.close();
    }

    private String associationOf(SimFleet.Database d) {
        return db.listDataGuardAssociations(ListDataGuardAssociationsRequest.builder().databaseId(d.id()).build())
                .getItems().getFirst().getId();
    }

    private String role(SimFleet.Database d) {
        var g = db.getDatabase(GetDatabaseRequest.builder().databaseId(d.id()).build()).getDatabase().getDataGuardGroup();
        return g.getMembers().stream().filter(m -> m.getDatabaseId().equals(d.id())).findFirst().orElseThrow().getRole().getValue();
    }

    private WorkRequest followToEnd(String workRequestId) {
        return await("work request " + workRequestId + " ends").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> wr.getWorkRequest(GetWorkRequestRequest.builder().workRequestId(workRequestId).build())
                        .getWorkRequest(), w -> w.getTimeFinished() != null);
    }

    private SwitchoverDataGuardAssociationResponse switchover(SimFleet.Database from) {
        return db.switchoverDataGuardAssociation(SwitchoverDataGuardAssociationRequest.builder()
                .databaseId(from.id()).dataGuardAssociationId(associationOf(from))
                .switchoverDataGuardAssociationDetails(SwitchoverDataGuardAssociationDetails.builder()
                        .databaseAdminPassword(PASSWORD).build()).build());
    }

    @Test
    void aSwitchoverReturnsAWorkRequestRunsUpdatingAndSwapsTheRoles() throws Exception {
        SwitchoverDataGuardAssociationResponse r = switchover(primary);
        assertNotNull(r.getOpcWorkRequestId());
        assertNotNull(r.getOpcRequestId());
        assertEquals(DataGuardAssociation.LifecycleState.Updating, r.getDataGuardAssociation().getLifecycleState());
        assertEquals("UPDATING", fleet.databaseState(primary));
        // A second operation on the same pair while it runs is refused, as the service does.
        BmcException busy = assertThrows(BmcException.class, () -> switchover(primary));
        assertEquals(409, busy.getStatusCode());
        WorkRequest w = followToEnd(r.getOpcWorkRequestId());
        assertEquals(WorkRequest.Status.Succeeded, w.getStatus());
        assertEquals("STANDBY", role(primary));
        assertEquals("PRIMARY", role(standby));
        assertEquals("AVAILABLE", fleet.databaseState(primary));
    }

    @Test
    void aSwitchoverToldToFailEndsFailedWithTheMessageAndTheRolesUnchanged() throws Exception {
        h.demo.server().dataGuardOperations().failNext("ORA-16467: switchover target is not synchronized");
        SwitchoverDataGuardAssociationResponse r = switchover(primary);
        WorkRequest w = followToEnd(r.getOpcWorkRequestId());
        assertEquals(WorkRequest.Status.Failed, w.getStatus());
        assertTrue(w.getPercentComplete() < 100);
        assertEquals("PRIMARY", role(primary));
        assertEquals("STANDBY", role(standby));
        assertEquals("AVAILABLE", fleet.databaseState(standby));
    }

    @Test
    void aSwitchoverFromTheStandbyOrWithoutAPasswordIsRefused() {
        BmcException wrongSide = assertThrows(BmcException.class, () -> switchover(standby));
        assertEquals(409, wrongSide.getStatusCode());
        assertTrue(wrongSide.getMessage().contains("PRIMARY"), wrongSide.getMessage());
        BmcException noPassword = assertThrows(BmcException.class, () -> db.switchoverDataGuardAssociation(
                SwitchoverDataGuardAssociationRequest.builder().databaseId(primary.id())
                        .dataGuardAssociationId(associationOf(primary))
                        .switchoverDataGuardAssociationDetails(SwitchoverDataGuardAssociationDetails.builder()
                                .databaseAdminPassword("").build()).build()));
        assertEquals(400, noPassword.getStatusCode());
    }

    @Test
    void aFailoverLeavesTheOldPrimaryDisabledUntilItIsReinstated() throws Exception {
        var f = db.failoverDataGuardAssociation(FailoverDataGuardAssociationRequest.builder()
                .databaseId(standby.id()).dataGuardAssociationId(associationOf(standby))
                .failoverDataGuardAssociationDetails(FailoverDataGuardAssociationDetails.builder()
                        .databaseAdminPassword(PASSWORD).build()).build());
        assertEquals(WorkRequest.Status.Succeeded, followToEnd(f.getOpcWorkRequestId()).getStatus());
        assertEquals("PRIMARY", role(standby));
        assertEquals("DISABLED_STANDBY", role(primary));
        var r = db.reinstateDataGuardAssociation(ReinstateDataGuardAssociationRequest.builder()
                .databaseId(primary.id()).dataGuardAssociationId(associationOf(primary))
                .reinstateDataGuardAssociationDetails(ReinstateDataGuardAssociationDetails.builder()
                        .databaseAdminPassword(PASSWORD).build()).build());
        assertEquals(WorkRequest.Status.Succeeded, followToEnd(r.getOpcWorkRequestId()).getStatus());
        assertEquals("STANDBY", role(primary));
    }
}
