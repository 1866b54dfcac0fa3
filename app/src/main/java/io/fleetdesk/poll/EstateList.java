package io.fleetdesk.poll;

import io.fleetdesk.oci.Page;
import io.fleetdesk.oci.RegionApi;
import io.fleetdesk.oci.Rows;

import java.util.List;
import java.util.Set;

/**
 * The per-compartment list calls of the Autonomous and Exadata part of the estate. Autonomous Databases
 * and container databases carry their Data Guard role and lag, so they are read every cycle, like the
 * DB systems. Infrastructures, VM clusters and maintenance runs change rarely: they are the slow tier,
 * read when never read, when anything in them is not in its normal state or is watched, and otherwise
 * once in {@code maxCyclesPerInventory} refresh intervals (decision 0020).
 */
enum EstateList {
    AUTONOMOUS_DATABASES(LastGood.Kind.AUTONOMOUS_DATABASES, "ListAutonomousDatabases", "autonomous-databases", false,
            RegionApi::listAutonomousDatabases),
    CONTAINER_DATABASES(LastGood.Kind.CONTAINER_DATABASES, "ListAutonomousContainerDatabases",
            "autonomous-container-databases", false, RegionApi::listAutonomousContainerDatabases),
    CLOUD_EXADATA(LastGood.Kind.CLOUD_EXADATA, "ListCloudExadataInfrastructures", "cloud-exadata-infrastructures", true,
            RegionApi::listCloudExadataInfrastructures),
    EXADATA_CC(LastGood.Kind.EXADATA_CC, "ListExadataInfrastructures", "exadata-infrastructures", true,
            RegionApi::listExadataInfrastructures),
    CLOUD_VM_CLUSTERS(LastGood.Kind.CLOUD_VM_CLUSTERS, "ListCloudVmClusters", "cloud-vmclusters", true,
            RegionApi::listCloudVmClusters),
    VM_CLUSTERS(LastGood.Kind.VM_CLUSTERS, "ListVmClusters", "vmclusters", true, RegionApi::listVmClusters),
    CLOUD_AUTONOMOUS_VM_CLUSTERS(LastGood.Kind.CLOUD_AUTONOMOUS_VM_CLUSTERS, "ListCloudAutonomousVmClusters",
            "cloud-autonomous-vmclusters", true, RegionApi::listCloudAutonomousVmClusters),
    AUTONOMOUS_VM_CLUSTERS(LastGood.Kind.AUTONOMOUS_VM_CLUSTERS, "ListAutonomousVmClusters", "autonomous-vmclusters",
            true, RegionApi::listAutonomousVmClusters),
    MAINTENANCE_RUNS(LastGood.Kind.MAINTENANCE_RUNS, "ListMaintenanceRuns", "database-family", true,
            RegionApi::listMaintenanceRuns);

    /** One page of the list in a compartment. */
    @FunctionalInterface
    interface PageCall {
        Page<?> list(RegionApi api, String compartmentId, String page);
    }

    final LastGood.Kind kind;
    /** The operation's name, as errors, refusals and the simulator's counters name it. */
    final String call;
    /** The resource type an OCI policy statement names to allow it. */
    final String policyResource;
    /** Whether it is in the slow tier. */
    final boolean slow;
    final PageCall page;

    EstateList(LastGood.Kind kind, String call, String policyResource, boolean slow, PageCall page) {
        this.kind = kind;
        this.call = call;
        this.policyResource = policyResource;
        this.slow = slow;
        this.page = page;
    }

    /**
     * Whether the window's first cycle leaves it to the next cycle, started as soon as the first is
     * published: the slow tier, and the container databases, which hang under their autonomous VM
     * cluster (slow tier) anyway. Their dedicated Autonomous Databases are listed with the others and
     * sit under their compartment until then. One request per compartment and region fewer before
     * the first tree (57 of 504 on the demo).
     */
    boolean afterWindowsFirstCycle() {
        return slow || this == CONTAINER_DATABASES;
    }

    /** The policy resource type of a list call of this part of the estate, or null when it is none of them. */
    static String policyResourceOf(String call) {
        for (EstateList l : values()) {
            if (l.call.equals(call)) {
                return l.policyResource;
            }
        }
        return null;
    }

    /**
     * Whether rows read earlier need reading again this cycle, though their list is in the slow tier:
     * anything not in its normal state (it may be changing), or anything the DBA is looking at.
     */
    static boolean hot(List<?> rows, Set<String> watched) {
        for (Object r : rows) {
            String id;
            String state;
            switch (r) {
                case Rows.ExadataInfrastructureRow e -> {
                    id = e.id();
                    state = e.lifecycleState();
                }
                case Rows.VmClusterRow v -> {
                    id = v.id();
                    state = v.lifecycleState();
                }
                case Rows.AutonomousVmClusterRow v -> {
                    id = v.id();
                    state = v.lifecycleState();
                }
                default -> {
                    continue; // maintenance runs: scheduled is their normal state
                }
            }
            if (!"AVAILABLE".equals(state) && !"ACTIVE".equals(state) || (id != null && watched.contains(id))) {
                return true;
            }
        }
        return false;
    }
}
