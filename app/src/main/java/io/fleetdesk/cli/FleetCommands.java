package io.fleetdesk.cli;

import io.fleetdesk.app.Messages;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code fleet list} and {@code fleet health}: the whole estate read once, as rows. */
@Command(name = "fleet", description = "The whole fleet, read once: every target, or what is not OK.",
        subcommands = {FleetCommands.ListTargets.class, FleetCommands.HealthCheck.class})
final class FleetCommands {
    private FleetCommands() {
    }

    /** Prints {@code {"data": rows}} (the OCI CLI's shape) and, when the read had problems, says so on stderr. */
    static void print(CommandSpec spec, FleetSnapshot s, Object rows) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("data", rows);
        List<Notice> problems = new java.util.ArrayList<>(s.errors());
        if (s.tenancy() != null) {
            problems.addAll(s.tenancy().problems());
        }
        if (!problems.isEmpty()) {
            out.put("problems", problems.stream().map(Messages::of).toList());
        }
        Output.of(spec).print(out);
        if (!problems.isEmpty()) {
            spec.commandLine().getErr().println("fleetdesk: the read had " + problems.size()
                    + " problem(s); the rows they concern are stale or missing (see \"problems\" in the JSON output).");
        }
    }

    /** Which rows: by name, compartment, kind, health. Every filter given must match. */
    static final class RowFilter {
        @Option(names = "--name", split = ",", paramLabel = "NAME",
                description = "Only these targets: name, DB unique name or OCID (case-insensitive).")
        List<String> names;

        @Option(names = "--compartment", paramLabel = "PATH",
                description = "Only targets in this compartment and below it (its path, e.g. acme-demo/prod).")
        String compartment;

        @Option(names = "--kind", split = ",", paramLabel = "KIND",
                description = "Only these kinds: ${COMPLETION-CANDIDATES}.")
        Set<NodeKind> kinds;

        @Option(names = "--health", split = ",", paramLabel = "HEALTH",
                description = "Only these health values: ${COMPLETION-CANDIDATES}.")
        Set<Health> health;

        boolean any() {
            return names != null || compartment != null || kinds != null || health != null;
        }

        boolean test(TargetRow r) {
            return (names == null || names.stream().anyMatch(n -> n.equalsIgnoreCase(r.name())
                    || n.equalsIgnoreCase(r.dbUniqueName()) || n.equals(r.id())))
                    && (compartment == null || (r.compartmentPath() != null && (r.compartmentPath().equals(compartment)
                    || r.compartmentPath().startsWith(compartment + "/"))))
                    && (kinds == null || kinds.contains(NodeKind.valueOf(r.kind())))
                    && (health == null || health.contains(Health.valueOf(r.health())));
        }
    }

    @Command(name = "list", description = {"Every target as rows: region, compartment path, kind, name, state, role,"
            + " lag, health, reasons, OCIDs.", "", "Example:",
            "  fleetdesk --demo fleet list --query \"data[?role=='STANDBY'].{name: name, lag: \\\"apply-lag\\\"}\""})
    static final class ListTargets implements Runnable {
        @Spec
        CommandSpec spec;

        @Mixin
        RowFilter filter;

        @Override
        public void run() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetSnapshot s = fleet.read();
                List<TargetRow> rows = TargetRow.all(s).stream().filter(filter::test).toList();
                print(spec, s, rows);
            }
        }
    }

    @Command(name = "health", description = {"Only the targets that are not OK, with why. The exit code is the worst"
            + " health, as a Nagios or Icinga check reads it: 0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN.", "",
            "Example (cron: mail when something is wrong):",
            "  fleetdesk fleet health --output table || mail -s 'fleet not OK' dba@example.com"})
    static final class HealthCheck implements java.util.concurrent.Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        RowFilter filter;

        @Override
        public Integer call() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetSnapshot s = fleet.read();
                List<TargetRow> chosen = TargetRow.all(s).stream().filter(filter::test).toList();
                if (filter.names != null && chosen.isEmpty()) {
                    throw CliException.badInput("no target is named " + String.join(", ", filter.names)
                            + "; 'fleetdesk fleet list --query \"data[].name\"' lists them");
                }
                List<TargetRow> notOk = chosen.stream().filter(r -> !r.health().equals(Health.OK.name())).toList();
                print(spec, s, notOk);
                Health worst = TargetRow.worst(notOk);
                if (!filter.any() && !s.errors().isEmpty()) {
                    // The refresh itself had problems: what could not be read is not known to be OK.
                    worst = worst.worst(Health.UNKNOWN);
                }
                return exitCode(worst);
            }
        }

        /** Nagios plugin codes. */
        static int exitCode(Health worst) {
            return switch (worst) {
                case OK -> 0;
                case WARNING -> 1;
                case CRITICAL -> 2;
                case UNKNOWN -> 3;
            };
        }
    }
}
