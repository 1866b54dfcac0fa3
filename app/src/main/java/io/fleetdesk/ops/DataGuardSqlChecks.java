package io.fleetdesk.ops;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.ops.DataGuardPrechecks.Check;
import io.fleetdesk.ops.DataGuardPrechecks.JdbcFacts;
import io.fleetdesk.ops.DataGuardPrechecks.Verdict;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The pre-checks that need SQL on the databases: read through the pair's direct connections (the
 * probes' V$DATABASE, V$DATAGUARD_STATS, V$ARCHIVE_GAP, V$LOG and V$STANDBY_LOG) where a side has
 * one, else "not checked" with why and the SQL to run by hand. SWITCHOVER … VERIFY is not run (it
 * needs SYSDG and is not a read): it stays by hand. Not verified against a live database here; the
 * statements are the documented ones.
 */
final class DataGuardSqlChecks {
    private DataGuardSqlChecks() {
    }

    /**
     * A linked direct connection is trusted only when it reaches the database it is linked to: its
     * DB_UNIQUE_NAME (V$DATABASE) must be the OCI database's. A DBA who linked the wrong connect string
     * would otherwise see SWITCHOVER_STATUS and "no archive gap" from another database. A mismatch
     * FAILs, and that side's readings are not used for any other check.
     */
    static JdbcFacts identified(List<Check> out, JdbcFacts j, DatabaseRow primary, DatabaseRow standby) {
        var p = identity(out, "sql.identity.primary", j.primary(), primary);
        var s = identity(out, "sql.identity.standby", j.standby(), standby);
        return new JdbcFacts(p == null ? null : j.primary(), s == null ? null : j.standby(),
                p == null && j.primary() != null ? mismatch(j.primary(), primary) : j.primaryWhy(),
                s == null && j.standby() != null ? mismatch(j.standby(), standby) : j.standbyWhy());
    }

    /** Adds the identity check of one linked side; returns the reading when it may be used, else null. */
    private static DeepProbe.Reading identity(List<Check> out, String id, DeepProbe.Reading r, DatabaseRow oci) {
        if (r == null || oci == null) {
            return r;
        }
        String read = r.database() == null ? null : r.database().dbUniqueName();
        String want = oci.dbUniqueName();
        if (want == null) {
            String name = DataGuardPrechecks.name(oci);
            out.add(new Check(id, Notice.of("pc.sql.identity.title", name), Verdict.WARN,
                    Notice.of("pc.sql.identity.noOci", read), Notice.of("pc.sql.identity.checkLink", name)));
            return r;
        }
        if (read == null || !read.equalsIgnoreCase(want)) {
            out.add(new Check(id, Notice.of("pc.sql.identity.title", want), Verdict.FAIL,
                    Notice.of("pc.sql.identity.other", read == null ? Notice.of("pc.notRead") : read, want),
                    Notice.of("pc.sql.identity.fix")));
            return null;
        }
        out.add(new Check(id, Notice.of("pc.sql.identity.title", want), Verdict.PASS,
                Notice.of("pc.sql.identity.same", read), null));
        return r;
    }

    private static Notice mismatch(DeepProbe.Reading r, DatabaseRow oci) {
        String read = r.database() == null ? null : r.database().dbUniqueName();
        return Notice.of("pc.sql.mismatch", read, DataGuardPrechecks.name(oci));
    }

    /** Adds the SQL checks of one operation kind. */
    static void add(List<Check> out, Kind kind, String primaryName, String standbyName, JdbcFacts j,
                    Duration lagThreshold) {
        Notice pWhy = j.primary() == null ? whyNot(j.primaryWhy(), primaryName) : null;
        Notice sWhy = j.standby() == null ? whyNot(j.standbyWhy(), standbyName) : null;
        Notice statsTitle = Notice.of("pc.sql.stats.title", standbyName);
        Notice gapTitle = Notice.of("pc.sql.gap.title");
        switch (kind) {
            case SWITCHOVER -> {
                out.add(j.primary() == null ? notChecked("sql.switchoverStatus",
                        Notice.of("pc.sql.status.title", primaryName), byHand(pWhy, "pc.sql.status.byHand"))
                        : switchoverStatus(primaryName, j.primary().database().switchoverStatus()));
                out.add(j.standby() == null ? notChecked("sql.dataguardStats", statsTitle,
                        byHand(sWhy, "pc.sql.stats.byHand.switchover")) : stats(statsTitle, j.standby(), lagThreshold));
                out.add(j.standby() == null ? notChecked("sql.archiveGap", gapTitle,
                        byHand(sWhy, "pc.sql.gap.byHand.switchover"))
                        : gaps(j.standby(), Notice.of("pc.sql.gap.switchover")));
                out.add(flashback(j, primaryName, standbyName));
                out.add(standbyLogs(j, primaryName, standbyName));
                out.add(notChecked("sql.verify", Notice.of("pc.sql.verify.title", standbyName),
                        Notice.of("pc.sql.verify.byHand")));
            }
            case FAILOVER -> {
                out.add(j.standby() == null ? notChecked("sql.dataguardStats", statsTitle,
                        byHand(sWhy, "pc.sql.stats.byHand.failover")) : stats(statsTitle, j.standby(), lagThreshold));
                out.add(j.standby() == null ? notChecked("sql.archiveGap", gapTitle, byHand(sWhy, "pc.sql.gap.byHand.failover"))
                        : gaps(j.standby(), Notice.of("pc.sql.gap.failover")));
                Notice title = Notice.of("pc.sql.flashback.oldPrimary");
                out.add(j.primary() == null ? notChecked("sql.flashback", title, byHand(pWhy, "pc.sql.flashback.failover.byHand"))
                        : onOff(title, primaryName, j.primary(), Notice.of("pc.sql.flashback.failover.advice")));
            }
            case REINSTATE -> {
                Notice title = Notice.of("pc.sql.flashback.on", primaryName);
                out.add(j.primary() == null ? notChecked("sql.flashback", title, byHand(pWhy, "pc.sql.flashback.reinstate.byHand"))
                        : onOff(title, primaryName, j.primary(), Notice.of("pc.sql.flashback.reinstate.advice")));
            }
        }
    }

    /** Why a side was not checked, then what to run by hand. */
    private static Notice byHand(Notice why, String key) {
        return Notice.of("pc.sentences", why, Notice.of(key));
    }

    private static Notice whyNot(Notice why, String name) {
        return Notice.of("pc.sql.notChecked", why != null ? why : Notice.of("pc.sql.notLinked", name));
    }

    private static Check switchoverStatus(String primary, String status) {
        String st = status == null ? "" : status;
        boolean ok = st.equals("TO STANDBY") || st.equals("SESSIONS ACTIVE");
        boolean bad = st.equals("NOT ALLOWED") || st.contains("GAP") || st.equals("FAILED DESTINATION");
        return new Check("sql.switchoverStatus", Notice.of("pc.sql.status.title", primary),
                ok ? Verdict.PASS : bad ? Verdict.FAIL : Verdict.WARN, Notice.of("pc.sql.status.measured", st),
                ok ? null : Notice.of(bad ? "pc.sql.status.cannot" : "pc.sql.status.odd"));
    }

    private static Check stats(Notice title, DeepProbe.Reading r, Duration threshold) {
        var s = r.answers().dataGuard();
        if (s == null || (s.applyLag().isEmpty() && s.transportLag().isEmpty())) {
            return new Check("sql.dataguardStats", title, Verdict.WARN, Notice.of("pc.sql.noRows"),
                    Notice.of("pc.sql.stats.none"));
        }
        Duration apply = s.applyLag().orElse(null);
        Duration transport = s.transportLag().orElse(null);
        boolean ok = apply != null && apply.compareTo(threshold) <= 0 && (transport == null || transport.compareTo(threshold) <= 0);
        Object applyShown = apply == null ? "?" : apply;
        Object transportShown = transport == null ? "?" : transport;
        Notice measured = s.computedAt() == null ? Notice.of("pc.sql.stats.measured", applyShown, transportShown)
                : Notice.of("pc.sql.stats.measuredAt", applyShown, transportShown, s.computedAt());
        return new Check("sql.dataguardStats", title, ok ? Verdict.PASS : Verdict.WARN, measured,
                ok ? null : Notice.of("pc.sql.stats.over", threshold));
    }

    private static Check gaps(DeepProbe.Reading standby, Notice advice) {
        var g = standby.answers().gaps();
        return new Check("sql.archiveGap", Notice.of("pc.sql.gap.title"), g.isEmpty() ? Verdict.PASS : Verdict.FAIL,
                g.isEmpty() ? Notice.of("pc.sql.gap.none") : Notice.of("pc.list", g.stream()
                        .map(x -> Notice.of("pc.sql.gap.one", x.thread(), x.lowSequence(), x.highSequence())).toList()),
                g.isEmpty() ? null : advice);
    }

    /** One side of the pair as the JDBC checks see it; the reading is null when it was not read. */
    private record Side(String name, DeepProbe.Reading reading) {
    }

    private static List<Side> sides(JdbcFacts j, String primary, String standby) {
        return List.of(new Side(primary, j.primary()), new Side(standby, j.standby()));
    }

    private static Check flashback(JdbcFacts j, String primary, String standby) {
        List<Notice> seen = new ArrayList<>();
        boolean allOn = true;
        for (Side side : sides(j, primary, standby)) {
            if (side.reading() == null) {
                seen.add(Notice.of("pc.sql.side", side.name(), Notice.of("pc.notRead")));
                allOn = false;
            } else {
                seen.add(Notice.of("pc.sql.side", side.name(), side.reading().database().flashbackOn()));
                allOn &= "YES".equals(side.reading().database().flashbackOn());
            }
        }
        boolean anyRead = j.primary() != null || j.standby() != null;
        return new Check("sql.flashback", Notice.of("pc.sql.flashback.both"),
                !anyRead ? Verdict.NOT_CHECKED : allOn ? Verdict.PASS : Verdict.WARN, Notice.of("pc.list", seen),
                allOn ? null : Notice.of(anyRead ? "pc.sql.flashback.switchover" : "pc.sql.flashback.switchover.link"));
    }

    /**
     * V$LOG and V$STANDBY_LOG on both sides: the standby applies in real time only into standby redo
     * logs, and the primary needs its own for when it is the standby. A warning, not a failure: the
     * switchover itself works without them.
     */
    private static Check standbyLogs(JdbcFacts j, String primary, String standby) {
        List<Notice> seen = new ArrayList<>();
        List<Notice> fixes = new ArrayList<>();
        int read = 0;
        for (Side side : sides(j, primary, standby)) {
            var logs = side.reading() == null ? null : side.reading().redoLogs();
            if (logs == null) {
                seen.add(Notice.of("pc.sql.side", side.name(), Notice.of("pc.notRead")));
                fixes.add(Notice.of("pc.sql.side", side.name(), Notice.of(side.reading() == null
                        ? "pc.sql.logs.linkIt" : "pc.sql.logs.unread")));
                continue;
            }
            read++;
            seen.add(Notice.of("pc.sql.side", side.name(), Notice.of("pc.sql.logs.count", logs.standby(), logs.online())));
            logs.shortfalls().forEach(f -> fixes.add(Notice.of("pc.sql.side", side.name(), f)));
        }
        Notice title = Notice.of("pc.sql.logs.title");
        if (read == 0) {
            return notChecked("sql.standbyLogs", title, Notice.of("pc.sentences", sentences(fixes),
                    Notice.of("pc.sql.logs.byHand")));
        }
        return new Check("sql.standbyLogs", title, fixes.isEmpty() ? Verdict.PASS : Verdict.WARN, Notice.of("pc.list", seen),
                fixes.isEmpty() ? null : Notice.of("pc.sentences", Notice.of("pc.sql.logs.why"), sentences(fixes)));
    }

    /** Several sentences as one notice, in order. */
    private static Notice sentences(List<Notice> all) {
        Notice n = all.getFirst();
        for (Notice next : all.subList(1, all.size())) {
            n = Notice.of("pc.sentences", n, next);
        }
        return n;
    }

    private static Check onOff(Notice title, String name, DeepProbe.Reading r, Notice advice) {
        boolean on = "YES".equals(r.database().flashbackOn());
        return new Check("sql.flashback", title, on ? Verdict.PASS : Verdict.WARN,
                Notice.of("pc.sql.flashback.measured", name, r.database().flashbackOn()), on ? null : advice);
    }

    private static Check notChecked(String id, Notice title, Notice advice) {
        return new Check(id, title, Verdict.NOT_CHECKED, Notice.of("pc.notChecked"), advice);
    }
}
