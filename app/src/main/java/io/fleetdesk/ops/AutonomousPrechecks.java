package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.AutonomousOperationsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.Rows;
import io.fleetdesk.oci.WorkRequestsApi.WorkOn;
import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardPrechecks.Result;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The pre-checks of an Autonomous Data Guard operation, from what the service says now: roles, lifecycle
 * states (an Autonomous standby peer is STANDBY when well), the standby's state and lag, and work requests
 * in flight on either side. Same verdicts as {@link DataGuardPrechecks}: a FAIL blocks, a WARN needs the
 * DBA's acknowledgement. There is no admin password to check: Autonomous Data Guard needs none.
 */
public final class AutonomousPrechecks {
    private AutonomousPrechecks() {
    }

    /**
     * An Autonomous Database pair: with its local standby (the peer id is a {@link AutonomousPairs#localStandbyId})
     * or a cross-region peer. Blocking; never throws: a failed read is a FAIL.
     */
    public static Result autonomousDatabase(Kind kind, String actedId, String peerId,
                                            Function<String, AutonomousOperationsApi> apiOf, Duration lagThreshold) {
        List<Check> out = new ArrayList<>();
        boolean local = AutonomousPairs.isLocalStandby(peerId);
        Rows.AutonomousDatabaseRow acted = read(out, () -> apiOf.apply(actedId).autonomousDatabase(actedId), actedId);
        Rows.AutonomousDatabaseRow peer = local ? acted
                : read(out, () -> apiOf.apply(peerId).autonomousDatabase(peerId), peerId);
        if (acted == null || peer == null) {
            return new Result(null, out);
        }
        String actedName = name(acted);
        var g = acted.dataGuard();
        String actedRole = g == null ? null : g.role();
        if (local) {
            boolean ok = "PRIMARY".equals(actedRole) && g != null && Boolean.TRUE.equals(g.localEnabled());
            out.add(new Check("roles", Notice.of("pc.roles.title"), ok ? Verdict.PASS : Verdict.FAIL,
                    Notice.of("pc.adb.local.measured", actedName, actedRole, g == null ? null : g.localStandbyState(),
                            g == null ? null : g.localStandbyAvailabilityDomain()),
                    ok ? null : Notice.of("pc.adb.local.advice")));
            out.add(state(acted, "AVAILABLE", actedName, kind == Kind.FAILOVER));
            String ls = g == null ? null : g.localStandbyState();
            boolean standbyOk = "STANDBY".equals(ls);
            out.add(new Check("state.standby", Notice.of("pc.adb.standby.title", actedName),
                    standbyOk ? Verdict.PASS : kind == Kind.FAILOVER ? Verdict.WARN : Verdict.FAIL,
                    Notice.of("pc.value", ls), standbyOk ? null : Notice.of("pc.adb.standby.advice")));
            lag(out, g == null ? null : g.localStandbyLag(), actedName, kind, lagThreshold);
        } else {
            String peerName = name(peer);
            String peerRole = peer.dataGuard() == null ? null : peer.dataGuard().role();
            String[] want = kind == Kind.SWITCHOVER ? new String[] {"PRIMARY", "STANDBY"} : new String[] {"STANDBY", null};
            boolean ok = want[0].equals(actedRole) && (want[1] == null || want[1].equals(peerRole))
                    && (peer.dataGuard() != null && peer.dataGuard().peerDbIds().contains(actedId));
            out.add(new Check("roles", Notice.of("pc.roles.title"), ok ? Verdict.PASS : Verdict.FAIL,
                    Notice.of("pc.roles.measured", actedName, actedRole, peerName, peerRole),
                    ok ? null : Notice.of("pc.roles.advice." + kind.name())));
            Rows.AutonomousDatabaseRow primary = kind == Kind.SWITCHOVER ? acted : peer;
            Rows.AutonomousDatabaseRow standby = kind == Kind.SWITCHOVER ? peer : acted;
            if (kind == Kind.SWITCHOVER) {
                out.add(state(primary, "AVAILABLE", name(primary), false));
            } else {
                boolean up = "AVAILABLE".equals(primary.lifecycleState());
                out.add(new Check("state.peer", Notice.of("pc.primaryLost.title", name(primary)), up ? Verdict.WARN : Verdict.PASS,
                        Notice.of("pc.value", primary.lifecycleState()),
                        up ? Notice.of("pc.primaryLost.up") : Notice.of("pc.primaryLost.down", name(standby))));
            }
            out.add(state(standby, "STANDBY", name(standby), false));
            lag(out, standby.dataGuard() == null ? null : standby.dataGuard().ownLag(), name(standby), kind, lagThreshold);
        }
        work(out, apiOf, local ? List.of(acted) : List.of(acted, peer));
        out.add(new Check("password", Notice.of("pc.adb.password.title"), Verdict.PASS, Notice.of("pc.adb.password.none"),
                null));
        return new Result(null, out);
    }

    /** A container database pair: as a Base pair, through the Data Guard group the service reports. */
    public static Result containerDatabase(Kind kind, String actedId, String peerId,
                                           Function<String, AutonomousOperationsApi> apiOf, Duration lagThreshold) {
        List<Check> out = new ArrayList<>();
        Rows.ContainerDatabaseRow acted = read(out, () -> apiOf.apply(actedId).containerDatabase(actedId), actedId);
        Rows.ContainerDatabaseRow peer = read(out, () -> apiOf.apply(peerId).containerDatabase(peerId), peerId);
        if (acted == null || peer == null) {
            return new Result(null, out);
        }
        String actedRole = acted.dataGuard() == null ? null : acted.dataGuard().role();
        String peerRole = peer.dataGuard() == null ? null : peer.dataGuard().role();
        String[] want = switch (kind) {
            case SWITCHOVER -> new String[] {"PRIMARY", "STANDBY"};
            case FAILOVER -> new String[] {"STANDBY", null};
            case REINSTATE -> new String[] {"DISABLED_STANDBY", "PRIMARY"};
        };
        boolean rolesOk = want[0].equals(actedRole) && (want[1] == null || want[1].equals(peerRole));
        out.add(new Check("roles", Notice.of("pc.roles.title"), rolesOk ? Verdict.PASS : Verdict.FAIL,
                Notice.of("pc.roles.measured", name(acted), actedRole, name(peer), peerRole),
                rolesOk ? null : Notice.of("pc.roles.advice." + kind.name())));
        out.add(acdState(acted));
        if (kind == Kind.FAILOVER) {
            boolean up = "AVAILABLE".equals(peer.lifecycleState());
            out.add(new Check("state.peer", Notice.of("pc.primaryLost.title", name(peer)), up ? Verdict.WARN : Verdict.PASS,
                    Notice.of("pc.value", peer.lifecycleState()),
                    up ? Notice.of("pc.primaryLost.up") : Notice.of("pc.primaryLost.down", name(acted))));
            if (Boolean.TRUE.equals(acted.automaticFailover())) {
                out.add(new Check("fsfo", Notice.of("pc.acd.fsfo.title"), Verdict.WARN, Notice.of("pc.acd.fsfo.on"),
                        Notice.of("pc.acd.fsfo.advice")));
            }
        } else {
            out.add(acdState(peer));
        }
        Rows.ContainerDatabaseRow standby = switch (kind) {
            case SWITCHOVER -> peer;
            case FAILOVER -> acted;
            case REINSTATE -> null;
        };
        if (standby != null && standby.dataGuard() != null) {
            long s = standby.dataGuard().applyLagSeconds();
            lag(out, s < 0 ? null : (int) s, name(standby), kind, lagThreshold);
        }
        List<WorkOn> running = new ArrayList<>();
        for (Rows.ContainerDatabaseRow c : List.of(acted, peer)) {
            try {
                running.addAll(apiOf.apply(c.id()).runningOn(c.compartmentId(), c.id()));
            } catch (RuntimeException e) {
                out.add(new Check("read", Notice.of("pc.read.title"), Verdict.FAIL,
                        Notice.of("pc.read.failed", Notice.of("pc.read.work", name(c)), why(e)), Notice.of("pc.read.advice")));
            }
        }
        workCheck(out, running);
        out.add(new Check("password", Notice.of("pc.adb.password.title"), Verdict.PASS, Notice.of("pc.adb.password.none"),
                null));
        return new Result(null, out);
    }

    private static Check acdState(Rows.ContainerDatabaseRow c) {
        boolean ok = "AVAILABLE".equals(c.lifecycleState());
        String role = c.dataGuard() == null ? null : c.dataGuard().role();
        return new Check("state." + c.id(), Notice.of("pc.state.title", Notice.of("pc.role." + (role == null ? "none" : role)),
                name(c)), ok ? Verdict.PASS : Verdict.FAIL, Notice.of("pc.value", c.lifecycleState()),
                ok ? null : Notice.of("pc.state.busy"));
    }

    private static <T> T read(List<Check> out, Supplier<T> r, String id) {
        try {
            return r.get();
        } catch (RuntimeException e) {
            out.add(new Check("read", Notice.of("pc.read.title"), Verdict.FAIL,
                    Notice.of("pc.read.failed", Notice.of("pc.read.database", id), why(e)), Notice.of("pc.read.advice")));
            return null;
        }
    }

    private static Object why(RuntimeException e) {
        return e instanceof OciApiException o ? o.notice() : String.valueOf(e.getMessage());
    }

    private static Check state(Rows.AutonomousDatabaseRow a, String normal, String name, boolean warnOnly) {
        String st = a.lifecycleState();
        boolean ok = normal.equals(st);
        return new Check("state." + a.id(), Notice.of("pc.adb.state.title", name, normal),
                ok ? Verdict.PASS : warnOnly ? Verdict.WARN : Verdict.FAIL, Notice.of("pc.value", st),
                ok ? null : Notice.of("pc.adb.state.advice", name));
    }

    private static void lag(List<Check> out, Integer seconds, String standbyName, Kind kind, Duration threshold) {
        if (kind == Kind.REINSTATE) {
            return;
        }
        if (seconds == null || seconds < 0) {
            out.add(new Check("lag.apply", Notice.of("pc.lag.apply.title", threshold), Verdict.WARN,
                    Notice.of("pc.notReported"), Notice.of("pc.lag.apply.none", standbyName)));
            return;
        }
        boolean ok = seconds <= threshold.toSeconds();
        out.add(new Check("lag.apply", Notice.of("pc.lag.apply.title", threshold), ok ? Verdict.PASS : Verdict.WARN,
                Notice.of("pc.lag.on", Duration.ofSeconds(seconds), standbyName),
                ok ? null : Notice.of(kind == Kind.SWITCHOVER ? "pc.lag.apply.switchover" : "pc.lag.apply.failover")));
    }

    private static void work(List<Check> out, Function<String, AutonomousOperationsApi> apiOf,
                             List<Rows.AutonomousDatabaseRow> dbs) {
        List<WorkOn> running = new ArrayList<>();
        for (Rows.AutonomousDatabaseRow a : dbs) {
            try {
                running.addAll(apiOf.apply(a.id()).runningOn(a.compartmentId(), a.id()));
            } catch (RuntimeException e) {
                out.add(new Check("read", Notice.of("pc.read.title"), Verdict.FAIL,
                        Notice.of("pc.read.failed", Notice.of("pc.read.work", name(a)), why(e)), Notice.of("pc.read.advice")));
            }
        }
        workCheck(out, running);
    }

    private static void workCheck(List<Check> out, List<WorkOn> running) {
        out.add(new Check("work", Notice.of("pc.work.title"), running.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                running.isEmpty() ? Notice.of("pc.work.none") : Notice.of("pc.list", running.stream()
                        .map(w -> Notice.of("pc.work.one", w.operationType(), w.status(), Math.round(w.percentComplete()),
                                w.id())).toList()),
                running.isEmpty() ? null : Notice.of("pc.work.advice")));
    }

    private static String name(Rows.AutonomousDatabaseRow a) {
        return a.displayName() != null ? a.displayName() : a.dbName() != null ? a.dbName() : a.id();
    }

    private static String name(Rows.ContainerDatabaseRow c) {
        return c.displayName() != null ? c.displayName() : c.dbUniqueName() != null ? c.dbUniqueName() : c.id();
    }
}
