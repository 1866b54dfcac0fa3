package io.fleetdesk.cli;

import io.fleetdesk.model.FleetSnapshot;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code serve}: the poller headless, its readings for Prometheus on {@code /metrics} and the rows
 * with their reasons on {@code /api/fleet.json}, until stopped (Ctrl+C, SIGTERM, systemd).
 */
@Command(name = "serve", description = {"Runs the poller without a window and serves its readings: Prometheus"
        + " metrics on /metrics, every target with its reasons on /api/fleet.json, and /-/healthy.", "",
        "Example:", "  fleetdesk serve --metrics-port 9161 --interval 60"})
final class ServeCommand implements java.util.concurrent.Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--metrics-port", paramLabel = "PORT", description = "The port (default: ${DEFAULT-VALUE}).")
    int port = 9161;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "The address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 for every interface).")
    String bind = "127.0.0.1";

    @Option(names = "--interval", paramLabel = "SECONDS", description = "Between refreshes (default: ${DEFAULT-VALUE}).")
    int intervalSeconds = 60;

    @Override
    public Integer call() throws IOException {
        if (port < 0 || port > 65535) {
            throw CliException.badInput("--metrics-port " + port + " is not a port (1 to 65535)");
        }
        if (intervalSeconds < 5) {
            throw CliException.badInput("--interval " + intervalSeconds + " is too short: 5 seconds at least");
        }
        try (FleetAccess fleet = FleetAccess.open(FleetAccess.options(spec), false)) {
            var poller = fleet.session().poller();
            AtomicLong refreshes = new AtomicLong();
            poller.store().subscribe(u -> refreshes.incrementAndGet());
            PrometheusRegistry registry = new PrometheusRegistry();
            registry.register(new FleetMetrics(() -> poller.store().current(), refreshes::get, () -> {
                FleetSnapshot s = poller.store().current();
                return s.nodes().values().stream().filter(n -> n.kind() == io.fleetdesk.model.NodeKind.REGION)
                        .mapToLong(n -> poller.limit(n.name()) == null ? 0 : poller.limit(n.name()).throttles()).sum();
            }));
            HTTPServer server;
            try {
                server = HTTPServer.builder().hostname(bind).port(port).registry(registry).defaultHandler(exchange -> {
                    byte[] body;
                    int status;
                    String type;
                    if (exchange.getRequestURI().getPath().equals("/api/fleet.json")) {
                        FleetSnapshot s = poller.store().current();
                        Map<String, Object> out = new LinkedHashMap<>();
                        out.put("taken-at", s.takenAt().toString());
                        out.put("data", TargetRow.all(s));
                        body = Output.JSON.writeValueAsBytes(out);
                        status = 200;
                        type = "application/json";
                    } else {
                        body = "Fleetdesk: /metrics (Prometheus), /api/fleet.json (every target with its reasons)\n"
                                .getBytes(StandardCharsets.UTF_8);
                        status = exchange.getRequestURI().getPath().equals("/") ? 200 : 404;
                        type = "text/plain; charset=utf-8";
                    }
                    exchange.getResponseHeaders().set("Content-Type", type);
                    exchange.sendResponseHeaders(status, body.length);
                    try (OutputStream o = exchange.getResponseBody()) {
                        o.write(body);
                    }
                }).buildAndStart();
            } catch (IOException e) {
                throw CliException.badInput("cannot listen on " + bind + ":" + port + " (" + e.getMessage()
                        + "): is another exporter on it? Choose another with --metrics-port.");
            }
            poller.setInterval(Duration.ofSeconds(intervalSeconds));
            poller.start();
            spec.commandLine().getErr().println("fleetdesk: serving " + fleet.session().profile().name() + " on http://"
                    + bind + ":" + server.getPort() + "/metrics and /api/fleet.json, refreshed every " + intervalSeconds
                    + " s; Ctrl+C stops.");
            CountDownLatch stop = new CountDownLatch(1);
            Thread hook = new Thread(stop::countDown, "fleetdesk-serve-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                stop.await();
            } catch (InterruptedException e) {
                // Stopped by whoever runs it in-process (the tests): close below.
                Thread.currentThread().interrupt();
            } finally {
                server.close();
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // Already shutting down: nothing to remove.
                }
            }
            return FleetdeskCli.OK;
        }
    }
}
