package io.fleetdesk.cli;

import io.fleetdesk.sim.SimFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code serve}: the headless poller's readings as Prometheus scrapes them. Every line of /metrics is
 * checked against the text format's grammar; a target going stale shows in the next scrape.
 */
class ServeTest {
    /** A sample line of the Prometheus text format: name, optional labels, a value. */
    private static final Pattern SAMPLE = Pattern.compile(
            "([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{((?:[a-zA-Z_][a-zA-Z0-9_]*=\"(?:[^\"\\\\\\n]|\\\\[\\\\\"n])*\",?)*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @TempDir
    Path dir;

    record Sample(String name, Map<String, String> labels, double value) {
    }

    /** Parses a scrape strictly: a line that is neither a HELP/TYPE comment nor a sample fails the test. */
    static List<Sample> parse(String text) {
        List<Sample> out = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        for (String line : text.lines().toList()) {
            if (line.startsWith("# HELP ")) {
                continue;
            }
            if (line.startsWith("# TYPE ")) {
                String[] p = line.split(" ");
                assertTrue(List.of("gauge", "counter", "untyped", "info", "summary", "histogram").contains(p[3]), line);
                types.put(p[2], p[3]);
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            assertTrue(m.matches(), "not a sample line: " + line);
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            String family = m.group(1).replaceAll("_total$", "");
            assertTrue(types.containsKey(family) || types.containsKey(m.group(1)), "a TYPE before " + m.group(1));
            out.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return out;
    }

    @Test
    void theMetricsFollowTheFleetForTextAndProtobufScrapersAndATargetGoingStaleShowsInTheNextScrape()
            throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (SimProfile p = new SimProfile(dir, 79, 120, 2); HttpClient http = HttpClient.newHttpClient()) {
            SimFleet f = p.sim.fleet();
            SimFleet.Database failed = f.allDatabases().stream().filter(d -> d.region().equals("us-ashburn-1"))
                    .findFirst().orElseThrow();
            p.sim.fleet().overrideState(failed.id(), "FAILED");
            SimFleet.Pair pair = f.pairs().stream().filter(x -> f.database(x.firstDbId()).region().equals("us-ashburn-1")
                    && f.database(x.secondDbId()).region().equals("us-ashburn-1")).findFirst().orElseThrow();
            String standby = "STANDBY".equals(p.sim.fleet().role(pair.firstDbId())) ? pair.firstDbId() : pair.secondDbId();
            p.sim.fleet().overrideApplyLag(standby, 42);
            AtomicReference<Cli.Result> ended = new AtomicReference<>();
            Thread serve = Thread.ofPlatform().start(() -> ended.set(Cli.run(dir.resolve("home"), p.args("--no-retry",
                    "--read-timeout", "3", "serve", "--metrics-port", Integer.toString(port), "--interval", "5"))));
            HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
            AtomicReference<List<Sample>> scrape = new AtomicReference<>();
            try {
                await("the first refresh is served").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                        .ignoreExceptionsInstanceOf(java.io.IOException.class).until(() -> {
                            assertEquals(null, ended.get(), "serve ended early");
                            scrape.set(parse(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body()));
                            return scrape.get().stream().anyMatch(x -> x.name().equals("fleetdesk_target_health"));
                        });
                List<Sample> first = scrape.get();
                Sample health = first.stream().filter(x -> x.name().equals("fleetdesk_target_health")
                        && failed.id().equals(x.labels().get("id"))).findFirst().orElseThrow();
                assertEquals(2.0, health.value(), "CRITICAL: " + health);
                assertEquals(failed.dbUniqueName(), health.labels().get("name"));
                String region = health.labels().get("region");
                assertTrue(region.matches("[a-z]+-[a-z]+-\\d"), "its region: " + region);
                assertTrue(health.labels().keySet().containsAll(List.of("compartment", "kind", "role")), health.toString());
                assertTrue(first.stream().anyMatch(x -> x.name().equals("fleetdesk_target_info")
                        && failed.id().equals(x.labels().get("id")) && x.labels().get("reasons").contains("FAILED")),
                        "why, for a dashboard");
                assertTrue(first.stream().anyMatch(x -> x.name().equals("fleetdesk_apply_lag_seconds")
                        && standby.equals(x.labels().get("id")) && x.value() == 42.0 && "STANDBY".equals(x.labels().get("role"))),
                        () -> "the standby's apply lag, in seconds: " + standby + " in " + first.stream()
                                .filter(x -> x.name().equals("fleetdesk_apply_lag_seconds")
                                        || standby.equals(x.labels().get("id"))).toList());
                assertTrue(first.stream().anyMatch(x -> x.name().equals("fleetdesk_backup_age_seconds")));
                assertTrue(first.stream().anyMatch(x -> x.name().equals("fleetdesk_refresh_requests") && x.value() > 0));
                assertTrue(first.stream().noneMatch(x -> x.name().equals("fleetdesk_target_stale") && x.value() == 1),
                        "all fresh");
                String json = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/fleet.json"))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                assertTrue(json.contains("\"reasons\"") && json.contains(failed.id()), json.substring(0, 300));
                // A Prometheus with native histograms asks for protobuf first. The protobuf writer is a
                // jar of its own (prometheus-metrics-exposition-formats): left out to save space, such a
                // scrape fails with 500 and the target goes down. It stays in the build.
                HttpResponse<byte[]> asked = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                        .header("Accept", "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;"
                                + "encoding=delimited;q=0.7,text/plain;version=0.0.4;q=0.3").build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, asked.statusCode(), "a scraper that asks for protobuf");
                String type = asked.headers().firstValue("Content-Type").orElse("");
                assertTrue(type.startsWith("application/vnd.google.protobuf") || type.startsWith("text/plain"), type);
                assertTrue(new String(asked.body(), java.nio.charset.StandardCharsets.ISO_8859_1).contains("fleetdesk_target_health"),
                        "the same metrics, in the format it asked for");

                p.sim.server().faults().regionDown(region, true);
                await("the next scrape shows the targets stale").atMost(Duration.ofSeconds(60))
                        .pollInterval(Duration.ofMillis(500)).until(() -> {
                            List<Sample> now = parse(http.send(metrics, HttpResponse.BodyHandlers.ofString()).body());
                            return now.stream().anyMatch(x -> x.name().equals("fleetdesk_target_stale")
                                    && failed.id().equals(x.labels().get("id")) && x.value() == 1)
                                    && now.stream().anyMatch(x -> x.name().equals("fleetdesk_target_health")
                                    && failed.id().equals(x.labels().get("id")) && x.value() >= 2);
                        });
            } finally {
                serve.interrupt();
                serve.join(30_000);
            }
            assertEquals(0, ended.get().exit(), "stopped cleanly: " + ended.get());
        }
    }
}
