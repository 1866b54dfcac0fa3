package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.fleetdesk.app.Messages;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One target of the fleet as the command prints it, named as the OCI CLI names fields (kebab-case):
 * where it is, what it is, its state and Data Guard role, its health and the reasons in the user's
 * language with their codes (stable, for scripts), and its OCID. A field the service left out is null.
 */
@JsonNaming(PropertyNamingStrategies.KebabCaseStrategy.class)
record TargetRow(String region, String compartmentPath, String kind, String name, String dbUniqueName,
                 String lifecycleState, String role, String applyLag, Long applyLagSeconds, String transportLag,
                 String protectionMode, String lastBackup, String health, List<String> reasons,
                 List<String> reasonCodes, boolean stale, String staleReason, String lastRefreshed, String id,
                 String parentId) {

    /**
     * The nodes a command lists: every target, and a region, compartment or group only when it has
     * something to say (a region that could not be read is UNKNOWN, not an absence of problems).
     */
    static boolean isTarget(FleetNode n) {
        return !FleetSnapshot.isContainer(n.kind()) || n.stale() != null || !n.reasons().isEmpty();
    }

    static TargetRow of(FleetSnapshot s, FleetNode n) {
        var dg = n.dataGuard();
        List<String> reasons = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (Notice r : n.reasons()) {
            reasons.add(Messages.of(r));
            codes.add(r.key());
        }
        Object backup = n.details().get(Detail.LAST_BACKUP);
        return new TargetRow(s.regionOf(n.id()), compartmentPath(s, n), n.kind().name(), Messages.nodeName(n),
                n.text(Detail.DB_UNIQUE_NAME), n.lifecycleState(), dg == null ? null : dg.role(),
                dg == null ? null : dg.applyLag(), dg == null || dg.applyLagSeconds() < 0 ? null : dg.applyLagSeconds(),
                dg == null ? null : dg.transportLag(), dg == null ? null : dg.protectionMode(),
                backup == null ? null : String.valueOf(backup), n.shownHealth().name(), reasons, codes,
                n.stale() != null, n.stale() == null ? null : Messages.of(n.stale().reason()),
                n.lastRefreshed() == null ? null : n.lastRefreshed().toString(), n.id(), n.parentId());
    }

    /** The compartment path of a node ("acme-demo/prod/payments"), or its group for a direct target. */
    static String compartmentPath(FleetSnapshot s, FleetNode n) {
        String p = s.compartmentPath(n.id());
        if (p != null && !p.isBlank()) {
            return p;
        }
        FleetNode parent = n.parentId() == null ? null : s.node(n.parentId());
        return parent != null && parent.kind() == NodeKind.DIRECT_GROUP ? parent.name() : p;
    }

    /** Every target of the snapshot, in the tree's order (region, compartment, system, database). */
    static List<TargetRow> all(FleetSnapshot s) {
        List<TargetRow> out = new ArrayList<>();
        walk(s, s.roots(), out);
        return out;
    }

    private static void walk(FleetSnapshot s, List<String> ids, List<TargetRow> out) {
        for (String id : ids) {
            FleetNode n = s.node(id);
            if (n == null) {
                continue;
            }
            if (isTarget(n)) {
                out.add(of(s, n));
            }
            walk(s, s.children(id), out);
        }
    }

    /** The worst health of some rows; OK when there are none. */
    static Health worst(List<TargetRow> rows) {
        Health w = Health.OK;
        for (TargetRow r : rows) {
            w = w.worst(Health.valueOf(r.health()));
        }
        return w;
    }

    /** A node's fields by their {@link Detail} names, for {@code db get}. */
    static Map<String, Object> details(FleetNode n) {
        Map<String, Object> m = new LinkedHashMap<>();
        n.details().forEach((k, v) -> m.put(k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                v == null ? null : v instanceof Number || v instanceof Boolean ? v : Messages.value(v)));
        return m;
    }
}
