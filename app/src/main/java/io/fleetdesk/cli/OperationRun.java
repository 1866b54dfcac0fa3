package io.fleetdesk.cli;

import io.fleetdesk.app.Messages;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.ops.DataGuardActions;
import io.fleetdesk.ops.DataGuardPrechecks;
import io.fleetdesk.ops.DataGuardWorkflow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.OperationInProgressException;
import io.fleetdesk.ops.OperationLocks;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One switchover, failover or reinstate from the command line, the wizard's workflow step by step:
 * offered on the database, the DB name typed, the pre-checks read now (a FAIL stops it, a WARN needs
 * {@code --accept-warnings}), the password read (never from an argument), then {@link DataGuardWorkflow}
 * (audited before and after, one operation per pair) followed to the end and verified.
 */
final class OperationRun {
    private final CommandSpec spec;
    private final FleetAccess fleet;
    private final Kind kind;
    private final String database;
    private final String confirm;
    private final boolean acceptWarnings;
    private final List<String> successStates;
    private final int maxWaitSeconds;
    private final Passwords passwords;

    OperationRun(CommandSpec spec, FleetAccess fleet, Kind kind, String database, String confirm, boolean acceptWarnings,
                 List<String> successStates, int maxWaitSeconds, Passwords passwords) {
        this.spec = spec;
        this.fleet = fleet;
        this.kind = kind;
        this.database = database;
        this.confirm = confirm;
        this.acceptWarnings = acceptWarnings;
        this.successStates = successStates.stream().map(s -> s.trim().toUpperCase(Locale.ROOT)).toList();
        this.maxWaitSeconds = maxWaitSeconds;
        this.passwords = passwords;
    }

    int call() {
        for (String s : successStates) {
            if (!List.of("SUCCEEDED", "FAILED", "UNKNOWN").contains(s)) {
                throw CliException.badInput("--wait-for-state " + s + " is not an end state: SUCCEEDED, FAILED or UNKNOWN");
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        fleet.settleUnfinished(err);
        OperationLocks locks = new OperationLocks();
        FleetNode db = fleet.database(database);
        DataGuardActions.Offer o = DgCommands.offer(fleet, kind, db, locks);
        FleetSnapshot s = fleet.read();
        FleetNode acted = s.node(o.actedId());
        FleetNode peer = s.node(o.peerId());
        FleetNode primary = kind == Kind.SWITCHOVER ? acted : peer;
        String confirmName = primary.dbName();
        if (confirm == null || !confirm.trim().equalsIgnoreCase(confirmName)) {
            throw CliException.badInput("--confirm " + confirm + " is not the DB name of the primary " + primary.name()
                    + ": type " + confirmName + " to confirm. Nothing was sent.");
        }
        DataGuardPrechecks.Result checks = DgCommands.precheck(fleet, o);
        var failed = checks.checks().stream().filter(c -> c.verdict() == DataGuardPrechecks.Verdict.FAIL).findFirst();
        var warned = checks.checks().stream().filter(c -> c.verdict() == DataGuardPrechecks.Verdict.WARN).findFirst();
        if (failed.isPresent() || (warned.isPresent() && !acceptWarnings)) {
            Output.of(spec).data(DgCommands.CheckRow.of(checks));
            var c = failed.orElseGet(warned::get);
            throw CliException.notDone("not sent: the pre-check \"" + Messages.of(c.title()) + "\" "
                    + (failed.isPresent() ? "failed" : "warns") + ": " + Messages.of(c.measured())
                    + (c.advice() == null ? "" : ". " + Messages.of(c.advice()))
                    + (failed.isPresent() ? "" : " Pass --accept-warnings to go ahead."));
        }
        char[] password = passwords.read("The SYS password of " + primary.name());
        DataGuardWorkflow w;
        try {
            var p = fleet.session().profile();
            w = new DataGuardWorkflow(kind, new DataGuardWorkflow.Target(acted.id(), peer.id(), acted.name(), peer.name(),
                    confirmName, p.name(), p.userId()), fleet.session().operations(s.regionOf(acted.id())), fleet.audit(),
                    locks, id -> {
                        var dg = fleet.session().operations(s.regionOf(id)).database(id).dataGuard();
                        return dg == null ? null : dg.role();
                    }, new DataGuardWorkflow.Timing(FleetAccess.poll(), Duration.ofSeconds(Math.max(1, maxWaitSeconds))));
        } catch (OperationInProgressException e) {
            java.util.Arrays.fill(password, '\0');
            throw CliException.notDone(Messages.of(e.notice()));
        }
        boolean terminal = Passwords.terminal();
        w.onProgress(p -> {
            if (terminal) {
                // Progress for a person at a terminal, on stderr; a pipe gets only the result.
                err.println(kind.name().toLowerCase(Locale.ROOT) + ": " + p.state()
                        + (p.state() == DataGuardWorkflow.State.IN_PROGRESS ? " " + Math.round(p.percentComplete()) + " %" : ""));
            }
        });
        w.confirm(confirm);
        // The session's clients stay open while it runs, even past --max-wait-seconds: the process exits
        // then, and the outcome is left for the next start to find (a closed client would end it UNKNOWN).
        AutoCloseable held = fleet.session().operation();
        CompletableFuture<DataGuardWorkflow.Progress> end = CompletableFuture.supplyAsync(() -> {
            try (held) {
                return w.run(password);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, runnable -> Thread.ofPlatform().name("fleetdesk-" + kind).start(runnable));
        DataGuardWorkflow.Progress last;
        boolean ended = true;
        try {
            last = end.get(maxWaitSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            last = w.progress();
            ended = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            last = w.progress();
            ended = false;
        } catch (ExecutionException e) {
            throw new IllegalStateException("the " + kind + " failed inside Fleetdesk", e.getCause());
        }
        String endState = last.state() == DataGuardWorkflow.State.DONE ? "SUCCEEDED" : last.state().name();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("operation", kind.name());
        data.put("database", acted.name());
        data.put("peer", peer.name());
        data.put("state", ended ? endState : "IN_PROGRESS");
        data.put("work-request-id", last.workRequestId());
        data.put("opc-request-id", last.opcRequestId());
        data.put("percent-complete", last.percentComplete());
        data.put("message", last.message() == null ? null : Messages.of(last.message()));
        data.put("audit-unrecorded", last.unrecorded() == null ? null : Messages.of(last.unrecorded()));
        Output.of(spec).data(data);
        if (!ended) {
            err.println("fleetdesk: still running after " + maxWaitSeconds + " s; it continues in OCI (work request "
                    + last.workRequestId() + "). Fleetdesk records how it ended at its next start, window or command.");
            return FleetdeskCli.NOT_DONE;
        }
        return successStates.contains(endState) ? FleetdeskCli.OK : FleetdeskCli.NOT_DONE;
    }
}
