package io.fleetdesk.ops;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.DataGuardOperationsApi.Association;
import io.fleetdesk.oci.DataGuardOperationsApi.RunningWork;
import io.fleetdesk.oci.LagText;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The checks a DBA runs before a switchover, failover or reinstate, from what the service says now
 * (both databases, the association, work requests in flight). Each check has a verdict, the value
 * measured and what to do. A FAIL blocks the operation; a WARN needs the DBA's acknowledgement.
 * The checks that need SQL on the databases are {@link DataGuardSqlChecks}. Nothing here is a
 * sentence: titles, measurements and advice are notices ({@code pc.*} keys) the UI words.
 */
public final class DataGuardPrechecks {
    private DataGuardPrechecks() {
    }

    public enum Verdict { PASS, WARN, FAIL, NOT_CHECKED }

    /**
     * One check: its verdict, what was measured and what to do about it, as notices ({@code pc.*} keys)
     * the UI words.
     *
     * @param advice what to do; null when there is nothing to do
     */
    public record Check(String id, Notice title, Verdict verdict, Notice measured, Notice advice) {
    }

    /**
     * What the service said about the pair, read just now. A read that failed leaves its field null
     * and its message in {@code problems}.
     *
     * @param acted the database the operation is sent on (switchover: the primary; failover: the
     *              standby; reinstate: the disabled standby)
     * @param peer  the other member
     */
    public record PairFacts(Kind kind, DatabaseRow acted, DatabaseRow peer, Association association,
                            List<RunningWork> running, List<Notice> problems) {
        public PairFacts {
            running = List.copyOf(running);
            problems = List.copyOf(problems);
        }
    }

    /** The whole verdict: every check, and whether the operation may go ahead. */
    public record Result(PairFacts facts, List<Check> checks) {
        public Result {
            checks = List.copyOf(checks);
        }

        public boolean blocked() {
            return checks.stream().anyMatch(c -> c.verdict() == Verdict.FAIL);
        }

        public boolean hasWarnings() {
            return checks.stream().anyMatch(c -> c.verdict() == Verdict.WARN);
        }
    }

    /**
     * Reads the pair now: both databases (GetDatabase), the association, and work requests in flight
     * on either. Blocking: run it off the FX thread. A failed read becomes a problem, not an exception.
     */
    public static PairFacts read(Kind kind, String actedId, String peerId, DataGuardOperationsApi actedApi,
                                 DataGuardOperationsApi peerApi) {
        List<Notice> problems = new ArrayList<>();
        DatabaseRow acted = attempt(() -> actedApi.database(actedId), Notice.of("pc.read.database", actedId), problems);
        DatabaseRow peer = attempt(() -> peerApi.database(peerId), Notice.of("pc.read.database", peerId), problems);
        Association a = attempt(() -> actedApi.association(actedId), Notice.of("pc.read.association"), problems);
        List<RunningWork> running = new ArrayList<>();
        if (acted != null) {
            List<RunningWork> w = attempt(() -> actedApi.runningWork(acted.compartmentId(), acted.id()),
                    Notice.of("pc.read.work", acted.dbUniqueName()), problems);
            running.addAll(w == null ? List.of() : w);
        }
        if (peer != null) {
            List<RunningWork> w = attempt(() -> peerApi.runningWork(peer.compartmentId(), peer.id()),
                    Notice.of("pc.read.work", peer.dbUniqueName()), problems);
            running.addAll(w == null ? List.of() : w);
        }
        return new PairFacts(kind, acted, peer, a, running, problems);
    }

    private static <T> T attempt(java.util.function.Supplier<T> read, Notice what, List<Notice> problems) {
        try {
            return read.get();
        } catch (OciApiException e) {
            problems.add(Notice.of("pc.read.failed", what, e.notice()));
        } catch (RuntimeException e) {
            problems.add(Notice.of("pc.read.failed", what, String.valueOf(e.getMessage())));
        }
        return null;
    }

    /**
     * What the pair's linked direct connections read just now (see Direct connections). A side with
     * no reading has why in its {@code …Why}: not linked, not connected, or the ORA- error explained.
     *
     * @param primary the current primary's reading (for a reinstate: the disabled standby's)
     * @param standby the standby's reading
     */
    public record JdbcFacts(io.fleetdesk.jdbc.DeepProbe.Reading primary, io.fleetdesk.jdbc.DeepProbe.Reading standby,
                            Notice primaryWhy, Notice standbyWhy) {
        public static final JdbcFacts NONE = new JdbcFacts(null, null, null, null);
    }

    /**
     * The whole pre-check run: reads the pair from OCI and each side over its linked direct connection
     * now, and judges them. Blocking: run it on a background thread. Never throws: a failure is a FAIL.
     *
     * @param jdbcOf a fresh round for the direct connection linked to a database id
     */
    public static Result check(Kind kind, String actedId, String peerId, DataGuardOperationsApi actedApi,
                               DataGuardOperationsApi peerApi, java.util.function.Function<String, io.fleetdesk.jdbc.LinkedReading> jdbcOf,
                               Duration lagThreshold) {
        try {
            PairFacts facts = read(kind, actedId, peerId, actedApi, peerApi);
            // The primary's side (for a reinstate: the disabled standby's) and the standby's.
            String primaryId = kind == Kind.FAILOVER ? peerId : actedId;
            String standbyId = primaryId.equals(actedId) ? peerId : actedId;
            io.fleetdesk.jdbc.LinkedReading p = jdbcOf.apply(primaryId);
            io.fleetdesk.jdbc.LinkedReading s = jdbcOf.apply(standbyId);
            return evaluate(facts, lagThreshold, new JdbcFacts(p.reading(), s.reading(), p.why(), s.why()));
        } catch (RuntimeException e) {
            return new Result(null, List.of(new Check("read", Notice.of("pc.read.title"), Verdict.FAIL,
                    Notice.of("pc.value", String.valueOf(e.getMessage())), Notice.of("pc.read.advice"))));
        }
    }

    /** Judges the facts. {@code lagThreshold} is the broker's ApplyLagThreshold (default 30 s). */
    public static Result evaluate(PairFacts f, Duration lagThreshold) {
        return evaluate(f, lagThreshold, JdbcFacts.NONE);
    }

    /** Judges the facts, with the SQL checks read through the pair's direct connections where it has them. */
    public static Result evaluate(PairFacts f, Duration lagThreshold, JdbcFacts jdbc) {
        List<Check> out = new ArrayList<>();
        for (Notice p : f.problems()) {
            out.add(new Check("read", Notice.of("pc.read.title"), Verdict.FAIL, p, Notice.of("pc.read.advice")));
        }
        if (f.acted() == null || f.peer() == null) {
            return new Result(f, out);
        }
        String actedName = name(f.acted());
        String peerName = name(f.peer());
        DataGuardMember actedDg = f.acted().dataGuard();
        DataGuardMember peerDg = f.peer().dataGuard();
        String actedRole = actedDg == null ? null : actedDg.role();
        String peerRole = peerDg == null ? null : peerDg.role();

        // Roles: the operation is sent on the association of the database that must have this role.
        String[] want = switch (f.kind()) {
            case SWITCHOVER -> new String[] {"PRIMARY", "STANDBY"};
            case FAILOVER -> new String[] {"STANDBY", null};
            case REINSTATE -> new String[] {"DISABLED_STANDBY", "PRIMARY"};
        };
        boolean rolesOk = want[0].equals(actedRole) && (want[1] == null || want[1].equals(peerRole));
        out.add(new Check("roles", Notice.of("pc.roles.title"), rolesOk ? Verdict.PASS : Verdict.FAIL,
                Notice.of("pc.roles.measured", actedName, actedRole, peerName, peerRole),
                rolesOk ? null : Notice.of("pc.roles.advice." + f.kind().name())));

        // Lifecycle states.
        out.add(state(f.acted(), actedRole, actedName));
        if (f.kind() == Kind.FAILOVER) {
            boolean up = "AVAILABLE".equals(f.peer().lifecycleState());
            out.add(new Check("state.peer", Notice.of("pc.primaryLost.title", peerName), up ? Verdict.WARN : Verdict.PASS,
                    Notice.of("pc.value", f.peer().lifecycleState()),
                    up ? Notice.of("pc.primaryLost.up") : Notice.of("pc.primaryLost.down", actedName)));
        } else {
            out.add(state(f.peer(), peerRole, peerName));
        }
        Association a = f.association();
        if (a != null) {
            boolean ok = "AVAILABLE".equals(a.lifecycleState());
            out.add(new Check("association", Notice.of("pc.association.title"), ok ? Verdict.PASS : Verdict.FAIL,
                    withDetails(a.lifecycleState(), a.lifecycleDetails()), ok ? null : Notice.of("pc.association.advice")));
        }

        // Work in flight on either database.
        out.add(new Check("work", Notice.of("pc.work.title"), f.running().isEmpty() ? Verdict.PASS : Verdict.FAIL,
                f.running().isEmpty() ? Notice.of("pc.work.none") : Notice.of("pc.list", f.running().stream()
                        .map(w -> Notice.of("pc.work.one", w.operationType(), w.status(), Math.round(w.percentComplete()),
                                w.id())).toList()),
                f.running().isEmpty() ? null : Notice.of("pc.work.advice")));

        // Lag, on the standby (V$DATAGUARD_STATS is empty on a primary; so is the service's lag).
        DatabaseRow standby = switch (f.kind()) {
            case SWITCHOVER -> f.peer();
            case FAILOVER -> f.acted();
            case REINSTATE -> null;
        };
        if (standby != null) {
            lag(out, standby, f.kind(), lagThreshold);
            readiness(out, standby, f.kind());
        }
        if (f.kind() == Kind.FAILOVER) {
            out.add(exposure(actedDg));
        }
        DatabaseRow primarySide = f.kind() == Kind.FAILOVER ? f.peer() : f.acted();
        DatabaseRow standbySide = f.kind() == Kind.REINSTATE ? f.peer() : standby;
        JdbcFacts trusted = DataGuardSqlChecks.identified(out, jdbc, primarySide, standbySide);
        DataGuardSqlChecks.add(out, f.kind(), f.kind() == Kind.FAILOVER ? peerName : actedName,
                standby == null ? null : name(standby), trusted, lagThreshold);
        return new Result(f, out);
    }

    /** The service's own verdict beside ours (switchover or failover readiness of the standby). */
    private static void readiness(List<Check> out, DatabaseRow standby, Kind kind) {
        DataGuardMember sdg = standby.dataGuard();
        String r = sdg == null ? null : kind == Kind.SWITCHOVER ? sdg.switchoverReadiness() : sdg.failoverReadiness();
        String m = sdg == null ? null : kind == Kind.SWITCHOVER ? sdg.switchoverMessage() : sdg.failoverMessage();
        Notice title = Notice.of("pc.readiness.title." + kind.name());
        if (r == null) {
            out.add(new Check("readiness", title, Verdict.NOT_CHECKED, Notice.of("pc.notReported"),
                    Notice.of("pc.readiness.none")));
            return;
        }
        Verdict v = switch (r) {
            case "HEALTHY" -> Verdict.PASS;
            case "CRITICAL" -> kind == Kind.FAILOVER ? Verdict.WARN : Verdict.FAIL;
            default -> Verdict.WARN;
        };
        out.add(new Check("readiness", title, v, m == null || m.isBlank() ? Notice.of("pc.value", r)
                : Notice.of("pc.valueBecause", r, m), v == Verdict.PASS ? null : Notice.of("pc.readiness.advice")));
    }

    private static Check exposure(DataGuardMember dg) {
        String exposure = dg == null ? null : dg.dataLossExposure();
        long seconds = LagText.seconds(exposure);
        String mode = dg == null ? null : dg.protectionMode();
        Object shown = exposure == null ? Notice.of("pc.notReported") : seconds >= 0 ? Duration.ofSeconds(seconds) : exposure;
        Notice measured = Notice.of("pc.exposure.measured", shown,
                mode, dg == null ? null : dg.transportType());
        Notice advice = seconds == 0 ? Notice.of("pc.exposure.none")
                : "MAXIMUM_PERFORMANCE".equals(mode) ? Notice.of("pc.exposure.async") : Notice.of("pc.exposure.some");
        return new Check("exposure", Notice.of("pc.exposure.title"), seconds == 0 ? Verdict.PASS : Verdict.WARN, measured,
                advice);
    }

    private static Check state(DatabaseRow d, String role, String name) {
        String st = d.lifecycleState();
        boolean ok = "AVAILABLE".equals(st);
        Notice advice = ok ? null : switch (st == null ? "" : st) {
            case "BACKUP_IN_PROGRESS" -> Notice.of("pc.state.backup");
            case "UPDATING", "UPGRADING", "RESTORE_IN_PROGRESS", "MAINTENANCE_IN_PROGRESS" -> Notice.of("pc.state.busy");
            default -> Notice.of("pc.state.other");
        };
        return new Check("state." + d.id(), Notice.of("pc.state.title", roleWord(role), name), ok ? Verdict.PASS : Verdict.FAIL,
                withDetails(st, d.lifecycleDetails()), advice);
    }

    private static void lag(List<Check> out, DatabaseRow standby, Kind kind, Duration threshold) {
        DataGuardMember dg = standby.dataGuard();
        long applySec = dg == null ? -1 : dg.applyLagSeconds();
        if (applySec < 0) {
            out.add(new Check("lag.apply", Notice.of("pc.lag.apply.title", threshold), Verdict.WARN,
                    Notice.of("pc.notReported"), Notice.of("pc.lag.apply.none", name(standby))));
        } else {
            boolean ok = applySec <= threshold.toSeconds();
            out.add(new Check("lag.apply", Notice.of("pc.lag.apply.title", threshold), ok ? Verdict.PASS : Verdict.WARN,
                    Notice.of("pc.lag.on", Duration.ofSeconds(applySec), name(standby)), ok ? null
                    : Notice.of(kind == Kind.SWITCHOVER ? "pc.lag.apply.switchover" : "pc.lag.apply.failover")));
        }
        String transport = dg == null ? null : dg.transportLag();
        long tSec = LagText.seconds(transport);
        if (tSec < 0) {
            out.add(new Check("lag.transport", Notice.of("pc.lag.transport.title", threshold), Verdict.NOT_CHECKED,
                    Notice.of("pc.notReported"), Notice.of("pc.lag.transport.none")));
        } else {
            boolean ok = tSec <= threshold.toSeconds();
            out.add(new Check("lag.transport", Notice.of("pc.lag.transport.title", threshold),
                    ok ? Verdict.PASS : Verdict.WARN, Notice.of("pc.lag.on", Duration.ofSeconds(tSec), name(standby)),
                    ok ? null : Notice.of("pc.lag.transport.advice")));
        }
    }

    /** A state as the service wrote it, with its details in brackets when it gave some. */
    static Notice withDetails(String state, String details) {
        return details == null || details.isBlank() ? Notice.of("pc.value", state) : Notice.of("pc.valueDetails", state, details);
    }

    static String name(DatabaseRow d) {
        return d.dbUniqueName() != null ? d.dbUniqueName() : d.dbName();
    }

    /** PRIMARY, STANDBY, DISABLED_STANDBY as a word of the UI ({@code pc.role.*}); another role as written. */
    private static Object roleWord(String role) {
        if (role == null) {
            return Notice.of("pc.role.none");
        }
        return switch (role) {
            case "PRIMARY", "STANDBY", "DISABLED_STANDBY" -> Notice.of("pc.role." + role);
            default -> role;
        };
    }
}
