package io.fleetdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciProfile;
import io.fleetdesk.oci.Page;
import io.fleetdesk.oci.Rows;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.sim.DemoCredentials;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Fleet refresh benchmark (design section 6): the real poller and the real SDK against the
 * simulator in its own process at a fixed latency, each result beside its lower bound and a
 * serial baseline measured in the same run. Writes {@code target/bench/fleet-refresh.json}.
 *
 * <p>Lower bound per region: the largest of sequential rounds on the critical path x latency,
 * requests x latency / concurrency limit, and requests / rate limit. Client CPU is counted, not
 * hidden: the fleet's requests x measured client CPU per request / cores is a bound too, and the
 * larger of the two is the lower bound.
 */
public final class FleetRefreshBenchmark {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    /**
     * @param nested a run of a tenancy nested as a large one is ("10000:500": 10,000 databases in 500
     *               compartments), after the others; empty for none
     */
    /**
     * @param mixed a mixed estate after the others ("10000:30:20": 10,000 databases, 30 % Autonomous, 20 % on
     *              Exadata, the rest Base Database); empty for none
     */
    record Options(List<Integer> sizes, int regions, long latencyMs, int refreshes, int warmups, int concurrency,
                   String baseline, double rateLimit, Path out, String nested, String mixed) {
    }

    public static void main(String[] args) throws Exception {
        // As the app and the command do at start: the signing provider is part of a request's CPU.
        System.out.println("signing: " + io.fleetdesk.app.Signing.install());
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        List<Integer> sizes = new ArrayList<>();
        for (String s : o.getOrDefault("sizes", "1000,10000").split(",")) {
            sizes.add(Integer.parseInt(s.trim()));
        }
        Options opt = new Options(sizes, Integer.parseInt(o.getOrDefault("regions", "3")),
                Long.parseLong(o.getOrDefault("latency-ms", "100")), Integer.parseInt(o.getOrDefault("refreshes", "5")),
                Integer.parseInt(o.getOrDefault("warmups", "10")),
                Integer.parseInt(o.getOrDefault("concurrency", Integer.toString(PollerSettings.defaults().maxConcurrency()))),
                o.getOrDefault("baseline", "full"), Double.parseDouble(o.getOrDefault("rate-limit", "0")),
                Path.of(o.getOrDefault("out", "target/bench/fleet-refresh.json")), o.getOrDefault("nested", "10000:500"),
                o.getOrDefault("mixed", "10000:30:20"));
        List<Map<String, Object>> runs = new ArrayList<>();
        Double baselinePerRequest = null;
        List<int[]> plan = new ArrayList<>();
        // {size, compartments, Autonomous Databases, Exadata databases}
        for (int size : opt.sizes()) {
            plan.add(new int[] {size, 0, 0, 0});
        }
        if (!opt.nested().isBlank()) {
            String[] n = opt.nested().split(":");
            plan.add(new int[] {Integer.parseInt(n[0].trim()), Integer.parseInt(n[1].trim()), 0, 0});
        }
        if (!opt.mixed().isBlank()) {
            String[] m = opt.mixed().split(":");
            int total = Integer.parseInt(m[0].trim());
            int adb = total * Integer.parseInt(m[1].trim()) / 100;
            int exa = total * Integer.parseInt(m[2].trim()) / 100;
            plan.add(new int[] {total, 0, adb, exa});
        }
        for (int[] p : plan) {
            int size = p[0];
            Map<String, Object> run = runOne(size, p[1], p[2], p[3], opt, baselinePerRequest);
            if (run.get("baseline_per_request_s") instanceof Double d && "measured".equals(run.get("baseline_kind"))) {
                baselinePerRequest = d;
            }
            runs.add(run);
            Files.createDirectories(opt.out().toAbsolutePath().getParent());
            JSON.writeValue(opt.out().toFile(), Map.of("benchmark", "fleet-refresh", "cores", OS.getAvailableProcessors(),
                    "runs", runs));
        }
        printTable(runs);
        System.out.println("\nwrote " + opt.out().toAbsolutePath());
    }

    /** @param compartments ACTIVE compartments below the root (0: the demo tenancy's own 18) */
    private static Map<String, Object> runOne(int size, int compartments, int autonomous, int exadata, Options opt,
                                              Double baselinePerRequest) throws Exception {
        DemoCredentials creds = new DemoCredentials();
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g"));
        // e.g. -Dbench.simJvmArgs=-XX:StartFlightRecording=filename=/tmp/sim.jfr to profile the simulator
        String extra = System.getProperty("bench.simJvmArgs", "");
        if (!extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.fleetdesk.sim.SimMain",
                "--size", Integer.toString(size - autonomous - exadata), "--autonomous", Integer.toString(autonomous),
                "--exadata", Integer.toString(exadata), "--regions", Integer.toString(opt.regions()), "--seed", "1",
                "--latency-ms", Long.toString(opt.latencyMs()), "--rate-limit", Double.toString(opt.rateLimit()),
                "--compartments", Integer.toString(compartments),
                "--public-key", Base64.getEncoder().encodeToString(creds.publicKey().getEncoded()),
                "--key-id", creds.keyId()));
        Process sim = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader simOut = new BufferedReader(new InputStreamReader(sim.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do { // the JVM may print first (JFR's "Started recording…"): the simulator's line is the JSON one
                line = simOut.readLine();
            } while (line != null && !line.startsWith("{"));
            if (line == null) {
                throw new IllegalStateException("the simulator exited before it was ready");
            }
            JsonNode info = JSON.readTree(line);
            Map<String, String> endpoints = JSON.convertValue(info.get("endpoints"), Map.class);
            Map<String, String> compartmentsMap = JSON.convertValue(info.get("compartments"), Map.class);
            OciProfile profile = InMemoryKeyProfiles.create("bench", DemoCredentials.TENANCY_ID, DemoCredentials.USER_ID,
                    creds.fingerprint(), creds.privateKeyPem(), endpoints);
            int databases = info.get("databases").asInt();
            int adbs = info.path("autonomousDatabases").asInt(0);
            System.out.printf("%n== %d databases (%d Autonomous, %d on Exadata) in %d compartments, %d regions, %d ms latency%n",
                    databases + adbs, adbs, exadata, compartmentsMap.size(), opt.regions(), opt.latencyMs());
            java.io.Writer simIn = new java.io.OutputStreamWriter(sim.getOutputStream(), StandardCharsets.UTF_8);

            // The poller, as the app runs it (but a deadline long enough that nothing goes stale).
            PollerSettings ps = PollerSettings.defaults().withDeadline(Duration.ofSeconds(120))
                    .withConcurrency(PollerSettings.defaults().initialConcurrency(), opt.concurrency());
            SdkRegionApi.Settings api = new SdkRegionApi.Settings(opt.concurrency(), Duration.ofSeconds(5), Duration.ofSeconds(60));
            List<Double> times = new ArrayList<>();
            List<Long> cycleRequests = new ArrayList<>();
            long requests = 0;
            double cpuSeconds = 0;
            double simCpuSeconds = 0;
            Map<String, Object> discoveryInfo = new LinkedHashMap<>();
            int deferred = 0;
            int staleCyclesMax = 0;
            int measured = Math.max(opt.refreshes(), ps.maxCyclesPerInventory() + 1);
            io.fleetdesk.oci.TenancyLayout discovered;
            boolean rediscovered;
            Map<String, Long> byKindBefore;
            Map<String, Long> byKind = new java.util.TreeMap<>();
            try (FleetPoller poller = poller(profile, ps, api)) {
                // Discovery, on its own and measured as such: the cycles below never run it.
                long d0 = System.nanoTime();
                discovered = poller.discovery().ensure();
                double discoveryS = (System.nanoTime() - d0) / 1e9;
                System.out.printf("  discovery: %d regions, %d compartments, %d requests, %.3f s%n",
                        discovered.regions().size(), discovered.listed().size(), discovered.requests(), discoveryS);
                discoveryInfo.put("discovery_s", round(discoveryS));
                discoveryInfo.put("discovery_requests", discovered.requests());
                discoveryInfo.put("compartments_listed", discovered.listed().size());
                for (int i = 0; i < opt.warmups(); i++) { // warm-up: JIT, connection pools, the limit's slow start
                    check(poller.refreshOnce(), databases, adbs);
                }
                byKindBefore = stats(simIn, simOut);
                Map<String, java.time.Instant> lastRead = new java.util.HashMap<>();
                Map<String, Integer> unreadCycles = new java.util.HashMap<>();
                for (int i = 0; i < measured; i++) {
                    long simCpu0 = simCpuNanos(sim);
                    long cpu0 = OS.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    FleetSnapshot s = poller.refreshOnce();
                    double t = (System.nanoTime() - t0) / 1e9;
                    cpuSeconds += (OS.getProcessCpuTime() - cpu0) / 1e9;
                    simCpuSeconds += (simCpuNanos(sim) - simCpu0) / 1e9;
                    check(s, databases, adbs);
                    requests += s.requests();
                    cycleRequests.add(s.requests());
                    deferred = Math.max(deferred, poller.deferredHomes());
                    for (var n : s.nodes().values()) {
                        if (n.kind() == NodeKind.DATABASE) {
                            boolean read = !n.lastRefreshed().equals(lastRead.put(n.id(), n.lastRefreshed()));
                            int c = read ? 0 : unreadCycles.getOrDefault(n.id(), 0) + 1;
                            unreadCycles.put(n.id(), c);
                            staleCyclesMax = Math.max(staleCyclesMax, c);
                        }
                    }
                    times.add(t);
                    System.out.printf("  cycle %d: %.3f s, %d requests, %d DB homes deferred%n", i + 1, t, s.requests(),
                            poller.deferredHomes());
                }
                // Discovery adds no round to a cycle: the layout in use is still the one discovered before them.
                rediscovered = poller.discovery().current() != discovered;
                Map<String, Long> after = stats(simIn, simOut);
                after.forEach((k, v) -> {
                    long d = v - byKindBefore.getOrDefault(k, 0L);
                    if (d > 0) {
                        byKind.put(k, Math.round(d / (double) measured));
                    }
                });
            }
            discoveryInfo.put("discoveries_during_measured_cycles", rediscovered ? 1 : 0);
            // Full inventory: every DB home every cycle (no request budget), as one refresh of everything.
            List<Double> fullTimes = new ArrayList<>();
            long fullRequests = 0;
            if (deferred > 0) {
                try (FleetPoller full = poller(profile, ps.withRequestBudget(0, 1), api)) {
                    for (int i = 0; i < Math.max(2, opt.warmups() / 2); i++) {
                        check(full.refreshOnce(), databases, adbs);
                    }
                    for (int i = 0; i < 3; i++) {
                        long t0 = System.nanoTime();
                        FleetSnapshot s = full.refreshOnce();
                        fullTimes.add((System.nanoTime() - t0) / 1e9);
                        fullRequests = s.requests();
                        check(s, databases, adbs);
                        System.out.printf("  full inventory %d: %.3f s, %d requests%n", i + 1, fullTimes.getLast(), s.requests());
                    }
                }
            }
            double median = median(times);
            double cpuPerRequest = cpuSeconds / requests;
            long medianRequests = Math.round(median(cycleRequests.stream().map(Long::doubleValue).toList()));

            // Lower bound from the fleet's shape, per region, and from client CPU.
            double latency = opt.latencyMs() / 1000.0;
            double networkBound = 0;
            long shapeRequests = 0;
            int maxRounds = 0;
            for (var e : iterable(info.get("shape").fields())) {
                long regionRequests = 0;
                int rounds = 0;
                for (JsonNode c : e.getValue()) {
                    int sysPages = pages(c.get("dbSystems").asInt());
                    int pdbPages = pages(c.get("pdbs").asInt());
                    int homes = c.get("databasesPerHome").size();
                    int homePages = pages(homes);
                    int maxDbPages = 0;
                    long dbRequests = 0;
                    for (JsonNode n : c.get("databasesPerHome")) {
                        int p = pages(n.asInt());
                        dbRequests += p;
                        maxDbPages = Math.max(maxDbPages, p);
                    }
                    // The Autonomous / Exadata lists: all in the first round, their pages in sequence.
                    int adbPages = pages(c.path("autonomousDatabases").asInt(0));
                    int acdPages = pages(c.path("containerDatabases").asInt(0));
                    int slowRequests = 0;
                    int slowPages = 0;
                    for (JsonNode n : c.path("slowLists")) {
                        slowRequests += pages(n.asInt());
                        slowPages = Math.max(slowPages, pages(n.asInt()));
                    }
                    regionRequests += sysPages + pdbPages + homePages + dbRequests + adbPages + acdPages + slowRequests;
                    rounds = Math.max(rounds, Math.max(Math.max(Math.max(sysPages, pdbPages), homePages + maxDbPages),
                            Math.max(Math.max(adbPages, acdPages), slowPages)));
                }
                shapeRequests += regionRequests;
                maxRounds = Math.max(maxRounds, rounds);
                double bound = Math.max(rounds * latency, regionRequests * latency / opt.concurrency());
                if (opt.rateLimit() > 0) {
                    bound = Math.max(bound, regionRequests / opt.rateLimit());
                }
                networkBound = Math.max(networkBound, bound);
            }
            int cores = OS.getAvailableProcessors();
            if (medianRequests < shapeRequests) {
                // A tiered cycle sends fewer requests than the shape's full refresh: bound what it sends.
                double perRegion = medianRequests / (double) opt.regions();
                networkBound = Math.max(maxRounds * latency, perRegion * latency / opt.concurrency());
            }
            double cpuBound = medianRequests * cpuPerRequest / cores;
            double lowerBound = Math.max(networkBound, cpuBound);

            // Baseline: the same calls one at a time plus a GetDatabase (GetAutonomousDatabase) per database.
            long baselineRequests = shapeRequests + databases + adbs;
            double baselineS;
            String baselineKind;
            double perRequest;
            if ("full".equals(opt.baseline()) && baselinePerRequest == null) {
                long[] count = new long[1];
                long t0 = System.nanoTime();
                serialBaseline(profile, endpoints.keySet(), compartmentsMap.keySet(), count);
                baselineS = (System.nanoTime() - t0) / 1e9;
                perRequest = baselineS / count[0];
                baselineKind = "measured";
                baselineRequests = count[0];
            } else {
                if (baselinePerRequest == null) {
                    // Measure a sample: one compartment of the first region.
                    long[] count = new long[1];
                    long t0 = System.nanoTime();
                    serialBaselineSample(profile, endpoints.keySet().iterator().next(),
                            compartmentsMap.keySet().stream().skip(1).findFirst().orElseThrow(), count);
                    baselinePerRequest = (System.nanoTime() - t0) / 1e9 / count[0];
                }
                perRequest = baselinePerRequest;
                baselineS = perRequest * baselineRequests;
                baselineKind = "extrapolated";
            }
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("databases", databases + adbs);
            run.put("autonomous_databases", adbs);
            run.put("exadata_databases", exadata);
            run.put("requests_per_cycle_by_kind", byKind);
            run.put("compartments", compartmentsMap.size());
            run.putAll(discoveryInfo);
            run.put("regions", opt.regions());
            run.put("latency_ms", opt.latencyMs());
            run.put("concurrency_per_region", opt.concurrency());
            run.put("requests", medianRequests);
            run.put("full_refresh_requests", shapeRequests);
            run.put("deferred_db_homes_per_cycle", deferred);
            run.put("full_inventory_s", fullTimes.isEmpty() ? round(median) : round(median(fullTimes)));
            run.put("full_inventory_requests", fullTimes.isEmpty() ? medianRequests : fullRequests);
            run.put("max_cycles_a_database_went_unread", staleCyclesMax);
            run.put("worst_staleness_s_at_30s_interval", round(staleCyclesMax * (30 + median) + median));
            run.put("refresh_s", round(median));
            run.put("refresh_all_s", times.stream().map(FleetRefreshBenchmark::round).toList());
            run.put("lower_bound_s", round(lowerBound));
            run.put("network_bound_s", round(networkBound));
            run.put("cpu_bound_s", round(cpuBound));
            run.put("client_cpu_ms_per_request", round(cpuPerRequest * 1000));
            run.put("ratio_to_lower_bound", round(median / lowerBound));
            // The simulator runs on the same cores here (the service would not): its CPU per refresh, for context.
            run.put("simulator_cpu_s_per_refresh", round(simCpuSeconds / measured));
            run.put("client_cpu_s_per_refresh", round(cpuSeconds / measured));
            run.put("cores", cores);
            run.put("baseline_s", round(baselineS));
            run.put("baseline_kind", baselineKind);
            run.put("baseline_requests", baselineRequests);
            run.put("baseline_per_request_s", perRequest);
            run.put("speedup_vs_baseline", round(baselineS / median));
            System.out.printf("  median %.3f s; lower bound %.3f s (network %.3f, client CPU %.3f at %.2f ms/request);"
                            + " simulator CPU %.2f s per refresh on the same cores; baseline %.1f s (%s)%n", median,
                    lowerBound, networkBound, cpuBound, cpuPerRequest * 1000, simCpuSeconds / measured,
                    baselineS, baselineKind);
            return run;
        } finally {
            sim.getOutputStream().close();
            sim.destroy();
            sim.waitFor();
        }
    }

    private static FleetPoller poller(OciProfile profile, PollerSettings ps, SdkRegionApi.Settings api) {
        return io.fleetdesk.app.FleetSession.newPoller(profile, ps, api);
    }

    private static long simCpuNanos(Process sim) {
        return sim.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    /** The simulator's requests so far, by operation (its "stats" line). */
    private static Map<String, Long> stats(java.io.Writer simIn, BufferedReader simOut) throws java.io.IOException {
        simIn.write("stats\n");
        simIn.flush();
        String line;
        do {
            line = simOut.readLine();
        } while (line != null && !line.startsWith("{"));
        if (line == null) {
            throw new IllegalStateException("the simulator exited");
        }
        Map<String, Long> out = new java.util.TreeMap<>();
        JSON.readTree(line).fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asLong()));
        return out;
    }

    private static void check(FleetSnapshot s, int databases, int adbs) {
        if (s.count(NodeKind.AUTONOMOUS_DATABASE) != adbs) {
            throw new IllegalStateException("refresh incomplete: " + s.count(NodeKind.AUTONOMOUS_DATABASE) + " of " + adbs
                    + " Autonomous Databases; errors " + s.errors());
        }
        if (s.count(NodeKind.DATABASE) != databases || !s.errors().isEmpty()) {
            throw new IllegalStateException("refresh incomplete: " + s.count(NodeKind.DATABASE) + " of " + databases
                    + " databases; errors " + s.errors());
        }
    }

    private static int pages(int items) {
        return Math.max(1, (items + SdkRegionApi.PAGE_LIMIT - 1) / SdkRegionApi.PAGE_LIMIT);
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> it) {
        return () -> it;
    }

    private static <T> List<T> all(Function<String, Page<T>> call, long[] count) {
        List<T> out = new ArrayList<>();
        String page = null;
        do {
            Page<T> p = call.apply(page);
            count[0]++;
            out.addAll(p.items());
            page = p.nextPage();
        } while (page != null);
        return out;
    }

    /** As a script looping over the OCI CLI would: one call at a time, and a GET per database. */
    private static void serialBaseline(OciProfile profile, java.util.Collection<String> regions,
                                       java.util.Collection<String> compartments, long[] count) {
        for (String region : regions) {
            try (SdkRegionApi api = new SdkRegionApi(profile, region, SdkRegionApi.Settings.defaults(), d -> { })) {
                for (String c : compartments) {
                    serialCompartment(api, c, count);
                }
            }
        }
    }

    private static void serialBaselineSample(OciProfile profile, String region, String compartment, long[] count) {
        try (SdkRegionApi api = new SdkRegionApi(profile, region, SdkRegionApi.Settings.defaults(), d -> { })) {
            serialCompartment(api, compartment, count);
        }
    }

    private static void serialCompartment(SdkRegionApi api, String comp, long[] count) {
        all(p -> api.listDbSystems(comp, p), count);
        all(p -> api.listPluggableDatabases(comp, p), count);
        for (Rows.DbHomeRow h : all(p -> api.listDbHomes(comp, p), count)) {
            for (Rows.DatabaseRow d : all(p -> api.listDatabases(comp, h.id(), p), count)) {
                api.getDatabase(d.id());
                count[0]++;
            }
        }
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(Double::compare);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    private static double round(double d) {
        return Math.round(d * 1000) / 1000.0;
    }

    private static void printTable(List<Map<String, Object>> runs) {
        System.out.println("\n| databases | compartments | discovery | latency | requests/cycle | cycle (median) | lower bound"
                + " | ratio | full inventory | cycles unread (max) | baseline | speed-up |");
        System.out.println("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        for (Map<String, Object> r : runs) {
            System.out.printf("| %s | %s | %s s (%s req) | %s ms | %s | %s s | %s s | %sx | %s s (%s req) | %s | %s s (%s) | %sx |%n",
                    r.get("databases"), r.get("compartments"), r.get("discovery_s"), r.get("discovery_requests"),
                    r.get("latency_ms"), r.get("requests"), r.get("refresh_s"), r.get("lower_bound_s"),
                    r.get("ratio_to_lower_bound"), r.get("full_inventory_s"), r.get("full_inventory_requests"),
                    r.get("max_cycles_a_database_went_unread"), r.get("baseline_s"), r.get("baseline_kind"),
                    r.get("speedup_vs_baseline"));
        }
    }
}
