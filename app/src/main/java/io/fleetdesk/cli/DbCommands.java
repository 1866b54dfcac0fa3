package io.fleetdesk.cli;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code db get}: one database with every field the window's details pane shows. */
@Command(name = "db", description = "One database.", subcommands = DbCommands.Get.class)
final class DbCommands {
    private DbCommands() {
    }

    @Command(name = "get", description = {"A database by OCID, DB unique name or name: its row, every field, and"
            + " its Data Guard peers.", "", "Example:", "  fleetdesk --demo db get PAY177_nrt1 --output table"})
    static final class Get implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATABASE", description = "OCID, DB unique name or name (case-insensitive).")
        String database;

        @Override
        public void run() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetNode n = fleet.database(database);
                FleetSnapshot s = fleet.read();
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("target", TargetRow.of(s, n));
                data.put("details", TargetRow.details(n));
                if (n.dataGuard() != null) {
                    data.put("peers", n.dataGuard().peerDatabaseIds().stream().map(id -> {
                        FleetNode p = s.node(id);
                        return p == null ? Map.of("id", id) : TargetRow.of(s, p);
                    }).toList());
                }
                Output.of(spec).data(data);
            }
        }
    }
}
