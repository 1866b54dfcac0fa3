package io.fleetdesk.sim;

import io.fleetdesk.sim.SimEstate.AutonomousDatabase;
import io.fleetdesk.sim.SimEstate.AutonomousVmCluster;
import io.fleetdesk.sim.SimEstate.ContainerDatabase;
import io.fleetdesk.sim.SimEstate.Infrastructure;
import io.fleetdesk.sim.SimEstate.MaintenanceRun;
import io.fleetdesk.sim.SimEstate.VmCluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.fleetdesk.sim.SimJson.time;

/**
 * The Autonomous and Exadata resources in the Database API's JSON field names and enum values
 * (AutonomousDatabaseSummary, AutonomousContainerDatabaseSummary, CloudExadataInfrastructureSummary,
 * ExadataInfrastructureSummary, CloudVmClusterSummary, VmClusterSummary, CloudAutonomousVmClusterSummary,
 * AutonomousVmClusterSummary, MaintenanceRunSummary), varied like the rest by {@link SimVariation}.
 */
final class SimEstateJson {
    private final SimFleet fleet;
    private final SimEstate estate;
    private final SimJson render;

    SimEstateJson(SimFleet fleet, SimJson render) {
        this.fleet = fleet;
        this.estate = fleet.estate();
        this.render = render;
    }

    private Instant created() {
        return fleet.created();
    }

    /** The earliest scheduled run of a resource, or null. */
    MaintenanceRun nextRun(String targetId) {
        return estate.maintenanceRuns.stream().filter(r -> r.targetId().equals(targetId))
                .min(Comparator.comparing(MaintenanceRun::scheduled)).orElse(null);
    }

    private String nextRunId(String targetId) {
        MaintenanceRun r = nextRun(targetId);
        return r == null ? null : r.id();
    }

    private String ad(String region, int n) {
        return "Uocm:" + region.toUpperCase(java.util.Locale.ROOT) + "-AD-" + n;
    }

    Map<String, Object> autonomousDatabaseJson(AutonomousDatabase a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("compartmentId", a.compartmentId());
        String state = estate.state(a);
        m.put("lifecycleState", state);
        m.put("lifecycleDetails", switch (state) {
            case "STOPPED" -> "Stopped by the scheduled stop at 20:00 UTC";
            case "UPDATING" -> "Scaling compute";
            case "ROLE_CHANGE_IN_PROGRESS" -> "Autonomous Data Guard role change in progress";
            default -> null;
        });
        m.put("dbName", a.dbName());
        m.put("displayName", a.displayName());
        m.put("dbWorkload", a.workload());
        m.put("dbVersion", a.dbVersion());
        m.put("computeModel", "ECPU");
        m.put("computeCount", a.ecpus());
        m.put("cpuCoreCount", (int) a.ecpus());
        m.put("dataStorageSizeInTBs", Math.max(1, a.storageGb() / 1024));
        m.put("dataStorageSizeInGBs", a.storageGb());
        m.put("usedDataStorageSizeInGBs", a.usedGb());
        m.put("usedDataStorageSizeInTBs", a.usedGb() / 1024);
        m.put("isFreeTier", false);
        boolean dedicated = a.containerDatabaseId() != null;
        m.put("isDedicated", dedicated);
        m.put("autonomousContainerDatabaseId", a.containerDatabaseId());
        m.put("infrastructureType", "CLOUD");
        m.put("licenseModel", "LICENSE_INCLUDED");
        m.put("isAutoScalingEnabled", true);
        m.put("openMode", state.equals("STOPPED") ? null : "READ_WRITE");
        m.put("timeCreated", time(created().minus(Duration.ofDays(200 + a.index() % 100))));
        boolean swapped = estate.localSwapped.getOrDefault(a.id(), false);
        m.put("availabilityDomain", ad(a.region(), swapped ? 2 : 1));
        String role = estate.role(a.id());
        String peer = a.pairId() == null ? null : estate.peerOf(a.pairId(), a.id());
        if (role != null) {
            m.put("role", role);
            m.put("isDataGuardEnabled", true);
            m.put("isLocalDataGuardEnabled", a.localStandby());
            m.put("isRemoteDataGuardEnabled", peer != null);
            if (a.localStandby()) {
                String localAd = ad(a.region(), swapped ? 1 : 2);
                Map<String, Object> local = standbyJson(estate.lagSeconds(a.id() + "#local", a.index(), null),
                        estate.state(a.id() + "#local", "STANDBY"), localAd);
                m.put("localStandbyDb", local);
                m.put("standbyDb", standbyJson(estate.lagSeconds(a.id() + "#local", a.index(), null),
                        estate.state(a.id() + "#local", "STANDBY"), localAd));
                m.put("localDisasterRecoveryType", "ADG");
                m.put("timeLocalDataGuardEnabled", time(created().minus(Duration.ofDays(90))));
            } else {
                m.put("localDisasterRecoveryType", "BACKUP_BASED");
            }
            if (peer != null) {
                m.put("peerDbIds", List.of(peer));
                boolean standby = role.endsWith("STANDBY");
                m.put("dataguardRegionType", standby ? "REMOTE_STANDBY_DG_REGION" : "PRIMARY_DG_REGION");
                m.put("disasterRecoveryRegionType", standby ? "REMOTE" : "PRIMARY");
                m.put("remoteDisasterRecoveryConfiguration", Map.of("disasterRecoveryType", "ADG",
                        "isReplicateAutomaticBackups", false));
                if (standby) {
                    // A standby peer's own lag behind its primary.
                    m.put("standbyDb", standbyJson(estate.lagSeconds(a.id(), a.index(), a.pairId()), state, ad(a.region(), 1)));
                }
            }
            m.put("timeOfLastSwitchover", time(estate.lastSwitchover.get(a.pairId() == null ? a.id() : a.pairId())));
            m.put("timeOfLastFailover", time(estate.lastFailover.get(a.pairId() == null ? a.id() : a.pairId())));
            m.put("timeDataGuardRoleChanged", time(estate.lastSwitchover.get(a.pairId() == null ? a.id() : a.pairId())));
        } else {
            m.put("isDataGuardEnabled", false);
            m.put("isLocalDataGuardEnabled", false);
            m.put("isRemoteDataGuardEnabled", false);
            m.put("localDisasterRecoveryType", "BACKUP_BASED");
        }
        MaintenanceRun run = nextRun(a.id());
        m.put("timeMaintenanceBegin", run == null ? null : time(run.scheduled()));
        m.put("timeMaintenanceEnd", run == null ? null : time(run.scheduled().plus(Duration.ofHours(2))));
        return render.vary("AutonomousDatabaseSummary", m);
    }

    private Map<String, Object> standbyJson(long lag, String state, String ad) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("lagTimeInSeconds", (int) lag);
        s.put("lifecycleState", state);
        s.put("lifecycleDetails", null);
        s.put("availabilityDomain", ad);
        s.put("timeDataGuardRoleChanged", time(created().minus(Duration.ofDays(90))));
        return render.vary("AutonomousDatabaseStandbySummary", s);
    }

    Map<String, Object> containerDatabaseJson(ContainerDatabase c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("compartmentId", c.compartmentId());
        m.put("displayName", c.displayName());
        m.put("dbUniqueName", c.dbUniqueName());
        m.put("dbName", "ACDERP");
        m.put("serviceLevelAgreementType", c.pairId() == null ? "STANDARD" : "AUTONOMOUS_DATAGUARD");
        m.put(c.cloudAtCustomer() ? "autonomousVmClusterId" : "cloudAutonomousVmClusterId", c.vmClusterId());
        m.put("infrastructureType", c.cloudAtCustomer() ? "CLOUD_AT_CUSTOMER" : "CLOUD");
        m.put("lifecycleState", estate.state(c.id(), "AVAILABLE"));
        m.put("lifecycleDetails", null);
        m.put("timeCreated", time(created().minus(Duration.ofDays(300))));
        m.put("patchModel", "RELEASE_UPDATES");
        m.put("dbVersion", "19.28.0.1.0");
        m.put("nextMaintenanceRunId", nextRunId(c.id()));
        m.put("availabilityDomain", ad(c.region(), 1));
        String role = estate.role(c.id());
        m.put("role", role);
        m.put("isDataGuardEnabled", c.pairId() != null);
        if (c.pairId() != null) {
            SimFleet.Pair p = estate.pair(c.pairId());
            List<Map<String, Object>> members = new ArrayList<>();
            Map<String, Object> self = null;
            for (String id : List.of(p.firstDbId(), p.secondDbId())) {
                Map<String, Object> mm = memberJson(estate.containerDatabase(id), p);
                members.add(mm);
                if (id.equals(c.id())) {
                    self = new LinkedHashMap<>(mm);
                }
            }
            m.put("dataguard", self);
            m.put("dataguardGroupMembers", members);
        }
        return render.vary("AutonomousContainerDatabaseSummary", m);
    }

    private Map<String, Object> memberJson(ContainerDatabase c, SimFleet.Pair p) {
        Map<String, Object> mm = new LinkedHashMap<>();
        String role = estate.role(c.id());
        boolean standby = role != null && role.endsWith("STANDBY");
        long lag = standby ? estate.lagSeconds(c.id(), c.index(), p.id()) : 0;
        mm.put("autonomousContainerDatabaseId", c.id());
        mm.put("role", role);
        mm.put("lifecycleState", estate.state(c.id() + "#dg", "AVAILABLE"));
        mm.put("protectionMode", p.protectionMode());
        mm.put("applyLag", standby ? SimTimeline.lagText(lag) : null);
        mm.put("applyRate", standby ? "7.21 MByte/s" : null);
        mm.put("transportLag", standby ? SimTimeline.lagText(Math.min(lag, 2)) : null);
        mm.put("isAutomaticFailoverEnabled", true);
        mm.put("fastStartFailOverLagLimitInSeconds", 30);
        mm.put("redoTransportMode", p.transportType());
        mm.put("availabilityDomain", ad(c.region(), 1));
        mm.put("timeLastRoleChanged", time(estate.lastSwitchover.getOrDefault(p.id(), created().minus(Duration.ofDays(120)))));
        mm.put("timeLagRefreshedOn", time(fleet.clock().now()));
        mm.put("timeCreated", time(created().minus(Duration.ofDays(300))));
        return render.vary("AutonomousContainerDatabaseDataguard", mm);
    }

    Map<String, Object> infrastructureJson(Infrastructure i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("compartmentId", i.compartmentId());
        m.put("displayName", i.displayName());
        m.put("shape", i.shape());
        String state = estate.state(i.id(), i.cloudAtCustomer() ? "ACTIVE" : "AVAILABLE");
        m.put("lifecycleState", state);
        m.put("lifecycleDetails", state.equals("DISCONNECTED")
                ? "The control plane server has not reached OCI since the last heartbeat. Check the customer network." : null);
        m.put("computeCount", i.computeCount());
        m.put("storageCount", i.storageCount());
        m.put("dbServerVersion", "24.1.6.0.0.250312");
        m.put("storageServerVersion", "24.1.6.0.0.250312");
        m.put("nextMaintenanceRunId", nextRunId(i.id()));
        m.put("timeCreated", time(created().minus(Duration.ofDays(500))));
        m.put("cpuCount", i.computeCount() * 32);
        m.put("maxCpuCount", i.computeCount() * 126);
        m.put("dataStorageSizeInTBs", 96.0);
        if (i.cloudAtCustomer()) {
            m.put("timeZone", "Europe/Berlin");
            m.put("cpusEnabled", i.computeCount() * 32);
            m.put("rackSerialNumber", "AK" + Math.abs(i.id().hashCode() % 100_000_000));
            m.put("maintenanceSLOStatus", "OK");
            return render.vary("ExadataInfrastructureSummary", m);
        }
        m.put("availabilityDomain", ad(i.region(), 1));
        m.put("totalStorageSizeInGBs", 245_760);
        m.put("availableStorageSizeInGBs", 98_304);
        return render.vary("CloudExadataInfrastructureSummary", m);
    }

    Map<String, Object> vmClusterJson(VmCluster v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("compartmentId", v.compartmentId());
        m.put("displayName", v.displayName());
        m.put("lifecycleState", estate.state(v.id(), "AVAILABLE"));
        m.put("lifecycleDetails", null);
        m.put("giVersion", v.giVersion());
        m.put("systemVersion", v.systemVersion());
        m.put("timeCreated", time(created().minus(Duration.ofDays(400))));
        m.put("licenseModel", "BRING_YOUR_OWN_LICENSE");
        m.put("shape", "Exadata.X9M");
        if (v.cloudAtCustomer()) {
            m.put("exadataInfrastructureId", v.infrastructureId());
            m.put("cpusEnabled", (int) v.ocpus() * 2);
            m.put("ocpusEnabled", v.ocpus());
            List<String> servers = new ArrayList<>();
            for (int i = 1; i <= v.nodeCount(); i++) {
                servers.add("ocid1.dbserver.oc1..dbserver" + i + v.id().substring(v.id().length() - 12));
            }
            m.put("dbServers", servers);
            return render.vary("VmClusterSummary", m);
        }
        m.put("cloudExadataInfrastructureId", v.infrastructureId());
        m.put("availabilityDomain", ad(v.region(), 1));
        m.put("subnetId", "ocid1.subnet.oc1.." + v.id().substring(v.id().length() - 20));
        m.put("hostname", v.displayName().replace("-", ""));
        m.put("domain", "exasubnet.fleetvcn.oraclevcn.com");
        m.put("nodeCount", v.nodeCount());
        m.put("cpuCoreCount", (int) v.ocpus());
        m.put("ocpuCount", v.ocpus());
        String cluster = v.displayName().replace("-", "");
        m.put("clusterName", cluster.substring(0, Math.min(11, cluster.length())));
        return render.vary("CloudVmClusterSummary", m);
    }

    Map<String, Object> autonomousVmClusterJson(AutonomousVmCluster v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", v.id());
        m.put("compartmentId", v.compartmentId());
        m.put("displayName", v.displayName());
        m.put("lifecycleState", estate.state(v.id(), "AVAILABLE"));
        m.put("lifecycleDetails", null);
        m.put("timeCreated", time(created().minus(Duration.ofDays(350))));
        m.put("computeModel", "ECPU");
        m.put("nextMaintenanceRunId", nextRunId(v.id()));
        m.put("totalContainerDatabases", 4);
        if (v.cloudAtCustomer()) {
            m.put("exadataInfrastructureId", v.infrastructureId());
            m.put("vmClusterNetworkId", "ocid1.vmclusternetwork.oc1.." + v.id().substring(v.id().length() - 20));
            m.put("cpusEnabled", (int) v.ocpus());
            m.put("ocpusEnabled", v.ocpus());
            m.put("nodeCount", v.nodeCount());
            return render.vary("AutonomousVmClusterSummary", m);
        }
        m.put("cloudExadataInfrastructureId", v.infrastructureId());
        m.put("availabilityDomain", ad(v.region(), 1));
        m.put("subnetId", "ocid1.subnet.oc1.." + v.id().substring(v.id().length() - 20));
        m.put("nodeCount", v.nodeCount());
        m.put("cpuCoreCount", (int) v.ocpus());
        m.put("ocpuCount", v.ocpus());
        m.put("hostname", v.displayName().replace("-", ""));
        m.put("domain", "exasubnet.fleetvcn.oraclevcn.com");
        return render.vary("CloudAutonomousVmClusterSummary", m);
    }

    Map<String, Object> maintenanceRunJson(MaintenanceRun r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.id());
        m.put("compartmentId", r.compartmentId());
        m.put("displayName", r.displayName());
        m.put("description", r.displayName());
        m.put("lifecycleState", "SCHEDULED");
        m.put("timeScheduled", time(r.scheduled()));
        m.put("targetResourceType", r.targetType());
        m.put("targetResourceId", r.targetId());
        m.put("maintenanceType", r.maintenanceType());
        m.put("maintenanceSubtype", "QUARTERLY");
        m.put("patchingMode", "ROLLING");
        return render.vary("MaintenanceRunSummary", m);
    }
}
