package io.fleetdesk.poll;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.OciCompartment;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;
import io.fleetdesk.poll.UnitResult.Resolved;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree's nodes from what the list calls returned: regions, compartments, DB systems, databases,
 * PDBs, and a row for each kind a policy does not let the profile list. Pure: rows in, nodes out, with
 * their health from {@link HealthRules} and their details as data.
 */
final class FleetNodes {
    private final HealthRules rules;

    FleetNodes(HealthRules rules) {
        this.rules = rules;
    }

    static String regionNodeId(String region) {
        return "region:" + region;
    }

    static String compartmentNodeId(String region, String compartmentId) {
        return "compartment:" + region + ":" + compartmentId;
    }

    static FleetNode region(String region, int compartments, Instant now) {
        return node(regionNodeId(region), null, NodeKind.REGION, region, null, null,
                new HealthRules.Verdict(Health.OK, List.of()),
                details(Detail.REGION, region, Detail.COMPARTMENTS, Integer.toString(compartments)), now, null);
    }

    /**
     * A compartment's node under its parent compartment (the region for the root). {@code reasons} are
     * its own: the kinds it could not list.
     */
    static FleetNode compartment(String region, OciCompartment c, Instant now, Staleness stale, List<Notice> reasons) {
        String parent = c.parentId() == null ? regionNodeId(region) : compartmentNodeId(region, c.parentId());
        return node(compartmentNodeId(region, c.id()), parent, NodeKind.COMPARTMENT, c.name(), null, null,
                new HealthRules.Verdict(Health.OK, reasons),
                details(Detail.PATH, c.path(), Detail.COMPARTMENT_OCID, c.id(), Detail.REGION, region,
                        Detail.LISTED, c.listed() ? null : Notice.of("poll.onlyOnPath")),
                now, stale);
    }

    /** A row of its own for a list call the service refused in a compartment, with the policy that would allow it. */
    static FleetNode notListed(String region, OciCompartment c, String listCall, Notice why, Instant now) {
        String id = "unlisted:" + listCall + ":" + region + ":" + c.id();
        return node(id, compartmentNodeId(region, c.id()), NodeKind.NOT_LISTED, listCall, null, null,
                new HealthRules.Verdict(Health.UNKNOWN, List.of(why)),
                details(Detail.LIST_CALL, listCall, Detail.COMPARTMENT, c.path(),
                        Detail.POLICY_NEEDED, policyStatement(listCall, c)), now, null);
    }

    /** The resource type a list call reads, as a policy statement names it. */
    private static String policyResource(String listCall) {
        return switch (listCall) {
            case "ListDbSystems" -> "db-systems";
            case "ListDbHomes" -> "db-homes";
            case "ListDatabases" -> "databases";
            case "ListPluggableDatabases" -> "pluggable-databases";
            default -> {
                String r = EstateList.policyResourceOf(listCall);
                yield r == null ? "database-family" : r;
            }
        };
    }

    /**
     * What a refused list call means for the DBA: which kind is missing here, and the policy statement
     * that would allow it (the service says only 404 NotAuthorizedOrNotFound).
     */
    static Notice refusalReason(String listCall, OciCompartment c, OciApiException e) {
        return e.opcRequestId() == null
                ? Notice.of("poll.refused", listCall, e.status(), e.serviceCode(), policyStatement(listCall, c))
                : Notice.of("poll.refused.withRequestId", listCall, e.status(), e.serviceCode(), e.opcRequestId(),
                policyStatement(listCall, c));
    }

    /** OCI policy syntax, to copy into a policy: not worded by the UI. */
    static String policyStatement(String listCall, OciCompartment c) {
        return "Allow group <your group> to inspect " + policyResource(listCall) + " in " + c.policyLocation();
    }

    /** The DB systems, databases (by DB home) and PDBs of one compartment, into {@code nodes}. */
    void resources(String compId, OciCompartment c, Resolved<DbSystemRow> systems, Resolved<DbHomeRow> homes,
                   Map<String, Resolved<DatabaseRow>> dbsByHome, Resolved<PdbRow> pdbs, Map<String, FleetNode> nodes) {
        resources(compId, c, systems, homes, dbsByHome, pdbs, java.util.Set.of(), nodes);
    }

    /**
     * The same, with the compartment's VM clusters: a database on Exadata (a {@code vmClusterId}, on the
     * database or its DB home, and no DB system) hangs under its VM cluster when that is listed here.
     */
    void resources(String compId, OciCompartment c, Resolved<DbSystemRow> systems, Resolved<DbHomeRow> homes,
                   Map<String, Resolved<DatabaseRow>> dbsByHome, Resolved<PdbRow> pdbs, java.util.Set<String> vmClusters,
                   Map<String, FleetNode> nodes) {
        Map<String, DbSystemRow> systemById = new HashMap<>();
        for (DbSystemRow s : systems.rows()) {
            if (s.id() == null) {
                continue;
            }
            systemById.put(s.id(), s);
            nodes.put(s.id(), node(s.id(), compId, NodeKind.DB_SYSTEM, s.displayName(), s.lifecycleState(), null,
                    rules.dbSystem(s.lifecycleState(), s.lifecycleDetails()),
                    details(Detail.SHAPE, s.shape(), Detail.CPU_CORES, s.cpuCoreCount(),
                            Detail.HOSTNAME, s.hostname(), Detail.AVAILABILITY_DOMAIN, s.availabilityDomain(),
                            Detail.VERSION, s.version(), Detail.LIFECYCLE_DETAILS, s.lifecycleDetails(), Detail.OCID, s.id()),
                    systems.at(), systems.stale()));
        }
        Map<String, String> cdbRoles = new HashMap<>();
        Map<String, String> homeVersion = new HashMap<>();
        Map<String, String> homeCluster = new HashMap<>();
        for (DbHomeRow h : homes.rows()) {
            if (h.id() != null) {
                homeVersion.put(h.id(), h.dbVersion());
                if (h.vmClusterId() != null) {
                    homeCluster.put(h.id(), h.vmClusterId());
                }
            }
        }
        for (var e : dbsByHome.entrySet()) {
            Resolved<DatabaseRow> res = e.getValue();
            for (DatabaseRow d : res.rows()) {
                if (d.id() == null) {
                    continue;
                }
                String cluster = d.vmClusterId() != null ? d.vmClusterId() : homeCluster.get(e.getKey());
                String parent = d.dbSystemId() != null && systemById.containsKey(d.dbSystemId()) ? d.dbSystemId()
                        : cluster != null && vmClusters.contains(cluster) ? cluster : compId;
                cdbRoles.put(d.id(), d.dataGuard() == null ? null : d.dataGuard().role());
                nodes.put(d.id(), database(d, parent, homeVersion.get(e.getKey()), c, res));
            }
        }
        for (PdbRow p : pdbs.rows()) {
            if (p.id() == null || p.containerDatabaseId() == null || !nodes.containsKey(p.containerDatabaseId())) {
                continue; // its CDB was not listed (its DB home failed with nothing cached): nowhere to hang it
            }
            nodes.put(p.id(), node(p.id(), p.containerDatabaseId(), NodeKind.PLUGGABLE_DATABASE, p.pdbName(),
                    p.lifecycleState(), null, rules.pdb(p.lifecycleState(), p.openMode(), cdbRoles.get(p.containerDatabaseId())),
                    details(Detail.OPEN_MODE, p.openMode(), Detail.OCID, p.id()), pdbs.at(), pdbs.stale()));
        }
    }

    /** The Autonomous / Exadata part of a compartment, into {@code nodes}; returns the ids of its VM clusters. */
    java.util.Set<String> estate(String compId, String region, OciCompartment c,
                                 Map<EstateList, Resolved<Object>> lists, Map<String, FleetNode> nodes) {
        return new EstateNodes(rules).build(compId, region, c, lists, nodes);
    }

    private FleetNode database(DatabaseRow d, String parent, String version, OciCompartment c, Resolved<DatabaseRow> res) {
        DataGuardMember dg = d.dataGuard();
        return node(d.id(), parent, NodeKind.DATABASE, d.dbUniqueName() != null ? d.dbUniqueName() : d.dbName(),
                d.lifecycleState(), dg,
                rules.database(d.lifecycleState(), d.lifecycleDetails(), dg, d.lastBackup(), d.lastFailedBackup(),
                        res.at() == null ? Instant.now() : res.at()),
                details(Detail.DB_NAME, d.dbName(), Detail.DB_UNIQUE_NAME, d.dbUniqueName(),
                        Detail.VERSION, version,
                        Detail.LIFECYCLE_DETAILS, d.lifecycleDetails(),
                        Detail.DATA_GUARD_ROLE, dg == null ? null : dg.role(),
                        Detail.PROTECTION_MODE, dg == null ? null : dg.protectionMode(),
                        Detail.TRANSPORT, dg == null ? null : dg.transportType(),
                        Detail.APPLY_LAG, dg == null ? null : dg.applyLag(),
                        Detail.TRANSPORT_LAG, dg == null ? null : dg.transportLag(),
                        Detail.SWITCHOVER_READINESS, dg == null || dg.switchoverReadiness() == null ? null
                                : dg.switchoverMessage() == null ? dg.switchoverReadiness()
                                : Notice.of("detail.readinessBecause", dg.switchoverReadiness(), dg.switchoverMessage()),
                        Detail.LAST_BACKUP, d.lastBackup(),
                        Detail.LAST_FAILED_BACKUP, d.lastFailedBackup(),
                        Detail.COMPARTMENT, c.path(),
                        Detail.OCID, d.id()),
                res.at(), res.stale());
    }

    /**
     * Marks both sides of a Data Guard pair WARNING when they are scheduled for maintenance close together
     * (within {@link HealthRules#maintenanceOverlap}): if one side's patching goes wrong, the other may be
     * down too. A side's maintenance is its own next run, or its DB system's or VM cluster's. Runs over the
     * whole fleet, since a pair's sides are often in two regions.
     */
    void maintenanceOverlaps(Map<String, FleetNode> nodes) {
        Map<String, FleetNode> changed = new LinkedHashMap<>();
        for (FleetNode n : nodes.values()) {
            if (n.dataGuard() == null || n.dataGuard().peerDatabaseIds().isEmpty() || n.kind() == NodeKind.AUTONOMOUS_STANDBY) {
                continue;
            }
            Instant mine = maintenance(n, nodes);
            if (mine == null) {
                continue;
            }
            for (String peerId : n.dataGuard().peerDatabaseIds()) {
                FleetNode peer = nodes.get(peerId);
                Notice overlap = peer == null ? null : rules.maintenanceOverlap(mine, maintenance(peer, nodes), peer.name());
                if (overlap != null) {
                    FleetNode base = changed.getOrDefault(n.id(), n);
                    List<Notice> reasons = new java.util.ArrayList<>(base.reasons());
                    reasons.add(overlap);
                    FleetNode w = new FleetNode(base.id(), base.parentId(), base.kind(), base.name(), base.lifecycleState(),
                            base.dataGuard(), base.health().worst(Health.WARNING), reasons, base.details(),
                            base.lastRefreshed(), null);
                    changed.put(n.id(), base.stale() == null ? w : w.markedStale(base.stale()));
                }
            }
        }
        nodes.putAll(changed);
    }

    private static Instant maintenance(FleetNode n, Map<String, FleetNode> nodes) {
        if (n.details().get(Detail.NEXT_MAINTENANCE) instanceof Instant t) {
            return t;
        }
        FleetNode parent = n.parentId() == null ? null : nodes.get(n.parentId());
        if (parent != null && (parent.kind() == NodeKind.DB_SYSTEM || parent.kind() == NodeKind.VM_CLUSTER)
                && parent.details().get(Detail.NEXT_MAINTENANCE) instanceof Instant t) {
            return t;
        }
        return null;
    }

    /** @param readAt when this node's rows were last read successfully (null: never) */
    static FleetNode node(String id, String parent, NodeKind kind, String name, String state,
                                  DataGuardMember dg, HealthRules.Verdict v, Map<Detail, Object> details,
                                  Instant readAt, Staleness stale) {
        FleetNode n = new FleetNode(id, parent, kind, name == null ? id : name, state, dg, v.health(), v.reasons(),
                details, readAt == null ? Instant.EPOCH : readAt, null);
        return stale == null ? n : n.markedStale(stale);
    }

    /** Details from name / value pairs, in display order; an absent value (null) is left out. */
    static Map<Detail, Object> details(Object... kv) {
        Map<Detail, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((Detail) kv[i], kv[i + 1]);
            }
        }
        return m;
    }
}
