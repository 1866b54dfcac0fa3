package io.fleetdesk.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A deterministic demo fleet: the same (seed, size) always gives the same regions, compartments,
 * DB systems, DB homes, databases, PDBs and Data Guard pairs. The topology is fixed at creation;
 * states are a pure function of simulated time plus explicit overrides, so the fleet moves while
 * a DBA watches (backups run, a standby's lag climbs and recovers, a DB system goes through
 * maintenance) and any two readers at the same moment see the same thing.
 */
public final class SimFleet {
    /** Regions, in the order the fleet fills them; the first {@code regionCount} are used. */
    static final List<SimRegion> ALL_REGIONS = List.of(
            new SimRegion("us-ashburn-1", "iad"),
            new SimRegion("eu-frankfurt-1", "fra"),
            new SimRegion("ap-tokyo-1", "nrt"),
            new SimRegion("uk-london-1", "lhr"),
            new SimRegion("ap-mumbai-1", "bom"),
            new SimRegion("sa-saopaulo-1", "gru"));

    public record SimRegion(String name, String key) {
    }

    public record Compartment(String id, String name) {
    }

    public record DbSystem(String id, String region, String compartmentId, String displayName, String hostname,
                           String availabilityDomain, String shape, int cpuCores, String version, int index) {
    }

    /** @param vmClusterId set instead of {@code dbSystemId} for a DB home on an Exadata VM cluster */
    public record DbHome(String id, String region, String compartmentId, String dbSystemId, String displayName,
                         String dbVersion, String vmClusterId) {
    }

    /** @param vmClusterId set instead of {@code dbSystemId} for a database on an Exadata VM cluster */
    public record Database(String id, String region, String compartmentId, String dbSystemId, String dbHomeId,
                           String dbName, String dbUniqueName, int index, String pairId, String vmClusterId) {
    }

    public record Pdb(String id, String region, String compartmentId, String containerDatabaseId, String pdbName) {
    }

    /** A Data Guard pair; roles swap on switchover, so they are kept in {@link #roles}. */
    public record Pair(String id, String firstDbId, String secondDbId, String protectionMode, String transportType,
                       int lagPeakSeconds, int phaseMinutes) {
    }

    private final long seed;
    final int size;
    private final SimClock clock;
    final List<SimRegion> regions;
    private final SimTenancy tenancy;
    /** The compartments that hold resources, fixed at creation (the tenancy may change later). */
    final List<Compartment> compartments;
    final List<DbSystem> dbSystems = new ArrayList<>();
    final List<DbHome> dbHomes = new ArrayList<>();
    final List<Database> databases = new ArrayList<>();
    final List<Pdb> pdbs = new ArrayList<>();
    final Map<String, Pair> pairs = new HashMap<>();
    final Map<String, Database> databasesById = new HashMap<>();
    final Map<String, DbSystem> dbSystemsById = new HashMap<>();
    final Map<String, List<DbHome>> homesByKey = new HashMap<>();
    final Map<String, List<Database>> databasesByHome = new HashMap<>();
    final Map<String, List<Database>> databasesBySystem = new HashMap<>();
    final Map<String, List<DbSystem>> systemsByKey = new HashMap<>();
    final Map<String, List<Pdb>> pdbsByKey = new HashMap<>();
    final Map<String, List<Pdb>> pdbsByCdb = new HashMap<>();
    /** Current Data Guard role per database id (PRIMARY / STANDBY / DISABLED_STANDBY). */
    final Map<String, String> roles = new ConcurrentHashMap<>();
    /** Lifecycle states set explicitly (by a test, or by an operation in progress); they win over the timeline. */
    private final Map<String, String> stateOverrides = new ConcurrentHashMap<>();
    private final Map<String, String> nameOverrides = new ConcurrentHashMap<>();
    private final Map<String, Long> lagOverrides = new ConcurrentHashMap<>();
    /** Fixed states from the seed: a few resources that are not AVAILABLE whatever the time. */
    final Map<String, String> fixedStates = new HashMap<>();
    private final Instant created;
    /** Autonomous Databases, container databases, Exadata and Cloud@Customer, and maintenance runs. */
    final SimEstate estate;

    public SimFleet(long seed, int size, int regionCount, SimClock clock) {
        this(seed, size, regionCount, 0, clock);
    }

    /**
     * @param extraCompartments compartments beyond the demo tenancy's 18, each holding resources (the
     *                          benchmark's nested run: 10,000 databases in 500 compartments)
     */
    public SimFleet(long seed, int size, int regionCount, int extraCompartments, SimClock clock) {
        this(seed, size, regionCount, extraCompartments, SimEstateGenerator.Mix.DEMO, clock);
    }

    /**
     * @param mix how many Autonomous Databases and Exadata databases beyond the {@code size} Base Database
     *            ones: the demo's fixed set, or a share of a benchmark's estate
     */
    public SimFleet(long seed, int size, int regionCount, int extraCompartments, SimEstateGenerator.Mix mix,
                    SimClock clock) {
        if (size < 1) {
            throw new IllegalArgumentException("fleet size must be at least 1 database, was " + size);
        }
        if (regionCount < 1 || regionCount > ALL_REGIONS.size()) {
            throw new IllegalArgumentException("regions must be 1 to " + ALL_REGIONS.size() + ", was " + regionCount);
        }
        this.seed = seed;
        this.size = size;
        this.clock = clock;
        this.created = clock.now();
        this.regions = ALL_REGIONS.subList(0, regionCount);
        Random rnd = new Random(seed);
        this.tenancy = new SimTenancy(seed, io.fleetdesk.sim.DemoCredentials.TENANCY_ID, "acme-demo",
                extraCompartments, regions, regionCount < ALL_REGIONS.size() ? ALL_REGIONS.get(regionCount) : null,
                created);
        List<Compartment> comps = new ArrayList<>();
        for (SimTenancy.Compartment c : tenancy.resourceCompartments()) {
            comps.add(new Compartment(c.id(), c.name()));
        }
        this.compartments = List.copyOf(comps);
        new SimFleetGenerator(this).generate(rnd);
        this.estate = new SimEstate(this);
        new SimEstateGenerator(this, estate).generate(new Random(seed ^ 0x5eed_e57a7eL), mix);
    }

    static String key(String region, String compartmentId) {
        return region + "|" + compartmentId;
    }

    // ---- what readers see ----

    public long seed() {
        return seed;
    }

    public int size() {
        return size;
    }

    public SimClock clock() {
        return clock;
    }

    public List<SimRegion> regions() {
        return regions;
    }

    /** The compartments that hold resources (as created; see {@link #tenancy()} for the whole tree). */
    public List<Compartment> compartments() {
        return compartments;
    }

    /** The tenancy: nested compartments, region subscriptions, the demo user's policy. */
    public SimTenancy tenancy() {
        return tenancy;
    }

    public List<DbSystem> dbSystems(String region, String compartmentId) {
        return systemsByKey.getOrDefault(key(region, compartmentId), List.of());
    }

    public List<DbHome> dbHomes(String region, String compartmentId) {
        return homesByKey.getOrDefault(key(region, compartmentId), List.of());
    }

    public List<Database> databasesInHome(String dbHomeId) {
        return databasesByHome.getOrDefault(dbHomeId, List.of());
    }

    public List<Database> databasesInSystem(String dbSystemId) {
        return databasesBySystem.getOrDefault(dbSystemId, List.of());
    }

    public List<Pdb> pdbs(String region, String compartmentId) {
        return pdbsByKey.getOrDefault(key(region, compartmentId), List.of());
    }

    public List<Pdb> pdbsOf(String cdbId) {
        return pdbsByCdb.getOrDefault(cdbId, List.of());
    }

    public Database database(String id) {
        return databasesById.get(id);
    }

    public DbSystem dbSystem(String id) {
        return dbSystemsById.get(id);
    }

    public List<Database> allDatabases() {
        return Collections.unmodifiableList(databases);
    }

    public List<DbSystem> allDbSystems() {
        return Collections.unmodifiableList(dbSystems);
    }

    public int dbHomeCount() {
        return dbHomes.size();
    }

    public int pdbCount() {
        return pdbs.size();
    }

    public Pair pair(String pairId) {
        return pairs.get(pairId);
    }

    public List<Pair> pairs() {
        return List.copyOf(pairs.values());
    }

    public String role(String databaseId) {
        return roles.get(databaseId);
    }

    /** Swaps the roles of a pair, as a completed switchover does. */
    public void swapRoles(String pairId) {
        Pair p = pairs.get(pairId);
        String a = roles.get(p.firstDbId());
        roles.put(p.firstDbId(), roles.get(p.secondDbId()));
        roles.put(p.secondDbId(), a);
    }

    /** Sets a database's Data Guard role, as a completed failover or reinstate does. */
    public void setRole(String databaseId, String role) {
        roles.put(databaseId, role);
    }

    /** The database's display name, unless renamed (tests use this to see a change arrive). */
    public String dbName(Database db) {
        return nameOverrides.getOrDefault(db.id(), db.dbName());
    }

    // ---- time-driven state ----

    /** Sets a lifecycle state that holds until cleared with {@code null}; wins over the timeline. */
    private final Map<String, java.util.Optional<String>> beforeOperation = new ConcurrentHashMap<>();

    /**
     * An operation puts a database in a state (UPDATING, BACKUP_IN_PROGRESS…) until it ends; what was
     * set before (a test's pinned state, say) comes back afterwards.
     */
    public void beginOperationState(String id, String lifecycleState) {
        beforeOperation.putIfAbsent(id, java.util.Optional.ofNullable(stateOverrides.get(id)));
        overrideState(id, lifecycleState);
    }

    public void endOperationState(String id) {
        java.util.Optional<String> before = beforeOperation.remove(id);
        overrideState(id, before == null ? null : before.orElse(null));
    }

    /** The state a test or an operation set, or null. */
    public String stateOverride(String id) {
        return stateOverrides.get(id);
    }

    public void overrideState(String id, String lifecycleState) {
        if (lifecycleState == null) {
            stateOverrides.remove(id);
        } else {
            stateOverrides.put(id, lifecycleState);
        }
    }

    /** Sets a standby's apply lag in seconds until cleared with a negative value. */
    public void overrideApplyLag(String databaseId, long seconds) {
        if (seconds < 0) {
            lagOverrides.remove(databaseId);
        } else {
            lagOverrides.put(databaseId, seconds);
        }
    }

    /** A lag set by {@link #overrideApplyLag}, or null. */
    public Long lagOverride(String id) {
        return lagOverrides.get(id);
    }

    public void rename(String databaseId, String newName) {
        nameOverrides.put(databaseId, newName);
    }

    public String databaseState(Database db) {
        String o = stateOverrides.get(db.id());
        String fixed = fixedStates.get(db.id());
        return o != null ? o : fixed != null ? fixed
                : SimTimeline.backupRunning(db.index(), seed, clock.now()) ? "BACKUP_IN_PROGRESS" : "AVAILABLE";
    }

    /** When the last automatic backup ended, or null before the first one. */
    public Instant lastBackup(Database db) {
        return SimTimeline.lastBackup(db.index(), seed, clock.now());
    }

    public Instant lastFailedBackup(Database db) {
        return SimTimeline.lastFailedBackup(db.index(), seed, clock.now());
    }

    public String dbSystemState(DbSystem sys) {
        String o = stateOverrides.get(sys.id());
        String fixed = fixedStates.get(sys.id());
        return o != null ? o : fixed != null ? fixed
                : SimTimeline.inMaintenance(sys.index(), seed, clock.now()) ? "MAINTENANCE_IN_PROGRESS" : "AVAILABLE";
    }

    public String pdbState(Pdb pdb) {
        String o = stateOverrides.get(pdb.id());
        return o != null ? o : "AVAILABLE";
    }

    /** A standby's apply lag in seconds: a few seconds most of the time, climbing to the pair's peak and recovering. */
    public long applyLagSeconds(Database db) {
        Long o = lagOverrides.get(db.id());
        return o != null ? o : SimTimeline.applyLagSeconds(db.index(), pairs.get(db.pairId()), clock.now());
    }

    /** The Autonomous and Exadata part of the fleet. */
    public SimEstate estate() {
        return estate;
    }

    public Instant created() {
        return created;
    }

    /** Ids of every database in a pair, for tests that need one. */
    public List<Database> dataGuardDatabases() {
        return databases.stream().filter(d -> d.pairId() != null).collect(Collectors.toList());
    }
}
