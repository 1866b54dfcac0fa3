package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.fleetdesk.app.Messages;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardPrechecks;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.OperationLocks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code dg status}, {@code dg validate} and the three operations, the wizard's workflow without a window. */
@Command(name = "dg", description = "Data Guard: the pairs, the wizard's pre-checks, switchover, failover, reinstate.",
        subcommands = {DgCommands.Status.class, DgCommands.Validate.class, DgCommands.Switchover.class,
                DgCommands.Failover.class, DgCommands.Reinstate.class})
final class DgCommands {
    private DgCommands() {
    }

    /** A pre-check as printed: its id, title, verdict, what was measured and what to do. */
    @JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
    record CheckRow(String id, String title, String verdict, String measured, String advice) {
        static List<CheckRow> of(DataGuardPrechecks.Result r) {
            return r.checks().stream().map(c -> new CheckRow(c.id(), Messages.of(c.title()), c.verdict().name(),
                    Messages.of(c.measured()), c.advice() == null ? null : Messages.of(c.advice()))).toList();
        }
    }

    /** The operation as offered on a database; not offered is "not done" with the reason. */
    static DataGuardActions.Offer offer(FleetAccess fleet, Kind kind, FleetNode db, OperationLocks locks) {
        if (db.kind() == NodeKind.AUTONOMOUS_DATABASE) {
            throw CliException.badInput(db.name() + " is an Autonomous Database: its switchover and failover are in"
                    + " the window's Data Guard wizard (Ctrl+Shift+S / F); this command acts on Base and Exadata databases.");
        }
        if (db.kind() != NodeKind.DATABASE) {
            throw CliException.badInput(db.name() + " is a direct connection: Data Guard operations are sent to"
                    + " OCI, on the database OCI shows (link the connection to it in the window).");
        }
        DataGuardActions.Offer o = DataGuardActions.offer(kind, fleet.read(), db.id(), locks);
        if (!o.available()) {
            throw CliException.notDone(kind.name().toLowerCase(java.util.Locale.ROOT) + " on " + db.name()
                    + " is not offered: " + Messages.of(o.reason()));
        }
        return o;
    }

    /** The wizard's pre-checks of an offered operation, read now (OCI, and SQL over linked direct connections). */
    static DataGuardPrechecks.Result precheck(FleetAccess fleet, DataGuardActions.Offer o) {
        FleetSnapshot s = fleet.read();
        return DataGuardPrechecks.check(o.kind(), o.actedId(), o.peerId(),
                fleet.session().operations(s.regionOf(o.actedId())), fleet.session().operations(s.regionOf(o.peerId())),
                fleet.direct()::readLinked, fleet.settings().healthRules().applyLagWarning());
    }

    @Command(name = "status", description = {"Every Data Guard member: role, peer, protection mode, lags, readiness,"
            + " health.", "", "Example:", "  fleetdesk --demo dg status --output table"})
    static final class Status implements Runnable {
        @Spec
        CommandSpec spec;

        @Override
        public void run() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                FleetSnapshot s = fleet.read();
                List<Map<String, Object>> rows = TargetRow.all(s).stream().filter(r -> r.role() != null).map(r -> {
                    FleetNode n = s.node(r.id());
                    var dg = n.dataGuard();
                    Map<String, Object> m = new java.util.LinkedHashMap<>();
                    m.put("region", r.region());
                    m.put("name", r.name());
                    m.put("role", r.role());
                    m.put("peer", dg.peerDatabaseIds().stream().map(id -> s.node(id) == null ? id : s.node(id).name())
                            .toList());
                    m.put("protection-mode", dg.protectionMode());
                    m.put("transport-type", dg.transportType());
                    m.put("apply-lag", dg.applyLag());
                    m.put("apply-lag-seconds", r.applyLagSeconds());
                    m.put("transport-lag", dg.transportLag());
                    m.put("switchover-readiness", dg.switchoverReadiness());
                    m.put("health", r.health());
                    m.put("reasons", r.reasons());
                    m.put("id", r.id());
                    return m;
                }).toList();
                FleetCommands.print(spec, s, rows);
            }
        }
    }

    @Command(name = "validate", description = {"The wizard's pre-checks for an operation on a database, read now."
            + " Exit 0 when it may go ahead (warnings included), 1 when a check fails.", "", "Example:",
            "  fleetdesk --demo dg validate PAY177_iad1 --output table"})
    static final class Validate implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATABASE", description = "OCID, DB unique name or name.")
        String database;

        @Option(names = "--operation", paramLabel = "KIND", description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Kind kind = Kind.SWITCHOVER;

        @Override
        public Integer call() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                DataGuardActions.Offer o = offer(fleet, kind, fleet.database(database), new OperationLocks());
                DataGuardPrechecks.Result r = precheck(fleet, o);
                Output.of(spec).data(CheckRow.of(r));
                return r.blocked() ? FleetdeskCli.NOT_DONE : FleetdeskCli.OK;
            }
        }
    }

    @Command(name = "switchover", description = {"A switchover, as the wizard does it: pre-checks must pass, the DB"
            + " name typed, audited before and after, followed to the end and verified.", "", "Example:",
            "  fleetdesk dg switchover PAY177_iad1 --confirm PAY177 --password-env DG_ADMIN_PASSWORD"
                    + " --wait-for-state SUCCEEDED"})
    static final class Switchover extends DataGuardOperation {
        Switchover() {
            super(Kind.SWITCHOVER);
        }
    }

    @Command(name = "failover", description = {"A failover to the standby (data may be lost), as the wizard does it.",
            "", "Example:", "  fleetdesk dg failover PAY177_nrt1 --confirm PAY177 --password-stdin < pw.txt"})
    static final class Failover extends DataGuardOperation {
        Failover() {
            super(Kind.FAILOVER);
        }
    }

    @Command(name = "reinstate", description = {"Reinstates a disabled standby after a failover.", "", "Example:",
            "  fleetdesk dg reinstate PAY177_iad1 --confirm PAY177 --password-env DG_ADMIN_PASSWORD"})
    static final class Reinstate extends DataGuardOperation {
        Reinstate() {
            super(Kind.REINSTATE);
        }
    }

    /** The three operations share one run: offered, confirmed, pre-checked, sent, followed, verified. */
    abstract static class DataGuardOperation implements Callable<Integer> {
        private final Kind kind;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "DATABASE", description = "The database to act on: OCID, DB unique name or name.")
        String database;

        @Option(names = "--confirm", required = true, paramLabel = "DB_NAME",
                description = "The primary's DB name, typed as in the wizard: nothing is sent without it.")
        String confirm;

        @Option(names = "--accept-warnings", description = "Go ahead when a pre-check warns (a FAIL never goes ahead).")
        boolean acceptWarnings;

        @Option(names = "--wait-for-state", split = ",", paramLabel = "STATE",
                description = "The end that counts as success: SUCCEEDED (default), FAILED, UNKNOWN.")
        List<String> waitFor = List.of("SUCCEEDED");

        @Option(names = "--max-wait-seconds", paramLabel = "N",
                description = "Stop following after N seconds (default: ${DEFAULT-VALUE}); it continues in OCI.")
        int maxWaitSeconds = 3600;

        @Mixin
        Passwords passwords;

        DataGuardOperation(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Integer call() {
            try (FleetAccess fleet = FleetAccess.open(spec)) {
                return new OperationRun(spec, fleet, kind, database, confirm, acceptWarnings, waitFor, maxWaitSeconds,
                        passwords).call();
            }
        }
    }
}
