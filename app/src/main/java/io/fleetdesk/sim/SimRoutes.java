package io.fleetdesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fleetdesk.sim.SimFleet.Database;
import io.fleetdesk.sim.SimFleet.DbHome;
import io.fleetdesk.sim.SimFleet.DbSystem;
import io.fleetdesk.sim.SimFleet.Pdb;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.fleetdesk.sim.SimServer.Reply;
import io.fleetdesk.sim.SimServer.Routed;

/**
 * The simulator's routes: which request is which Database API operation, with the service's checks
 * (paging, a compartment the policy does not allow, a resource that does not exist) before it is
 * carried out. Transport, faults and signatures are {@link SimServer}'s.
 */
final class SimRoutes {
    private static final String API = "/20160918";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SimFleet fleet;
    private final FaultPlan faults;
    private final SimWorkRequests workRequests;
    private final SimDataGuardOperations dataGuardOps;
    private final SimBackups backups;
    private final SimIdentity identity;
    private final SimJson render;
    private final SimEstateJson estateJson;
    private final SimAutonomousOperations autonomousOps;
    private final SimAutonomousBackups adbBackups;
    private final Map<String, LongAdder> requestsByOperation;

    SimRoutes(SimFleet fleet, FaultPlan faults, SimWorkRequests workRequests, SimDataGuardOperations dataGuardOps,
              SimAutonomousOperations autonomousOps, SimAutonomousBackups adbBackups, SimBackups backups,
              SimIdentity identity, SimJson render, Map<String, LongAdder> requestsByOperation) {
        this.autonomousOps = autonomousOps;
        this.adbBackups = adbBackups;
        this.fleet = fleet;
        this.faults = faults;
        this.workRequests = workRequests;
        this.dataGuardOps = dataGuardOps;
        this.backups = backups;
        this.identity = identity;
        this.render = render;
        this.estateJson = new SimEstateJson(fleet, render);
        this.requestsByOperation = requestsByOperation;
    }

    Reply route(String region, String method, String rawPath, Map<String, String> q, byte[] body) {
        String op;
        if (!rawPath.startsWith(API + "/")) {
            return Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
        }
        String[] p = rawPath.substring(API.length() + 1).split("/");
        // POST /databases/{id}/dataGuardAssociations/{associationId}/actions/{switchover|failover|reinstate}
        if (method.equals("POST") && p.length == 6 && p[0].equals("databases") && p[2].equals("dataGuardAssociations")
                && p[4].equals("actions")) {
            SimDataGuardOperations.Kind kind = switch (p[5]) {
                case "switchover" -> SimDataGuardOperations.Kind.SWITCHOVER;
                case "failover" -> SimDataGuardOperations.Kind.FAILOVER;
                case "reinstate" -> SimDataGuardOperations.Kind.REINSTATE;
                default -> null;
            };
            if (kind != null) {
                requestsByOperation.computeIfAbsent(kind.name(), k -> new LongAdder()).increment();
                com.fasterxml.jackson.databind.JsonNode n = body(body);
                if (n == null) {
                    return NOT_JSON;
                }
                String password = n.path("databaseAdminPassword").asText(null);
                SimDataGuardOperations.Started started = dataGuardOps.start(kind, p[1], p[3], password);
                if (started.workRequest() == null) {
                    return Reply.error(started.status(), started.code(), started.message());
                }
                return new Reply(200, render.associationJson(fleet.database(p[1])),
                        Map.of("opc-work-request-id", started.workRequest().id(), "etag", started.workRequest().id()));
            }
        }
        // POST /autonomousDatabases/{id}/actions/{switchover|failover}[?peerDbId=]
        // POST /autonomousContainerDatabases/{id}/actions/{switchover|failover|reinstate}
        if (method.equals("POST") && p.length == 4 && p[2].equals("actions")
                && (p[0].equals("autonomousDatabases") || p[0].equals("autonomousContainerDatabases"))) {
            SimAutonomousOperations.Kind kind = switch (p[3]) {
                case "switchover" -> SimAutonomousOperations.Kind.SWITCHOVER;
                case "failover" -> SimAutonomousOperations.Kind.FAILOVER;
                case "reinstate" -> p[0].equals("autonomousContainerDatabases") ? SimAutonomousOperations.Kind.REINSTATE : null;
                default -> null;
            };
            if (kind != null) {
                boolean container = p[0].equals("autonomousContainerDatabases");
                requestsByOperation.computeIfAbsent((container ? "ACD_" : "ADB_") + kind.name(), k -> new LongAdder()).increment();
                SimAutonomousOperations.Started started = container ? autonomousOps.containerDatabase(kind, region, p[1])
                        : autonomousOps.autonomousDatabase(kind, region, p[1], q.get("peerDbId"));
                if (started.workRequest() == null) {
                    return Reply.error(started.status(), started.code(), started.message());
                }
                Object json = container ? estateJson.containerDatabaseJson(fleet.estate().containerDatabase(p[1]))
                        : estateJson.autonomousDatabaseJson(fleet.estate().autonomousDatabase(p[1]));
                return new Reply(200, json, Map.of("opc-work-request-id", started.workRequest().id(),
                        "etag", started.workRequest().id()));
            }
        }
        Reply adbBackup = autonomousBackupRoute(region, method, p, q, body);
        if (adbBackup != null) {
            return adbBackup;
        }
        Routed identityReply = identity.route(method, p, q);
        if (identityReply != null) {
            requestsByOperation.computeIfAbsent(identityReply.operation(), k -> new LongAdder()).increment();
            return identityReply.reply();
        }
        Reply backupReply = backupRoute(method, p, q, body);
        if (backupReply != null) {
            return backupReply;
        }
        if (!method.equals("GET")) {
            return Reply.error(405, "MethodNotAllowed", method + " is not supported on " + rawPath);
        }
        Reply r;
        switch (p[0]) {
            case "dbSystems" -> {
                op = p.length == 1 ? "ListDbSystems" : "GetDbSystem";
                r = p.length == 1 ? listDbSystems(region, q) : getDbSystem(p[1]);
            }
            case "dbHomes" -> {
                op = "ListDbHomes";
                r = listDbHomes(region, q);
            }
            case "databases" -> {
                if (p.length == 1) {
                    op = "ListDatabases";
                    r = listDatabases(region, q);
                } else if (p.length == 2) {
                    op = "GetDatabase";
                    r = getDatabase(p[1]);
                } else if (p.length == 3 && p[2].equals("dataGuardAssociations")) {
                    op = "ListDataGuardAssociations";
                    r = listDataGuardAssociations(p[1], q);
                } else {
                    op = "Unknown";
                    r = Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
                }
            }
            case "pluggableDatabases" -> {
                op = "ListPluggableDatabases";
                r = listPdbs(region, q);
            }
            case "autonomousDatabases", "autonomousContainerDatabases", "cloudExadataInfrastructures",
                 "exadataInfrastructures", "cloudVmClusters", "vmClusters", "cloudAutonomousVmClusters",
                 "autonomousVmClusters", "maintenanceRuns" -> {
                if (p.length == 1) {
                    op = LIST_OPS.get(p[0]);
                    r = listEstate(region, p[0], op, q);
                } else if (p.length == 2 && p[0].equals("autonomousDatabases")) {
                    op = "GetAutonomousDatabase";
                    SimEstate.AutonomousDatabase a = fleet.estate().autonomousDatabase(p[1]);
                    r = a == null || !a.region().equals(region) ? Reply.notFound() : Reply.ok(estateJson.autonomousDatabaseJson(a));
                } else if (p.length == 2 && p[0].equals("autonomousContainerDatabases")) {
                    op = "GetAutonomousContainerDatabase";
                    SimEstate.ContainerDatabase c = fleet.estate().containerDatabase(p[1]);
                    r = c == null || !c.region().equals(region) ? Reply.notFound() : Reply.ok(estateJson.containerDatabaseJson(c));
                } else {
                    op = "Unknown";
                    r = Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
                }
            }
            case "workRequests" -> {
                SimWorkRequests.Entry e = p.length >= 2 ? workRequests.get(p[1]) : null;
                if (p.length == 1) {
                    // ListWorkRequests: compartmentId is required, resourceId narrows it; newest first.
                    op = "ListWorkRequests";
                    String comp = q.get("compartmentId");
                    r = comp == null || comp.isBlank() ? Reply.missing("compartmentId")
                            : Reply.page(workRequests.list(comp, q.get("resourceId")), q, w -> render.vary("WorkRequest", workRequests.json(w)));
                } else if (e == null) {
                    op = "GetWorkRequest";
                    r = Reply.notFound();
                } else if (p.length == 2) {
                    op = "GetWorkRequest";
                    r = Reply.ok(render.vary("WorkRequest", workRequests.json(workRequests.read(e.id()))));
                } else if (p.length == 3 && p[2].equals("errors")) {
                    op = "ListWorkRequestErrors";
                    r = Reply.page(workRequests.errors(e), q, m -> m);
                } else if (p.length == 3 && p[2].equals("logs")) {
                    op = "ListWorkRequestLogs";
                    r = Reply.page(workRequests.logs(e), q, m -> m);
                } else {
                    op = "Unknown";
                    r = Reply.notFound();
                }
            }
            default -> {
                op = "Unknown";
                r = Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
            }
        }
        requestsByOperation.computeIfAbsent(op, k -> new LongAdder()).increment();
        return r;
    }

    /**
     * Backups: ListBackups, GetBackup, CreateBackup, DeleteBackup, CancelBackup and RestoreDatabase;
     * null when the request is none of them.
     */
    private Reply backupRoute(String method, String[] p, Map<String, String> q, byte[] body) {
        String op;
        Reply r;
        if (p[0].equals("backups")) {
            if (method.equals("GET") && p.length == 1) {
                op = "ListBackups";
                String db = q.get("databaseId");
                r = db == null || db.isBlank() ? Reply.missing("databaseId") : Reply.page(backups.list(db), q, b -> render.vary("Backup", backups.json(b)));
            } else if (method.equals("GET") && p.length == 2) {
                op = "GetBackup";
                SimBackups.Backup b = backups.get(p[1]);
                r = b == null ? Reply.notFound() : Reply.ok(render.vary("Backup", backups.json(b)));
            } else if (method.equals("POST") && p.length == 1) {
                op = "CreateBackup";
                com.fasterxml.jackson.databind.JsonNode n = body(body);
                if (n == null) {
                    return NOT_JSON;
                }
                SimBackups.Result res = backups.create(n.path("databaseId").asText(null), n.path("displayName").asText(null),
                        n.hasNonNull("retentionPeriodInDays") ? n.get("retentionPeriodInDays").asInt() : null);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(200, backups.json(res.backup()), Map.of("opc-work-request-id", res.workRequest().id()));
            } else if (method.equals("DELETE") && p.length == 2) {
                op = "DeleteBackup";
                SimBackups.Result res = backups.delete(p[1]);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(204, null, Map.of("opc-work-request-id", res.workRequest().id()));
            } else if (method.equals("POST") && p.length == 4 && p[2].equals("actions") && p[3].equals("cancel")) {
                op = "CancelBackup";
                SimBackups.Result res = backups.cancel(p[1]);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(202, null, Map.of("opc-work-request-id", res.workRequest().id()));
            } else {
                return null;
            }
        } else if (method.equals("POST") && p[0].equals("databases") && p.length == 4 && p[2].equals("actions")
                && p[3].equals("restore")) {
            op = "RestoreDatabase";
            RestoreTo to = restoreTo(body);
            if (to.error() != null) {
                return to.error();
            }
            SimBackups.Result res = backups.restore(p[1], to.latest(), to.timestamp(), to.scn());
            r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                    : new Reply(200, render.databaseJson(fleet.database(p[1])), Map.of("opc-work-request-id", res.workRequest().id()));
        } else {
            return null;
        }
        requestsByOperation.computeIfAbsent(op, k -> new LongAdder()).increment();
        return r;
    }

    /**
     * Autonomous Database backups: ListAutonomousDatabaseBackups, GetAutonomousDatabaseBackup,
     * CreateAutonomousDatabaseBackup, DeleteAutonomousDatabaseBackup and RestoreAutonomousDatabase; null
     * when the request is none of them.
     */
    private Reply autonomousBackupRoute(String region, String method, String[] p, Map<String, String> q, byte[] body) {
        String op;
        Reply r;
        if (p[0].equals("autonomousDatabaseBackups")) {
            if (method.equals("GET") && p.length == 1) {
                op = "ListAutonomousDatabaseBackups";
                String adb = q.get("autonomousDatabaseId");
                r = adb == null || adb.isBlank() ? Reply.missing("autonomousDatabaseId")
                        : Reply.page(adbBackups.list(adb), q, adbBackups::json);
            } else if (method.equals("GET") && p.length == 2) {
                op = "GetAutonomousDatabaseBackup";
                SimAutonomousBackups.Backup b = adbBackups.get(p[1]);
                r = b == null ? Reply.notFound() : Reply.ok(adbBackups.json(b));
            } else if (method.equals("POST") && p.length == 1) {
                op = "CreateAutonomousDatabaseBackup";
                com.fasterxml.jackson.databind.JsonNode n = body(body);
                if (n == null) {
                    return NOT_JSON;
                }
                SimAutonomousBackups.Result res = adbBackups.create(region, n.path("autonomousDatabaseId").asText(null),
                        n.path("displayName").asText(null),
                        n.hasNonNull("isLongTermBackup") ? n.get("isLongTermBackup").asBoolean() : null,
                        n.hasNonNull("retentionPeriodInDays") ? n.get("retentionPeriodInDays").asInt() : null);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(200, adbBackups.json(res.backup()), Map.of("opc-work-request-id", res.workRequest().id()));
            } else if (method.equals("DELETE") && p.length == 2) {
                op = "DeleteAutonomousDatabaseBackup";
                SimAutonomousBackups.Result res = adbBackups.delete(region, p[1]);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(204, null, Map.of("opc-work-request-id", res.workRequest().id()));
            } else {
                return null;
            }
        } else if (method.equals("POST") && p[0].equals("autonomousDatabases") && p.length == 4 && p[2].equals("actions")
                && p[3].equals("restore")) {
            op = "RestoreAutonomousDatabase";
            RestoreTo to = restoreTo(body);
            if (to.error() != null) {
                return to.error();
            }
            SimAutonomousBackups.Result res = adbBackups.restore(region, p[1], to.latest(), to.timestamp(), to.scn());
            r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                    : new Reply(200, estateJson.autonomousDatabaseJson(fleet.estate().autonomousDatabase(p[1])),
                    Map.of("opc-work-request-id", res.workRequest().id()));
        } else {
            return null;
        }
        requestsByOperation.computeIfAbsent(op, k -> new LongAdder()).increment();
        return r;
    }

    /** A restore's body (RestoreDatabaseDetails, RestoreAutonomousDatabaseDetails: the same three fields), or why not. */
    private record RestoreTo(Boolean latest, Instant timestamp, String scn, Reply error) {
    }

    private RestoreTo restoreTo(byte[] body) {
        com.fasterxml.jackson.databind.JsonNode n = body(body);
        if (n == null) {
            return new RestoreTo(null, null, null, NOT_JSON);
        }
        Instant ts = null;
        if (n.hasNonNull("timestamp")) {
            try {
                ts = java.time.OffsetDateTime.parse(n.get("timestamp").asText()).toInstant();
            } catch (java.time.format.DateTimeParseException e) {
                return new RestoreTo(null, null, null,
                        Reply.error(400, "InvalidParameter", "timestamp is not an RFC 3339 date-time."));
            }
        }
        return new RestoreTo(n.hasNonNull("latest") ? n.get("latest").asBoolean() : null, ts,
                n.hasNonNull("databaseSCN") ? n.get("databaseSCN").asText() : null, null);
    }

    private static final Reply NOT_JSON = Reply.error(400, "InvalidParameter", "The request body is not valid JSON.");

    /** A request's JSON body, or null when it is not JSON (answered 400 {@link #NOT_JSON}). */
    private com.fasterxml.jackson.databind.JsonNode body(byte[] body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** The list operation of each Autonomous / Exadata collection path. */
    static final Map<String, String> LIST_OPS = Map.of(
            "autonomousDatabases", "ListAutonomousDatabases",
            "autonomousContainerDatabases", "ListAutonomousContainerDatabases",
            "cloudExadataInfrastructures", "ListCloudExadataInfrastructures",
            "exadataInfrastructures", "ListExadataInfrastructures",
            "cloudVmClusters", "ListCloudVmClusters",
            "vmClusters", "ListVmClusters",
            "cloudAutonomousVmClusters", "ListCloudAutonomousVmClusters",
            "autonomousVmClusters", "ListAutonomousVmClusters",
            "maintenanceRuns", "ListMaintenanceRuns");

    /**
     * A list of the Autonomous / Exadata part, per compartment, with the filters the service applies
     * (lifecycle state, not-equal-to, container database, target resource), paged like every list.
     */
    private Reply listEstate(String region, String path, String op, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return Reply.missing("compartmentId");
        }
        Reply refused = refused(op, comp);
        if (refused != null) {
            return refused;
        }
        SimEstate e = fleet.estate();
        String state = q.get("lifecycleState");
        String notState = q.get("lifecycleStateNotEqualTo");
        return switch (path) {
            case "autonomousDatabases" -> {
                String acd = q.get("autonomousContainerDatabaseId");
                List<SimEstate.AutonomousDatabase> all = e.autonomousDatabases(region, comp).stream()
                        .filter(a -> acd == null || acd.equals(a.containerDatabaseId()))
                        .filter(a -> state == null || state.equals(e.state(a)))
                        .filter(a -> notState == null || !notState.equals(e.state(a))).toList();
                yield Reply.page(all, q, estateJson::autonomousDatabaseJson);
            }
            case "autonomousContainerDatabases" -> Reply.page(e.containerDatabases(region, comp), q,
                    estateJson::containerDatabaseJson);
            case "cloudExadataInfrastructures" -> Reply.page(e.infrastructures(region, comp, false), q,
                    estateJson::infrastructureJson);
            case "exadataInfrastructures" -> Reply.page(e.infrastructures(region, comp, true), q,
                    estateJson::infrastructureJson);
            case "cloudVmClusters" -> Reply.page(e.vmClusters(region, comp, false), q, estateJson::vmClusterJson);
            case "vmClusters" -> Reply.page(e.vmClusters(region, comp, true), q, estateJson::vmClusterJson);
            case "cloudAutonomousVmClusters" -> Reply.page(e.autonomousVmClusters(region, comp, false), q,
                    estateJson::autonomousVmClusterJson);
            case "autonomousVmClusters" -> Reply.page(e.autonomousVmClusters(region, comp, true), q,
                    estateJson::autonomousVmClusterJson);
            default -> {
                String target = q.get("targetResourceId");
                List<SimEstate.MaintenanceRun> runs = e.maintenanceRuns(region, comp).stream()
                        .filter(r -> target == null || target.equals(r.targetId()))
                        .filter(r -> state == null || state.equals("SCHEDULED")).toList();
                yield Reply.page(runs, q, estateJson::maintenanceRunJson);
            }
        };
    }

    private Reply listDbSystems(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return Reply.missing("compartmentId");
        }
        Reply refused = refused("ListDbSystems", comp);
        return refused != null ? refused : Reply.page(fleet.dbSystems(region, comp), q, render::dbSystemJson);
    }

    private Reply getDbSystem(String id) {
        DbSystem s = fleet.dbSystem(id);
        return s == null ? Reply.notFound() : Reply.ok(render.dbSystemJson(s));
    }

    private Reply listDbHomes(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return Reply.missing("compartmentId");
        }
        Reply refused = refused("ListDbHomes", comp);
        if (refused != null) {
            return refused;
        }
        List<DbHome> homes = fleet.dbHomes(region, comp);
        String sys = q.get("dbSystemId");
        if (sys != null) {
            homes = homes.stream().filter(h -> sys.equals(h.dbSystemId())).toList();
        }
        return Reply.page(homes, q, render::dbHomeJson);
    }

    private Reply listDatabases(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return Reply.missing("compartmentId");
        }
        Reply refused = refused("ListDatabases", comp);
        if (refused != null) {
            return refused;
        }
        String home = q.get("dbHomeId");
        String sys = q.get("systemId");
        List<Database> dbs;
        if (home != null) {
            dbs = fleet.databasesInHome(home);
        } else if (sys != null) {
            dbs = fleet.databasesInSystem(sys);
        } else {
            return Reply.error(400, "InvalidParameter", "Either dbHomeId or systemId is required.");
        }
        dbs = dbs.stream().filter(d -> d.compartmentId().equals(comp) && d.region().equals(region)).toList();
        return Reply.page(dbs, q, render::databaseJson);
    }

    private Reply getDatabase(String id) {
        Database d = fleet.database(id);
        return d == null ? Reply.notFound() : Reply.ok(render.databaseJson(d));
    }

    private Reply listPdbs(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        String cdb = q.get("databaseId");
        List<Pdb> list;
        if (cdb != null) {
            list = fleet.pdbsOf(cdb);
        } else if (comp != null) {
            Reply refused = refused("ListPluggableDatabases", comp);
            if (refused != null) {
                return refused;
            }
            list = fleet.pdbs(region, comp);
        } else {
            return Reply.error(400, "InvalidParameter", "Either compartmentId or databaseId is required.");
        }
        return Reply.page(list, q, render::pdbJson);
    }

    private Reply listDataGuardAssociations(String dbId, Map<String, String> q) {
        Database d = fleet.database(dbId);
        if (d == null) {
            return Reply.notFound();
        }
        List<Database> self = d.pairId() == null ? List.of() : List.of(d);
        return Reply.page(self, q, render::associationJson);
    }

    /**
     * A list call the demo user's policy does not allow in that compartment, or a compartment that is
     * not ACTIVE: 404 NotAuthorizedOrNotFound, as the service answers both (it does not say which).
     */
    private Reply refused(String operation, String compartmentId) {
        SimTenancy.Compartment c = fleet.tenancy().compartment(compartmentId);
        if (c == null || !c.lifecycleState().equals("ACTIVE") || fleet.tenancy().isDenied(operation, compartmentId)) {
            return Reply.notFound();
        }
        return null;
    }
}
