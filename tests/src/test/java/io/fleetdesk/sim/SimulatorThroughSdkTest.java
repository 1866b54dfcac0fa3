package io.fleetdesk.sim;

import io.fleetdesk.support.En;
import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.DataGuardAssociationSummary;
import com.oracle.bmc.database.model.DatabaseSummary;
import com.oracle.bmc.database.model.DbHomeSummary;
import com.oracle.bmc.database.model.DbSystemSummary;
import com.oracle.bmc.database.model.PluggableDatabaseSummary;
import com.oracle.bmc.database.requests.GetDatabaseRequest;
import com.oracle.bmc.database.requests.ListDataGuardAssociationsRequest;
import com.oracle.bmc.database.requests.ListDatabasesRequest;
import com.oracle.bmc.database.requests.ListDbHomesRequest;
import com.oracle.bmc.database.requests.ListDbSystemsRequest;
import com.oracle.bmc.database.requests.ListPluggableDatabasesRequest;
import com.oracle.bmc.model.BmcException;
import com.oracle.bmc.retrier.RetryConfiguration;
import com.oracle.bmc.workrequests.WorkRequestClient;
import com.oracle.bmc.workrequests.model.WorkRequest;
import com.oracle.bmc.workrequests.requests.GetWorkRequestRequest;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.OciProfile;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.support.DemoHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The simulator speaks the service's API: the real SDK's clients and models read every answer. */
class SimulatorThroughSdkTest {
    private static DemoHarness h;
    private static DatabaseClient client;
    private static SimFleet fleet;
    private static final String REGION = "us-ashburn-1";

    @BeforeAll
    static void start() throws Exception {
        h = new DemoHarness(99, 300, 2, new FaultPlan());
        fleet = h.demo.fleet();
        client = DatabaseClient.builder().endpoint(h.demo.server().endpoint(REGION)).build(h.profile.auth());
    }

    @AfterAll
    static void stop() {
        client.close();
        h.close();
    }

    private static String compartment() {
        return fleet.compartments().getFirst().id();
    }

    @Test
    void listCallsParseIntoSdkModelsWithServiceEnumValues() {
        var systems = client.listDbSystems(ListDbSystemsRequest.builder().compartmentId(compartment()).build());
        assertNotNull(systems.getOpcRequestId());
        DbSystemSummary s = systems.getItems().getFirst();
        assertTrue(s.getId().startsWith("ocid1.dbsystem.oc1.iad."));
        assertTrue(s.getLifecycleState() != DbSystemSummary.LifecycleState.UnknownEnumValue);
        assertNotNull(s.getAvailabilityDomain());
        assertNotNull(s.getShape());

        var homes = client.listDbHomes(ListDbHomesRequest.builder().compartmentId(compartment()).build()).getItems();
        DbHomeSummary home = homes.getFirst();
        assertEquals(DbHomeSummary.LifecycleState.Available, home.getLifecycleState());
        List<DatabaseSummary> dbs = client.listDatabases(ListDatabasesRequest.builder().compartmentId(compartment())
                .dbHomeId(home.getId()).build()).getItems();
        assertTrue(!dbs.isEmpty());
        DatabaseSummary d = dbs.getFirst();
        assertEquals(home.getId(), d.getDbHomeId());
        assertTrue(d.getLifecycleState() != DatabaseSummary.LifecycleState.UnknownEnumValue);
        assertNotNull(d.getLastBackupTimestamp());

        PluggableDatabaseSummary p = client.listPluggableDatabases(ListPluggableDatabasesRequest.builder()
                .compartmentId(compartment()).build()).getItems().getFirst();
        assertEquals(PluggableDatabaseSummary.OpenMode.ReadWrite.getValue().equals(p.getOpenMode().getValue())
                || p.getOpenMode() == PluggableDatabaseSummary.OpenMode.ReadOnly
                || p.getOpenMode() == PluggableDatabaseSummary.OpenMode.Mounted, true);
    }

    @Test
    void aDataGuardDatabaseCarriesItsGroupAndAssociationsWithLagAndReadiness() {
        SimFleet.Database db = fleet.dataGuardDatabases().stream().filter(x -> x.region().equals(REGION))
                .filter(x -> "STANDBY".equals(fleet.role(x.id()))).findFirst().orElseThrow();
        fleet.overrideApplyLag(db.id(), 9);
        var got = client.getDatabase(GetDatabaseRequest.builder().databaseId(db.id()).build()).getDatabase();
        var group = got.getDataGuardGroup();
        assertNotNull(group);
        assertEquals(2, group.getMembers().size());
        var self = group.getMembers().stream().filter(m -> m.getDatabaseId().equals(db.id())).findFirst().orElseThrow();
        assertEquals("STANDBY", self.getRole().getValue());
        assertEquals("9 seconds", self.getApplyLag());
        assertNotNull(self.getSwitchoverReadiness());
        assertNotNull(self.getTransportType());
        List<DataGuardAssociationSummary> assoc = client.listDataGuardAssociations(
                ListDataGuardAssociationsRequest.builder().databaseId(db.id()).build()).getItems();
        assertEquals(1, assoc.size());
        assertEquals(DataGuardAssociationSummary.Role.Standby, assoc.getFirst().getRole());
        assertEquals(DataGuardAssociationSummary.PeerRole.Primary, assoc.getFirst().getPeerRole());
        assertEquals(DataGuardAssociationSummary.LifecycleState.Available, assoc.getFirst().getLifecycleState());
        fleet.overrideApplyLag(db.id(), -1);
    }

    @Test
    void paginationWithASmallLimitReturnsEveryItemOnceThroughTheSdkPaginator() {
        Set<String> ids = new HashSet<>();
        int pages = 0;
        for (var r : client.getPaginators().listPluggableDatabasesResponseIterator(ListPluggableDatabasesRequest.builder()
                .compartmentId(compartment()).limit(7).build())) {
            pages++;
            for (var p : r.getItems()) {
                assertTrue(ids.add(p.getId()), "duplicate " + p.getId());
            }
        }
        assertEquals(fleet.pdbs(REGION, compartment()).size(), ids.size());
        assertEquals((ids.size() + 6) / 7, pages);
    }

    @Test
    void listDatabasesWithoutADbHomeOrDbSystemIsRefusedAsTheServiceDoes() {
        BmcException e = assertThrows(BmcException.class, () -> client.listDatabases(
                ListDatabasesRequest.builder().compartmentId(compartment()).build()));
        assertEquals(400, e.getStatusCode());
        assertNotNull(e.getOpcRequestId());
    }

    @Test
    void anUnknownDatabaseIs404() {
        BmcException e = assertThrows(BmcException.class, () -> client.getDatabase(
                GetDatabaseRequest.builder().databaseId("ocid1.database.oc1.iad.nosuch").build()));
        assertEquals(404, e.getStatusCode());
        assertEquals("NotAuthorizedOrNotFound", e.getServiceCode());
    }

    @Test
    void aRequestSignedWithAnotherKeyGets401AndTheUserIsToldWhatToCheck() {
        DemoCredentials other = new DemoCredentials();
        OciProfile wrong = InMemoryKeyProfiles.create("wrong-key", DemoCredentials.TENANCY_ID, DemoCredentials.USER_ID,
                h.demo.credentials().fingerprint(), other.privateKeyPem(), h.demo.endpoints());
        try (var api = new SdkRegionApi(wrong, REGION, SdkRegionApi.Settings.defaults(), d -> { })) {
            OciApiException e = assertThrows(OciApiException.class, () -> api.listDbSystems(compartment(), null));
            assertEquals(401, e.status());
            assertEquals("NotAuthenticated", e.serviceCode());
            assertTrue(En.of(e.notice()).contains("fingerprint") && En.of(e.notice()).contains("key_file"), En.of(e.notice()));
        }
    }

    @Test
    void workRequestsAreReadWithTheWorkRequestsClientAndMoveToSucceeded() throws Exception {
        SimFleet.Database db = fleet.allDatabases().getFirst();
        // Build the client first (a cold Jersey client takes a while), then start the work request,
        // so the polls below see it in progress rather than only at its end.
        try (WorkRequestClient wr = WorkRequestClient.builder().endpoint(h.demo.server().endpoint(REGION))
                .configuration(com.oracle.bmc.ClientConfiguration.builder()
                        .retryConfiguration(RetryConfiguration.NO_RETRY_CONFIGURATION).build())
                .build(h.profile.auth())) {
            var entry = h.demo.server().workRequests().start("UPDATE_DATABASE", db.compartmentId(), db.id(),
                    "database", Duration.ofSeconds(2), -1, null);
            List<WorkRequest.Status> seen = new ArrayList<>();
            WorkRequest w = await("the work request succeeds").atMost(Duration.ofSeconds(10))
                    .pollInterval(Duration.ofMillis(50)).until(() -> {
                        WorkRequest r = wr.getWorkRequest(GetWorkRequestRequest.builder().workRequestId(entry.id()).build())
                                .getWorkRequest();
                        seen.add(r.getStatus());
                        return r;
                    }, r -> r.getStatus() == WorkRequest.Status.Succeeded);
            assertEquals(100f, w.getPercentComplete());
            assertNotNull(w.getTimeFinished());
            assertEquals(db.id(), w.getResources().getFirst().getIdentifier());
            assertTrue(seen.contains(WorkRequest.Status.InProgress) || seen.contains(WorkRequest.Status.Accepted), seen.toString());
        }
    }

    @Test
    void aWorkRequestToldToFailEndsFailedPartWay() throws Exception {
        SimFleet.Database db = fleet.allDatabases().getFirst();
        var entry = h.demo.server().workRequests().start("SWITCHOVER_DATAGUARD", db.compartmentId(), db.id(),
                "database", Duration.ofMillis(400), 40, "ORA-16467: switchover target is not synchronized");
        await("the work request fails part way").atMost(Duration.ofSeconds(10))
                .until(() -> h.demo.server().workRequests().status(entry), "FAILED"::equals);
        assertEquals(40f, h.demo.server().workRequests().percentComplete(entry));
        assertNull(h.demo.server().workRequests().get("nope"));
    }
}
