package io.fleetdesk.ui.details;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.jdbc.Probes;
import io.fleetdesk.app.Messages;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The details pane's tabs for a database probed over JDBC: Overview, Data Guard (apply and
 * transport lag over the last hour), Storage (recovery area and tablespace bars), Sessions and
 * Memory. Built from one {@link io.fleetdesk.poll.DirectTargetState}, which is immutable: no I/O here.
 */
public final class DeepHealthTabs {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private DeepHealthTabs() {
    }

    /** The tabs, with {@code selected} (a tab's id) chosen when it exists. */
    public static TabPane of(io.fleetdesk.poll.DirectTargetState st, DirectHealthRules rules, boolean awr, String selected) {
        DeepProbe.Reading r = st.reading();
        TabPane tabs = new TabPane(
                tab("tabOverview", "deep.tab.overview", overview(st, r, awr)),
                tab("tabDataGuard", "deep.tab.dataGuard", dataGuard(st, r)),
                tab("tabStorage", "deep.tab.storage", storage(r, rules)),
                tab("tabSessions", "deep.tab.sessions", sessions(r)),
                tab("tabMemory", "deep.tab.memory", memory(r)));
        tabs.setId("deepTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("deep-tabs");
        tabs.getTabs().stream().filter(t -> t.getId().equals(selected)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
        return tabs;
    }

    private static Tab tab(String id, String key, Node content) {
        Tab t = new Tab(Messages.get(key), content);
        t.setId(id);
        return t;
    }

    private static VBox page() {
        VBox v = new VBox(6);
        v.getStyleClass().add("deep-page");
        return v;
    }

    private static Node overview(io.fleetdesk.poll.DirectTargetState st, DeepProbe.Reading r, boolean awr) {
        VBox v = page();
        Probes.Instance i = r.instance();
        Probes.Database d = r.database();
        v.getChildren().add(section("deep.instance"));
        v.getChildren().add(grid(new String[][]{
                {"INSTANCE_NAME", i.instanceName()}, {"HOST_NAME", i.hostName()}, {"VERSION_FULL", i.version()},
                {"STATUS", i.status()}, {"STARTUP_TIME", i.startupTime() == null ? null : TIME.format(i.startupTime())},
                {"ARCHIVER", i.archiver()}, {"LOGINS", i.logins()}, {"DATABASE_STATUS", i.databaseStatus()}}));
        v.getChildren().add(section("deep.database"));
        v.getChildren().add(grid(new String[][]{
                {"NAME", d.name()}, {"DB_UNIQUE_NAME", d.dbUniqueName()}, {"DATABASE_ROLE", d.role()},
                {"OPEN_MODE", d.openMode()}, {"PROTECTION_MODE", d.protectionMode()},
                {"PROTECTION_LEVEL", d.protectionLevel()}, {"SWITCHOVER_STATUS", d.switchoverStatus()},
                {"FLASHBACK_ON", d.flashbackOn()}, {"FORCE_LOGGING", d.forceLogging()},
                {"FS_FAILOVER_STATUS", d.fastStartFailoverStatus()}, {"LOG_MODE", d.logMode()}}));
        v.getChildren().add(section("deep.awr"));
        v.getChildren().add(wrapped(!awr ? Messages.get("deep.awr.off")
                : r.awr() == null ? Messages.get("deep.awr.notRead")
                : r.awr().snapId() == null ? Messages.get("deep.awr.none")
                : Messages.get("deep.awr.latest", r.awr().snapId(), TIME.format(r.awr().endIntervalTime()))));
        v.getChildren().add(hint(Messages.get("deep.readAt", TIME.format(r.readAt()), r.took().toMillis(),
                st.target().describe())));
        return v;
    }

    private static Node dataGuard(io.fleetdesk.poll.DirectTargetState st, DeepProbe.Reading r) {
        VBox v = page();
        var stats = r.answers().dataGuard();
        if (!r.standby()) {
            v.getChildren().add(wrapped(Messages.get("deep.dg.primary", r.database().role())));
        } else if (stats != null) {
            v.getChildren().add(grid(new String[][]{
                    {Messages.get("deep.dg.apply"), stats.applyLag().map(DeepHealthTabs::seconds).orElse("-")},
                    {Messages.get("deep.dg.transport"), stats.transportLag().map(DeepHealthTabs::seconds).orElse("-")},
                    {"TIME_COMPUTED", stats.computedAt()}}));
        }
        if (r.standby()) {
            // Up to an hour: the axis spans what has been read so far (a fresh connection has minutes, not an hour).
            double span = st.lag().isEmpty() ? 1 : Duration.between(st.lag().getFirst().at(), r.readAt()).toMillis() / 60_000.0;
            double lower = -Math.min(60, Math.max(1, Math.ceil(span)));
            NumberAxis x = new NumberAxis(lower, 0, lower <= -30 ? 10 : lower <= -6 ? Math.ceil(-lower / 6) : -lower / 4);
            x.setLabel(Messages.get("deep.dg.minutesAgo"));
            NumberAxis y = new NumberAxis();
            y.setLabel(Messages.get("deep.dg.seconds"));
            y.setForceZeroInRange(true);
            LineChart<Number, Number> chart = new LineChart<>(x, y);
            chart.setId("lagChart");
            chart.setAnimated(false);
            chart.setCreateSymbols(st.lag().size() < 40);
            chart.setPrefHeight(230);
            chart.setMinHeight(200);
            chart.setTitle(Messages.get("deep.dg.chart"));
            XYChart.Series<Number, Number> apply = new XYChart.Series<>();
            apply.setName(Messages.get("deep.dg.apply"));
            XYChart.Series<Number, Number> transport = new XYChart.Series<>();
            transport.setName(Messages.get("deep.dg.transport"));
            Instant now = r.readAt();
            for (io.fleetdesk.poll.LagPoint p : st.lag()) {
                double ago = -Duration.between(p.at(), now).toMillis() / 60_000.0;
                if (p.applyLag() != null) {
                    apply.getData().add(new XYChart.Data<>(ago, p.applyLag().toSeconds()));
                }
                if (p.transportLag() != null) {
                    transport.getData().add(new XYChart.Data<>(ago, p.transportLag().toSeconds()));
                }
            }
            chart.getData().add(apply);
            chart.getData().add(transport);
            v.getChildren().add(chart);
            v.getChildren().add(hint(Messages.get("deep.dg.points", st.lag().size())));
        }
        v.getChildren().add(section("deep.dg.redo"));
        if (r.answers().gaps().isEmpty() && r.answers().destErrors().isEmpty()) {
            v.getChildren().add(wrapped(Messages.get(r.standby() ? "deep.dg.noGap" : "deep.dg.noDestError")));
        }
        for (Probes.ArchiveGap g : r.answers().gaps()) {
            v.getChildren().add(wrapped(Messages.get("deep.dg.gap", g.thread(), g.lowSequence(), g.highSequence())));
        }
        for (Probes.ArchiveDestError e : r.answers().destErrors()) {
            v.getChildren().add(wrapped(e.destName() + " " + e.status() + (e.error() == null ? "" : ": " + e.error())));
        }
        v.getChildren().add(section("deep.dg.srl"));
        Probes.StandbyLogs logs = r.redoLogs();
        if (logs == null) {
            v.getChildren().add(wrapped(Messages.get("deep.dg.srl.unread")));
        } else {
            Label count = wrapped(Messages.get("deep.dg.srl.count", logs.standby(), logs.online()));
            count.setId("standbyLogs");
            v.getChildren().add(count);
            List<io.fleetdesk.model.Notice> shortfalls = logs.shortfalls();
            if (shortfalls.isEmpty()) {
                v.getChildren().add(wrapped(Messages.get("deep.dg.srl.ok")));
            }
            shortfalls.forEach(f -> v.getChildren().add(wrapped(Messages.of(f))));
        }
        return v;
    }

    private static Node storage(DeepProbe.Reading r, DirectHealthRules rules) {
        VBox v = page();
        v.getChildren().add(section("deep.fra"));
        r.answers().recoveryArea().ifPresentOrElse(fra -> {
            v.getChildren().add(bar("fraBar", fra.name(), fra.usedPercent(), Messages.get("deep.fra.text",
                    gb(fra.usedBytes()), gb(fra.reclaimableBytes()), gb(fra.limitBytes()), fra.files()),
                    rules.recoveryAreaWarning(), rules.recoveryAreaCritical()));
            for (Probes.RecoveryAreaUse u : r.recoveryAreaUsage()) {
                v.getChildren().add(hint(String.format(Locale.ROOT, "%-16s %5.1f %%  (%s %% reclaimable, %d files)",
                        u.fileType(), u.percentUsed(), trim(u.percentReclaimable()), u.files())));
            }
        }, () -> v.getChildren().add(wrapped(Messages.get("deep.fra.none"))));
        v.getChildren().add(section("deep.tablespaces"));
        if (r.answers().tablespaces().isEmpty()) {
            v.getChildren().add(wrapped(Messages.get(r.standby() ? "deep.tablespaces.standby" : "deep.tablespaces.none")));
        }
        for (Probes.Tablespace t : r.answers().tablespaces()) {
            v.getChildren().add(bar("ts-" + t.name(), t.name(), t.usedPercent(), Messages.get("deep.ts.text",
                    gb(t.usedBytes()), gb(t.sizeBytes())), rules.tablespaceWarning(), rules.tablespaceCritical()));
        }
        return v;
    }

    private static Node sessions(DeepProbe.Reading r) {
        VBox v = page();
        List<Probes.SessionCount> s = r.answers().sessions();
        long active = s.stream().filter(c -> "ACTIVE".equals(c.status())).mapToLong(Probes.SessionCount::sessions).sum();
        long total = s.stream().mapToLong(Probes.SessionCount::sessions).sum();
        long blocked = s.stream().mapToLong(Probes.SessionCount::blocked).sum();
        Label head = new Label(Messages.get("deep.sessions.totals", total, active, blocked));
        head.setId("sessionTotals");
        head.getStyleClass().add(blocked > 0 ? "deep-warning" : "deep-ok");
        v.getChildren().add(head);
        v.getChildren().add(section("deep.sessions.byWait"));
        Map<String, long[]> byWait = new TreeMap<>();
        for (Probes.SessionCount c : s) {
            if ("ACTIVE".equals(c.status())) {
                long[] a = byWait.computeIfAbsent(c.waitClass() == null ? "-" : c.waitClass(), k -> new long[2]);
                a[0] += c.sessions();
                a[1] += c.blocked();
            }
        }
        long max = byWait.values().stream().mapToLong(a -> a[0]).max().orElse(1);
        for (var e : byWait.entrySet()) {
            v.getChildren().add(bar("wait-" + e.getKey(), e.getKey(), 100.0 * e.getValue()[0] / Math.max(1, max),
                    e.getValue()[0] + (e.getValue()[1] > 0 ? " (" + Messages.get("deep.sessions.blocked", e.getValue()[1]) + ")" : ""),
                    101, 101));
        }
        v.getChildren().add(hint(Messages.get("deep.sessions.note")));
        return v;
    }

    private static Node memory(DeepProbe.Reading r) {
        VBox v = page();
        Probes.Memory m = r.memory();
        if (m == null) {
            v.getChildren().add(wrapped(Messages.get("deep.memory.none")));
            return v;
        }
        v.getChildren().add(grid(new String[][]{
                {"SGA (V$SGA)", m.sgaBytes() < 0 ? "-" : gb(m.sgaBytes())},
                {"total PGA allocated", m.pgaAllocatedBytes() < 0 ? "-" : gb(m.pgaAllocatedBytes())},
                {"aggregate PGA target parameter", m.pgaTargetBytes() < 0 ? "-" : gb(m.pgaTargetBytes())}}));
        if (m.pgaTargetBytes() > 0 && m.pgaAllocatedBytes() >= 0) {
            v.getChildren().add(bar("pgaBar", "PGA", 100.0 * m.pgaAllocatedBytes() / m.pgaTargetBytes(),
                    Messages.get("deep.memory.pga"), 100, 200));
        }
        return v;
    }

    /** A labelled bar, coloured by the thresholds it is judged against. */
    private static Node bar(String id, String name, double percent, String text, double warn, double crit) {
        Label n = new Label(name);
        n.setMinWidth(110);
        n.getStyleClass().add("details-key");
        ProgressBar b = new ProgressBar(Math.min(1, Math.max(0, percent / 100)));
        b.setId(id);
        b.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(b, Priority.ALWAYS);
        b.getStyleClass().add(percent > crit ? "bar-critical" : percent > warn ? "bar-warning" : "bar-ok");
        Label p = new Label(String.format(Locale.ROOT, "%.1f %%", percent));
        p.setMinWidth(60);
        HBox row = new HBox(8, n, b, p);
        VBox box = new VBox(1, row, hint(text));
        return box;
    }

    private static Label section(String key) {
        Label l = new Label(Messages.get(key));
        l.getStyleClass().add("details-section");
        return l;
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        return l;
    }

    private static Label hint(String text) {
        Label l = wrapped(text);
        l.getStyleClass().add("details-hint");
        return l;
    }

    /** Name / value rows in the given order. */
    private static GridPane grid(String[][] rows) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (String[] r : rows) {
            m.put(r[0], r[1]);
        }
        return io.fleetdesk.ui.common.DetailsGrid.ofText(m);
    }

    private static String seconds(Duration d) {
        return d.toSeconds() + " s";
    }

    private static String gb(long bytes) {
        return bytes >= 1L << 30 ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : String.format(Locale.ROOT, "%.0f MB", bytes / (double) (1L << 20));
    }

    private static String trim(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
