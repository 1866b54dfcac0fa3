package io.fleetdesk.poll;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tree's nodes of the directly probed databases: "Direct connections" (the UI names it), the
 * DBA's groups, and each target under its group or under the OCI database it is linked to. Pure.
 */
final class DirectNodes {
    private DirectNodes() {
    }

    /** Every target's node, plus the root and the groups that have unlinked targets; empty when there are none. */
    static Map<String, FleetNode> of(List<DirectTargetState> states) {
        Map<String, FleetNode> out = new LinkedHashMap<>();
        if (states.isEmpty()) {
            return out;
        }
        Instant now = Instant.now();
        out.put(DirectPoller.ROOT_ID, group(DirectPoller.ROOT_ID, null, "Direct connections", now));
        for (DirectTargetState st : states) {
            DirectTarget t = st.target();
            String parent = DirectPoller.ROOT_ID;
            if (t.linked()) {
                // Under its OCI database; FleetStore moves it under ROOT_ID when that database is not shown.
                parent = t.linkedDatabaseId();
            } else if (!t.group().isEmpty()) {
                parent = groupId(t.group());
                out.putIfAbsent(parent, group(parent, DirectPoller.ROOT_ID, t.group(), now));
            }
            out.put(t.nodeId(), node(st, parent));
        }
        return out;
    }

    static String groupId(String group) {
        return "direct:group:" + group;
    }

    private static FleetNode group(String id, String parent, String name, Instant now) {
        return new FleetNode(id, parent, NodeKind.DIRECT_GROUP, name, null, null, Health.OK, List.of(), Map.of(), now, null);
    }

    /** A target's node. */
    private static FleetNode node(DirectTargetState st, String parent) {
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

}
