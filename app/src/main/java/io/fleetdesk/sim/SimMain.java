package io.fleetdesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the simulator on its own, for benchmarks and manual tests. Prints one JSON line to stdout:
 * the endpoint of each region, the compartments, the key id it accepts and the fleet's shape (for
 * lower-bound arithmetic); then serves until stdin closes or the process is killed.
 *
 * <pre>
 * java -cp … io.fleetdesk.sim.SimMain --size 1000 --regions 3 --seed 1 --latency-ms 100
 *      [--compartments N] [--jitter 0.0] [--rate-limit 0] [--burst 20] [--error-rate 0] [--time-scale 1]
 *      [--public-key BASE64-X509 --key-id TENANCY/USER/FINGERPRINT]
 * </pre>
 * Without a public key it makes a demo key pair and prints the private key PEM too (for manual
 * tests with a throwaway key; never use it for anything else).
 */
public final class SimMain {
    private SimMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value, got " + args[i]);
            }
            o.put(args[i].substring(2), args[i + 1]);
        }
        int size = Integer.parseInt(o.getOrDefault("size", "1000"));
        int regions = Integer.parseInt(o.getOrDefault("regions", "3"));
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        double scale = Double.parseDouble(o.getOrDefault("time-scale", "1"));
        FaultPlan faults = new FaultPlan()
                .latency(Duration.ofMillis(Long.parseLong(o.getOrDefault("latency-ms", "100"))),
                        Double.parseDouble(o.getOrDefault("jitter", "0")))
                .rateLimit(Double.parseDouble(o.getOrDefault("rate-limit", "0")),
                        Integer.parseInt(o.getOrDefault("burst", "20")))
                .serverErrorRate(Double.parseDouble(o.getOrDefault("error-rate", "0")));
        // --compartments N: N ACTIVE compartments below the root (at least the demo tenancy's own 18).
        int extra = o.containsKey("compartments")
                ? Math.max(0, Integer.parseInt(o.get("compartments")) - SimTenancy.SKELETON_SIZE) : 0;
        // --autonomous N --exadata M: that many Autonomous Databases and Exadata databases beside the --size
        // Base ones (a benchmark's mixed estate; 0 and 0: Base only). Without either, the demo's own set.
        SimEstateGenerator.Mix mix = o.containsKey("autonomous") || o.containsKey("exadata")
                ? SimEstateGenerator.Mix.of(Integer.parseInt(o.getOrDefault("autonomous", "0")),
                Integer.parseInt(o.getOrDefault("exadata", "0"))) : SimEstateGenerator.Mix.DEMO;
        SimFleet fleet = new SimFleet(seed, size, regions, extra, mix, new SimClock(Instant.now(), scale));
        // A user whose policy allows every list call (the demo's own user may not list PDBs in payments):
        // a benchmark measures the whole fleet.
        SimTenancy.Compartment noPdbs = fleet.tenancy().byName(SimTenancy.NO_PDB_POLICY_COMPARTMENT);
        fleet.tenancy().allow("ListPluggableDatabases", noPdbs.id());
        Map<String, Object> out = new LinkedHashMap<>();
        SimServer server;
        if (o.containsKey("public-key")) {
            PublicKey pk = KeyFactory.getInstance("RSA").generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(o.get("public-key"))));
            String keyId = o.get("key-id");
            server = new SimServer(fleet, faults, id -> id.equals(keyId) ? pk : null);
            out.put("keyId", keyId);
        } else {
            DemoCredentials creds = new DemoCredentials();
            server = SimServer.start(fleet, faults, creds);
            out.put("keyId", creds.keyId());
            out.put("privateKeyPem", new String(creds.privateKeyPem(), java.nio.charset.StandardCharsets.US_ASCII));
        }
        Map<String, String> endpoints = new LinkedHashMap<>();
        for (SimFleet.SimRegion r : fleet.regions()) {
            endpoints.put(r.name(), server.endpoint(r.name()));
        }
        out.put("endpoints", endpoints);
        // Every compartment discovery finds (the root and every ACTIVE one): each is listed every cycle.
        Map<String, String> comps = new LinkedHashMap<>();
        for (SimTenancy.Compartment c : listed(fleet)) {
            comps.put(c.id(), fleet.tenancy().path(c.id()));
        }
        out.put("compartments", comps);
        out.put("databases", fleet.allDatabases().size());
        out.put("autonomousDatabases", fleet.estate().allAutonomousDatabases().size());
        out.put("shape", shape(fleet));
        System.out.println(new ObjectMapper().writeValueAsString(out));
        System.out.flush();
        // Serve until our parent closes stdin (or kills us). A line "stats" prints the requests served so far,
        // by operation, as one JSON line (the benchmark's requests per cycle by kind).
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
                java.nio.charset.StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            if (line.trim().equals("stats")) {
                System.out.println(new ObjectMapper().writeValueAsString(server.requestsByOperation()));
                System.out.flush();
            }
        }
        server.close();
    }

    /** The root and every ACTIVE compartment: what discovery finds and the poller lists. */
    static List<SimTenancy.Compartment> listed(SimFleet fleet) {
        List<SimTenancy.Compartment> out = new ArrayList<>();
        out.add(fleet.tenancy().root());
        fleet.tenancy().allBelowRoot().stream().filter(c -> c.lifecycleState().equals("ACTIVE")).forEach(out::add);
        return out;
    }

    /** Per region and compartment: list sizes, and databases per DB home, for request and round counts. */
    static Map<String, Object> shape(SimFleet fleet) {
        Map<String, Object> regions = new LinkedHashMap<>();
        for (SimFleet.SimRegion r : fleet.regions()) {
            List<Map<String, Object>> comps = new ArrayList<>();
            for (SimTenancy.Compartment c : listed(fleet)) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("dbSystems", fleet.dbSystems(r.name(), c.id()).size());
                m.put("pdbs", fleet.pdbs(r.name(), c.id()).size());
                List<Integer> perHome = new ArrayList<>();
                for (SimFleet.DbHome h : fleet.dbHomes(r.name(), c.id())) {
                    perHome.add(fleet.databasesInHome(h.id()).size());
                }
                m.put("databasesPerHome", perHome);
                // The Autonomous / Exadata lists' sizes: two read every cycle, seven in the slow tier.
                SimEstate e = fleet.estate();
                m.put("autonomousDatabases", e.autonomousDatabases(r.name(), c.id()).size());
                m.put("containerDatabases", e.containerDatabases(r.name(), c.id()).size());
                m.put("slowLists", List.of(e.infrastructures(r.name(), c.id(), false).size(),
                        e.infrastructures(r.name(), c.id(), true).size(), e.vmClusters(r.name(), c.id(), false).size(),
                        e.vmClusters(r.name(), c.id(), true).size(), e.autonomousVmClusters(r.name(), c.id(), false).size(),
                        e.autonomousVmClusters(r.name(), c.id(), true).size(), e.maintenanceRuns(r.name(), c.id()).size()));
                comps.add(m);
            }
            regions.put(r.name(), comps);
        }
        return regions;
    }
}
