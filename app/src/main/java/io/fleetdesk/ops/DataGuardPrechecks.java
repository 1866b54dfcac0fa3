package io.fleetdesk.ops;

import io.fleetdesk.model.DataGuardMember;
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
import java.util.Locale;

/**
 * The checks a DBA runs before a switchover, failover or reinstate, from what the service says now
 * (both databases, the association, work requests in flight). Each check has a verdict, the value
 * measured and what to do. A FAIL blocks the operation; a WARN needs the DBA's acknowledgement.
 * The checks that need SQL on the databases (SWITCHOVER_STATUS, V$DATAGUARD_STATS, V$ARCHIVE_GAP,
 * flashback, standby redo logs, SWITCHOVER … VERIFY) say "not checked" and how to check them by
 * hand until a direct connection is linked to the database.
 */
public final class DataGuardPrechecks {
    private DataGuardPrechecks() {
    }

    public enum Verdict { PASS, WARN, FAIL, NOT_CHECKED }

    /** One check: its verdict, what was measured and what to do about it. */
    public record Check(String id, String title, Verdict verdict, String measured, String advice) {
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
                            List<RunningWork> running, List<String> problems) {
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
        List<String> problems = new ArrayList<>();
        DatabaseRow acted = attempt(() -> actedApi.database(actedId), "read database " + actedId, problems);
        DatabaseRow peer = attempt(() -> peerApi.database(peerId), "read database " + peerId, problems);
        Association a = attempt(() -> actedApi.association(actedId), "read the Data Guard association", problems);
        List<RunningWork> running = new ArrayList<>();
        if (acted != null) {
            List<RunningWork> w = attempt(() -> actedApi.runningWork(acted.compartmentId(), acted.id()),
                    "list work requests on " + acted.dbUniqueName(), problems);
            running.addAll(w == null ? List.of() : w);
        }
        if (peer != null) {
            List<RunningWork> w = attempt(() -> peerApi.runningWork(peer.compartmentId(), peer.id()),
                    "list work requests on " + peer.dbUniqueName(), problems);
            running.addAll(w == null ? List.of() : w);
        }
        return new PairFacts(kind, acted, peer, a, running, problems);
    }

    private static <T> T attempt(java.util.function.Supplier<T> read, String what, List<String> problems) {
        try {
            return read.get();
        } catch (OciApiException e) {
            problems.add("Could not " + what + ": " + e.userMessage());
        } catch (RuntimeException e) {
            problems.add("Could not " + what + ": " + e.getMessage());
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
                            String primaryWhy, String standbyWhy) {
        public static final JdbcFacts NONE = new JdbcFacts(null, null, null, null);
    }

    /** Judges the facts. {@code lagThreshold} is the broker's ApplyLagThreshold (default 30 s). */
    public static Result evaluate(PairFacts f, Duration lagThreshold) {
        return evaluate(f, lagThreshold, JdbcFacts.NONE);
    }

    /** Judges the facts, with the SQL checks read through the pair's direct connections where it has them. */
    public static Result evaluate(PairFacts f, Duration lagThreshold, JdbcFacts jdbc) {
        List<Check> out = new ArrayList<>();
        for (String p : f.problems()) {
            out.add(new Check("read", "Read the pair from OCI", Verdict.FAIL, p,
                    "Run the checks again; if it persists, check the profile and the region's status."));
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
        out.add(new Check("roles", "Roles", rolesOk ? Verdict.PASS : Verdict.FAIL,
                actedName + " is " + actedRole + ", " + peerName + " is " + peerRole,
                rolesOk ? "" : switch (f.kind()) {
                    case SWITCHOVER -> "A switchover needs a PRIMARY and a STANDBY. Reinstate a disabled standby first.";
                    case FAILOVER -> "A failover is started on the STANDBY that is to become primary.";
                    case REINSTATE -> "Only a DISABLED_STANDBY (the old primary after a failover) can be reinstated,"
                            + " and its peer must be the PRIMARY.";
                }));

        // Lifecycle states.
        out.add(state(f.acted(), roleWord(actedRole) + " " + actedName));
        if (f.kind() == Kind.FAILOVER) {
            boolean up = "AVAILABLE".equals(f.peer().lifecycleState());
            out.add(new Check("state.peer", "Primary " + peerName + " is lost", up ? Verdict.WARN : Verdict.PASS,
                    f.peer().lifecycleState(), up
                    ? "The primary is still AVAILABLE. A failover is for a primary that is lost: with the primary up,"
                    + " a switchover loses no data. Continue only if the primary cannot serve."
                    : "The primary is not available; a failover makes " + actedName + " the primary."));
        } else {
            out.add(state(f.peer(), roleWord(peerRole) + " " + peerName));
        }
        Association a = f.association();
        if (a != null) {
            boolean ok = "AVAILABLE".equals(a.lifecycleState());
            out.add(new Check("association", "Data Guard association", ok ? Verdict.PASS : Verdict.FAIL,
                    a.lifecycleState() + (a.lifecycleDetails() == null ? "" : " (" + a.lifecycleDetails() + ")"),
                    ok ? "" : "Wait until the association is AVAILABLE; UPDATING means another operation is running."));
        }

        // Work in flight on either database.
        out.add(new Check("work", "No other operation running", f.running().isEmpty() ? Verdict.PASS : Verdict.FAIL,
                f.running().isEmpty() ? "no work requests in flight" : String.join("; ", f.running().stream()
                        .map(w -> w.operationType() + " " + w.status() + " " + Math.round(w.percentComplete()) + " % ("
                                + w.id() + ")").toList()),
                f.running().isEmpty() ? "" : "Wait for these work requests to end (OCI console: Work requests).")) ;

        // Lag, on the standby (V$DATAGUARD_STATS is empty on a primary; so is the service's lag).
        DatabaseRow standby = switch (f.kind()) {
            case SWITCHOVER -> f.peer();
            case FAILOVER -> f.acted();
            case REINSTATE -> null;
        };
        if (standby != null) {
            lag(out, standby, f.kind(), lagThreshold);
        }

        // The service's own verdict beside ours.
        if (f.kind() == Kind.SWITCHOVER || f.kind() == Kind.FAILOVER) {
            DataGuardMember sdg = standby.dataGuard();
            String r = sdg == null ? null : f.kind() == Kind.SWITCHOVER ? sdg.switchoverReadiness() : sdg.failoverReadiness();
            String m = sdg == null ? null : f.kind() == Kind.SWITCHOVER ? sdg.switchoverMessage() : sdg.failoverMessage();
            String title = "OCI " + lower(f.kind()) + " readiness";
            if (r == null) {
                out.add(new Check("readiness", title, Verdict.NOT_CHECKED, "not reported",
                        "The service did not give a verdict for this pair."));
            } else {
                Verdict v = switch (r) {
                    case "HEALTHY" -> Verdict.PASS;
                    case "CRITICAL" -> f.kind() == Kind.FAILOVER ? Verdict.WARN : Verdict.FAIL;
                    default -> Verdict.WARN;
                };
                out.add(new Check("readiness", title, v, r + (m == null || m.isBlank() ? "" : ": " + m),
                        v == Verdict.PASS ? "" : "Read the service's message; fix its cause or acknowledge it."));
            }
        }
        if (f.kind() == Kind.FAILOVER) {
            String exposure = actedDg == null ? null : actedDg.dataLossExposure();
            long seconds = LagText.seconds(exposure);
            String mode = actedDg == null ? null : actedDg.protectionMode();
            out.add(new Check("exposure", "Data loss exposure", seconds == 0 ? Verdict.PASS : Verdict.WARN,
                    (exposure == null ? "not reported" : exposure) + " in " + mode + " (" + (actedDg == null ? "?"
                            : actedDg.transportType()) + ")",
                    seconds == 0 ? "No redo is known to be lost."
                            : "Transactions committed on the primary in that window are lost by a failover."
                            + (mode != null && mode.equals("MAXIMUM_PERFORMANCE")
                            ? " MAXIMUM_PERFORMANCE ships redo asynchronously, so some loss is expected." : "")));
        }
        DatabaseRow primarySide = f.kind() == Kind.FAILOVER ? f.peer() : f.acted();
        DatabaseRow standbySide = f.kind() == Kind.REINSTATE ? f.peer() : standby;
        jdbc = identified(out, jdbc, primarySide, standbySide);
        jdbc(out, f.kind(), f.kind() == Kind.REINSTATE ? actedName : f.kind() == Kind.SWITCHOVER ? actedName : peerName,
                standby == null ? null : name(standby), jdbc, lagThreshold);
        return new Result(f, out);
    }

    /**
     * A linked direct connection is trusted only when it reaches the database it is linked to: its
     * DB_UNIQUE_NAME (V$DATABASE) must be the OCI database's. A DBA who linked the wrong connect string
     * would otherwise see SWITCHOVER_STATUS and "no archive gap" from another database. A mismatch
     * FAILs, and that side's readings are not used for any other check.
     */
    private static JdbcFacts identified(List<Check> out, JdbcFacts j, DatabaseRow primary, DatabaseRow standby) {
        var p = identity(out, "sql.identity.primary", j.primary(), primary);
        var s = identity(out, "sql.identity.standby", j.standby(), standby);
        return new JdbcFacts(p == null ? null : j.primary(), s == null ? null : j.standby(),
                p == null && j.primary() != null ? mismatch(j.primary(), primary) : j.primaryWhy(),
                s == null && j.standby() != null ? mismatch(j.standby(), standby) : j.standbyWhy());
    }

    /** Adds the identity check of one linked side; returns the reading when it may be used, else null. */
    private static io.fleetdesk.jdbc.DeepProbe.Reading identity(List<Check> out, String id,
                                                                io.fleetdesk.jdbc.DeepProbe.Reading r, DatabaseRow oci) {
        if (r == null || oci == null) {
            return r;
        }
        String read = r.database() == null ? null : r.database().dbUniqueName();
        String want = oci.dbUniqueName();
        if (want == null) {
            out.add(new Check(id, "The direct connection reaches " + name(oci), Verdict.WARN, "DB_UNIQUE_NAME "
                    + read + "; OCI did not report one to compare", "Check that the link is to " + name(oci) + "."));
            return r;
        }
        if (read == null || !read.equalsIgnoreCase(want)) {
            out.add(new Check(id, "The direct connection reaches " + want, Verdict.FAIL, "DB_UNIQUE_NAME "
                    + (read == null ? "not read" : read) + " (V$DATABASE), not " + want,
                    "The linked connection reaches another database, so its SQL checks are not used. Fix the link"
                    + " (right-click the connection: Edit…, or link the right one), then run the checks again."));
            return null;
        }
        out.add(new Check(id, "The direct connection reaches " + want, Verdict.PASS, "DB_UNIQUE_NAME " + read, ""));
        return r;
    }

    private static String mismatch(io.fleetdesk.jdbc.DeepProbe.Reading r, DatabaseRow oci) {
        String read = r.database() == null ? null : r.database().dbUniqueName();
        return "its direct connection reaches " + read + ", not " + name(oci) + ".";
    }

    private static Check state(DatabaseRow d, String label) {
        String st = d.lifecycleState();
        boolean ok = "AVAILABLE".equals(st);
        String advice = ok ? "" : switch (st == null ? "" : st) {
            case "BACKUP_IN_PROGRESS" -> "A backup is running: wait for it to end, or cancel it from Backups.";
            case "UPDATING", "UPGRADING", "RESTORE_IN_PROGRESS", "MAINTENANCE_IN_PROGRESS" ->
                    "Another operation is running on it: wait until it is AVAILABLE.";
            default -> "The database must be AVAILABLE; see its lifecycle details in the OCI console.";
        };
        return new Check("state." + d.id(), label + " is AVAILABLE", ok ? Verdict.PASS : Verdict.FAIL,
                st + (d.lifecycleDetails() == null || d.lifecycleDetails().isBlank() ? "" : " (" + d.lifecycleDetails() + ")"),
                advice);
    }

    private static void lag(List<Check> out, DatabaseRow standby, Kind kind, Duration threshold) {
        DataGuardMember dg = standby.dataGuard();
        long applySec = dg == null ? -1 : dg.applyLagSeconds();
        String t = threshold.toSeconds() + " s";
        if (applySec < 0) {
            out.add(new Check("lag.apply", "Apply lag under " + t, Verdict.WARN, "not reported",
                    "The service did not report the apply lag of " + name(standby) + ": check that redo apply is running."));
        } else {
            boolean ok = applySec <= threshold.toSeconds();
            out.add(new Check("lag.apply", "Apply lag under " + t, ok ? Verdict.PASS : Verdict.WARN,
                    dg.applyLag() + " on " + name(standby), ok ? "" : kind == Kind.SWITCHOVER
                    ? "The switchover waits for the standby to apply all redo, so the outage grows with the lag."
                    + " Find why apply is behind, or acknowledge it."
                    : "The standby applies the remaining redo before it opens, which delays the failover."));
        }
        String transport = dg == null ? null : dg.transportLag();
        long tSec = LagText.seconds(transport);
        if (tSec < 0) {
            out.add(new Check("lag.transport", "Transport lag under " + t, Verdict.NOT_CHECKED, "not reported",
                    "The service did not report it; V$DATAGUARD_STATS on the standby has it."));
        } else {
            boolean ok = tSec <= threshold.toSeconds();
            out.add(new Check("lag.transport", "Transport lag under " + t, ok ? Verdict.PASS : Verdict.WARN,
                    transport + " on " + name(standby), ok ? "" : "Redo is not reaching the standby in time:"
                    + " check the network and the primary's archive destinations."));
        }
    }

    /**
     * The checks that need SQL on the databases: read through the pair's direct connections (the
     * probes' V$DATABASE, V$DATAGUARD_STATS and V$ARCHIVE_GAP) where a side has one, else "not
     * checked" with why and the SQL to run by hand. SWITCHOVER … VERIFY is not run (it needs SYSDG and
     * is not a read): it stays by hand. Not verified against a live database here; the statements are
     * the documented ones.
     */
    private static void jdbc(List<Check> out, Kind kind, String primaryName, String standbyName, JdbcFacts j,
                             Duration lagThreshold) {
        String pWhy = j.primary() == null ? whyNot(j.primaryWhy(), primaryName) : null;
        String sWhy = j.standby() == null ? whyNot(j.standbyWhy(), standbyName) : null;
        switch (kind) {
            case SWITCHOVER -> {
                out.add(j.primary() == null ? notChecked("sql.switchoverStatus", "SWITCHOVER_STATUS on " + primaryName, pWhy
                        + " By hand on the primary: SELECT SWITCHOVER_STATUS FROM V$DATABASE; expect TO STANDBY or SESSIONS ACTIVE.")
                        : switchoverStatus(primaryName, j.primary().database().switchoverStatus()));
                out.add(j.standby() == null ? notChecked("sql.dataguardStats", "Lags from V$DATAGUARD_STATS on " + standbyName,
                        sWhy + " It is empty on a primary: query the standby (NAME IN ('apply lag','transport lag')).")
                        : stats(standbyName, j.standby(), lagThreshold));
                out.add(j.standby() == null ? notChecked("sql.archiveGap", "No archive gap", sWhy
                        + " By hand on the standby: SELECT * FROM V$ARCHIVE_GAP; expect no rows.")
                        : gaps(j.standby(), "A switchover waits for the gap to be resolved: fetch the missing logs"
                        + " (FAL, or register them by hand) first."));
                out.add(flashback("sql.flashback", "Flashback on", j, primaryName, standbyName,
                        "Without it a later failover cannot be undone by reinstate."));
                out.add(standbyLogs(j, primaryName, standbyName));
                out.add(notChecked("sql.verify", "ALTER DATABASE SWITCHOVER TO " + standbyName + " VERIFY", "Not run by"
                        + " Fleetdesk (it needs SYSDG, and the probes only read). ORA-16470 means redo apply is not running"
                        + " on the target: start it (ALTER DATABASE RECOVER MANAGED STANDBY DATABASE DISCONNECT)."
                        + " ORA-16475 means it would succeed with warnings: read the alert logs first."));
            }
            case FAILOVER -> {
                out.add(j.standby() == null ? notChecked("sql.dataguardStats", "Lags from V$DATAGUARD_STATS on " + standbyName,
                        sWhy + " By hand on the standby: SELECT NAME, VALUE FROM V$DATAGUARD_STATS.")
                        : stats(standbyName, j.standby(), lagThreshold));
                out.add(j.standby() == null ? notChecked("sql.archiveGap", "No archive gap", sWhy + " SELECT * FROM"
                        + " V$ARCHIVE_GAP on the standby; rows mean redo that the failover will lose.")
                        : gaps(j.standby(), "The redo in the gap is lost by the failover unless it is fetched first."));
                out.add(j.primary() == null ? notChecked("sql.flashback", "Flashback on the old primary", pWhy
                        + " Without it the old primary cannot be reinstated after the failover and must be re-created.")
                        : onOff("sql.flashback", "Flashback on the old primary", primaryName, j.primary(),
                        "The old primary cannot be reinstated after the failover; it must be re-created."));
            }
            case REINSTATE -> out.add(j.primary() == null ? notChecked("sql.flashback", "Flashback on " + primaryName,
                    pWhy + " Reinstate needs Flashback Database on the disabled standby from before the failover.")
                    : onOff("sql.flashback", "Flashback on " + primaryName, primaryName, j.primary(),
                    "Reinstate needs Flashback Database from before the failover: re-create the standby instead."));
        }
    }

    private static String whyNot(String why, String name) {
        return "Not checked: " + (why != null ? why : "no direct connection is linked to " + name
                + " (right-click it in the tree: Link a JDBC connection…).");
    }

    private static Check switchoverStatus(String primary, String status) {
        String st = status == null ? "" : status;
        boolean ok = st.equals("TO STANDBY") || st.equals("SESSIONS ACTIVE");
        boolean bad = st.equals("NOT ALLOWED") || st.contains("GAP") || st.equals("FAILED DESTINATION");
        return new Check("sql.switchoverStatus", "SWITCHOVER_STATUS on " + primary,
                ok ? Verdict.PASS : bad ? Verdict.FAIL : Verdict.WARN, st + " (V$DATABASE)", ok ? ""
                : bad ? "The primary cannot switch over now: check that the standby receives redo (V$ARCHIVE_DEST_STATUS)"
                + " and that there is no gap."
                : "Not a state a switchover starts from: wait, and read the alert log.");
    }

    private static Check stats(String standby, io.fleetdesk.jdbc.DeepProbe.Reading r, Duration threshold) {
        var s = r.answers().dataGuard();
        if (s == null || (s.applyLag().isEmpty() && s.transportLag().isEmpty())) {
            return new Check("sql.dataguardStats", "Lags from V$DATAGUARD_STATS on " + standby, Verdict.WARN, "no rows",
                    "The standby reports no lag: redo apply or transport may not be running there.");
        }
        long apply = s.applyLag().map(Duration::toSeconds).orElse(-1L);
        long transport = s.transportLag().map(Duration::toSeconds).orElse(-1L);
        boolean ok = apply >= 0 && apply <= threshold.toSeconds() && transport <= threshold.toSeconds();
        return new Check("sql.dataguardStats", "Lags from V$DATAGUARD_STATS on " + standby, ok ? Verdict.PASS : Verdict.WARN,
                "apply " + (apply < 0 ? "?" : apply + " s") + ", transport " + (transport < 0 ? "?" : transport + " s")
                        + (s.computedAt() == null ? "" : " at " + s.computedAt()),
                ok ? "" : "Over " + threshold.toSeconds() + " s: the operation waits for the standby to catch up.");
    }

    private static Check gaps(io.fleetdesk.jdbc.DeepProbe.Reading standby, String advice) {
        var g = standby.answers().gaps();
        return new Check("sql.archiveGap", "No archive gap", g.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                g.isEmpty() ? "no rows in V$ARCHIVE_GAP" : g.stream().map(x -> "thread " + x.thread() + ": "
                        + x.lowSequence() + "–" + x.highSequence()).collect(java.util.stream.Collectors.joining(", ")),
                g.isEmpty() ? "" : advice);
    }

    /** One side of the pair as the JDBC checks see it; the reading is null when it was not read. */
    private record Side(String name, io.fleetdesk.jdbc.DeepProbe.Reading reading) {
    }

    private static List<Side> sides(JdbcFacts j, String primary, String standby) {
        return List.of(new Side(primary, j.primary()), new Side(standby, j.standby()));
    }

    private static Check flashback(String id, String title, JdbcFacts j, String primary, String standby, String advice) {
        List<String> seen = new ArrayList<>();
        boolean allOn = true;
        for (Side side : sides(j, primary, standby)) {
            if (side.reading() == null) {
                seen.add(side.name() + ": not read");
                allOn = false;
            } else {
                seen.add(side.name() + ": " + side.reading().database().flashbackOn());
                allOn &= "YES".equals(side.reading().database().flashbackOn());
            }
        }
        boolean anyRead = j.primary() != null || j.standby() != null;
        return new Check(id, title + " both", !anyRead ? Verdict.NOT_CHECKED : allOn ? Verdict.PASS : Verdict.WARN,
                String.join(", ", seen), allOn ? "" : advice + (anyRead ? "" : " Link both databases to read it."));
    }

    /**
     * V$LOG and V$STANDBY_LOG on both sides: the standby applies in real time only into standby redo
     * logs, and the primary needs its own for when it is the standby. A warning, not a failure: the
     * switchover itself works without them.
     */
    private static Check standbyLogs(JdbcFacts j, String primary, String standby) {
        List<String> seen = new ArrayList<>();
        List<String> fixes = new ArrayList<>();
        int read = 0;
        for (Side side : sides(j, primary, standby)) {
            var logs = side.reading() == null ? null : side.reading().redoLogs();
            if (logs == null) {
                seen.add(side.name() + ": not read");
                fixes.add(side.name() + ": " + (side.reading() == null ? "link and connect it to read V$STANDBY_LOG."
                        : "V$LOG / V$STANDBY_LOG could not be read (its details say why)."));
                continue;
            }
            read++;
            seen.add(side.name() + ": " + logs.standby() + " standby for " + logs.online() + " online groups");
            logs.shortfalls().forEach(f -> fixes.add(side.name() + ": " + f));
        }
        String title = "Standby redo logs on both";
        if (read == 0) {
            return notChecked("sql.standbyLogs", title, String.join(" ", fixes) + " By hand on both: SELECT THREAD#,"
                    + " COUNT(*) FROM V$STANDBY_LOG GROUP BY THREAD#; one more group per thread than V$LOG has, as big.");
        }
        return new Check("sql.standbyLogs", title, fixes.isEmpty() ? Verdict.PASS : Verdict.WARN, String.join(", ", seen),
                fixes.isEmpty() ? "" : "Without them the new standby applies redo only from archived logs, and lags."
                        + " " + String.join(" ", fixes));
    }

    private static Check onOff(String id, String title, String name, io.fleetdesk.jdbc.DeepProbe.Reading r, String advice) {
        boolean on = "YES".equals(r.database().flashbackOn());
        return new Check(id, title, on ? Verdict.PASS : Verdict.WARN, name + ": FLASHBACK_ON " + r.database().flashbackOn(),
                on ? "" : advice);
    }

    private static Check notChecked(String id, String title, String advice) {
        return new Check(id, title, Verdict.NOT_CHECKED, "not checked", advice);
    }

    private static String name(DatabaseRow d) {
        return d.dbUniqueName() != null ? d.dbUniqueName() : d.dbName();
    }

    private static String roleWord(String role) {
        if (role == null) {
            return "Database";
        }
        return switch (role) {
            case "PRIMARY" -> "Primary";
            case "STANDBY" -> "Standby";
            case "DISABLED_STANDBY" -> "Disabled standby";
            default -> role;
        };
    }

    private static String lower(Kind k) {
        return k.name().toLowerCase(Locale.ROOT);
    }
}
