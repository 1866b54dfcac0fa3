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
    private final List<String> errors;
    private final long requests;
    /** Counted once here (on the poller's thread), not by every reader on the FX thread. */
    private final Map<Health, Integer> databasesByHealth;
    private final Map<NodeKind, Long> countsByKind;

    public FleetSnapshot(Map<String, FleetNode> nodes, Instant takenAt, Duration refreshDuration,
                         List<String> errors, long requests) {
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
        for (String root : roots()) {
            rollUp(root, roll);
        }
        this.rolledUp = Collections.unmodifiableMap(roll);
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
            if (n.kind() == NodeKind.DATABASE || n.kind() == NodeKind.DIRECT_DATABASE) {
                byHealth.merge(n.shownHealth(), 1, Integer::sum);
            }
        }
        this.databasesByHealth = Collections.unmodifiableMap(byHealth);
        this.countsByKind = Collections.unmodifiableMap(byKind);
    }

    private Health rollUp(String id, Map<String, Health> out) {
        Health h = nodes.get(id).shownHealth();
        for (String c : children(id)) {
            h = h.worst(rollUp(c, out));
        }
        out.put(id, h);
        return h;
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
    public List<String> errors() {
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
