package io.fleetdesk.sim;

import io.fleetdesk.sim.SimFleet.Database;
import io.fleetdesk.sim.SimFleet.DbHome;
import io.fleetdesk.sim.SimFleet.DbSystem;
import io.fleetdesk.sim.SimFleet.Pair;
import io.fleetdesk.sim.SimFleet.Pdb;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The simulator's answers in the service's JSON field names, as the real Database API writes them
 * (and, with {@link SimVariation}, as varied as it writes them: optional fields left out, enum values
 * the SDK does not know).
 */
final class SimJson {
    private final SimFleet fleet;
    private final FaultPlan faults;
    private final SimBackups backups;
    private final SimDataGuardOperations dataGuardOps;

    /** The model as the variation plan leaves it (fields left out, unknown enum values). */
    Map<String, Object> vary(String model, Map<String, Object> m) {
        return faults.variation().vary(model, m);
    }

    SimJson(SimFleet fleet, FaultPlan faults, SimBackups backups, SimDataGuardOperations dataGuardOps) {
        this.fleet = fleet;
        this.faults = faults;
        this.backups = backups;
        this.dataGuardOps = dataGuardOps;
    }

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    Map<String, Object> dbSystemJson(DbSystem s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("compartmentId", s.compartmentId());
        m.put("displayName", s.displayName());
        m.put("availabilityDomain", s.availabilityDomain());
        m.put("faultDomains", List.of("FAULT-DOMAIN-1"));
        m.put("subnetId", "ocid1.subnet.oc1.." + s.id().substring(s.id().length() - 20));
        m.put("shape", s.shape());
        m.put("hostname", s.hostname());
        m.put("domain", "dbsubnet.fleetvcn.oraclevcn.com");
        m.put("version", s.version());
        m.put("cpuCoreCount", s.cpuCores());
        m.put("databaseEdition", "ENTERPRISE_EDITION_EXTREME_PERFORMANCE");
        m.put("listenerPort", 1521);
        m.put("nodeCount", 1);
        m.put("licenseModel", "BRING_YOUR_OWN_LICENSE");
        String state = fleet.dbSystemState(s);
        m.put("lifecycleState", state);
        m.put("lifecycleDetails", state.equals("MAINTENANCE_IN_PROGRESS") ? "Quarterly DB system patching" : null);
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(400 - s.index() % 300))));
        return vary("DbSystemSummary", m);
    }

    Map<String, Object> dbHomeJson(DbHome h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("compartmentId", h.compartmentId());
        m.put("displayName", h.displayName());
        m.put("dbSystemId", h.dbSystemId());
        m.put("dbVersion", h.dbVersion());
        m.put("dbHomeLocation", "/u01/app/oracle/product/" + h.dbVersion().substring(0, 4) + "/dbhome_1");
        m.put("lifecycleState", "AVAILABLE");
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(300))));
        onExadata(h.vmClusterId(), m);
        onVmCluster(h.id(), h.dbSystemId(), m);
        return vary("DbHomeSummary", m);
    }

    /**
     * In the varied mode, some DB homes and their databases are shown as Exadata ones are: with
     * {@code vmClusterId} and no {@code dbSystemId} (code that assumed the DB system failed on real traffic).
     */
    void onVmCluster(String homeId, String dbSystemId, Map<String, Object> m) {
        if (dbSystemId != null && faults.variation().onVmCluster(homeId)) {
            m.remove("dbSystemId");
            m.put("vmClusterId", "ocid1.cloudvmcluster.oc1.." + dbSystemId.substring(dbSystemId.length() - 24));
        }
    }

    /** A DB home or database on a real Exadata VM cluster: {@code vmClusterId}, and no {@code dbSystemId} at all. */
    private static void onExadata(String vmClusterId, Map<String, Object> m) {
        if (vmClusterId != null) {
            m.remove("dbSystemId");
            m.put("vmClusterId", vmClusterId);
        }
    }

    Map<String, Object> databaseJson(Database d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("compartmentId", d.compartmentId());
        m.put("characterSet", "AL32UTF8");
        m.put("ncharacterSet", "AL16UTF16");
        m.put("dbHomeId", d.dbHomeId());
        m.put("dbSystemId", d.dbSystemId());
        m.put("dbName", fleet.dbName(d));
        m.put("dbWorkload", "OLTP");
        m.put("dbUniqueName", d.dbUniqueName());
        String state = fleet.databaseState(d);
        m.put("lifecycleState", state);
        String restoring = backups.restoreDetails(d.id());
        m.put("lifecycleDetails", restoring != null ? restoring : switch (state) {
            case "BACKUP_IN_PROGRESS" -> "Automatic incremental backup in progress";
            case "RESTORE_FAILED" -> "The last restore failed: see its work request. Restore again to a point covered by a backup.";
            case "FAILED" -> "The database is not reachable by the cloud tooling. Check the DB system.";
            default -> null;
        });
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(365))));
        m.put("lastBackupTimestamp", time(fleet.lastBackup(d)));
        m.put("lastBackupDurationInSeconds", (int) SimTimeline.BACKUP_LENGTH.toSeconds());
        m.put("lastFailedBackupTimestamp", time(fleet.lastFailedBackup(d)));
        m.put("dbBackupConfig", vary("DbBackupConfig", backups.configJson(d)));
        m.put("isCdb", true);
        m.put("sidPrefix", d.dbName().length() > 8 ? d.dbName().substring(0, 8) : d.dbName());
        if (d.pairId() != null) {
            m.put("dataGuardGroup", dataGuardGroupJson(fleet.pair(d.pairId())));
        }
        onExadata(d.vmClusterId(), m);
        onVmCluster(d.dbHomeId(), d.dbSystemId(), m);
        return vary("DatabaseSummary", m);
    }

    Map<String, Object> dataGuardGroupJson(Pair p) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("protectionMode", p.protectionMode());
        List<Map<String, Object>> members = new ArrayList<>();
        Database a = fleet.database(p.firstDbId());
        Database b = fleet.database(p.secondDbId());
        for (Database d : List.of(a, b)) {
            Map<String, Object> mm = new LinkedHashMap<>();
            String role = fleet.role(d.id());
            boolean standby = !role.equals("PRIMARY");
            long lag = standby ? fleet.applyLagSeconds(d) : 0;
            mm.put("databaseId", d.id());
            mm.put("dbSystemId", d.dbSystemId());
            mm.put("role", role);
            mm.put("applyLag", standby ? SimTimeline.lagText(lag) : null);
            mm.put("applyRate", standby ? (lag > 60 ? "2.10 MByte/s" : "11.84 MByte/s") : null);
            mm.put("transportLag", standby ? SimTimeline.lagText(Math.min(lag, 2)) : null);
            mm.put("transportLagRefresh", standby ? "1 second" : null);
            mm.put("transportType", p.transportType());
            mm.put("isActiveDataGuardEnabled", true);
            String readiness = "HEALTHY";
            String message = "Ready for switchover";
            String stA = fleet.databaseState(a);
            String stB = fleet.databaseState(b);
            Database other = d == a ? b : a;
            long standbyLag = fleet.applyLagSeconds(role.equals("PRIMARY") ? other : d);
            if (!stA.equals("AVAILABLE") || !stB.equals("AVAILABLE")) {
                readiness = "CRITICAL";
                message = "A member is " + (!stA.equals("AVAILABLE") ? stA : stB);
            } else if (standbyLag > 300) {
                readiness = "CRITICAL";
                message = "Apply lag is " + SimTimeline.lagText(standbyLag);
            } else if (standbyLag > 30) {
                readiness = "WARNING";
                message = "Apply lag is " + SimTimeline.lagText(standbyLag);
            }
            mm.put("switchoverReadiness", readiness);
            mm.put("switchoverReadinessMessage", message);
            mm.put("failoverReadiness", readiness.equals("CRITICAL") && standbyLag <= 300 ? "WARNING" : readiness);
            mm.put("failoverReadinessMessage", message);
            mm.put("dataLossExposure", standby ? SimTimeline.lagText(p.transportType().equals("SYNC") ? 0 : Math.min(lag, 2)) : null);
            mm.put("timeUpdated", time(fleet.clock().now()));
            if (faults.variation().onVmCluster(d.dbHomeId())) {
                mm.remove("dbSystemId");
            }
            members.add(vary("DataGuardGroupMember", mm));
        }
        g.put("members", members);
        return vary("DataGuardGroup", g);
    }

    /** The association as seen from one database; each side has its own id. */
    static String associationId(Pair p, String databaseId) {
        return databaseId.equals(p.firstDbId()) ? p.id() : p.id() + "s";
    }

    Map<String, Object> associationJson(Database d) {
        Pair p = fleet.pair(d.pairId());
        Database peer = fleet.database(d.id().equals(p.firstDbId()) ? p.secondDbId() : p.firstDbId());
        String role = fleet.role(d.id());
        String peerRole = fleet.role(peer.id());
        Database standby = role.equals("PRIMARY") ? peer : d;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", associationId(p, d.id()));
        m.put("databaseId", d.id());
        m.put("role", role);
        m.put("lifecycleState", dataGuardOps.inFlight(p.id()) ? "UPDATING" : "AVAILABLE");
        m.put("peerDataGuardAssociationId", associationId(p, peer.id()));
        m.put("peerDatabaseId", peer.id());
        m.put("peerDbHomeId", peer.dbHomeId());
        m.put("peerDbSystemId", peer.dbSystemId());
        m.put("peerRole", peerRole);
        m.put("applyLag", SimTimeline.lagText(fleet.applyLagSeconds(standby)));
        m.put("applyRate", "11.84 MByte/s");
        m.put("protectionMode", p.protectionMode());
        m.put("transportType", p.transportType());
        m.put("isActiveDataGuardEnabled", true);
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(200))));
        return vary("DataGuardAssociation", m);
    }

    Map<String, Object> pdbJson(Pdb pdb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", pdb.id());
        m.put("containerDatabaseId", pdb.containerDatabaseId());
        m.put("pdbName", pdb.pdbName());
        m.put("compartmentId", pdb.compartmentId());
        m.put("lifecycleState", fleet.pdbState(pdb));
        String role = fleet.role(pdb.containerDatabaseId());
        m.put("openMode", role == null || role.equals("PRIMARY") ? "READ_WRITE"
                : role.equals("STANDBY") ? "READ_ONLY" : "MOUNTED");
        m.put("isRestricted", false);
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(100))));
        return vary("PluggableDatabaseSummary", m);
    }
}
