package io.fleetdesk.poll;

import io.fleetdesk.jdbc.ConnectStrings;
import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.jdbc.OraErrors;
import io.fleetdesk.jdbc.TargetPool;
import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Keeps the directly reached databases current: one small pool per connected target, one round of
 * probes per target per interval, each on its own virtual thread with its own deadline, so a dead
 * or slow target never delays the others. Each finished round is published at once as tree nodes
 * (under "Direct connections", or under the OCI database a target is linked to). Never touches
 * JavaFX.
 *
 * <p>Passwords: {@link #connect} hands the password to the target's pool (HikariCP keeps it in
 * memory for the session) and wipes the caller's array. Nothing here writes it anywhere; a target
 * removed or the poller closed closes its pool, and the password goes with it.
 */
public final class DirectPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectPoller.class);
    public static final String ROOT_ID = "direct:root";
    /** How far back the lag chart goes. */
    public static final Duration HISTORY = Duration.ofHours(1);

    /** Intervals and deadlines. */
    public record Settings(Duration interval, Duration connectTimeout, Duration deadline, Duration queryTimeout,
                           boolean awr) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(15), Duration.ofSeconds(4), Duration.ofSeconds(10),
                    Duration.ofSeconds(5), false);
        }

        public Settings withAwr(boolean on) {
            return new Settings(interval, connectTimeout, deadline, queryTimeout, on);
        }

        public Settings withInterval(Duration d) {
            return new Settings(d, connectTimeout, deadline, queryTimeout, awr);
        }
    }

    /** One reading of V$DATAGUARD_STATS, for the lag chart. */
    public record LagPoint(Instant at, Duration applyLag, Duration transportLag) {
    }

    /**
     * What is known of one target now.
     *
     * @param reading  the last good round, or null
     * @param verdict  the health rules' verdict on that round, or null
     * @param problem  why the last round failed (the ORA- error explained), or null
     * @param lastGood when the last good round ended
     * @param lag      apply and transport lag over the last hour, oldest first
     */
    public record TargetState(DirectTarget target, boolean connected, DeepProbe.Reading reading,
                              DirectHealthRules.Verdict verdict, Notice problem, Instant lastGood, List<LagPoint> lag) {
    }

    private final class Slot {
        volatile DirectTarget target;
        volatile TargetPool pool;
        volatile DeepProbe.Reading reading;
        volatile DirectHealthRules.Verdict verdict;
        volatile Notice problem;
        volatile Instant lastGood;
        volatile boolean inFlight;
        final Deque<LagPoint> lag = new ArrayDeque<>();

        Slot(DirectTarget t) {
            target = t;
        }

        synchronized TargetState state() {
            return new TargetState(target, pool != null && !pool.isClosed(), reading, verdict, problem, lastGood,
                    List.copyOf(lag));
        }

        /** Set once the target left the list (or the poller closed): no pool may be opened in it again. */
        boolean removed;

        synchronized void closePool() {
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }

        synchronized void remove() {
            removed = true;
            closePool();
        }
    }

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    /** The DBA's order of the targets (the settings' order, then the demo's). */
    private final List<String> order = new ArrayList<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Consumer<Map<String, FleetNode>>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Settings settings;
    private volatile DirectHealthRules rules;
    private volatile boolean closed;
    private final Thread loop;
    private final Object wake = new Object();

    public DirectPoller(Settings settings, DirectHealthRules rules) {
        this.settings = settings;
        this.rules = rules;
        this.loop = Thread.ofVirtual().name("direct-poller").unstarted(this::runLoop);
        loop.start();
    }

    /** Told the tree nodes of every target after each change (on the probing thread). */
    public void subscribe(Consumer<Map<String, FleetNode>> l) {
        listeners.add(l);
        l.accept(nodes());
    }

    public void unsubscribe(Consumer<Map<String, FleetNode>> l) {
        listeners.remove(l);
    }

    public Settings settings() {
        return settings;
    }

    public void setSettings(Settings s) {
        settings = s;
        probeAllNow();
    }

    public void setRules(DirectHealthRules r) {
        rules = r;
        probeAllNow();
    }

    /**
     * The targets to show. A target no longer there has its pool closed; one whose connection
     * changed (string, user, role, folders) is disconnected, as its password may not fit any more.
     */
    public void setTargets(List<DirectTarget> targets) {
        Map<String, DirectTarget> wanted = new LinkedHashMap<>();
        targets.forEach(t -> wanted.put(t.id(), t));
        for (var it = slots.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!wanted.containsKey(e.getKey())) {
                it.remove();
                e.getValue().remove();
                LOG.info("direct target {} removed; its pool is closed", e.getValue().target.name());
            }
        }
        for (DirectTarget t : wanted.values()) {
            Slot s = slots.get(t.id());
            if (s == null) {
                slots.put(t.id(), new Slot(t));
            } else if (!sameConnection(s.target, t)) {
                s.closePool();
                s.target = t;
                s.reading = null;
                s.verdict = null;
                s.problem = null;
            } else {
                s.target = t;
            }
        }
        synchronized (order) {
            order.clear();
            order.addAll(wanted.keySet());
        }
        publish();
    }

    private static boolean sameConnection(DirectTarget a, DirectTarget b) {
        return a.kind() == b.kind() && Objects.equals(a.connect(), b.connect()) && Objects.equals(a.user(), b.user())
                && a.role() == b.role() && Objects.equals(a.tnsAdmin(), b.tnsAdmin()) && Objects.equals(a.wallet(), b.wallet());
    }

    /**
     * Opens a target's pool with a password and probes it now. The password array is wiped here.
     *
     * @return why it cannot be tried (the connect string is wrong), or null when the probe is on its way
     */
    public Notice connect(String targetId, char[] password) {
        Slot s = slots.get(targetId);
        try {
            if (s == null) {
                return Notice.of("direct.gone");
            }
            ConnectStrings.Resolved r;
            try {
                r = ConnectStrings.resolve(s.target);
            } catch (ConnectStrings.InvalidTarget e) {
                s.problem = e.notice();
                publish();
                return e.notice();
            }
            synchronized (s) {
                if (s.removed || closed) {
                    // Removed (or closing) while this connect waited: a pool made now would never be closed.
                    return Notice.of("direct.gone");
                }
                s.closePool();
                s.pool = new TargetPool(s.target.name(), r.url(), r.properties(), s.target.user(), password,
                        settings.connectTimeout());
                s.problem = null;
            }
            probe(s);
            return null;
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    /** Closes a target's pool; it shows as not connected until the next {@link #connect}. */
    public void disconnect(String targetId) {
        Slot s = slots.get(targetId);
        if (s != null) {
            s.closePool();
            s.problem = null;
            publish();
        }
    }

    /** Connections held by every target's pool now (the soak run watches this for leaks). */
    public int poolConnections() {
        int n = 0;
        for (Slot s : slots.values()) {
            TargetPool p = s.pool;
            n += p == null ? 0 : p.connections();
        }
        return n;
    }

    /** The pool of a target, for tests; null when not connected. */
    io.fleetdesk.jdbc.TargetPool pool(String targetId) {
        Slot s = slots.get(targetId);
        return s == null ? null : s.pool;
    }

    public TargetState state(String targetId) {
        Slot s = slots.get(targetId);
        return s == null ? null : s.state();
    }

    /** The state of the target behind a tree node (a direct node's id), or null. */
    public TargetState stateOfNode(String nodeId) {
        return nodeId != null && nodeId.startsWith("direct:") ? state(nodeId.substring("direct:".length())) : null;
    }

    /** A round read on request: the reading, or why there is none (null why: no target is linked). */
    public record Fresh(DeepProbe.Reading reading, Notice why) {
    }

    /**
     * A fresh round for the target linked to an OCI database, for the Data Guard pre-checks.
     * Blocking, within the deadline: call it off the FX thread.
     */
    public Fresh readLinked(String databaseId) {
        Slot s = slots.values().stream().filter(x -> databaseId != null && databaseId.equals(x.target.linkedDatabaseId()))
                .findFirst().orElse(null);
        if (s == null) {
            return new Fresh(null, null);
        }
        TargetPool pool = s.pool;
        DirectTarget t = s.target;
        if (pool == null) {
            return new Fresh(null, Notice.of("direct.linkedNotConnected", t.name()));
        }
        Settings o = settings;
        try {
            DeepProbe.Reading r = round(pool, t, o).get();
            if (s.pool == pool) {
                done(s, r);
                publish();
            }
            return new Fresh(r, null);
        } catch (java.util.concurrent.ExecutionException e) {
            return new Fresh(null, Notice.of("direct.problemOf", t.name(), problem(e, t, o)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Fresh(null, Notice.of("direct.interrupted"));
        }
    }

    /** The state of the target linked to an OCI database, or null when none is. */
    public TargetState linkedTo(String databaseId) {
        for (Slot s : slots.values()) {
            if (databaseId != null && databaseId.equals(s.target.linkedDatabaseId())) {
                return s.state();
            }
        }
        return null;
    }

    public List<TargetState> states() {
        List<TargetState> out = new ArrayList<>();
        synchronized (order) {
            for (String id : order) {
                Slot s = slots.get(id);
                if (s != null) {
                    out.add(s.state());
                }
            }
        }
        return out;
    }

    /** Probes every connected target now (after a setting changed, or the DBA asked). */
    public void probeAllNow() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void runLoop() {
        while (!closed) {
            for (Slot s : slots.values()) {
                if (s.pool != null) {
                    try {
                        probe(s);
                    } catch (Throwable t) {
                        if (closed) {
                            return;
                        }
                        // One target's bad round (an Error included) must not end probing for every target.
                        LOG.error("probing {} failed; trying again at the next round", s.target.name(), t);
                        s.problem = Notice.of("direct.probingFailed", String.valueOf(t));
                        publish();
                    }
                }
            }
            synchronized (wake) {
                try {
                    wake.wait(settings.interval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** One round for one target, on its own thread, with its own deadline; a round still running is not doubled. */
    private void probe(Slot s) {
        TargetPool pool = s.pool;
        if (pool == null || s.inFlight || closed) {
            return;
        }
        s.inFlight = true;
        Settings o = settings;
        DirectTarget t = s.target;
        round(pool, t, o)
                .whenComplete((reading, error) -> {
                    s.inFlight = false;
                    if (s.pool != pool) {
                        return; // disconnected or removed meanwhile
                    }
                    if (error == null) {
                        done(s, reading);
                    } else {
                        Notice before = s.problem;
                        s.problem = problem(error, t, o);
                        if (!s.problem.equals(before)) {
                            // Once per new problem, not every round.
                            LOG.info("direct target {}: {}", t.name(), error.toString());
                        }
                    }
                    publish();
                });
    }

    /** One round of probes on the workers, failed with a TimeoutException when it passes the deadline. */
    private CompletableFuture<DeepProbe.Reading> round(TargetPool pool, DirectTarget t, Settings o) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DeepProbe.read(pool, t.user(), new DeepProbe.Options(o.queryTimeout(), o.awr()));
            } catch (java.sql.SQLException e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, workers).orTimeout(o.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why a round failed, as a notice: the deadline, or the ORA- error explained. */
    private static Notice problem(Throwable error, DirectTarget t, Settings o) {
        Throwable cause = (error instanceof java.util.concurrent.CompletionException
                || error instanceof java.util.concurrent.ExecutionException) && error.getCause() != null
                ? error.getCause() : error;
        return cause instanceof TimeoutException
                ? Notice.of("direct.noAnswer", o.deadline())
                : OraErrors.explain(cause, t.user()).line();
    }

    private void done(Slot s, DeepProbe.Reading r) {
        DirectHealthRules.Verdict v = rules.evaluate(r.answers());
        synchronized (s) {
            s.reading = r;
            s.verdict = v;
            s.problem = null;
            s.lastGood = r.readAt();
            var dg = r.answers().dataGuard();
            if (dg != null && (dg.applyLag().isPresent() || dg.transportLag().isPresent())) {
                s.lag.addLast(new LagPoint(r.readAt(), dg.applyLag().orElse(null), dg.transportLag().orElse(null)));
            }
            while (!s.lag.isEmpty() && s.lag.peekFirst().at().isBefore(r.readAt().minus(HISTORY))) {
                s.lag.removeFirst();
            }
        }
    }

    /** Every target's node, plus "Direct connections" and the groups that have unlinked targets. */
    public Map<String, FleetNode> nodes() {
        Map<String, FleetNode> out = new LinkedHashMap<>();
        List<TargetState> states = states();
        if (states.isEmpty()) {
            return out;
        }
        Instant now = Instant.now();
        out.put(ROOT_ID, group(ROOT_ID, null, "Direct connections", now));
        for (TargetState st : states) {
            DirectTarget t = st.target();
            String parent = ROOT_ID;
            if (t.linked()) {
                // Under its OCI database; FleetStore moves it under ROOT_ID when that database is not shown.
                parent = t.linkedDatabaseId();
            } else if (!t.group().isEmpty()) {
                parent = groupId(t.group());
                out.putIfAbsent(parent, group(parent, ROOT_ID, t.group(), now));
            }
            out.put(t.nodeId(), node(st, parent));
        }
        return out;
    }

    public static String groupId(String group) {
        return "direct:group:" + group;
    }

    private static FleetNode group(String id, String parent, String name, Instant now) {
        return new FleetNode(id, parent, NodeKind.DIRECT_GROUP, name, null, null, Health.OK, List.of(), Map.of(), now, null);
    }

    /** A target's node. */
    private static FleetNode node(TargetState st, String parent) {
        DirectTarget t = st.target();
        Map<Detail, Object> d = new LinkedHashMap<>();
        d.put(Detail.CONNECT, t.describe());
        DeepProbe.Reading r = st.reading();
        if (!st.connected() && r == null) {
            List<Notice> why = List.of(st.problem() != null ? st.problem() : Notice.of("direct.notConnected"));
            return new FleetNode(t.nodeId(), parent, NodeKind.DIRECT_DATABASE, t.name(), "NOT CONNECTED", null,
                    Health.UNKNOWN, why, d, null, null);
        }
        if (r == null) {
            return new FleetNode(t.nodeId(), parent, NodeKind.DIRECT_DATABASE, t.name(), st.problem() == null
                    ? "CONNECTING" : "UNREACHABLE", null, Health.UNKNOWN,
                    List.of(st.problem() == null ? Notice.of("direct.connecting") : st.problem()), d, null,
                    st.problem() == null ? null : new Staleness(null, st.problem()));
        }
        var i = r.instance();
        var db = r.database();
        // The rest is in the details tabs; what is here is also what the tree's filter finds.
        d.put(Detail.INSTANCE, Notice.of("detail.instanceOn", i.instanceName(), i.hostName()));
        if (db.dbUniqueName() != null) {
            d.put(Detail.DB_UNIQUE_NAME, db.dbUniqueName());
        }
        if (db.openMode() != null) {
            d.put(Detail.OPEN_MODE, db.openMode());
        }
        DataGuardMember dg = null;
        if (db.role() != null) {
            var stats = r.answers().dataGuard();
            String apply = stats == null ? null : stats.applyLag().map(x -> x.toSeconds() + " seconds").orElse(null);
            String transport = stats == null ? null : stats.transportLag().map(x -> x.toSeconds() + " seconds").orElse(null);
            dg = new DataGuardMember(db.role(), List.of(), db.protectionMode(), null, apply,
                    stats == null ? -1 : stats.applyLag().map(Duration::toSeconds).orElse(-1L), transport, null, null,
                    null, null, null);
        }
        List<Notice> reasons = new ArrayList<>(st.verdict().reasons());
        reasons.addAll(r.problems());
        Health h = st.verdict().health();
        if (!r.problems().isEmpty()) {
            h = h.worst(Health.WARNING);
        }
        Staleness stale = st.problem() == null ? null : new Staleness(st.lastGood(), st.problem());
        return new FleetNode(t.nodeId(), parent, NodeKind.DIRECT_DATABASE, t.name(), i.status(), dg, h, reasons, d,
                r.readAt(), stale);
    }

    private void publish() {
        Map<String, FleetNode> n = nodes();
        for (Consumer<Map<String, FleetNode>> l : listeners) {
            l.accept(n);
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.interrupt();
        for (Slot s : slots.values()) {
            s.remove();
        }
        workers.shutdownNow();
    }
}
