package io.fleetdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code fleetdesk} command as a script runs it: a new JVM per command, start-up included.
 * <ul>
 *   <li>start-up: {@code fleetdesk --version} (JVM and picocli, nothing read);</li>
 *   <li>first output on the demo: {@code fleetdesk --demo fleet health} (the demo's simulator starts
 *       in the command's own process, then one full read);</li>
 *   <li>{@code fleet list} of 1,000 databases at 100 ms latency, against the serial baseline that
 *       {@link FleetRefreshBenchmark} measured in the same Maven run (target/bench/fleet-refresh.json).</li>
 * </ul>
 * The demo's simulator runs inside the measured process, on the same cores: a real tenancy would
 * not cost the client that CPU. Writes target/bench/cli.json. Medians of {@code --runs} (default 3).
 */
public final class CliBenchmark {
    private CliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path dir = Files.createTempDirectory("fleetdesk-cli-bench");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("benchmark", "cli");
        out.put("cores", Runtime.getRuntime().availableProcessors());
        out.put("version_ms", median(time(dir, runs, "--version")));
        out.put("demo_fleet_health_ms", median(time(dir, runs, "--demo", "fleet", "health", "--query", "length(data)")));
        double list1000 = median(time(dir, runs, "--demo", "--demo-size", "1000", "--demo-latency-ms", "100", "fleet",
                "list", "--query", "length(data)"));
        out.put("fleet_list_1000_at_100ms_ms", list1000);
        Path refresh = Path.of("target/bench/fleet-refresh.json");
        if (Files.exists(refresh)) {
            for (JsonNode run : new ObjectMapper().readTree(refresh.toFile()).get("runs")) {
                if (run.get("databases").asInt() == 1000 && run.has("baseline_s")) {
                    double baseline = run.get("baseline_s").asDouble();
                    out.put("serial_baseline_1000_s", baseline);
                    out.put("serial_baseline_kind", run.path("baseline_kind").asText("?"));
                    out.put("speedup_vs_serial_baseline", Math.round(baseline * 1000 / list1000 * 10) / 10.0);
                    out.put("in_process_refresh_1000_s", run.path("full_inventory_s").asDouble());
                    break;
                }
            }
        } else {
            out.put("serial_baseline_1000_s", "not measured: run the fleet-refresh benchmark first (-Pbench does)");
        }
        Path file = Path.of("target/bench/cli.json");
        Files.createDirectories(file.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), out);
        System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(out));
    }

    /** Wall time of each run of one command line in a new JVM, in ms; a run that does not end 0-3 fails the benchmark. */
    private static List<Double> time(Path dir, int runs, String... command) throws IOException, InterruptedException {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--enable-native-access=ALL-UNNAMED", "-Dfleetdesk.home=" + dir.resolve("config"),
                    "-Dfleetdesk.data=" + dir.resolve("data"), "-cp", System.getProperty("java.class.path"),
                    "io.fleetdesk.cli.FleetdeskCli"));
            cmd.addAll(List.of(command));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            long t0 = System.nanoTime();
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() > 3) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            ms.add((System.nanoTime() - t0) / 1e6);
        }
        System.err.println("cli bench: " + String.join(" ", command) + " " + ms);
        return ms;
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return Math.round(s.get(s.size() / 2));
    }
}
