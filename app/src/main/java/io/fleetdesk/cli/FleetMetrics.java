package io.fleetdesk.cli;

import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.oci.LagText;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The fleet as Prometheus metrics, built from the latest snapshot at each scrape (a target that left
 * the fleet leaves the metrics with it). Every target metric has the labels region, compartment
 * (its path), kind, name, role and id (the OCID); docs/cli.md lists them with a query for each.
 */
final class FleetMetrics implements MultiCollector {
    /** {@code id} (the OCID) too: two PDBs named PDB1 in one compartment must not be one series. */
    private static final String[] LABELS = {"region", "compartment", "kind", "name", "role", "id"};

    private final Supplier<FleetSnapshot> snapshot;
    private final LongSupplier refreshes;
    private final LongSupplier throttled;

    /**
     * @param refreshes how many refreshes have been published since the start
     * @param throttled how many requests OCI has answered 429 since the start
     */
    FleetMetrics(Supplier<FleetSnapshot> snapshot, LongSupplier refreshes, LongSupplier throttled) {
        this.snapshot = snapshot;
        this.refreshes = refreshes;
        this.throttled = throttled;
    }

    /** The Nagios code of a health: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN. */
    static int code(Health h) {
        return FleetCommands.HealthCheck.exitCode(h);
    }

    @Override
    public MetricSnapshots collect() {
        FleetSnapshot s = snapshot.get();
        Instant now = Instant.now();
        GaugeSnapshot.Builder health = gauge("fleetdesk_target_health",
                "Health of a target: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN (stale counts as UNKNOWN).");
        GaugeSnapshot.Builder stale = gauge("fleetdesk_target_stale",
                "1 when the last read of a target failed and its values are the last known ones.");
        GaugeSnapshot.Builder state = gauge("fleetdesk_target_lifecycle_state",
                "1 for a target's lifecycle state as OCI (or the database) reports it, in the state label.");
        GaugeSnapshot.Builder info = gauge("fleetdesk_target_info",
                "1 per target, with its health and reasons (in words, '; '-separated) as labels.");
        GaugeSnapshot.Builder applyLag = gauge("fleetdesk_apply_lag_seconds", "A standby's apply lag.");
        GaugeSnapshot.Builder transportLag = gauge("fleetdesk_transport_lag_seconds", "A standby's transport lag.");
        GaugeSnapshot.Builder backupAge = gauge("fleetdesk_backup_age_seconds",
                "Time since a database's last successful backup ended.");
        for (TargetRow r : TargetRow.all(s)) {
            String[] v = {nz(r.region()), nz(r.compartmentPath()), r.kind(), r.name(), nz(r.role()), r.id()};
            Labels l = Labels.of(LABELS, v);
            health.dataPoint(point(l, code(Health.valueOf(r.health()))));
            stale.dataPoint(point(l, r.stale() ? 1 : 0));
            if (r.lifecycleState() != null) {
                state.dataPoint(point(l.add("state", r.lifecycleState()), 1));
            }
            info.dataPoint(point(l.add("health", r.health()).add("reasons", String.join("; ", r.reasons())), 1));
            if (r.applyLagSeconds() != null && "STANDBY".equals(r.role())) {
                applyLag.dataPoint(point(l, r.applyLagSeconds()));
            }
            long transport = r.transportLag() == null ? -1 : LagText.seconds(r.transportLag());
            if (transport >= 0 && "STANDBY".equals(r.role())) {
                transportLag.dataPoint(point(l, transport));
            }
            FleetNode n = s.node(r.id());
            if (n != null && n.details().get(Detail.LAST_BACKUP) instanceof Instant last) {
                backupAge.dataPoint(point(l, Math.max(0, now.getEpochSecond() - last.getEpochSecond())));
            }
        }
        List<io.prometheus.metrics.model.snapshots.MetricSnapshot> all = new ArrayList<>(List.of(health.build(),
                stale.build(), state.build(), info.build(), applyLag.build(), transportLag.build(), backupAge.build()));
        all.add(gauge("fleetdesk_refresh_duration_seconds", "How long the last refresh of the fleet took.")
                .dataPoint(point(Labels.EMPTY, s.refreshDuration().toMillis() / 1000.0)).build());
        all.add(gauge("fleetdesk_refresh_requests", "Requests the last refresh sent to OCI.")
                .dataPoint(point(Labels.EMPTY, s.requests())).build());
        all.add(gauge("fleetdesk_refresh_errors", "Problems the last refresh had (a refused list, a region down).")
                .dataPoint(point(Labels.EMPTY, s.errors().size() + (s.tenancy() == null ? 0 : s.tenancy().problems().size())))
                .build());
        all.add(gauge("fleetdesk_refresh_timestamp_seconds", "When the last refresh was taken (Unix time).")
                .dataPoint(point(Labels.EMPTY, s.takenAt().getEpochSecond())).build());
        all.add(counter("fleetdesk_refreshes", "Refreshes published since the start.", refreshes.getAsLong()));
        all.add(counter("fleetdesk_throttled_requests", "Requests OCI answered 429 (too many requests) since the start.",
                throttled.getAsLong()));
        return MetricSnapshots.of(all.toArray(io.prometheus.metrics.model.snapshots.MetricSnapshot[]::new));
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static GaugeSnapshot.Builder gauge(String name, String help) {
        return GaugeSnapshot.builder().name(name).help(help);
    }

    private static GaugeSnapshot.GaugeDataPointSnapshot point(Labels l, double v) {
        return GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(l).value(v).build();
    }

    private static CounterSnapshot counter(String name, String help, long v) {
        return CounterSnapshot.builder().name(name).help(help).dataPoint(
                CounterSnapshot.CounterDataPointSnapshot.builder().value(v).build()).build();
    }
}
