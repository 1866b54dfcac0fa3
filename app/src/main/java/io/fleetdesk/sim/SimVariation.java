package io.fleetdesk.sim;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Makes the simulator's responses as varied as the real service's: in this mode every field the API
 * reference marks optional is left out of some responses, some enum fields carry values this SDK
 * does not know (it reads them as {@code UNKNOWN_ENUM_VALUE}), and null values are omitted rather
 * than sent as {@code null}, as the service does. Which field is dropped is a function of the seed,
 * the object's id and how often it has been read, so a run is repeatable and an object read again
 * (the next refresh, a wizard's pre-checks run again) is sent differently: the longer a test runs,
 * the more combinations it meets. It counts, per "Model.field", how often an optional field was
 * absent, so a test can prove every one of them was exercised.
 *
 * <p>Off (the default) it only passes maps through.
 */
public final class SimVariation {
    /** Fields the API reference marks required: never dropped. Models not named here keep every field. */
    private static final Map<String, Set<String>> REQUIRED = Map.ofEntries(
            Map.entry("DbSystemSummary", Set.of("id", "compartmentId", "displayName", "availabilityDomain",
                    "subnetId", "shape", "hostname", "domain", "cpuCoreCount", "databaseEdition", "lifecycleState")),
            Map.entry("DbHomeSummary", Set.of("id", "compartmentId", "displayName", "lifecycleState", "dbVersion")),
            Map.entry("DatabaseSummary", Set.of("id", "compartmentId", "dbName", "dbUniqueName", "lifecycleState")),
            Map.entry("DataGuardGroup", Set.of("protectionMode")),
            Map.entry("DataGuardGroupMember", Set.of("databaseId", "role")),
            Map.entry("DbBackupConfig", Set.of()),
            Map.entry("PluggableDatabaseSummary", Set.of("id", "compartmentId", "containerDatabaseId", "pdbName",
                    "lifecycleState")),
            Map.entry("DataGuardAssociation", Set.of("id", "databaseId", "role", "lifecycleState", "peerRole",
                    "protectionMode")),
            Map.entry("Backup", Set.of("id", "databaseId", "lifecycleState")),
            Map.entry("WorkRequest", Set.of("id", "operationType", "status", "compartmentId", "resources",
                    "percentComplete", "timeAccepted")),
            Map.entry("Compartment", Set.of("id", "compartmentId", "name", "description", "timeCreated",
                    "lifecycleState")),
            Map.entry("RegionSubscription", Set.of("regionKey", "regionName", "status", "isHomeRegion")),
            Map.entry("AutonomousDatabaseSummary", Set.of("id", "compartmentId", "lifecycleState", "dbName",
                    "cpuCoreCount", "dataStorageSizeInTBs")),
            Map.entry("AutonomousDatabaseStandbySummary", Set.of()),
            Map.entry("AutonomousContainerDatabaseSummary", Set.of("id", "compartmentId", "displayName",
                    "serviceLevelAgreementType", "lifecycleState", "patchModel")),
            Map.entry("AutonomousContainerDatabaseDataguard", Set.of("role", "lifecycleState", "protectionMode")),
            Map.entry("CloudExadataInfrastructureSummary", Set.of("id", "compartmentId", "lifecycleState",
                    "displayName", "shape", "availabilityDomain")),
            Map.entry("ExadataInfrastructureSummary", Set.of("id", "compartmentId", "lifecycleState", "displayName",
                    "shape")),
            Map.entry("CloudVmClusterSummary", Set.of("id", "compartmentId", "availabilityDomain", "subnetId", "shape",
                    "lifecycleState", "displayName", "hostname", "domain", "cpuCoreCount", "cloudExadataInfrastructureId")),
            Map.entry("VmClusterSummary", Set.of("id")),
            Map.entry("CloudAutonomousVmClusterSummary", Set.of("id", "compartmentId", "availabilityDomain", "subnetId",
                    "lifecycleState", "displayName", "cloudExadataInfrastructureId")),
            Map.entry("AutonomousVmClusterSummary", Set.of("id", "compartmentId", "displayName", "lifecycleState",
                    "exadataInfrastructureId", "vmClusterNetworkId")),
            Map.entry("MaintenanceRunSummary", Set.of("id", "compartmentId", "displayName", "lifecycleState",
                    "timeScheduled", "targetResourceType", "maintenanceType")));

    /**
     * Enum fields that may carry a value this SDK does not know. Not the fields discovery filters on
     * (a compartment's state, a subscription's status): the service only returns ACTIVE compartments
     * when asked for them, and the code treats any status but READY as not ready anyway.
     */
    private static final Map<String, Set<String>> ENUMS = Map.ofEntries(
            Map.entry("DbSystemSummary", Set.of("lifecycleState", "databaseEdition", "licenseModel")),
            Map.entry("DbHomeSummary", Set.of("lifecycleState")),
            Map.entry("DatabaseSummary", Set.of("lifecycleState")),
            Map.entry("DataGuardGroup", Set.of("protectionMode")),
            Map.entry("DataGuardGroupMember", Set.of("role", "transportType", "switchoverReadiness", "failoverReadiness")),
            Map.entry("PluggableDatabaseSummary", Set.of("lifecycleState", "openMode")),
            Map.entry("Backup", Set.of("type", "lifecycleState")),
            Map.entry("DbBackupConfig", Set.of("autoBackupWindow", "backupDeletionPolicy")),
            Map.entry("AutonomousDatabaseSummary", Set.of("lifecycleState", "dbWorkload", "role", "dataguardRegionType",
                    "localDisasterRecoveryType", "computeModel")),
            Map.entry("AutonomousContainerDatabaseSummary", Set.of("lifecycleState", "role", "infrastructureType")),
            Map.entry("AutonomousContainerDatabaseDataguard", Set.of("role", "lifecycleState", "protectionMode")),
            Map.entry("CloudExadataInfrastructureSummary", Set.of("lifecycleState")),
            Map.entry("ExadataInfrastructureSummary", Set.of("lifecycleState")),
            Map.entry("CloudVmClusterSummary", Set.of("lifecycleState")),
            Map.entry("VmClusterSummary", Set.of("lifecycleState")),
            Map.entry("MaintenanceRunSummary", Set.of("lifecycleState", "targetResourceType", "maintenanceType")));

    private final boolean on;
    private final long seed;
    private final double dropRate;
    private final double unknownEnumRate;
    private final Map<String, LongAdder> absent = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> present = new ConcurrentHashMap<>();
    /** How often each object has been sent, so the next read of it varies differently. */
    private final Map<String, Integer> reads = new ConcurrentHashMap<>();

    private SimVariation(boolean on, long seed, double dropRate, double unknownEnumRate) {
        this.on = on;
        this.seed = seed;
        this.dropRate = dropRate;
        this.unknownEnumRate = unknownEnumRate;
    }

    public static SimVariation off() {
        return new SimVariation(false, 0, 0, 0);
    }

    /**
     * @param dropRate        the share of (object, optional field) pairs left out
     * @param unknownEnumRate the share of (object, enum field) pairs sent with a value the SDK does not know
     */
    public static SimVariation of(long seed, double dropRate, double unknownEnumRate) {
        return new SimVariation(true, seed, dropRate, unknownEnumRate);
    }

    public boolean isOn() {
        return on;
    }

    /**
     * Whether a database is shown as an Exadata database would be: {@code vmClusterId} and no
     * {@code dbSystemId} (also on its DB home). One database in seven, in this mode.
     */
    boolean onVmCluster(String databaseOrHomeKey) {
        return on && Math.floorMod(mix(databaseOrHomeKey, "vmCluster"), 7) == 0;
    }

    /** Varies one object of a model in place and returns it; off, it returns the map untouched. */
    Map<String, Object> vary(String model, Map<String, Object> m) {
        if (!on) {
            return m;
        }
        Set<String> required = REQUIRED.getOrDefault(model, Set.of());
        Set<String> enums = ENUMS.getOrDefault(model, Set.of());
        String id = String.valueOf(m.getOrDefault("id", m.getOrDefault("databaseId", m.getOrDefault("regionName",
                m.hashCode()))));
        String key = id + "#" + reads.merge(model + "|" + id, 1, Integer::sum);
        for (Iterator<Map.Entry<String, Object>> it = m.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Object> e = it.next();
            String field = e.getKey();
            boolean optional = !required.contains(field);
            if (optional && (e.getValue() == null || chance(key, field, dropRate))) {
                absent.computeIfAbsent(model + "." + field, k -> new LongAdder()).increment();
                it.remove();
                continue;
            }
            if (optional) {
                present.computeIfAbsent(model + "." + field, k -> new LongAdder()).increment();
            }
            if (enums.contains(field) && e.getValue() instanceof String && chance(key, field + "#enum", unknownEnumRate)) {
                e.setValue("NOT_YET_KNOWN_" + field.toUpperCase(java.util.Locale.ROOT));
            }
        }
        return m;
    }

    private boolean chance(String key, String field, double rate) {
        if (rate <= 0) {
            return false;
        }
        return Math.floorMod(mix(key, field), 10_000) < rate * 10_000;
    }

    private long mix(String key, String field) {
        long h = seed * 0x9E3779B97F4A7C15L + key.hashCode();
        h = h * 31 + field.hashCode();
        h ^= (h >>> 33);
        h *= 0xff51afd7ed558ccdL;
        h ^= (h >>> 33);
        return h;
    }

    /** Every optional "Model.field" this run has sent, with how often it was absent (0: never). */
    public Map<String, Long> absentCounts() {
        Map<String, Long> out = new TreeMap<>();
        present.keySet().forEach(k -> out.put(k, 0L));
        absent.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The optional fields never absent so far. */
    public Set<String> neverAbsent() {
        Map<String, Long> counts = absentCounts();
        Set<String> out = new java.util.TreeSet<>();
        counts.forEach((k, v) -> {
            if (v == 0) {
                out.add(k);
            }
        });
        return out;
    }

    /** For the log: how many optional fields were exercised. */
    public Map<String, Integer> summary() {
        Map<String, Integer> m = new HashMap<>();
        m.put("optionalFields", absentCounts().size());
        m.put("neverAbsent", neverAbsent().size());
        return m;
    }
}
