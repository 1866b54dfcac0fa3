package io.fleetdesk.poll;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.NodeLink;
import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.OciCompartment;
import io.fleetdesk.oci.Rows.AutonomousDataGuard;
import io.fleetdesk.oci.Rows.AutonomousDatabaseRow;
import io.fleetdesk.oci.Rows.AutonomousVmClusterRow;
import io.fleetdesk.oci.Rows.ContainerDatabaseRow;
import io.fleetdesk.oci.Rows.ExadataInfrastructureRow;
import io.fleetdesk.oci.Rows.MaintenanceRunRow;
import io.fleetdesk.oci.Rows.VmClusterRow;
import io.fleetdesk.poll.UnitResult.Resolved;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.fleetdesk.poll.FleetNodes.details;
import static io.fleetdesk.poll.FleetNodes.node;

/**
 * The tree's nodes for the Autonomous and Exadata part of one compartment: Exadata infrastructures
 * (cloud and Cloud@Customer) → VM clusters and autonomous VM clusters → container databases →
 * dedicated Autonomous Databases; serverless Autonomous Databases under the compartment, each local
 * standby as a row of its own. A parent listed in another compartment is named in the details and the
 * row stays in its own compartment. Every field may be absent: a missing id drops the row, a missing
 * name shows the OCID, a missing parent hangs the row under its compartment.
 */
final class EstateNodes {
    /** The synthetic id of an Autonomous Database's local standby row. */
    static String localStandbyId(String adbId) {
        return "standby:" + adbId;
    }

    private final HealthRules rules;

    EstateNodes(HealthRules rules) {
        this.rules = rules;
    }

    @SuppressWarnings("unchecked")
    private static <T> Resolved<T> of(Map<EstateList, Resolved<Object>> lists, EstateList l) {
        Resolved<Object> r = lists.get(l);
        return r == null ? new Resolved<>(List.of(), null, null) : (Resolved<T>) (Resolved<?>) r;
    }

    Set<String> build(String compId, String region, OciCompartment c, Map<EstateList, Resolved<Object>> lists,
                      Map<String, FleetNode> nodes) {
        Resolved<MaintenanceRunRow> runs = of(lists, EstateList.MAINTENANCE_RUNS);
        Map<String, MaintenanceRunRow> next = new HashMap<>();
        for (MaintenanceRunRow r : runs.rows()) {
            if (r.targetResourceId() == null || r.timeScheduled() == null
                    || (r.lifecycleState() != null && !r.lifecycleState().equals("SCHEDULED"))) {
                continue;
            }
            next.merge(r.targetResourceId(), r, (a, b) -> a.timeScheduled().isBefore(b.timeScheduled()) ? a : b);
        }
        Map<String, String> infraNames = new HashMap<>();
        for (EstateList l : List.of(EstateList.CLOUD_EXADATA, EstateList.EXADATA_CC)) {
            Resolved<ExadataInfrastructureRow> res = of(lists, l);
            for (ExadataInfrastructureRow e : res.rows()) {
                if (e.id() == null) {
                    continue;
                }
                infraNames.put(e.id(), e.displayName() == null ? e.id() : e.displayName());
                MaintenanceRunRow run = next.get(e.id());
                nodes.put(e.id(), node(e.id(), compId, NodeKind.EXADATA_INFRASTRUCTURE, e.displayName(), e.lifecycleState(),
                        null, rules.exadataInfrastructure(e.lifecycleState(), e.lifecycleDetails(), e.cloudAtCustomer()),
                        details(Detail.DEPLOYMENT, deployment(e.cloudAtCustomer()), Detail.SHAPE, e.shape(),
                                Detail.COMPUTE_SERVERS, e.computeCount(), Detail.STORAGE_SERVERS, e.storageCount(),
                                Detail.DB_SERVER_VERSION, e.dbServerVersion(), Detail.STORAGE_SERVER_VERSION, e.storageServerVersion(),
                                Detail.LIFECYCLE_DETAILS, e.lifecycleDetails(),
                                Detail.NEXT_MAINTENANCE, run == null ? null : run.timeScheduled(),
                                Detail.MAINTENANCE_RUN, run == null ? null : run.displayName(),
                                Detail.COMPARTMENT, c.path(), Detail.OCID, e.id()),
                        res.at(), res.stale()));
            }
        }
        Set<String> vmClusters = new HashSet<>();
        for (EstateList l : List.of(EstateList.CLOUD_VM_CLUSTERS, EstateList.VM_CLUSTERS)) {
            Resolved<VmClusterRow> res = of(lists, l);
            for (VmClusterRow v : res.rows()) {
                if (v.id() == null) {
                    continue;
                }
                vmClusters.add(v.id());
                MaintenanceRunRow run = next.get(v.id());
                nodes.put(v.id(), node(v.id(), parent(v.infrastructureId(), infraNames.keySet(), compId), NodeKind.VM_CLUSTER,
                        v.displayName(), v.lifecycleState(), null, rules.vmCluster(v.lifecycleState(), v.lifecycleDetails(), false),
                        details(Detail.DEPLOYMENT, deployment(v.cloudAtCustomer()),
                                Detail.INFRASTRUCTURE, nameOr(infraNames, v.infrastructureId()),
                                Detail.NODES, v.nodeCount(), Detail.COMPUTE, compute(v.ocpus(), "OCPU"),
                                Detail.GI_VERSION, v.giVersion(), Detail.SYSTEM_VERSION, v.systemVersion(),
                                Detail.LIFECYCLE_DETAILS, v.lifecycleDetails(),
                                Detail.NEXT_MAINTENANCE, run == null ? null : run.timeScheduled(),
                                Detail.MAINTENANCE_RUN, run == null ? null : run.displayName(),
                                Detail.COMPARTMENT, c.path(), Detail.OCID, v.id()),
                        res.at(), res.stale()));
            }
        }
        Map<String, String> avmNames = new HashMap<>();
        for (EstateList l : List.of(EstateList.CLOUD_AUTONOMOUS_VM_CLUSTERS, EstateList.AUTONOMOUS_VM_CLUSTERS)) {
            Resolved<AutonomousVmClusterRow> res = of(lists, l);
            for (AutonomousVmClusterRow v : res.rows()) {
                if (v.id() == null) {
                    continue;
                }
                avmNames.put(v.id(), v.displayName() == null ? v.id() : v.displayName());
                MaintenanceRunRow run = next.get(v.id());
                nodes.put(v.id(), node(v.id(), parent(v.infrastructureId(), infraNames.keySet(), compId),
                        NodeKind.AUTONOMOUS_VM_CLUSTER, v.displayName(), v.lifecycleState(), null,
                        rules.vmCluster(v.lifecycleState(), v.lifecycleDetails(), true),
                        details(Detail.DEPLOYMENT, deployment(v.cloudAtCustomer()),
                                Detail.INFRASTRUCTURE, nameOr(infraNames, v.infrastructureId()),
                                Detail.NODES, v.nodeCount(), Detail.COMPUTE, compute(v.ocpus(), "OCPU"),
                                Detail.LIFECYCLE_DETAILS, v.lifecycleDetails(),
                                Detail.NEXT_MAINTENANCE, run == null ? null : run.timeScheduled(),
                                Detail.MAINTENANCE_RUN, run == null ? null : run.displayName(),
                                Detail.COMPARTMENT, c.path(), Detail.OCID, v.id()),
                        res.at(), res.stale()));
            }
        }
        Resolved<ContainerDatabaseRow> acds = of(lists, EstateList.CONTAINER_DATABASES);
        Map<String, String> acdNames = new HashMap<>();
        for (ContainerDatabaseRow a : acds.rows()) {
            if (a.id() == null) {
                continue;
            }
            acdNames.put(a.id(), a.displayName() == null ? a.id() : a.displayName());
            DataGuardMember dg = a.dataGuard();
            MaintenanceRunRow run = next.get(a.id());
            nodes.put(a.id(), node(a.id(), parent(a.vmClusterId(), avmNames.keySet(), compId),
                    NodeKind.AUTONOMOUS_CONTAINER_DATABASE, a.displayName(), a.lifecycleState(), dg,
                    rules.containerDatabase(a.lifecycleState(), a.lifecycleDetails(), dg),
                    details(Detail.DB_NAME, a.dbName(), Detail.DB_UNIQUE_NAME, a.dbUniqueName(), Detail.VERSION, a.dbVersion(),
                            Detail.DEPLOYMENT, "CLOUD_AT_CUSTOMER".equals(a.infrastructureType())
                                    ? Notice.of("deployment.dedicatedCc") : Notice.of("deployment.dedicated"),
                            Detail.VM_CLUSTER, nameOr(avmNames, a.vmClusterId()),
                            Detail.DATA_GUARD_ROLE, dg == null ? null : dg.role(),
                            Detail.PROTECTION_MODE, dg == null ? null : dg.protectionMode(),
                            Detail.TRANSPORT, dg == null ? null : dg.transportType(),
                            Detail.APPLY_LAG, dg == null ? null : dg.applyLag(),
                            Detail.TRANSPORT_LAG, dg == null ? null : dg.transportLag(),
                            Detail.AUTOMATIC_FAILOVER, yesNo(a.automaticFailover()),
                            Detail.LAST_ROLE_CHANGE, a.lastRoleChange(),
                            Detail.PEERS, dg == null ? null : links(dg.peerDatabaseIds()),
                            Detail.LIFECYCLE_DETAILS, a.lifecycleDetails(),
                            Detail.NEXT_MAINTENANCE, run == null ? null : run.timeScheduled(),
                            Detail.MAINTENANCE_RUN, run == null ? null : run.displayName(),
                            Detail.COMPARTMENT, c.path(), Detail.OCID, a.id()),
                    acds.at(), acds.stale()));
        }
        Resolved<AutonomousDatabaseRow> adbs = of(lists, EstateList.AUTONOMOUS_DATABASES);
        for (AutonomousDatabaseRow a : adbs.rows()) {
            if (a.id() == null) {
                continue;
            }
            autonomous(a, compId, c, acdNames, next.get(a.id()), adbs, nodes);
        }
        return vmClusters;
    }

    private void autonomous(AutonomousDatabaseRow a, String compId, OciCompartment c, Map<String, String> acdNames,
                            MaintenanceRunRow run, Resolved<AutonomousDatabaseRow> res, Map<String, FleetNode> nodes) {
        AutonomousDataGuard g = a.dataGuard();
        boolean standby = g != null && g.role() != null && g.role().endsWith("STANDBY");
        DataGuardMember dg = g == null || g.role() == null ? null
                : new DataGuardMember(g.role(), g.peerDbIds(), null, null,
                standby && g.ownLag() != null ? seconds(g.ownLag()) : null,
                standby && g.ownLag() != null ? g.ownLag() : -1, null, null, null, null, null, null);
        boolean dedicated = Boolean.TRUE.equals(a.dedicated()) || a.containerDatabaseId() != null;
        Instant maintenance = run != null ? run.timeScheduled() : a.timeMaintenanceBegin();
        String name = a.displayName() != null ? a.displayName() : a.dbName();
        nodes.put(a.id(), node(a.id(), parent(a.containerDatabaseId(), acdNames.keySet(), compId),
                NodeKind.AUTONOMOUS_DATABASE, name, a.lifecycleState(), dg,
                rules.autonomousDatabase(a.lifecycleState(), a.lifecycleDetails(), g, a.usedDataStorageSizeInGBs(),
                        a.dataStorageSizeInGBs()),
                details(Detail.DB_NAME, a.dbName(),
                        Detail.DEPLOYMENT, Notice.of(dedicated ? "CLOUD_AT_CUSTOMER".equals(a.infrastructureType())
                                ? "deployment.dedicatedCc" : "deployment.dedicated" : "deployment.serverless"),
                        Detail.WORKLOAD, a.dbWorkload(), Detail.VERSION, a.dbVersion(),
                        Detail.AVAILABILITY_DOMAIN, a.availabilityDomain(),
                        Detail.COMPUTE, compute(a.computeCount(), a.computeModel()),
                        Detail.STORAGE, a.dataStorageSizeInGBs() == null ? null : a.usedDataStorageSizeInGBs() == null
                                ? Notice.of("detail.storageAllocated", a.dataStorageSizeInGBs())
                                : Notice.of("detail.storageUsed", a.usedDataStorageSizeInGBs(), a.dataStorageSizeInGBs()),
                        Detail.CONTAINER_DATABASE, a.containerDatabaseId() == null ? null : nameOr(acdNames, a.containerDatabaseId()),
                        Detail.DATA_GUARD_ROLE, g == null ? null : g.role(),
                        Detail.DR_TYPE, disasterRecovery(g),
                        Detail.LOCAL_STANDBY, localStandbyDetail(g),
                        // The service gives seconds here, not a text: shown in the DBA's units.
                        Detail.APPLY_LAG, dg == null || dg.applyLagSeconds() < 0 ? null : Duration.ofSeconds(dg.applyLagSeconds()),
                        Detail.PEERS, g == null || g.peerDbIds().isEmpty() ? null : links(g.peerDbIds()),
                        Detail.DG_REGION, g == null ? null : g.dataguardRegionType(),
                        Detail.LAST_SWITCHOVER, g == null ? null : g.lastSwitchover(),
                        Detail.LAST_FAILOVER, g == null ? null : g.lastFailover(),
                        Detail.LIFECYCLE_DETAILS, a.lifecycleDetails(),
                        Detail.NEXT_MAINTENANCE, maintenance,
                        Detail.MAINTENANCE_RUN, run == null ? null : run.displayName(),
                        Detail.COMPARTMENT, c.path(), Detail.OCID, a.id()),
                res.at(), res.stale()));
        if (g != null && (Boolean.TRUE.equals(g.localEnabled()) || g.localStandbyState() != null) && !standby) {
            String id = localStandbyId(a.id());
            DataGuardMember sdg = new DataGuardMember("STANDBY", List.of(a.id()), null, null,
                    g.localStandbyLag() == null ? null : seconds(g.localStandbyLag()),
                    g.localStandbyLag() == null ? -1 : g.localStandbyLag(), null, null, null, null, null, null);
            nodes.put(id, node(id, a.id(), NodeKind.AUTONOMOUS_STANDBY, name, g.localStandbyState(), sdg,
                    rules.localStandby(g.localStandbyState(), g.localStandbyLag()),
                    details(Detail.DB_NAME, a.dbName(), Detail.DATA_GUARD_ROLE, "STANDBY",
                            Detail.DR_TYPE, g.localDrType() == null ? null : Notice.of("drType." + g.localDrType()),
                            Detail.APPLY_LAG, g.localStandbyLag() == null ? null : Duration.ofSeconds(g.localStandbyLag()),
                            Detail.AVAILABILITY_DOMAIN, g.localStandbyAvailabilityDomain(),
                            Detail.LIFECYCLE_DETAILS, g.localStandbyDetails(),
                            Detail.PEERS, links(List.of(a.id()))),
                    res.at(), res.stale()));
        }
    }

    /** Local and cross-region disaster recovery: each as the service names it (ADG or backup-based). */
    private static Notice disasterRecovery(AutonomousDataGuard g) {
        if (g == null || (g.localDrType() == null && g.remoteDrType() == null)) {
            return null;
        }
        Notice local = g.localDrType() == null ? null : Notice.of("drType." + g.localDrType());
        if (g.remoteDrType() == null || g.peerDbIds().isEmpty()) {
            return local;
        }
        return Notice.of("detail.dr.localRemote", local, Notice.of("drType." + g.remoteDrType()));
    }

    /** A local standby in words: its state and lag, or that there is none (backup-based disaster recovery). */
    private static Notice localStandbyDetail(AutonomousDataGuard g) {
        if (g == null) {
            return null;
        }
        if (!Boolean.TRUE.equals(g.localEnabled()) && g.localStandbyState() == null) {
            return g.localEnabled() == null ? null : Notice.of("detail.localStandby.none");
        }
        return g.localStandbyLag() == null ? Notice.of("detail.localStandby.noLag", g.localStandbyState())
                : Notice.of("detail.localStandby", g.localStandbyState(), java.time.Duration.ofSeconds(g.localStandbyLag()));
    }

    /** The service's words for a lag ("9 seconds"), so the lag column reads it like any other. */
    private static String seconds(int s) {
        return s + (s == 1 ? " second" : " seconds");
    }

    private static Object links(List<String> ids) {
        if (ids == null || ids.isEmpty()) {
            return null;
        }
        return ids.size() == 1 ? new NodeLink(ids.getFirst()) : ids.stream().map(NodeLink::new).toList();
    }

    private static Notice yesNo(Boolean b) {
        return b == null ? null : Notice.of(b ? "detail.yes" : "detail.no");
    }

    private static Notice deployment(boolean cloudAtCustomer) {
        return Notice.of(cloudAtCustomer ? "deployment.cloudAtCustomer" : "deployment.exadataCloud");
    }

    private static Notice compute(Float count, String model) {
        if (count == null) {
            return null;
        }
        Object n = count == Math.rint(count) ? (Object) Math.round(count) : count;
        return Notice.of("detail.compute", n, model == null ? "" : model);
    }

    private static String parent(String id, Set<String> listedHere, String compId) {
        return id != null && listedHere.contains(id) ? id : compId;
    }

    private static String nameOr(Map<String, String> names, String id) {
        return id == null ? null : names.getOrDefault(id, id);
    }
}
