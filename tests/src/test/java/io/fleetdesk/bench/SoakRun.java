package io.fleetdesk.bench;

import io.fleetdesk.support.En;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetUpdate;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciProfile;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.poll.DirectPoller;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.sim.DemoCredentials;
import io.fleetdesk.sim.DemoDatabases;
import io.fleetdesk.sim.DemoFleet;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.app.FleetSession;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The soak run (issue 12): the real poller and the real SDK against the simulator with faults on
 * (a 429 storm from a tight rate limit for 20 cycles in every 500, 5xx, stalls longer than the read timeout, truncated bodies,
 * a region down and back), thousands of refresh cycles at a short interval, with direct targets
 * probed alongside (the demo's, and one that never answers). At the start, the middle and the end
 * it reports heap after GC, live threads, open sockets and pool connections: flat, or it is a leak.
 * Every refresh that failed is counted by why.
 *
 * <p>{@code ./mvnw -B -pl tests -am -DskipTests -Psoak verify}, options in {@code -Dsoak.args}:
 * {@code --cycles 10000 --interval-ms 20 --size 20 --rate-limit 2000 --burst 200 --storm-rate 100 --error-rate 0.005
 * --stall-rate 0.0003 --truncate-rate 0.0005}. Results in {@code tests/target/bench/soak.json}.
 */
public final class SoakRun {
    private SoakRun() {
    }

    /**
     * @param openSockets       every socket of this JVM (the simulator's own included)
     * @param simulatorSockets  those on the simulator's listening ports: its side, not Fleetdesk's
     */
    record Sample(String at, int cycle, long heapAfterGcMb, int liveThreads, long openSockets, long simulatorSockets,
                  int poolConnections) {
    }

    public static void main(String[] args) throws Exception {
        // As the app and the command do at start: the signing provider is part of a request's CPU.
        System.out.println("signing: " + io.fleetdesk.app.Signing.install());
        Map<String, String> o = options(args);
        int cycles = Integer.parseInt(o.getOrDefault("cycles", "10000"));
        Duration interval = Duration.ofMillis(Long.parseLong(o.getOrDefault("interval-ms", "20")));
        int size = Integer.parseInt(o.getOrDefault("size", "20"));
        // 429 storms (see below); 5xx; stalls past the 2 s read timeout; truncated bodies.
        double rate = Double.parseDouble(o.getOrDefault("rate-limit", "2000"));
        int burst = Integer.parseInt(o.getOrDefault("burst", "200"));
        double stormRate = Double.parseDouble(o.getOrDefault("storm-rate", "100"));
        FaultPlan faults = new FaultPlan().latency(Duration.ofMillis(3), 0.5)
                .rateLimit(rate, burst)
                .serverErrorRate(Double.parseDouble(o.getOrDefault("error-rate", "0.005")))
                .stalls(Double.parseDouble(o.getOrDefault("stall-rate", "0.0003")), Duration.ofSeconds(4))
                .truncateRate(Double.parseDouble(o.getOrDefault("truncate-rate", "0.0005")));
        try (DemoFleet demo = DemoFleet.start(DemoFleet.DEFAULT_SEED, size, 2, 60.0, faults);
             DemoDatabases dbs = DemoDatabases.start(demo.fleet(), Duration.ofSeconds(1))) {
            DemoCredentials c = demo.credentials();
            OciProfile p = InMemoryKeyProfiles.create(InMemoryKeyProfiles.DEMO_PROFILE, DemoCredentials.TENANCY_ID,
                    DemoCredentials.USER_ID, c.fingerprint(), c.privateKeyPem(), demo.endpoints());
            PollerSettings settings = PollerSettings.defaults().withInterval(interval)
                    .withDeadline(Duration.ofSeconds(20));
            DirectPoller direct = new DirectPoller(new io.fleetdesk.poll.DirectSettings(Duration.ofMillis(500), Duration.ofSeconds(1),
                    Duration.ofSeconds(3), Duration.ofSeconds(2), false), DirectHealthRules.defaults());
            List<DirectTarget> targets = new ArrayList<>(dbs.targets());
            io.fleetdesk.jdbc.ConnectStrings.allowInMemory(targets);
            // A listener that never answers: its probes must fail, time out and leave nothing behind.
            DirectTarget dead = new DirectTarget("soak-dead", "DEAD_dc9", "Soak", DirectTarget.ConnectKind.EZCONNECT,
                    "10.255.255.1:1521/NOPE", "", "", "fleetmon", DirectTarget.Role.NORMAL, "");
            targets.add(dead);
            direct.setTargets(targets);
            for (DirectTarget t : dbs.targets()) {
                direct.connect(t.id(), dbs.password(t.id()));
            }
            direct.connect(dead.id(), "not-a-real-password".toCharArray());

            AtomicInteger done = new AtomicInteger();
            Map<String, Integer> failures = new TreeMap<>();
            AtomicInteger failedCycles = new AtomicInteger();
            List<Sample> samples = new ArrayList<>();
            String downRegion = demo.endpoints().keySet().stream().sorted().toList().getLast();
            simPorts = demo.endpoints().values().stream().map(e -> java.net.URI.create(e).getPort()).toList();
            long started = System.nanoTime();
            try (FleetPoller poller = FleetSession.newPoller(p, settings,
                    new SdkRegionApi.Settings(settings.maxConcurrency(), Duration.ofSeconds(2), Duration.ofSeconds(2)))) {
                poller.store().subscribe((FleetUpdate u) -> {
                    if (u.snapshot().count(NodeKind.REGION) == 0) {
                        return;
                    }
                    int n = done.incrementAndGet();
                    // A policy refusal (the demo's payments compartment) is an answer, not a failure.
                    List<String> failed = En.of(u.snapshot().errors()).stream().filter(e -> !e.contains(" refused (")).toList();
                    if (!failed.isEmpty()) {
                        failedCycles.incrementAndGet();
                        synchronized (failures) {
                            for (String e : failed) {
                                failures.merge(kind(e), 1, Integer::sum);
                            }
                        }
                    }
                    // A 429 storm for 20 cycles in every 500: a tight bucket, then the ordinary one again.
                    if (n % 500 == 0) {
                        faults.rateLimit(stormRate, 20);
                    } else if (n % 500 == 20) {
                        faults.rateLimit(rate, burst);
                    }
                    // A region down for a stretch in the middle, then back.
                    if (n == cycles * 4 / 10) {
                        faults.regionDown(downRegion, true);
                    } else if (n == cycles * 45 / 100) {
                        faults.regionDown(downRegion, false);
                    }
                });
                poller.start();
                waitFor(done, Math.min(20, cycles / 10));
                samples.add(sample("start", done.get(), direct));
                for (int tenth = 1; tenth <= 10; tenth++) {
                    waitFor(done, cycles * tenth / 10);
                    samples.add(sample(tenth == 5 ? "middle" : tenth == 10 ? "end" : tenth * 10 + " %", done.get(), direct));
                }
            } finally {
                direct.close();
            }
            double minutes = (System.nanoTime() - started) / 60e9;
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("cycles", done.get());
            out.put("intervalMs", interval.toMillis());
            out.put("databases", size);
            out.put("minutes", Math.round(minutes * 10) / 10.0);
            out.put("cyclesWithFailedCalls", failedCycles.get());
            out.put("problemsByKind", failures);
            out.put("requests", demo.server().requestCount());
            out.put("throttled429", demo.server().throttledCount());
            out.put("samples", samples);
            Path file = Path.of("target", "bench", "soak.json");
            Files.createDirectories(file.getParent());
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
            System.out.printf("soak: %d cycles in %.1f min, %d with a failed call, %d requests (%d answered 429)%n",
                    done.get(), minutes, failedCycles.get(), demo.server().requestCount(), demo.server().throttledCount());
            System.out.println("| when | cycle | heap after GC (MB) | live threads | Fleetdesk's sockets | simulator's sockets | pool connections |");
            System.out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (Sample s : samples) {
                System.out.printf("| %s | %d | %d | %d | %d | %d | %d |%n", s.at(), s.cycle(), s.heapAfterGcMb(),
                        s.liveThreads(), s.openSockets() - Math.max(0, s.simulatorSockets()), s.simulatorSockets(),
                        s.poolConnections());
            }
            failures.forEach((k, v) -> System.out.printf("problem: %6d  %s%n", v, k));
            System.out.println("written " + file.toAbsolutePath());
        }
        System.exit(0);
    }

    private static void waitFor(AtomicInteger done, int n) {
        // Hours at most: a run that stops cycling fails with the count it reached, not a silent hang.
        org.awaitility.Awaitility.await("refresh cycle " + n + " of the soak run").atMost(Duration.ofHours(6))
                .pollInterval(Duration.ofMillis(200)).untilAtomic(done, org.hamcrest.Matchers.greaterThanOrEqualTo(n));
    }

    /** A problem line without its ids and numbers, so the same kind of failure counts as one. */
    static String kind(String e) {
        // "region / compartment path: ListDbHomes: 503 …": the call and what happened, not where.
        return e.replaceFirst("^[a-z0-9-]+ / [^:]+: ", "").replaceAll("ocid1\\.[a-z]+\\.oc1\\.[a-z0-9]*\\.[a-z0-9]+", "<ocid>")
                .replaceAll("opc-request-id [A-Z0-9/]+", "opc-request-id …")
                .replaceAll("\\d+", "#");
    }

    /** The simulator's listening ports, to tell its sockets from Fleetdesk's. */
    private static List<Integer> simPorts = List.of();

    /** Sockets of this JVM whose local port is one of the simulator's (Linux: /proc/self/net/tcp{,6}), or -1. */
    private static long simulatorSockets() {
        try {
            java.util.Set<String> mine = new java.util.HashSet<>();
            try (var fds = Files.list(Path.of("/proc/self/fd"))) {
                fds.forEach(f -> {
                    try {
                        String l = Files.readSymbolicLink(f).toString();
                        if (l.startsWith("socket:[")) {
                            mine.add(l.substring(8, l.length() - 1));
                        }
                    } catch (Exception ignored) {
                        // gone meanwhile
                    }
                });
            }
            long n = 0;
            for (String table : List.of("/proc/self/net/tcp", "/proc/self/net/tcp6")) {
                for (String line : Files.readAllLines(Path.of(table)).stream().skip(1).toList()) {
                    String[] f = line.trim().split("\\s+");
                    int local = Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16);
                    if (f[3].equals("0A")) {
                        continue; // LISTEN
                    }
                    if (simPorts.contains(local) && mine.contains(f[9])) {
                        n++;
                    }
                }
            }
            return n;
        } catch (Exception e) {
            return -1;
        }
    }

    private static Sample sample(String at, int cycle, DirectPoller direct) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        var mem = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        long sockets;
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            sockets = fds.filter(f -> {
                try {
                    return Files.readSymbolicLink(f).toString().startsWith("socket:");
                } catch (Exception e) {
                    return false;
                }
            }).count();
        } catch (Exception e) {
            sockets = -1; // not Linux
        }
        Sample s = new Sample(at, cycle, mem.getUsed() / (1024 * 1024), threads, sockets, simulatorSockets(),
                direct.poolConnections());
        System.out.println("soak sample: " + s);
        return s;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            o.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        return o;
    }
}
