package io.fleetdesk.sim;

import io.fleetdesk.sim.SimEstate.AutonomousDatabase;
import io.fleetdesk.sim.SimEstate.AutonomousVmCluster;
import io.fleetdesk.sim.SimEstate.ContainerDatabase;
import io.fleetdesk.sim.SimEstate.Infrastructure;
import io.fleetdesk.sim.SimEstate.MaintenanceRun;
import io.fleetdesk.sim.SimEstate.VmCluster;
import io.fleetdesk.sim.SimFleet.Compartment;
import io.fleetdesk.sim.SimFleet.SimRegion;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Fills the Autonomous and Exadata part of a fleet. The demo gets a fixed, hand-picked set (design
 * section 4): serverless Autonomous Databases (one with a local standby, one with a cross-region peer,
 * one stopped, one terminated), a dedicated container database pair across two regions whose two sides
 * are both scheduled for maintenance on the same evening, an Exadata infrastructure with two VM
 * clusters, and a Cloud@Customer infrastructure that is DISCONNECTED. A benchmark gets counts instead.
 */
public final class SimEstateGenerator {
    /**
     * How much Autonomous and Exadata to add beyond the Base Database fleet.
     *
     * @param demo       the demo's fixed set (and the counts on top of it)
     * @param autonomous Autonomous Databases (a tenth with a local standby, one in 20 dedicated)
     * @param exadata    databases on Exadata VM clusters (one infrastructure per 200, one VM cluster per 50)
     */
    public record Mix(boolean demo, int autonomous, int exadata) {
        public static final Mix DEMO = new Mix(true, 0, 0);
        public static final Mix NONE = new Mix(false, 0, 0);

        public static Mix of(int autonomous, int exadata) {
            return new Mix(false, autonomous, exadata);
        }

        /** The same counts on top of the demo's fixed set. */
        public Mix withDemo() {
            return new Mix(true, autonomous, exadata);
        }
    }

    private final SimFleet f;
    private final SimEstate e;
    private int dbIndex = 1_000_000;
    private int adbIndex;

    SimEstateGenerator(SimFleet f, SimEstate e) {
        this.f = f;
        this.e = e;
    }

    void generate(Random rnd, Mix mix) {
        if (mix.demo()) {
            demo(rnd);
        }
        generated(rnd, mix);
    }

    private static String ocid(String type, String regionKey, Random rnd) {
        StringBuilder sb = new StringBuilder("ocid1.").append(type).append(".oc1.").append(regionKey).append('.');
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 60; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private Compartment comp(String name) {
        return f.compartments.stream().filter(c -> c.name().equals(name)).findFirst().orElse(f.compartments.getFirst());
    }

    private SimRegion region(int i) {
        return f.regions.get(Math.min(i, f.regions.size() - 1));
    }

    private void demo(Random rnd) {
        SimRegion iad = region(0);
        SimRegion fra = region(1);
        SimRegion nrt = region(2);
        Compartment erp = comp("erp");
        Instant created = f.created();
        // Exadata Database Service: one infrastructure, two VM clusters with databases, one autonomous VM cluster.
        Infrastructure exa = infra(rnd, iad, erp, "exa-prod-iad", "Exadata.X9M", 2, 3, false, "AVAILABLE");
        VmCluster erpProd = vmCluster(rnd, exa, "vmc-erp-prod", 2, 8, "19.28.0.0.0", "24.1.6.0.0.250312");
        VmCluster erpBatch = vmCluster(rnd, exa, "vmc-erp-batch", 2, 4, "19.28.0.0.0", "24.1.6.0.0.250312");
        exadataDatabases(rnd, erpProd, "19.28.0.0", List.of("ERPX01", "ERPX02"));
        exadataDatabases(rnd, erpBatch, "23.9.0.25.07", List.of("BATCHX"));
        AutonomousVmCluster avmIad = autonomousVmCluster(rnd, exa, "avmc-erp-iad", 2, 16);
        Infrastructure exaDr = infra(rnd, fra, erp, "exa-dr-fra", "Exadata.X9M", 2, 3, false, "AVAILABLE");
        AutonomousVmCluster avmFra = autonomousVmCluster(rnd, exaDr, "avmc-erp-fra", 2, 16);
        String acdPair = ocid("autonomouscontainerdatabasedataguardassociation", iad.key(), rnd);
        ContainerDatabase acdIad = containerDatabase(rnd, avmIad, "acd-erp-iad", "ACDERP_iad", acdPair);
        ContainerDatabase acdFra = containerDatabase(rnd, avmFra, "acd-erp-fra", "ACDERP_fra", acdPair);
        pair(acdPair, acdIad.id(), acdFra.id(), "MAXIMUM_AVAILABILITY", "SYNC", 90, 5);
        adb(rnd, iad, erp, "erp-atp", "ERPATP", "OLTP", 8, 2048, 610, acdIad.id(), false, null);
        adb(rnd, iad, erp, "erp-reporting", "ERPRPT", "DW", 16, 4096, 2900, acdIad.id(), false, null);
        // Both sides of the container database pair are patched on the same evening, two hours apart.
        Instant evening = created.truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1))
                .plusSeconds(LocalTime.of(19, 0).toSecondOfDay());
        run(rnd, acdIad.region(), acdIad.compartmentId(), acdIad.id(), "AUTONOMOUS_CONTAINER_DATABASE",
                "Quarterly patch acd-erp-iad", evening, "PLANNED");
        run(rnd, acdFra.region(), acdFra.compartmentId(), acdFra.id(), "AUTONOMOUS_CONTAINER_DATABASE",
                "Quarterly patch acd-erp-fra", evening.plus(Duration.ofHours(2)), "PLANNED");
        run(rnd, exa.region(), exa.compartmentId(), exa.id(), "CLOUD_EXADATA_INFRASTRUCTURE",
                "Exadata infrastructure quarterly update", evening.plus(Duration.ofDays(9)), "PLANNED");
        run(rnd, erpProd.region(), erpProd.compartmentId(), erpProd.id(), "CLOUD_VM_CLUSTER",
                "Grid Infrastructure 19.29 update", evening.plus(Duration.ofDays(12)), "PLANNED");
        // Exadata Cloud@Customer in the customer's data centre, cut off from the control plane.
        Compartment erpEu = comp("erp-eu");
        Infrastructure cc = infra(rnd, fra, erpEu, "exacc-dc1-frankfurt", "ExadataCC.X9M", 2, 3, true, "DISCONNECTED");
        VmCluster ccVm = vmCluster(rnd, cc, "vmc-dc1-finance", 2, 6, "19.27.0.0.0", "23.1.22.0.0.250110");
        exadataDatabases(rnd, ccVm, "19.27.0.0", List.of("FINCC1"));
        // Serverless Autonomous Databases.
        AutonomousDatabase crm = adb(rnd, iad, comp("crm"), "crm-atp", "CRMATP", "OLTP", 4, 1024, 412, null, true, null);
        String billingPair = ocid("autonomousdatabasedataguardassociation", iad.key(), rnd);
        AutonomousDatabase billing = adb(rnd, iad, comp("billing"), "billing-atp", "BILLATP", "OLTP", 8, 2048, 1530, null,
                false, billingPair);
        AutonomousDatabase billingPeer = adb(rnd, fra, comp("billing"), "billing-atp", "BILLATP", "OLTP", 8, 2048, 1530,
                null, false, billingPair);
        pair(billingPair, billing.id(), billingPeer.id(), "MAXIMUM_PERFORMANCE", "ASYNC", 60, 12);
        AutonomousDatabase adw = adb(rnd, iad, comp("dev-analytics"), "analytics-adw", "ANALYTICS", "DW", 4, 1024, 800,
                null, false, null);
        f.fixedStates.put(adw.id(), "STOPPED");
        adb(rnd, nrt, comp("dev-analytics"), "catalog-json", "CATALOG", "AJD", 2, 1024, 96, null, false, null);
        adb(rnd, nrt, comp("test-integration"), "apex-forms", "APEXFORMS", "APEX", 2, 1024, 20, null, false, null);
        AutonomousDatabase old = adb(rnd, iad, comp("dev-analytics"), "old-adw", "OLDADW", "DW", 2, 1024, 0, null, false,
                null);
        f.fixedStates.put(old.id(), "TERMINATED");
        e.terminated.add(old.id());
        run(rnd, crm.region(), crm.compartmentId(), crm.id(), "AUTONOMOUS_DATABASE", "Autonomous Database maintenance",
                evening.plus(Duration.ofDays(3)), "PLANNED");
    }

    /**
     * A benchmark's estate: Autonomous and Exadata databases spread over every region and compartment.
     * One Autonomous Database in ten has a local standby, one in fifteen a cross-region peer, one in
     * twenty is dedicated (container databases on their own infrastructure, every other one paired with
     * one in the next region); every other Exadata infrastructure is Cloud@Customer.
     */
    private void generated(Random rnd, Mix mix) {
        int slot = 0;
        ContainerDatabase acd = null;
        int inAcd = 0;
        // A cross-region standby peer is an Autonomous Database too: it counts toward the total.
        int madeAdbs = 0;
        for (int i = 0; madeAdbs < mix.autonomous(); i++, slot++) {
            SimRegion r = f.regions.get(slot % f.regions.size());
            Compartment c = f.compartments.get((slot / f.regions.size()) % f.compartments.size());
            String name = "adb" + String.format(Locale.ROOT, "%05d", i);
            String workload = switch (i % 4) {
                case 0, 1 -> "OLTP";
                case 2 -> "DW";
                default -> "AJD";
            };
            boolean dedicated = i % 20 == 5;
            if (dedicated && (acd == null || inAcd >= 10)) {
                acd = generatedContainerDatabase(rnd, r, c);
                inAcd = 0;
            }
            String pairId = null;
            boolean peered = !dedicated && f.regions.size() > 1 && i % 15 == 7 && madeAdbs + 2 <= mix.autonomous();
            madeAdbs += peered ? 2 : 1;
            if (peered) {
                pairId = ocid("autonomousdatabasedataguardassociation", r.key(), rnd);
            }
            ContainerDatabase in = acd;
            SimRegion at = dedicated ? f.regions.stream().filter(x -> x.name().equals(in.region())).findFirst().orElseThrow() : r;
            AutonomousDatabase a = adb(rnd, at, dedicated ? compartmentOf(acd) : c, name, name.toUpperCase(Locale.ROOT), workload,
                    2 + 2 * (i % 4), 1024, 100 + rnd.nextInt(800), dedicated ? acd.id() : null, !dedicated && i % 10 == 0,
                    pairId);
            if (dedicated) {
                inAcd++;
            }
            if (peered) {
                SimRegion other = f.regions.get((f.regions.indexOf(r) + 1) % f.regions.size());
                AutonomousDatabase peer = adb(rnd, other, c, name, name.toUpperCase(Locale.ROOT), workload, 2 + 2 * (i % 4),
                        1024, a.usedGb(), null, false, pairId);
                pair(pairId, a.id(), peer.id(), "MAXIMUM_PERFORMANCE", "ASYNC", 40 + rnd.nextInt(200), rnd.nextInt(30));
            }
            if (rnd.nextInt(100) == 0) {
                f.fixedStates.put(a.id(), rnd.nextBoolean() ? "STOPPED" : "UPDATING");
            }
        }
        int made = 0;
        int n = 0;
        while (made < mix.exadata()) {
            SimRegion r = f.regions.get(n % f.regions.size());
            Compartment c = f.compartments.get((n / f.regions.size()) % f.compartments.size());
            Infrastructure infra = infra(rnd, r, c, "exa-" + n, n % 2 == 1 ? "ExadataCC.X9M" : "Exadata.X9M", 4, 6,
                    n % 2 == 1, n % 2 == 1 ? "ACTIVE" : "AVAILABLE");
            for (int v = 0; v < 2 && made < mix.exadata(); v++) {
                VmCluster vm = vmCluster(rnd, infra, "vmc-" + n + "-" + v, 2, 16, "19.28.0.0.0", "24.1.6.0.0.250312");
                for (int h = 0; h < 5 && made < mix.exadata(); h++) {
                    List<String> names = new ArrayList<>();
                    for (int d = 0; d < 10 && made < mix.exadata(); d++, made++) {
                        names.add("EXA" + made);
                    }
                    exadataDatabases(rnd, vm, "19.28.0.0", names);
                }
            }
            n++;
        }
    }

    private Compartment compartmentOf(ContainerDatabase acd) {
        return f.compartments.stream().filter(x -> x.id().equals(acd.compartmentId())).findFirst().orElseThrow();
    }

    /** A container database on its own infrastructure and autonomous VM cluster; every other one pairs with the last. */
    private ContainerDatabase generatedContainerDatabase(Random rnd, SimRegion r, Compartment c) {
        int k = e.containerDatabases.size();
        Infrastructure infra = infra(rnd, r, c, "exa-adb-" + k, "Exadata.X9M", 2, 3, false, "AVAILABLE");
        AutonomousVmCluster avm = autonomousVmCluster(rnd, infra, "avmc-" + k, 2, 16);
        boolean pairWithLast = k % 2 == 1 && f.regions.size() > 1;
        String pairId = pairWithLast ? ocid("autonomouscontainerdatabasedataguardassociation", r.key(), rnd) : null;
        ContainerDatabase acd = containerDatabase(rnd, avm, "acd-" + k, "ACD" + k + "_" + r.key(), pairId);
        if (pairWithLast) {
            ContainerDatabase last = e.containerDatabases.get(k - 1);
            e.containerDatabases.set(k - 1, new ContainerDatabase(last.id(), last.region(), last.compartmentId(),
                    last.displayName(), last.dbUniqueName(), last.vmClusterId(), last.cloudAtCustomer(), pairId, last.index()));
            e.reindex(e.containerDatabases.get(k - 1));
            pair(pairId, last.id(), acd.id(), "MAXIMUM_AVAILABILITY", "SYNC", 60, k % 30);
            return e.containerDatabases.get(k - 1); // the primary holds the databases; the standby mirrors them
        }
        return acd;
    }

    private void pair(String id, String primaryId, String standbyId, String mode, String transport, int lagPeak, int phase) {
        e.pairs.put(id, new SimFleet.Pair(id, primaryId, standbyId, mode, transport, lagPeak, phase));
        f.roles.put(primaryId, "PRIMARY");
        f.roles.put(standbyId, "STANDBY");
    }

    private Infrastructure infra(Random rnd, SimRegion r, Compartment c, String name, String shape, int compute,
                                 int storage, boolean cc, String state) {
        Infrastructure i = new Infrastructure(ocid(cc ? "exadatainfrastructure" : "cloudexadatainfrastructure", r.key(), rnd),
                r.name(), c.id(), name, shape, compute, storage, cc, state);
        if (!state.equals("AVAILABLE") && !state.equals("ACTIVE")) {
            f.fixedStates.put(i.id(), state);
        }
        return e.add(e.infrastructures, i, i.id());
    }

    private VmCluster vmCluster(Random rnd, Infrastructure infra, String name, int nodes, float ocpus, String gi, String sys) {
        String key = f.regions.stream().filter(r -> r.name().equals(infra.region())).findFirst().orElseThrow().key();
        VmCluster v = new VmCluster(ocid(infra.cloudAtCustomer() ? "vmcluster" : "cloudvmcluster", key, rnd), infra.region(),
                infra.compartmentId(), name, infra.id(), nodes, ocpus, gi, sys, infra.cloudAtCustomer());
        return e.add(e.vmClusters, v, v.id());
    }

    private AutonomousVmCluster autonomousVmCluster(Random rnd, Infrastructure infra, String name, int nodes, float ocpus) {
        String key = f.regions.stream().filter(r -> r.name().equals(infra.region())).findFirst().orElseThrow().key();
        AutonomousVmCluster v = new AutonomousVmCluster(ocid(infra.cloudAtCustomer() ? "autonomousvmcluster"
                : "cloudautonomousvmcluster", key, rnd), infra.region(), infra.compartmentId(), name, infra.id(), nodes,
                ocpus, infra.cloudAtCustomer());
        return e.add(e.autonomousVmClusters, v, v.id());
    }

    private ContainerDatabase containerDatabase(Random rnd, AutonomousVmCluster vm, String name, String unique,
                                                String pairId) {
        String key = f.regions.stream().filter(r -> r.name().equals(vm.region())).findFirst().orElseThrow().key();
        ContainerDatabase c = new ContainerDatabase(ocid("autonomouscontainerdatabase", key, rnd), vm.region(),
                vm.compartmentId(), name, unique, vm.id(), vm.cloudAtCustomer(), pairId, e.containerDatabases.size());
        return e.add(e.containerDatabases, c, c.id());
    }

    private AutonomousDatabase adb(Random rnd, SimRegion r, Compartment c, String name, String dbName, String workload,
                                   float ecpus, int storageGb, int usedGb, String acdId, boolean localStandby,
                                   String pairId) {
        AutonomousDatabase a = new AutonomousDatabase(ocid("autonomousdatabase", r.key(), rnd), r.name(), c.id(), name,
                dbName, workload, "19c", ecpus, storageGb, usedGb, acdId, localStandby, pairId, adbIndex++);
        if (localStandby) {
            f.roles.put(a.id(), "PRIMARY");
        }
        return e.add(e.autonomousDatabases, a, a.id());
    }

    private void run(Random rnd, String region, String compartmentId, String target, String type, String name,
                     Instant at, String maintenanceType) {
        String key = f.regions.stream().filter(r -> r.name().equals(region)).findFirst().orElseThrow().key();
        MaintenanceRun m = new MaintenanceRun(ocid("dbmaintenancerun", key, rnd), region, compartmentId, target, type,
                name, at.atOffset(ZoneOffset.UTC).toInstant(), maintenanceType);
        e.add(e.maintenanceRuns, m, m.id());
    }

    /** One DB home on a VM cluster with its databases (and their PDBs), served by ListDbHomes / ListDatabases. */
    private void exadataDatabases(Random rnd, VmCluster vm, String version, List<String> names) {
        String key = f.regions.stream().filter(r -> r.name().equals(vm.region())).findFirst().orElseThrow().key();
        SimFleet.DbHome home = new SimFleet.DbHome(ocid("dbhome", key, rnd), vm.region(), vm.compartmentId(), null,
                "dbhome" + version.substring(0, 2) + "_" + vm.displayName(), version, vm.id());
        f.dbHomes.add(home);
        f.homesByKey.computeIfAbsent(SimFleet.key(vm.region(), vm.compartmentId()), k -> new ArrayList<>()).add(home);
        for (String name : names) {
            SimFleet.Database db = new SimFleet.Database(ocid("database", key, rnd), vm.region(), vm.compartmentId(), null,
                    home.id(), name, name + "_" + key + "1", dbIndex++, null, vm.id());
            f.databases.add(db);
            f.databasesById.put(db.id(), db);
            f.databasesByHome.computeIfAbsent(home.id(), k -> new ArrayList<>()).add(db);
            SimFleet.Pdb pdb = new SimFleet.Pdb(ocid("pluggabledatabase", key, rnd), vm.region(), vm.compartmentId(),
                    db.id(), name + "_PDB1");
            f.pdbs.add(pdb);
            f.pdbsByKey.computeIfAbsent(SimFleet.key(vm.region(), vm.compartmentId()), k -> new ArrayList<>()).add(pdb);
            f.pdbsByCdb.computeIfAbsent(db.id(), k -> new ArrayList<>()).add(pdb);
        }
    }
}
