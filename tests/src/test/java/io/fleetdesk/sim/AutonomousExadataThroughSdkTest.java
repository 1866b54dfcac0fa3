package io.fleetdesk.sim;

import com.oracle.bmc.database.DatabaseClient;
import com.oracle.bmc.database.model.AutonomousDatabaseSummary;
import com.oracle.bmc.database.model.ExadataInfrastructureSummary;
import com.oracle.bmc.database.requests.ListAutonomousContainerDatabasesRequest;
import com.oracle.bmc.database.requests.ListAutonomousDatabasesRequest;
import com.oracle.bmc.database.requests.ListCloudAutonomousVmClustersRequest;
import com.oracle.bmc.database.requests.ListCloudExadataInfrastructuresRequest;
import com.oracle.bmc.database.requests.ListCloudVmClustersRequest;
import com.oracle.bmc.database.requests.ListExadataInfrastructuresRequest;
import com.oracle.bmc.database.requests.ListMaintenanceRunsRequest;
import com.oracle.bmc.database.requests.ListVmClustersRequest;
import io.fleetdesk.oci.Page;
import io.fleetdesk.oci.Rows;
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
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Autonomous and Exadata list calls through the real SDK against the simulator: every one parses
 * into the SDK's models, pages to the end, and maps into the rows the poller builds the tree from.
 */
class AutonomousExadataThroughSdkTest {
    private static DemoHarness h;
    private static SimFleet fleet;
    private static SimEstate estate;
    private static DatabaseClient iad;
    private static SdkRegionApi iadApi;
    private static SdkRegionApi fraApi;

    @BeforeAll
    static void start() throws Exception {
        h = new DemoHarness(41, 60, 3, new FaultPlan());
        fleet = h.demo.fleet();
        estate = fleet.estate();
        iad = DatabaseClient.builder().endpoint(h.demo.server().endpoint("us-ashburn-1")).build(h.profile.auth());
        iadApi = new SdkRegionApi(h.profile, "us-ashburn-1", SdkRegionApi.Settings.defaults(), d -> { });
        fraApi = new SdkRegionApi(h.profile, "eu-frankfurt-1", SdkRegionApi.Settings.defaults(), d -> { });
    }

    @AfterAll
    static void stop() {
        iad.close();
        iadApi.close();
        fraApi.close();
        h.close();
    }

    private static String compartment(String name) {
        return fleet.tenancy().byName(name).id();
    }

    /** Every row of a list, one row per page, through SdkRegionApi's own mapping: proves paging ends. */
    private static <T> List<T> all(BiFunction<String, String, Page<T>> list, String compartmentId) {
        List<T> out = new ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            Page<T> p = list.apply(compartmentId, page);
            out.addAll(p.items());
            page = p.nextPage();
            assertTrue(++pages < 1000, "paging never ends");
        } while (page != null);
        return out;
    }

    @Test
    void everyListPagesToTheEndWithOneItemPerPageThroughTheSdk() {
        String erp = compartment("erp");
        List<String> ids = new ArrayList<>();
        String page = null;
        int pages = 0;
        do {
            var r = iad.listAutonomousDatabases(ListAutonomousDatabasesRequest.builder().compartmentId(compartment("dev-analytics"))
                    .limit(1).page(page).build());
            r.getItems().forEach(a -> ids.add(a.getId()));
            page = r.getOpcNextPage();
            pages++;
        } while (page != null);
        // analytics-adw and old-adw (terminated: listed, since this call did not filter it out)
        assertEquals(2, ids.size());
        assertEquals(2, pages);
        assertEquals(1, iad.listCloudExadataInfrastructures(ListCloudExadataInfrastructuresRequest.builder()
                .compartmentId(erp).limit(1).build()).getItems().size());
        assertEquals(2, iad.listCloudVmClusters(ListCloudVmClustersRequest.builder().compartmentId(erp).build()).getItems().size());
        var first = iad.listCloudVmClusters(ListCloudVmClustersRequest.builder().compartmentId(erp).limit(1).build());
        assertNotNull(first.getOpcNextPage(), "two VM clusters, one per page: a next page");
        assertEquals(1, iad.listCloudVmClusters(ListCloudVmClustersRequest.builder().compartmentId(erp).limit(1)
                .page(first.getOpcNextPage()).build()).getItems().size());
        assertEquals(1, iad.listCloudAutonomousVmClusters(ListCloudAutonomousVmClustersRequest.builder()
                .compartmentId(erp).build()).getItems().size());
        assertEquals(1, iad.listAutonomousContainerDatabases(ListAutonomousContainerDatabasesRequest.builder()
                .compartmentId(erp).build()).getItems().size());
        assertEquals(3, iad.listMaintenanceRuns(ListMaintenanceRunsRequest.builder().compartmentId(erp).build())
                .getItems().size());
    }

    /** Follows opc-next-page with one item per page until the service says there is no more; returns the items. */
    private static <R> int pagedToTheEnd(java.util.function.Function<String, R> call, java.util.function.Function<R, List<?>> items,
                                         java.util.function.Function<R, String> next) {
        int count = 0;
        int pages = 0;
        String page = null;
        do {
            R r = call.apply(page);
            count += items.apply(r).size();
            page = next.apply(r);
            assertTrue(++pages < 100, "paging never ends");
        } while (page != null);
        return count;
    }

    @Test
    void everyNewListPagesOneItemAtATimeToTheEndInEveryRegionAndCompartment() {
        String[] regions = {"us-ashburn-1", "eu-frankfurt-1", "ap-tokyo-1"};
        int[] seen = new int[9];
        for (String region : regions) {
            try (DatabaseClient c = DatabaseClient.builder().endpoint(h.demo.server().endpoint(region)).build(h.profile.auth())) {
                for (SimFleet.Compartment comp : fleet.compartments()) {
                    String id = comp.id();
                    seen[0] += pagedToTheEnd(p -> c.listAutonomousDatabases(ListAutonomousDatabasesRequest.builder().compartmentId(id)
                            .limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[1] += pagedToTheEnd(p -> c.listAutonomousContainerDatabases(ListAutonomousContainerDatabasesRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[2] += pagedToTheEnd(p -> c.listCloudExadataInfrastructures(ListCloudExadataInfrastructuresRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[3] += pagedToTheEnd(p -> c.listExadataInfrastructures(ListExadataInfrastructuresRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[4] += pagedToTheEnd(p -> c.listCloudVmClusters(ListCloudVmClustersRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[5] += pagedToTheEnd(p -> c.listVmClusters(ListVmClustersRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[6] += pagedToTheEnd(p -> c.listCloudAutonomousVmClusters(ListCloudAutonomousVmClustersRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[7] += pagedToTheEnd(p -> c.listAutonomousVmClusters(com.oracle.bmc.database.requests.ListAutonomousVmClustersRequest
                            .builder().compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                    seen[8] += pagedToTheEnd(p -> c.listMaintenanceRuns(ListMaintenanceRunsRequest.builder()
                            .compartmentId(id).limit(1).page(p).build()), r -> r.getItems(), r -> r.getOpcNextPage());
                }
            }
        }
        // Every resource of the estate was listed exactly once, whatever its region and compartment.
        assertEquals(estate.allAutonomousDatabases().size(), seen[0]);
        assertEquals(estate.allContainerDatabases().size(), seen[1]);
        assertEquals(estate.allInfrastructures().stream().filter(i -> !i.cloudAtCustomer()).count(), seen[2]);
        assertEquals(estate.allInfrastructures().stream().filter(SimEstate.Infrastructure::cloudAtCustomer).count(), seen[3]);
        assertEquals(estate.allVmClusters().stream().filter(v -> !v.cloudAtCustomer()).count(), seen[4]);
        assertEquals(estate.allVmClusters().stream().filter(SimEstate.VmCluster::cloudAtCustomer).count(), seen[5]);
        assertEquals(estate.allAutonomousVmClusters().stream().filter(v -> !v.cloudAtCustomer()).count(), seen[6]);
        assertEquals(estate.allAutonomousVmClusters().stream().filter(SimEstate.AutonomousVmCluster::cloudAtCustomer).count(), seen[7]);
        assertEquals(estate.allMaintenanceRuns().size(), seen[8]);
        assertTrue(seen[0] > 5 && seen[8] > 3, java.util.Arrays.toString(seen));
    }

    @Test
    void terminatedAutonomousDatabasesAreFilteredOutByTheService() {
        var rows = all(iadApi::listAutonomousDatabases, compartment("dev-analytics"));
        assertEquals(List.of("analytics-adw"), rows.stream().map(Rows.AutonomousDatabaseRow::displayName).toList());
        assertEquals("STOPPED", rows.getFirst().lifecycleState());
        assertEquals("DW", rows.getFirst().dbWorkload());
        var raw = iad.listAutonomousDatabases(ListAutonomousDatabasesRequest.builder()
                .compartmentId(compartment("dev-analytics")).build()).getItems();
        assertTrue(raw.stream().anyMatch(a -> a.getLifecycleState() == AutonomousDatabaseSummary.LifecycleState.Terminated));
    }

    @Test
    void localStandbyAndCrossRegionPeerMapIntoRows() {
        Rows.AutonomousDatabaseRow crm = all(iadApi::listAutonomousDatabases, compartment("crm")).stream()
                .filter(a -> "crm-atp".equals(a.displayName())).findFirst().orElseThrow();
        assertEquals("PRIMARY", crm.dataGuard().role());
        assertTrue(crm.dataGuard().localEnabled());
        assertEquals("STANDBY", crm.dataGuard().localStandbyState());
        assertNotNull(crm.dataGuard().localStandbyLag());
        assertEquals("ADG", crm.dataGuard().localDrType());
        assertEquals(List.of(), crm.dataGuard().peerDbIds());
        assertEquals(Float.valueOf(4), crm.computeCount());
        assertEquals(412, crm.usedDataStorageSizeInGBs());
        assertNotNull(crm.timeMaintenanceBegin(), "its scheduled maintenance");

        Rows.AutonomousDatabaseRow billing = all(iadApi::listAutonomousDatabases, compartment("billing")).getFirst();
        Rows.AutonomousDatabaseRow peer = all(fraApi::listAutonomousDatabases, compartment("billing")).getFirst();
        // Each side names the other; the peer is read from its own region's endpoint.
        assertEquals(List.of(peer.id()), billing.dataGuard().peerDbIds());
        assertEquals(List.of(billing.id()), peer.dataGuard().peerDbIds());
        assertEquals("PRIMARY_DG_REGION", billing.dataGuard().dataguardRegionType());
        assertEquals("REMOTE_STANDBY_DG_REGION", peer.dataGuard().dataguardRegionType());
        assertEquals("STANDBY", peer.lifecycleState());
        assertEquals("STANDBY", peer.dataGuard().role());
        assertNotNull(peer.dataGuard().ownLag(), "a standby peer says how far behind it is");
        assertEquals("ADG", billing.dataGuard().remoteDrType());
        assertFalse(billing.dataGuard().localEnabled());
    }

    @Test
    void exadataAndCloudAtCustomerMapWithTheirParents() {
        String erp = compartment("erp");
        var infra = all(iadApi::listCloudExadataInfrastructures, erp);
        assertEquals(1, infra.size());
        assertFalse(infra.getFirst().cloudAtCustomer());
        assertEquals(2, infra.getFirst().computeCount());
        assertEquals(3, infra.getFirst().storageCount());
        assertNotNull(infra.getFirst().nextMaintenanceRunId());
        var clusters = all(iadApi::listCloudVmClusters, erp);
        assertTrue(clusters.stream().allMatch(v -> infra.getFirst().id().equals(v.infrastructureId())));
        assertEquals(Set.of("vmc-erp-prod", "vmc-erp-batch"), new HashSet<>(clusters.stream().map(Rows.VmClusterRow::displayName).toList()));
        // DB homes on a VM cluster carry vmClusterId and no dbSystemId; so do their databases.
        var homes = all(iadApi::listDbHomes, erp).stream().filter(x -> x.vmClusterId() != null).toList();
        assertEquals(2, homes.size());
        assertTrue(homes.stream().allMatch(x -> x.dbSystemId() == null));
        var dbs = all((c, p) -> iadApi.listDatabases(c, homes.getFirst().id(), p), erp);
        assertTrue(dbs.stream().allMatch(d -> d.dbSystemId() == null && homes.getFirst().vmClusterId().equals(d.vmClusterId())));

        var cc = all(fraApi::listExadataInfrastructures, compartment("erp-eu"));
        assertEquals(1, cc.size());
        assertEquals("DISCONNECTED", cc.getFirst().lifecycleState());
        assertTrue(cc.getFirst().cloudAtCustomer());
        assertNotNull(cc.getFirst().lifecycleDetails());
        var ccVm = all(fraApi::listVmClusters, compartment("erp-eu"));
        assertEquals(cc.getFirst().id(), ccVm.getFirst().infrastructureId());
        assertEquals(2, ccVm.getFirst().nodeCount());
        assertEquals(0, all(fraApi::listCloudExadataInfrastructures, compartment("erp-eu")).size());
        // The SDK's own enum, not UNKNOWN: DISCONNECTED is a value the service documents.
        var raw = h.demo.server().endpoint("eu-frankfurt-1");
        try (DatabaseClient fra = DatabaseClient.builder().endpoint(raw).build(h.profile.auth())) {
            assertEquals(ExadataInfrastructureSummary.LifecycleState.Disconnected, fra.listExadataInfrastructures(
                    ListExadataInfrastructuresRequest.builder().compartmentId(compartment("erp-eu")).build())
                    .getItems().getFirst().getLifecycleState());
            assertEquals(1, fra.listVmClusters(ListVmClustersRequest.builder().compartmentId(compartment("erp-eu"))
                    .build()).getItems().size());
        }
    }

    @Test
    void containerDatabasePairAndItsMaintenanceMapIntoRows() {
        String erp = compartment("erp");
        var iadAcd = all(iadApi::listAutonomousContainerDatabases, erp).getFirst();
        var fraAcd = all(fraApi::listAutonomousContainerDatabases, erp).getFirst();
        assertEquals("PRIMARY", iadAcd.dataGuard().role());
        assertEquals("STANDBY", fraAcd.dataGuard().role());
        assertEquals(List.of(fraAcd.id()), iadAcd.dataGuard().peerDatabaseIds());
        assertEquals("MAXIMUM_AVAILABILITY", fraAcd.dataGuard().protectionMode());
        assertTrue(fraAcd.dataGuard().applyLagSeconds() >= 0, fraAcd.dataGuard().applyLag());
        assertNull(iadAcd.dataGuard().applyLag(), "a primary has no apply lag");
        assertEquals(Boolean.TRUE, iadAcd.automaticFailover());
        var avm = all(iadApi::listCloudAutonomousVmClusters, erp).getFirst();
        assertEquals(avm.id(), iadAcd.vmClusterId());
        var adbs = all(iadApi::listAutonomousDatabases, erp);
        assertEquals(2, adbs.size());
        assertTrue(adbs.stream().allMatch(a -> Boolean.TRUE.equals(a.dedicated()) && iadAcd.id().equals(a.containerDatabaseId())));
        // Both sides are scheduled for maintenance on the same evening.
        var runs = new ArrayList<Rows.MaintenanceRunRow>();
        runs.addAll(all(iadApi::listMaintenanceRuns, erp));
        runs.addAll(all(fraApi::listMaintenanceRuns, erp));
        var a = runs.stream().filter(r -> iadAcd.id().equals(r.targetResourceId())).findFirst().orElseThrow();
        var b = runs.stream().filter(r -> fraAcd.id().equals(r.targetResourceId())).findFirst().orElseThrow();
        assertEquals(a.id(), iadAcd.nextMaintenanceRunId());
        assertTrue(Duration.between(a.timeScheduled(), b.timeScheduled()).abs().toHours() <= 3);
        assertEquals("AUTONOMOUS_CONTAINER_DATABASE", a.targetResourceType());
        assertEquals("SCHEDULED", a.lifecycleState());
    }
}
