package io.fleetdesk.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
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

    private static final List<String> APP_NAMES = List.of(
            "ERP", "CRM", "BILL", "PAY", "HR", "INV", "WMS", "DWH", "GL", "AP", "AR", "OMS", "CMS", "IAM", "LOG");

    public record SimRegion(String name, String key) {
    }

    public record Compartment(String id, String name) {
    }

    public record DbSystem(String id, String region, String compartmentId, String displayName, String hostname,
                           String availabilityDomain, String shape, int cpuCores, String version, int index) {
    }

    public record DbHome(String id, String region, String compartmentId, String dbSystemId, String displayName,
                         String dbVersion) {
    }

    public record Database(String id, String region, String compartmentId, String dbSystemId, String dbHomeId,
                           String dbName, String dbUniqueName, int index, String pairId) {
    }

    public record Pdb(String id, String region, String compartmentId, String containerDatabaseId, String pdbName) {
    }

    /** A Data Guard pair; roles swap on switchover, so they are kept in {@link #roles}. */
    public record Pair(String id, String firstDbId, String secondDbId, String protectionMode, String transportType,
                       int lagPeakSeconds, int phaseMinutes) {
    }

    private final long seed;
    private final int size;
    private final SimClock clock;
    private final List<SimRegion> regions;
    private final SimTenancy tenancy;
    /** The compartments that hold resources, fixed at creation (the tenancy may change later). */
    private final List<Compartment> compartments;
    private final List<DbSystem> dbSystems = new ArrayList<>();
    private final List<DbHome> dbHomes = new ArrayList<>();
    private final List<Database> databases = new ArrayList<>();
    private final List<Pdb> pdbs = new ArrayList<>();
    private final Map<String, Pair> pairs = new HashMap<>();
    private final Map<String, Database> databasesById = new HashMap<>();
    private final Map<String, DbSystem> dbSystemsById = new HashMap<>();
    private final Map<String, List<DbHome>> homesByKey = new HashMap<>();
    private final Map<String, List<Database>> databasesByHome = new HashMap<>();
    private final Map<String, List<Database>> databasesBySystem = new HashMap<>();
    private final Map<String, List<DbSystem>> systemsByKey = new HashMap<>();
    private final Map<String, List<Pdb>> pdbsByKey = new HashMap<>();
    private final Map<String, List<Pdb>> pdbsByCdb = new HashMap<>();
    /** Current Data Guard role per database id (PRIMARY / STANDBY / DISABLED_STANDBY). */
    private final Map<String, String> roles = new ConcurrentHashMap<>();
    /** Lifecycle states set explicitly (by a test, or by an operation in progress); they win over the timeline. */
    private final Map<String, String> stateOverrides = new ConcurrentHashMap<>();
    private final Map<String, String> nameOverrides = new ConcurrentHashMap<>();
    private final Map<String, Long> lagOverrides = new ConcurrentHashMap<>();
    /** Fixed states from the seed: a few resources that are not AVAILABLE whatever the time. */
    private final Map<String, String> fixedStates = new HashMap<>();
    private final Instant created;

    public SimFleet(long seed, int size, int regionCount, SimClock clock) {
        this(seed, size, regionCount, 0, clock);
    }

    /**
     * @param extraCompartments compartments beyond the demo tenancy's 18, each holding resources (the
     *                          benchmark's nested run: 10,000 databases in 500 compartments)
     */
    public SimFleet(long seed, int size, int regionCount, int extraCompartments, SimClock clock) {
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
        generate(rnd);
    }

    private static String ocid(String type, String regionKey, Random rnd) {
        StringBuilder sb = new StringBuilder("ocid1.").append(type).append(".oc1.").append(regionKey).append('.');
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 60; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private void generate(Random rnd) {
        int made = 0;
        int systemIndex = 0;
        int dbIndex = 0;
        // Round-robin over regions and compartments so every one gets a share.
        int slot = 0;
        while (made < size) {
            SimRegion region = regions.get(slot % regions.size());
            Compartment comp = compartments.get((slot / regions.size()) % compartments.size());
            slot++;
            int remaining = size - made;
            // About a tenth of the databases are in Data Guard pairs, each side on its own DB system.
            if (remaining >= 2 && rnd.nextInt(20) == 0) {
                String app = APP_NAMES.get(rnd.nextInt(APP_NAMES.size()));
                String dbName = (app + (dbIndex % 1000)).toUpperCase(Locale.ROOT);
                boolean crossRegion = regions.size() > 1 && rnd.nextBoolean();
                SimRegion standbyRegion = crossRegion ? regions.get((regions.indexOf(region) + 1) % regions.size()) : region;
                String pairId = ocid("dataguardassociation", region.key(), rnd);
                Database p = makeVmSystemWithDb(rnd, region, comp, systemIndex++, dbIndex++, dbName,
                        dbName + "_" + region.key() + "1", pairId, 1);
                Database s = makeVmSystemWithDb(rnd, standbyRegion, comp, systemIndex++, dbIndex++, dbName,
                        dbName + "_" + standbyRegion.key() + (crossRegion ? "1" : "2"), pairId, crossRegion ? 1 : 2);
                boolean sync = rnd.nextInt(4) == 0;
                pairs.put(pairId, new Pair(pairId, p.id(), s.id(),
                        sync ? "MAXIMUM_AVAILABILITY" : "MAXIMUM_PERFORMANCE", sync ? "SYNC" : "ASYNC",
                        rnd.nextInt(10) == 0 ? 400 + rnd.nextInt(400) : 20 + rnd.nextInt(120), rnd.nextInt(30)));
                roles.put(p.id(), "PRIMARY");
                roles.put(s.id(), "STANDBY");
                made += 2;
            } else if (remaining >= 3 && rnd.nextInt(6) == 0) {
                // A bare-metal style DB system: two DB homes (19c and 23ai), one or two databases each.
                DbSystem sys = makeSystem(rnd, region, comp, systemIndex++, "BM.Standard.E5.192", 1);
                for (String ver : List.of("19.28.0.0", "23.9.0.25.07")) {
                    DbHome home = makeHome(rnd, sys, ver);
                    int n = Math.min(size - made, 1 + rnd.nextInt(2));
                    for (int i = 0; i < n; i++) {
                        String app = APP_NAMES.get(rnd.nextInt(APP_NAMES.size()));
                        String dbName = (app + (dbIndex % 1000)).toUpperCase(Locale.ROOT);
                        makeDb(rnd, sys, home, dbIndex++, dbName, dbName + "_" + region.key() + "1", null);
                        made++;
                    }
                }
            } else {
                String app = APP_NAMES.get(rnd.nextInt(APP_NAMES.size()));
                String dbName = (app + (dbIndex % 1000)).toUpperCase(Locale.ROOT);
                makeVmSystemWithDb(rnd, region, comp, systemIndex++, dbIndex++, dbName,
                        dbName + "_" + region.key() + "1", null, 1 + rnd.nextInt(3));
                made++;
            }
        }
        // A few resources in states other than AVAILABLE, from the seed.
        for (Database d : databases) {
            int r = rnd.nextInt(200);
            if (r == 0) {
                fixedStates.put(d.id(), "FAILED");
            } else if (r == 1) {
                fixedStates.put(d.id(), "UPDATING");
            }
        }
        for (DbSystem s : dbSystems) {
            if (rnd.nextInt(300) == 0) {
                fixedStates.put(s.id(), "NEEDS_ATTENTION");
            }
        }
    }

    private Database makeVmSystemWithDb(Random rnd, SimRegion region, Compartment comp, int systemIndex, int dbIndex,
                                        String dbName, String uniqueName, String pairId, int ad) {
        DbSystem sys = makeSystem(rnd, region, comp, systemIndex, rnd.nextBoolean() ? "VM.Standard.E5.Flex" : "VM.Standard3.Flex", ad);
        DbHome home = makeHome(rnd, sys, rnd.nextInt(3) == 0 ? "23.9.0.25.07" : "19.28.0.0");
        return makeDb(rnd, sys, home, dbIndex, dbName, uniqueName, pairId);
    }

    private DbSystem makeSystem(Random rnd, SimRegion region, Compartment comp, int index, String shape, int ad) {
        String host = "db" + String.format(Locale.ROOT, "%05d", index);
        String adName = "Uocm:" + region.name().toUpperCase(Locale.ROOT) + "-AD-" + ad;
        DbSystem sys = new DbSystem(ocid("dbsystem", region.key(), rnd), region.name(), comp.id(),
                comp.name() + "-dbsys-" + index, host, adName, shape, 2 + 2 * rnd.nextInt(8),
                "19.28.0.0", index);
        dbSystems.add(sys);
        dbSystemsById.put(sys.id(), sys);
        systemsByKey.computeIfAbsent(key(region.name(), comp.id()), k -> new ArrayList<>()).add(sys);
        return sys;
    }

    private DbHome makeHome(Random rnd, DbSystem sys, String version) {
        DbHome home = new DbHome(ocid("dbhome", regionKey(sys.region()), rnd), sys.region(), sys.compartmentId(),
                sys.id(), "dbhome" + version.substring(0, 2) + "_" + sys.index(), version);
        dbHomes.add(home);
        homesByKey.computeIfAbsent(key(sys.region(), sys.compartmentId()), k -> new ArrayList<>()).add(home);
        return home;
    }

    private Database makeDb(Random rnd, DbSystem sys, DbHome home, int index, String dbName, String uniqueName,
                            String pairId) {
        Database db = new Database(ocid("database", regionKey(sys.region()), rnd), sys.region(), sys.compartmentId(),
                sys.id(), home.id(), dbName, uniqueName, index, pairId);
        databases.add(db);
        databasesById.put(db.id(), db);
        databasesByHome.computeIfAbsent(home.id(), k -> new ArrayList<>()).add(db);
        databasesBySystem.computeIfAbsent(sys.id(), k -> new ArrayList<>()).add(db);
        int pdbCount = 1 + rnd.nextInt(3);
        for (int i = 1; i <= pdbCount; i++) {
            Pdb pdb = new Pdb(ocid("pluggabledatabase", regionKey(sys.region()), rnd), sys.region(),
                    sys.compartmentId(), db.id(), dbName + "_PDB" + i);
            pdbs.add(pdb);
            pdbsByKey.computeIfAbsent(key(sys.region(), sys.compartmentId()), k -> new ArrayList<>()).add(pdb);
            pdbsByCdb.computeIfAbsent(db.id(), k -> new ArrayList<>()).add(pdb);
        }
        return db;
    }

    private String regionKey(String region) {
        return regions.stream().filter(r -> r.name().equals(region)).findFirst().orElseThrow().key();
    }

    private static String key(String region, String compartmentId) {
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

    public void rename(String databaseId, String newName) {
        nameOverrides.put(databaseId, newName);
    }

    static final Duration BACKUP_PERIOD = Duration.ofHours(24);
    static final Duration BACKUP_LENGTH = Duration.ofMinutes(25);
    static final Duration MAINTENANCE_PERIOD = Duration.ofHours(6);
    static final Duration MAINTENANCE_LENGTH = Duration.ofMinutes(20);
    static final Duration LAG_CYCLE = Duration.ofMinutes(40);

    /** Where in its daily backup cycle a database is: each database has its own offset from its index. */
    private long backupPhaseMillis(Database db, Instant t) {
        long offset = Math.floorMod((long) db.index() * 7_919_000L + seed, BACKUP_PERIOD.toMillis());
        return Math.floorMod(t.toEpochMilli() - offset, BACKUP_PERIOD.toMillis());
    }

    public String databaseState(Database db) {
        Instant t = clock.now();
        String o = stateOverrides.get(db.id());
        if (o != null) {
            return o;
        }
        String fixed = fixedStates.get(db.id());
        if (fixed != null) {
            return fixed;
        }
        return backupPhaseMillis(db, t) < BACKUP_LENGTH.toMillis() ? "BACKUP_IN_PROGRESS" : "AVAILABLE";
    }

    /** When the last automatic backup ended, or null before the first one. */
    public Instant lastBackup(Database db) {
        Instant t = clock.now();
        long phase = backupPhaseMillis(db, t);
        Instant lastStart = t.minusMillis(phase);
        Instant lastEnd = lastStart.plus(BACKUP_LENGTH);
        if (lastEnd.isAfter(t)) {
            lastEnd = lastEnd.minus(BACKUP_PERIOD);
        }
        // One database in 40 has its most recent backup failing; its last good one is a day earlier.
        if (lastFailedBackup(db) != null) {
            lastEnd = lastEnd.minus(BACKUP_PERIOD);
        }
        return lastEnd;
    }

    public Instant lastFailedBackup(Database db) {
        if (Math.floorMod(db.index() * 31 + seed, 40) != 7) {
            return null;
        }
        Instant t = clock.now();
        long phase = backupPhaseMillis(db, t);
        Instant end = t.minusMillis(phase).plus(BACKUP_LENGTH);
        return end.isAfter(t) ? end.minus(BACKUP_PERIOD) : end;
    }

    public String dbSystemState(DbSystem sys) {
        String o = stateOverrides.get(sys.id());
        if (o != null) {
            return o;
        }
        String fixed = fixedStates.get(sys.id());
        if (fixed != null) {
            return fixed;
        }
        // One DB system in 25 has a maintenance window every few hours.
        if (Math.floorMod(sys.index() * 13 + seed, 25) == 3) {
            long offset = Math.floorMod((long) sys.index() * 3_600_000L, MAINTENANCE_PERIOD.toMillis());
            long phase = Math.floorMod(clock.now().toEpochMilli() - offset, MAINTENANCE_PERIOD.toMillis());
            if (phase < MAINTENANCE_LENGTH.toMillis()) {
                return "MAINTENANCE_IN_PROGRESS";
            }
        }
        return "AVAILABLE";
    }

    public String pdbState(Pdb pdb) {
        String o = stateOverrides.get(pdb.id());
        return o != null ? o : "AVAILABLE";
    }

    /** A standby's apply lag in seconds: a few seconds most of the time, climbing to the pair's peak and recovering. */
    public long applyLagSeconds(Database db) {
        Long o = lagOverrides.get(db.id());
        if (o != null) {
            return o;
        }
        Pair p = pairs.get(db.pairId());
        long cycle = LAG_CYCLE.toMillis();
        long phase = Math.floorMod(clock.now().toEpochMilli() + p.phaseMinutes() * 60_000L, cycle);
        long base = 1 + Math.floorMod(db.index() * 7 + phase / 20_000, 9);
        // The last quarter of the cycle: lag climbs linearly to the peak, then drops as redo is applied.
        long climbStart = cycle * 3 / 4;
        if (phase >= climbStart) {
            double f = (phase - climbStart) / (double) (cycle - climbStart);
            return base + Math.round(f * p.lagPeakSeconds());
        }
        return base;
    }

    /** Service-style text for a lag: "9 seconds", "4 minutes". */
    public static String lagText(long seconds) {
        if (seconds < 120) {
            return seconds + (seconds == 1 ? " second" : " seconds");
        }
        return (seconds / 60) + " minutes";
    }

    public Instant created() {
        return created;
    }

    /** Ids of every database in a pair, for tests that need one. */
    public List<Database> dataGuardDatabases() {
        return databases.stream().filter(d -> d.pairId() != null).collect(Collectors.toList());
    }
}
