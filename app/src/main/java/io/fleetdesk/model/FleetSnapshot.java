package io.fleetdesk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole fleet at one moment: every node by id, children in a stable order, and each node's
 * rolled-up health (the worst of itself and everything below it). Immutable; safe to share.
 */
public final class FleetSnapshot {
    public static final FleetSnapshot EMPTY = new FleetSnapshot(Map.of(), Instant.EPOCH, Duration.ZERO, List.of(), 0);

    private final Map<String, FleetNode> nodes;
    private final Map<String, List<String>> children;
    private final Map<String, Health> rolledUp;
    private final Instant takenAt;
    private final Duration refreshDuration;
    private final List<Notice> errors;
    private final long requests;
    /** Counted once here (on the poller's thread), not by every reader on the FX thread. */
    private final Map<Health, Integer> databasesByHealth;
    private final Map<NodeKind, Long> countsByKind;
    /**
     * Per node: resources (anything but regions, compartments and groups) at or below it, or -1 when
     * something at or below it needs saying (a reason, or a read that never succeeded).
     */
    private final Map<String, Integer> resourcesBelow;
    private final TenancyInfo tenancy;
    /** Compartment paths, worked out on first use (a snapshot is immutable, so the memo is safe to share). */
    private final Map<String, String> paths = new java.util.concurrent.ConcurrentHashMap<>();

    public FleetSnapshot(Map<String, FleetNode> nodes, Instant takenAt, Duration refreshDuration,
                         List<Notice> errors, long requests) {
        this(nodes, takenAt, refreshDuration, errors, requests, TenancyInfo.NONE);
    }

    public FleetSnapshot(Map<String, FleetNode> nodes, Instant takenAt, Duration refreshDuration,
                         List<Notice> errors, long requests, TenancyInfo tenancy) {
        this.tenancy = tenancy;
        this.nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        this.takenAt = takenAt;
        this.refreshDuration = refreshDuration;
        this.errors = List.copyOf(errors);
        this.requests = requests;
        Map<String, List<String>> kids = new LinkedHashMap<>();
        for (FleetNode n : this.nodes.values()) {
            kids.computeIfAbsent(n.parentId() == null ? "" : n.parentId(), k -> new ArrayList<>()).add(n.id());
        }
        kids.replaceAll((k, v) -> List.copyOf(v));
        this.children = Collections.unmodifiableMap(kids);
        Map<String, Health> roll = new java.util.HashMap<>();
        Map<String, Integer> below = new java.util.HashMap<>();
        for (String root : roots()) {
            rollUp(root, roll, below);
        }
        this.rolledUp = Collections.unmodifiableMap(roll);
        this.resourcesBelow = Collections.unmodifiableMap(below);
        Map<Health, Integer> byHealth = new EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            byHealth.put(h, 0);
        }
        Map<NodeKind, Long> byKind = new EnumMap<>(NodeKind.class);
        for (NodeKind k : NodeKind.values()) {
            byKind.put(k, 0L);
        }
        for (FleetNode n : this.nodes.values()) {
            byKind.merge(n.kind(), 1L, Long::sum);
            if (n.kind().isDatabase()) {
                byHealth.merge(n.shownHealth(), 1, Integer::sum);
            }
        }
        this.databasesByHealth = Collections.unmodifiableMap(byHealth);
        this.countsByKind = Collections.unmodifiableMap(byKind);
    }

    private Health rollUp(String id, Map<String, Health> out, Map<String, Integer> below) {
        FleetNode n = nodes.get(id);
        Health h = n.shownHealth();
        boolean says = !n.reasons().isEmpty() || (n.stale() != null && n.stale().lastGood() == null);
        int count = says ? -1 : isContainer(n.kind()) ? 0 : 1;
        for (String c : children(id)) {
            h = h.worst(rollUp(c, out, below));
            int b = below.get(c);
            count = count < 0 || b < 0 ? -1 : count + b;
        }
        out.put(id, h);
        below.put(id, count);
        return h;
    }

    /** Regions, compartments and groups hold resources; they are not resources themselves. */
    public static boolean isContainer(NodeKind k) {
        return k == NodeKind.REGION || k == NodeKind.COMPARTMENT || k == NodeKind.DIRECT_GROUP;
    }

    /**
     * A compartment with nothing in it or below it and nothing to say about it: the tree hides these
     * unless the DBA asks to see them. One that was read empty and is stale now stays hidden (its last
     * known state is empty; its region says it is stale). One that has never been read, or a refused
     * list in it, is not empty: we do not know that it is.
     */
    public boolean isEmptyCompartment(String id) {
        FleetNode n = nodes.get(id);
        return n != null && n.kind() == NodeKind.COMPARTMENT && resourcesBelow.getOrDefault(id, -1) == 0;
    }

    /**
     * The path of the compartment a node is in (or of the compartment itself), names from the root
     * joined with '/', e.g. {@code acme/prod/erp}; "" for a node outside any compartment.
     */
    public String compartmentPath(String id) {
        FleetNode n = nodes.get(id);
        while (n != null && n.kind() != NodeKind.COMPARTMENT) {
            n = n.parentId() == null ? null : nodes.get(n.parentId());
        }
        if (n == null) {
            return "";
        }
        FleetNode c = n;
        String known = paths.get(c.id());
        if (known != null) {
            return known;
        }
        FleetNode parent = c.parentId() == null ? null : nodes.get(c.parentId());
        String p = parent != null && parent.kind() == NodeKind.COMPARTMENT ? compartmentPath(parent.id()) + "/" + c.name()
                : c.name();
        paths.put(c.id(), p);
        return p;
    }

    /** The node and its ancestors, top first (region, compartments …, the node). */
    public List<FleetNode> pathTo(String id) {
        List<FleetNode> out = new ArrayList<>();
        for (FleetNode n = nodes.get(id); n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
            out.addFirst(n);
        }
        return out;
    }

    /** What tenancy discovery found when this snapshot was taken. */
    public TenancyInfo tenancy() {
        return tenancy;
    }

    public Map<String, FleetNode> nodes() {
        return nodes;
    }

    public FleetNode node(String id) {
        return nodes.get(id);
    }

    /** The region a node lives in (the name of its REGION ancestor), or null when it is not in the tree. */
    public String regionOf(String id) {
        for (FleetNode n = nodes.get(id); n != null; n = n.parentId() == null ? null : nodes.get(n.parentId())) {
            if (n.kind() == NodeKind.REGION) {
                return n.name();
            }
        }
        return null;
    }

    public List<String> roots() {
        return children.getOrDefault("", List.of());
    }

    public List<String> children(String id) {
        return children.getOrDefault(id, List.of());
    }

    /** The worst health of this node and everything below it. */
    public Health rolledUpHealth(String id) {
        return rolledUp.getOrDefault(id, Health.UNKNOWN);
    }

    public Instant takenAt() {
        return takenAt;
    }

    public Duration refreshDuration() {
        return refreshDuration;
    }

    /** What went wrong in the refresh that made this snapshot, one line each; empty when all went well. */
    public List<Notice> errors() {
        return errors;
    }

    /** API requests the refresh sent. */
    public long requests() {
        return requests;
    }

    /** How many databases (OCI and direct) are in each shown health, for the status bar. */
    public Map<Health, Integer> countByHealth() {
        return databasesByHealth;
    }

    public long count(NodeKind kind) {
        return countsByKind.get(kind);
    }
}
