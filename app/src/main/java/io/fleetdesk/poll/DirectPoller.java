package io.fleetdesk.poll;

import io.fleetdesk.jdbc.ConnectStrings;
import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.jdbc.LinkedReading;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.jdbc.TargetPool;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    private final Map<String, DirectSlot> slots = new ConcurrentHashMap<>();
    /** The DBA's order of the targets (the settings' order, then the demo's). */
    private final List<String> order = new ArrayList<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final List<Consumer<Map<String, FleetNode>>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile DirectSettings settings;
    private volatile DirectHealthRules rules;
    private volatile boolean closed;
    private final Thread loop;
    private final Object wake = new Object();

    public DirectPoller(DirectSettings settings, DirectHealthRules rules) {
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

    public DirectSettings settings() {
        return settings;
    }

    public void setSettings(DirectSettings s) {
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
            DirectSlot s = slots.get(t.id());
            if (s == null) {
                slots.put(t.id(), new DirectSlot(t));
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
        DirectSlot s = slots.get(targetId);
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
        DirectSlot s = slots.get(targetId);
        if (s != null) {
            s.closePool();
            s.problem = null;
            publish();
        }
    }

    /** Connections held by every target's pool now (the soak run watches this for leaks). */
    public int poolConnections() {
        int n = 0;
        for (DirectSlot s : slots.values()) {
            TargetPool p = s.pool;
            n += p == null ? 0 : p.connections();
        }
        return n;
    }

    /** The pool of a target, for tests; null when not connected. */
    io.fleetdesk.jdbc.TargetPool pool(String targetId) {
        DirectSlot s = slots.get(targetId);
        return s == null ? null : s.pool;
    }

    public DirectTargetState state(String targetId) {
        DirectSlot s = slots.get(targetId);
        return s == null ? null : s.state();
    }

    /** The state of the target behind a tree node (a direct node's id), or null. */
    public DirectTargetState stateOfNode(String nodeId) {
        return nodeId != null && nodeId.startsWith("direct:") ? state(nodeId.substring("direct:".length())) : null;
    }

    /**
     * A fresh round for the target linked to an OCI database, for the Data Guard pre-checks.
     * Blocking, within the deadline: call it off the FX thread.
     */
    public LinkedReading readLinked(String databaseId) {
        DirectSlot s = slots.values().stream().filter(x -> databaseId != null && databaseId.equals(x.target.linkedDatabaseId()))
                .findFirst().orElse(null);
        if (s == null) {
            return new LinkedReading(null, null);
        }
        TargetPool pool = s.pool;
        DirectTarget t = s.target;
        if (pool == null) {
            return new LinkedReading(null, Notice.of("direct.linkedNotConnected", t.name()));
        }
        DirectSettings o = settings;
        try {
            DeepProbe.Reading r = DirectRound.run(pool, t, o, workers).get();
            if (s.pool == pool) {
                done(s, r);
                publish();
            }
            return new LinkedReading(r, null);
        } catch (java.util.concurrent.ExecutionException e) {
            return new LinkedReading(null, Notice.of("direct.problemOf", t.name(), DirectRound.problem(e, t, o)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new LinkedReading(null, Notice.of("direct.interrupted"));
        }
    }

    /** The state of the target linked to an OCI database, or null when none is. */
    public DirectTargetState linkedTo(String databaseId) {
        for (DirectSlot s : slots.values()) {
            if (databaseId != null && databaseId.equals(s.target.linkedDatabaseId())) {
                return s.state();
            }
        }
        return null;
    }

    public List<DirectTargetState> states() {
        List<DirectTargetState> out = new ArrayList<>();
        synchronized (order) {
            for (String id : order) {
                DirectSlot s = slots.get(id);
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
            for (DirectSlot s : slots.values()) {
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
    private void probe(DirectSlot s) {
        TargetPool pool = s.pool;
        if (pool == null || s.inFlight || closed) {
            return;
        }
        s.inFlight = true;
        DirectSettings o = settings;
        DirectTarget t = s.target;
        DirectRound.run(pool, t, o, workers)
                .whenComplete((reading, error) -> {
                    s.inFlight = false;
                    if (s.pool != pool) {
                        return; // disconnected or removed meanwhile
                    }
                    if (error == null) {
                        done(s, reading);
                    } else {
                        Notice before = s.problem;
                        s.problem = DirectRound.problem(error, t, o);
                        if (!s.problem.equals(before)) {
                            // Once per new problem, not every round.
                            LOG.info("direct target {}: {}", t.name(), error.toString());
                        }
                    }
                    publish();
                });
    }

    private void done(DirectSlot s, DeepProbe.Reading r) {
        s.read(r, rules.evaluate(r.answers()));
    }

    /** Every target's node, plus "Direct connections" and the groups that have unlinked targets. */
    public Map<String, FleetNode> nodes() {
        return DirectNodes.of(states());
    }

    public static String groupId(String group) {
        return DirectNodes.groupId(group);
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
        for (DirectSlot s : slots.values()) {
            s.remove();
        }
        workers.shutdownNow();
    }
}
