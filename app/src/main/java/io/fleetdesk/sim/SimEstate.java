package io.fleetdesk.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Autonomous and Exadata part of a simulated fleet: Exadata infrastructures (Exadata Database
 * Service and Cloud@Customer), their VM clusters and autonomous VM clusters, autonomous container
 * databases, Autonomous Databases (serverless and dedicated), their Data Guard, and scheduled
 * maintenance runs. The topology is fixed at creation; roles and states move as {@link SimFleet}'s do
 * (its role map and state overrides are shared, so an operation on either kind works the same way).
 */
public final class SimEstate {
    /** An Exadata infrastructure; {@code cloudAtCustomer} for Exadata Cloud@Customer. */
    public record Infrastructure(String id, String region, String compartmentId, String displayName, String shape,
                                 int computeCount, int storageCount, boolean cloudAtCustomer, String state) {
    }

    public record VmCluster(String id, String region, String compartmentId, String displayName,
                            String infrastructureId, int nodeCount, float ocpus, String giVersion,
                            String systemVersion, boolean cloudAtCustomer) {
    }

    public record AutonomousVmCluster(String id, String region, String compartmentId, String displayName,
                                      String infrastructureId, int nodeCount, float ocpus, boolean cloudAtCustomer) {
    }

    /** @param pairId its Data Guard pair, or null */
    public record ContainerDatabase(String id, String region, String compartmentId, String displayName,
                                    String dbUniqueName, String vmClusterId, boolean cloudAtCustomer, String pairId,
                                    int index) {
    }

    /**
     * @param containerDatabaseId set for a dedicated Autonomous Database
     * @param localStandby        whether it has a local (same-region) Autonomous Data Guard standby
     * @param pairId              its cross-region Data Guard pair, or null
     */
    public record AutonomousDatabase(String id, String region, String compartmentId, String displayName,
                                     String dbName, String workload, String dbVersion, float ecpus, int storageGb,
                                     int usedGb, String containerDatabaseId, boolean localStandby, String pairId,
                                     int index) {
    }

    /** A scheduled maintenance run of one resource. */
    public record MaintenanceRun(String id, String region, String compartmentId, String targetId, String targetType,
                                 String displayName, Instant scheduled, String maintenanceType) {
    }

    final SimFleet fleet;
    final List<Infrastructure> infrastructures = new ArrayList<>();
    final List<VmCluster> vmClusters = new ArrayList<>();
    final List<AutonomousVmCluster> autonomousVmClusters = new ArrayList<>();
    final List<ContainerDatabase> containerDatabases = new ArrayList<>();
    final List<AutonomousDatabase> autonomousDatabases = new ArrayList<>();
    final List<MaintenanceRun> maintenanceRuns = new ArrayList<>();
    /** Data Guard pairs of container databases and of cross-region Autonomous Databases (first = primary at creation). */
    final Map<String, SimFleet.Pair> pairs = new HashMap<>();
    private final Map<String, Object> byId = new HashMap<>();
    /** Autonomous Databases terminated before the demo started: listed unless the caller filters them out. */
    final List<String> terminated = new ArrayList<>();
    /** When a pair (or a database with a local standby) last switched over / failed over, by pair or database id. */
    final Map<String, Instant> lastSwitchover = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, Instant> lastFailover = new java.util.concurrent.ConcurrentHashMap<>();
    /** Databases whose local standby took over: the primary now runs in the standby's old availability domain. */
    final Map<String, Boolean> localSwapped = new java.util.concurrent.ConcurrentHashMap<>();

    SimEstate(SimFleet fleet) {
        this.fleet = fleet;
    }

    <T> T add(List<T> list, T item, String id) {
        list.add(item);
        byId.put(id, item);
        return item;
    }

    /** After a record was replaced in its list (a pair added later), its lookup by id follows. */
    void reindex(ContainerDatabase c) {
        byId.put(c.id(), c);
    }

    private static <T> List<T> in(List<T> all, String region, String compartmentId,
                                  java.util.function.Function<T, String> regionOf, java.util.function.Function<T, String> compOf) {
        return all.stream().filter(x -> regionOf.apply(x).equals(region) && compOf.apply(x).equals(compartmentId)).toList();
    }

    public List<Infrastructure> infrastructures(String region, String compartmentId, boolean cloudAtCustomer) {
        return in(infrastructures, region, compartmentId, Infrastructure::region, Infrastructure::compartmentId)
                .stream().filter(i -> i.cloudAtCustomer() == cloudAtCustomer).toList();
    }

    public List<VmCluster> vmClusters(String region, String compartmentId, boolean cloudAtCustomer) {
        return in(vmClusters, region, compartmentId, VmCluster::region, VmCluster::compartmentId)
                .stream().filter(v -> v.cloudAtCustomer() == cloudAtCustomer).toList();
    }

    public List<AutonomousVmCluster> autonomousVmClusters(String region, String compartmentId, boolean cloudAtCustomer) {
        return in(autonomousVmClusters, region, compartmentId, AutonomousVmCluster::region, AutonomousVmCluster::compartmentId)
                .stream().filter(v -> v.cloudAtCustomer() == cloudAtCustomer).toList();
    }

    public List<ContainerDatabase> containerDatabases(String region, String compartmentId) {
        return in(containerDatabases, region, compartmentId, ContainerDatabase::region, ContainerDatabase::compartmentId);
    }

    public List<AutonomousDatabase> autonomousDatabases(String region, String compartmentId) {
        return in(autonomousDatabases, region, compartmentId, AutonomousDatabase::region, AutonomousDatabase::compartmentId);
    }

    public List<MaintenanceRun> maintenanceRuns(String region, String compartmentId) {
        return in(maintenanceRuns, region, compartmentId, MaintenanceRun::region, MaintenanceRun::compartmentId);
    }

    public List<AutonomousDatabase> allAutonomousDatabases() {
        return List.copyOf(autonomousDatabases);
    }

    public List<ContainerDatabase> allContainerDatabases() {
        return List.copyOf(containerDatabases);
    }

    public List<Infrastructure> allInfrastructures() {
        return List.copyOf(infrastructures);
    }

    public List<VmCluster> allVmClusters() {
        return List.copyOf(vmClusters);
    }

    public List<AutonomousVmCluster> allAutonomousVmClusters() {
        return List.copyOf(autonomousVmClusters);
    }

    public List<MaintenanceRun> allMaintenanceRuns() {
        return List.copyOf(maintenanceRuns);
    }

    public AutonomousDatabase autonomousDatabase(String id) {
        return byId.get(id) instanceof AutonomousDatabase a ? a : null;
    }

    public ContainerDatabase containerDatabase(String id) {
        return byId.get(id) instanceof ContainerDatabase c ? c : null;
    }

    public Infrastructure infrastructure(String id) {
        return byId.get(id) instanceof Infrastructure i ? i : null;
    }

    public SimFleet.Pair pair(String id) {
        return pairs.get(id);
    }

    /** The other member of a pair. */
    public String peerOf(String pairId, String id) {
        SimFleet.Pair p = pairs.get(pairId);
        return p == null ? null : p.firstDbId().equals(id) ? p.secondDbId() : p.firstDbId();
    }

    /** A resource's Data Guard role now (PRIMARY / STANDBY …), or null when it has none. */
    public String role(String id) {
        return fleet.roles.get(id);
    }

    /** An Autonomous Database's lifecycle state now: a standby peer reads STANDBY, as the service writes it. */
    public String state(AutonomousDatabase a) {
        String o = fleet.stateOverride(a.id());
        if (o != null) {
            return o;
        }
        String fixed = fleet.fixedStates.get(a.id());
        if (fixed != null) {
            return fixed;
        }
        String role = role(a.id());
        return role != null && role.equals("STANDBY") ? "STANDBY" : "AVAILABLE";
    }

    /** Any other resource's lifecycle state now. */
    public String state(String id, String otherwise) {
        String o = fleet.stateOverride(id);
        if (o != null) {
            return o;
        }
        String fixed = fleet.fixedStates.get(id);
        return fixed != null ? fixed : otherwise;
    }

    /** A standby's apply lag in seconds (a local standby is measured by its primary's index). */
    public long lagSeconds(String id, int index, String pairId) {
        Long o = fleet.lagOverride(id);
        if (o != null) {
            return o;
        }
        SimFleet.Pair p = pairId == null ? null : pairs.get(pairId);
        if (p == null) {
            p = new SimFleet.Pair("local", "", "", "MAXIMUM_AVAILABILITY", "SYNC", 25, index % 30);
        }
        return SimTimeline.applyLagSeconds(index, p, fleet.clock().now());
    }
}
