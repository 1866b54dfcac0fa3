package io.fleetdesk.cli;

import io.fleetdesk.model.FleetSnapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code export inventory} (CSV or JSON of the fleet) and {@code export terraform} (DB systems as HCL or JSON). */
@Command(name = "export", description = "The fleet as an inventory file, or DB systems as Terraform.",
        subcommands = {ExportCommands.Inventory.class, ExportCommands.Terraform.class})
final class ExportCommands {
    private ExportCommands() {
    }

    /** Writes text to the file, or to stdout without one. */
    static void write(CommandSpec spec, Path file, String text) {
        if (file == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
            return;
        }
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("fleetdesk: wrote " + file.toAbsolutePath());
        } catch (IOException e) {
            throw CliException.badInput("cannot write " + file + ": " + e.getMessage());
        }
    }

    @Command(name = "inventory", description = {"Every target with its fields, as CSV (one row per target, for a"
            + " spreadsheet) or JSON.", "", "Example:", "  fleetdesk --demo export inventory --format csv --file fleet.csv"})
    static final class Inventory implements Runnable {
        enum Format { csv, json }

        @Spec
        CommandSpec spec;

        @Option(names = "--format", paramLabel = "FORMAT", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Format format = Format.csv;

        @Option(names = "--file", paramLabel = "FILE", description = "Write here instead of stdout.")
        Path file;

        @Override
        public void run() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetSnapshot s = fleet.read();
                List<TargetRow> rows = TargetRow.all(s);
                String text;
                if (format == Format.json) {
                    try {
                        text = Output.JSON.writeValueAsString(Map.of("data", rows)) + System.lineSeparator();
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                } else {
                    text = Csv.of(rows);
                }
                write(spec, file, text);
            }
        }
    }

    @Command(name = "terraform", description = {"Selected DB systems and their databases as Terraform for the OCI"
            + " provider (oci_database_db_system, oci_database_database): a starting point to bring them under"
            + " Terraform. Passwords, SSH keys and subnets are variables, never values.", "", "Example:",
            "  fleetdesk --demo export terraform --db-system payments-dbsys-135 --format tf > payments.tf"})
    static final class Terraform implements Runnable {
        enum Format { tf, json }

        @Spec
        CommandSpec spec;

        @Option(names = "--db-system", required = true, split = ",", paramLabel = "NAME",
                description = "The DB systems to export, by display name or OCID; 'all' for every one.")
        List<String> systems;

        @Option(names = "--format", paramLabel = "FORMAT",
                description = "tf (HCL, a .tf file) or json (a .tf.json file) (default: ${DEFAULT-VALUE}).")
        Format format = Format.tf;

        @Option(names = "--file", paramLabel = "FILE", description = "Write here instead of stdout.")
        Path file;

        @Override
        public void run() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                TerraformExport export = TerraformExport.of(fleet.read(), systems);
                write(spec, file, format == Format.json ? export.json() : export.hcl());
            }
        }
    }

    /** RFC 4180 CSV of the target rows, with a header. */
    static final class Csv {
        private Csv() {
        }

        static String of(List<TargetRow> rows) {
            StringWriter w = new StringWriter();
            PrintWriter p = new PrintWriter(w);
            p.print("region,compartment_path,kind,name,db_unique_name,lifecycle_state,role,apply_lag_seconds,"
                    + "transport_lag,protection_mode,last_backup,health,reasons,stale,id,parent_id\r\n");
            for (TargetRow r : rows) {
                p.print(String.join(",", List.of(q(r.region()), q(r.compartmentPath()), q(r.kind()), q(r.name()),
                        q(r.dbUniqueName()), q(r.lifecycleState()), q(r.role()),
                        q(r.applyLagSeconds() == null ? null : r.applyLagSeconds().toString()), q(r.transportLag()),
                        q(r.protectionMode()), q(r.lastBackup()), q(r.health()), q(String.join("; ", r.reasons())),
                        q(Boolean.toString(r.stale())), q(r.id()), q(r.parentId()))) + "\r\n");
            }
            p.flush();
            return w.toString();
        }

        /** A field, quoted when it needs it; a leading = + - @ is prefixed with ' so a spreadsheet never runs it. */
        static String q(String v) {
            if (v == null) {
                return "";
            }
            String s = !v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 ? "'" + v : v;
            return s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")
                    ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
        }
    }
}
