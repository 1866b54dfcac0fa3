package io.fleetdesk.sim;

import io.fleetdesk.sim.SimFleet.Compartment;
import io.fleetdesk.sim.SimFleet.Database;
import io.fleetdesk.sim.SimFleet.DbHome;
import io.fleetdesk.sim.SimFleet.DbSystem;
import io.fleetdesk.sim.SimFleet.Pair;
import io.fleetdesk.sim.SimFleet.Pdb;
import io.fleetdesk.sim.SimFleet.SimRegion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills a new fleet from its seed: DB systems round-robin over regions and compartments, about a
 * tenth of the databases in Data Guard pairs (some across regions), bare-metal systems with two DB
 * homes, PDBs, and a few resources that are not AVAILABLE whatever the time.
 */
final class SimFleetGenerator {
    private static final List<String> APP_NAMES = List.of(
            "ERP", "CRM", "BILL", "PAY", "HR", "INV", "WMS", "DWH", "GL", "AP", "AR", "OMS", "CMS", "IAM", "LOG");
    private final SimFleet f;

    SimFleetGenerator(SimFleet f) {
        this.f = f;
    }

    private static String ocid(String type, String regionKey, Random rnd) {
        StringBuilder sb = new StringBuilder("ocid1.").append(type).append(".oc1.").append(regionKey).append('.');
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 60; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    void generate(Random rnd) {
        int made = 0;
        int systemIndex = 0;
        int dbIndex = 0;
        // Round-robin over f.regions and f.compartments so every one gets a share.
        int slot = 0;
        while (made < f.size) {
            SimRegion region = f.regions.get(slot % f.regions.size());
            Compartment comp = f.compartments.get((slot / f.regions.size()) % f.compartments.size());
            slot++;
            int remaining = f.size - made;
            // About a tenth of the f.databases are in Data Guard f.pairs, each side on its own DB system.
            if (remaining >= 2 && rnd.nextInt(20) == 0) {
                String app = APP_NAMES.get(rnd.nextInt(APP_NAMES.size()));
                String dbName = (app + (dbIndex % 1000)).toUpperCase(Locale.ROOT);
                boolean crossRegion = f.regions.size() > 1 && rnd.nextBoolean();
                SimRegion standbyRegion = crossRegion ? f.regions.get((f.regions.indexOf(region) + 1) % f.regions.size()) : region;
                String pairId = ocid("dataguardassociation", region.key(), rnd);
                Database p = makeVmSystemWithDb(rnd, region, comp, systemIndex++, dbIndex++, dbName,
                        dbName + "_" + region.key() + "1", pairId, 1);
                Database s = makeVmSystemWithDb(rnd, standbyRegion, comp, systemIndex++, dbIndex++, dbName,
                        dbName + "_" + standbyRegion.key() + (crossRegion ? "1" : "2"), pairId, crossRegion ? 1 : 2);
                boolean sync = rnd.nextInt(4) == 0;
                f.pairs.put(pairId, new Pair(pairId, p.id(), s.id(),
                        sync ? "MAXIMUM_AVAILABILITY" : "MAXIMUM_PERFORMANCE", sync ? "SYNC" : "ASYNC",
                        rnd.nextInt(10) == 0 ? 400 + rnd.nextInt(400) : 20 + rnd.nextInt(120), rnd.nextInt(30)));
                f.roles.put(p.id(), "PRIMARY");
                f.roles.put(s.id(), "STANDBY");
                made += 2;
            } else if (remaining >= 3 && rnd.nextInt(6) == 0) {
                // A bare-metal style DB system: two DB homes (19c and 23ai), one or two f.databases each.
                DbSystem sys = makeSystem(rnd, region, comp, systemIndex++, "BM.Standard.E5.192", 1);
                for (String ver : List.of("19.28.0.0", "23.9.0.25.07")) {
                    DbHome home = makeHome(rnd, sys, ver);
                    int n = Math.min(f.size - made, 1 + rnd.nextInt(2));
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
        for (Database d : f.databases) {
            int r = rnd.nextInt(200);
            if (r == 0) {
                f.fixedStates.put(d.id(), "FAILED");
            } else if (r == 1) {
                f.fixedStates.put(d.id(), "UPDATING");
            }
        }
        for (DbSystem s : f.dbSystems) {
            if (rnd.nextInt(300) == 0) {
                f.fixedStates.put(s.id(), "NEEDS_ATTENTION");
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
        f.dbSystems.add(sys);
        f.dbSystemsById.put(sys.id(), sys);
        f.systemsByKey.computeIfAbsent(SimFleet.key(region.name(), comp.id()), k -> new ArrayList<>()).add(sys);
        return sys;
    }

    private DbHome makeHome(Random rnd, DbSystem sys, String version) {
        DbHome home = new DbHome(ocid("dbhome", regionKey(sys.region()), rnd), sys.region(), sys.compartmentId(),
                sys.id(), "dbhome" + version.substring(0, 2) + "_" + sys.index(), version, null);
        f.dbHomes.add(home);
        f.homesByKey.computeIfAbsent(SimFleet.key(sys.region(), sys.compartmentId()), k -> new ArrayList<>()).add(home);
        return home;
    }

    private Database makeDb(Random rnd, DbSystem sys, DbHome home, int index, String dbName, String uniqueName,
                            String pairId) {
        Database db = new Database(ocid("database", regionKey(sys.region()), rnd), sys.region(), sys.compartmentId(),
                sys.id(), home.id(), dbName, uniqueName, index, pairId, null);
        f.databases.add(db);
        f.databasesById.put(db.id(), db);
        f.databasesByHome.computeIfAbsent(home.id(), k -> new ArrayList<>()).add(db);
        f.databasesBySystem.computeIfAbsent(sys.id(), k -> new ArrayList<>()).add(db);
        int pdbCount = 1 + rnd.nextInt(3);
        for (int i = 1; i <= pdbCount; i++) {
            Pdb pdb = new Pdb(ocid("pluggabledatabase", regionKey(sys.region()), rnd), sys.region(),
                    sys.compartmentId(), db.id(), dbName + "_PDB" + i);
            f.pdbs.add(pdb);
            f.pdbsByKey.computeIfAbsent(SimFleet.key(sys.region(), sys.compartmentId()), k -> new ArrayList<>()).add(pdb);
            f.pdbsByCdb.computeIfAbsent(db.id(), k -> new ArrayList<>()).add(pdb);
        }
        return db;
    }

    private String regionKey(String region) {
        return f.regions.stream().filter(r -> r.name().equals(region)).findFirst().orElseThrow().key();
    }
}
