package io.fleetdesk.ui.switchover;

import io.fleetdesk.model.DataGuardMember;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.app.Messages;

/** One side of the pair as the Pair page shows it: what the tree knew, updated by the pre-checks' fresh reads. */
public record PairMember(String name, String dbName, String dbSystem, String region, String availabilityDomain,
                         String role, String lifecycleState, String protectionMode, String transportType,
                         String applyLag, String transportLag) {

    /** From the tree's snapshot, or from a fresh GetDatabase when there is one. */
    static PairMember of(FleetSnapshot s, String id, DatabaseRow fresh) {
        FleetNode n = s.node(id);
        FleetNode parent = n == null || n.parentId() == null ? null : s.node(n.parentId());
        // What the database runs on: a DB system, a VM cluster, a container database; a serverless
        // Autonomous Database (under its compartment) runs on nothing the DBA names.
        FleetNode system = parent == null || io.fleetdesk.model.FleetSnapshot.isContainer(parent.kind())
                || parent.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_DATABASE ? null : parent;
        String ad = n != null && n.text(Detail.AVAILABILITY_DOMAIN) != null ? n.text(Detail.AVAILABILITY_DOMAIN)
                : system == null ? null : system.text(Detail.AVAILABILITY_DOMAIN);
        DataGuardMember dg = fresh != null ? fresh.dataGuard() : n == null ? null : n.dataGuard();
        String name = fresh != null ? (fresh.dbUniqueName() != null ? fresh.dbUniqueName() : fresh.dbName())
                : n == null ? id : io.fleetdesk.app.Messages.nodeName(n);
        String dbName = fresh != null ? fresh.dbName() : n == null ? null : n.text(Detail.DB_NAME);
        return new PairMember(name, dbName, system == null ? null : system.name(), s.regionOf(id),
                ad,
                dg == null ? null : dg.role(), fresh != null ? fresh.lifecycleState() : n == null ? null : n.lifecycleState(),
                dg == null ? null : dg.protectionMode(), dg == null ? null : dg.transportType(),
                dg == null || dg.applyLag() == null ? null : Messages.lag(dg.applyLag()),
                dg == null || dg.transportLag() == null ? null : Messages.lag(dg.transportLag()));
    }

    /** Keeps what the tree knew (DB system, region, AD) and takes the fresh reads' states and lags. */
    static PairMember merge(PairMember known, PairMember fresh) {
        return new PairMember(fresh.name(), fresh.dbName() != null ? fresh.dbName() : known.dbName(), known.dbSystem(),
                known.region(), known.availabilityDomain(), fresh.role(), fresh.lifecycleState(), fresh.protectionMode(),
                fresh.transportType(), fresh.applyLag(), fresh.transportLag());
    }
}
