package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.fleetdesk.app.Messages;
import io.fleetdesk.model.Backup;
import io.fleetdesk.model.BackupConfig;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.BackupsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.ops.BackupOperations;
import io.fleetdesk.ops.OperationLocks;
import io.fleetdesk.ops.RestorePoints;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** {@code backup list|create|restore}: the Backups dialog's reads and actions, with the same checks. */
@Command(name = "backup", description = "A database's backups: list, create, restore.",
        subcommands = {BackupCommands.ListBackups.class, BackupCommands.Create.class, BackupCommands.Restore.class})
final class BackupCommands {
    private BackupCommands() {
    }

    /** A backup as printed. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record BackupRow(String displayName, String type, String lifecycleState, String lifecycleDetails, String timeStarted,
                     String timeEnded, Double sizeGb, Integer retentionDays, boolean automatic, String id) {
        static BackupRow of(Backup b) {
            return new BackupRow(b.displayName(), b.type(), b.lifecycleState(), b.lifecycleDetails(), text(b.started()),
                    text(b.ended()), b.sizeGb(), b.retentionDays(), b.automatic(), b.id());
        }

        private static String text(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    /** A database of the OCI tree (backups are an OCI service), or bad input. */
    static FleetNode ociDatabase(FleetAccess fleet, String ref) {
        FleetNode db = fleet.database(ref);
        if (db.kind() == NodeKind.AUTONOMOUS_DATABASE) {
            throw CliException.badInput(db.name() + " is an Autonomous Database: its backups are in the window's"
                    + " Backups dialog (Ctrl+B); this command acts on Base and Exadata databases.");
        }
        if (db.kind() != NodeKind.DATABASE) {
            throw CliException.badInput(db.name() + " is a direct connection: its backups are not OCI's.");
        }
        return db;
    }

    static BackupsApi api(FleetAccess fleet, FleetNode db) {
        return fleet.session().backups(fleet.read().regionOf(db.id()));
    }

    @Command(name = "list", description = {"A database's backups, newest first, and its automatic backup settings.",
            "", "Example:", "  fleetdesk --demo backup list AP130_iad1 --output table --query \"data.backups\""})
    static final class ListBackups implements Runnable {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATABASE", description = "OCID, DB unique name or name.")
        String database;

        @Override
        public void run() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetNode db = ociDatabase(fleet, database);
                BackupsApi api = api(fleet, db);
                List<Backup> all;
                BackupConfig config;
                try {
                    all = api.list(db.id());
                    config = api.config(db.id());
                } catch (OciApiException e) {
                    throw CliException.notDone(Messages.get("bk.loadFailed", Messages.of(e.notice())));
                }
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("database", db.name());
                data.put("automatic-backups", config == null ? null : Map.of("enabled", config.autoBackupEnabled(),
                        "window", String.valueOf(config.windowText()), "recovery-window-days",
                        String.valueOf(config.recoveryWindowDays()), "destination", String.valueOf(config.destination())));
                data.put("backups", all.stream().sorted(Comparator.comparing(Backup::started,
                        Comparator.nullsLast(Comparator.reverseOrder()))).map(BackupRow::of).toList());
                Output.of(spec).data(data);
            }
        }
    }

    /** Runs one action through {@link BackupOperations} (audited, followed to the end) and prints how it ended. */
    static int act(CommandSpec spec, FleetAccess fleet, FleetNode db,
                   BiFunction<BackupOperations, Consumer<BackupOperations.Progress>, BackupOperations.Progress> action) {
        PrintWriter err = spec.commandLine().getErr();
        fleet.settleUnfinished(err);
        var p = fleet.session().profile();
        BackupOperations ops = new BackupOperations(api(fleet, db), fleet.audit(), new OperationLocks(),
                new BackupOperations.Actor(p.name(), p.userId()), FleetAccess.poll());
        boolean terminal = Passwords.terminal();
        BackupOperations.Progress end;
        try (AutoCloseable held = fleet.session().operation()) {
            end = action.apply(ops, x -> {
                if (terminal) {
                    err.println(x.kind().name().toLowerCase(Locale.ROOT) + ": " + x.state()
                            + (x.serviceStatus() == null ? "" : " (" + x.serviceStatus() + ")")
                            + " " + Math.round(x.percentComplete()) + " %");
                }
            });
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", end.kind().name());
        data.put("database", db.name());
        data.put("state", end.state().name());
        data.put("work-request-status", end.serviceStatus());
        data.put("work-request-id", end.workRequestId());
        data.put("opc-request-id", end.opcRequestId());
        data.put("message", end.message() == null ? null : Messages.of(end.message()));
        data.put("audit-unrecorded", end.unrecorded() == null ? null : Messages.of(end.unrecorded()));
        Output.of(spec).data(data);
        if (!end.succeeded() && end.message() != null) {
            err.println("fleetdesk: " + Messages.of(end.message()));
        }
        return end.succeeded() ? FleetdeskCli.OK : FleetdeskCli.NOT_DONE;
    }

    @Command(name = "create", description = {"An on-demand full backup, followed to its end and audited.", "",
            "Example:", "  fleetdesk --demo backup create AP130_iad1 --name \"before patch 19.29\" --retention-days 30"})
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATABASE", description = "OCID, DB unique name or name.")
        String database;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The backup's display name.")
        String name;

        @Option(names = "--retention-days", paramLabel = "DAYS",
                description = "Keep it this many days (default: the database's recovery window).")
        Integer retentionDays;

        @Override
        public Integer call() {
            if (name.isBlank()) {
                throw CliException.badInput("--name is empty: give the backup a name you will recognise");
            }
            if (retentionDays != null && (retentionDays < 1 || retentionDays > 3650)) {
                throw CliException.badInput("--retention-days " + retentionDays + " is not 1 to 3650");
            }
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetNode db = ociDatabase(fleet, database);
                return act(spec, fleet, db, (ops, tell) -> ops.create(db.id(), db.name(), name.strip(), retentionDays, tell));
            }
        }
    }

    /** Exactly one restore point. */
    static final class Point {
        @Option(names = "--latest", required = true, description = "The latest backup, then all the redo there is.")
        boolean latest;

        @Option(names = "--timestamp", required = true, paramLabel = "UTC",
                description = "A point in time, UTC, yyyy-MM-dd HH:mm[:ss], inside the recovery window.")
        String timestamp;

        @Option(names = "--scn", required = true, paramLabel = "SCN", description = "A system change number.")
        String scn;
    }

    @Command(name = "restore", description = {"Restores a database (it rewinds it): the DB name typed as in the"
            + " dialog, the point checked as the dialog checks it, followed to the end and audited.", "", "Example:",
            "  fleetdesk --demo backup restore AP130_iad1 --scn 2847561 --confirm AP130"})
    static final class Restore implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATABASE", description = "OCID, DB unique name or name.")
        String database;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Point point;

        @Option(names = "--confirm", required = true, paramLabel = "DB_NAME",
                description = "The database's DB name, typed: nothing is sent without it.")
        String confirm;

        @Override
        public Integer call() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetNode db = ociDatabase(fleet, database);
                if (!confirm.trim().equalsIgnoreCase(db.dbName())) {
                    throw CliException.badInput("--confirm " + confirm + " is not the DB name of " + db.name()
                            + ": type " + db.dbName() + " to confirm. Nothing was sent.");
                }
                RestorePoints.RestoreInput in;
                if (point.latest) {
                    in = new RestorePoints.Valid(new BackupsApi.Latest());
                } else if (point.scn != null) {
                    in = RestorePoints.scn(point.scn);
                } else {
                    BackupConfig c = api(fleet, db).config(db.id());
                    int window = c == null || c.recoveryWindowDays() == null ? 30 : c.recoveryWindowDays();
                    in = RestorePoints.timestamp(point.timestamp, Instant.now(), window);
                }
                if (in instanceof RestorePoints.Invalid bad) {
                    throw CliException.badInput(Messages.of(bad.why()));
                }
                BackupsApi.RestorePoint to = ((RestorePoints.Valid) in).point();
                return act(spec, fleet, db, (ops, tell) -> ops.restore(db.id(), db.name(), db.dbName(), confirm, to, tell));
            }
        }
    }
}
