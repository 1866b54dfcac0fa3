package io.fleetdesk.ops;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.util.List;

/**
 * Which Data Guard operations a database in the tree offers, and why not when it does not. The
 * menu, the keyboard and the details pane all ask here, so they always agree.
 */
public final class DataGuardActions {
    private DataGuardActions() {
    }

    /**
     * An operation as offered on a database.
     *
     * @param reason  why it is not available ({@code dg.offer.*}; null when it is)
     * @param actedId the database the operation is sent on (switchover: the primary; failover: the
     *                standby; reinstate: the disabled standby); null when not available
     * @param peerId  the other member of the pair
     */
    public record Offer(Kind kind, boolean available, Notice reason, String actedId, String peerId) {
        static Offer no(Kind kind, String key, Object... args) {
            return new Offer(kind, false, Notice.of(key, args), null, null);
        }

        /** Both databases of the pair: an operation on the pair locks both. */
        public List<String> databaseIds() {
            return List.of(actedId, peerId);
        }
    }

    public static List<Offer> offers(FleetSnapshot s, String nodeId, OperationLocks locks) {
        return List.of(offer(Kind.SWITCHOVER, s, nodeId, locks), offer(Kind.FAILOVER, s, nodeId, locks),
                offer(Kind.REINSTATE, s, nodeId, locks));
    }

    public static Offer offer(Kind kind, FleetSnapshot s, String nodeId, OperationLocks locks) {
        FleetNode n = nodeId == null ? null : s.node(nodeId);
        if (n != null && n.kind() == NodeKind.AUTONOMOUS_STANDBY) {
            n = n.parentId() == null ? null : s.node(n.parentId()); // its primary's operations
        }
        if (n != null && n.kind() == NodeKind.AUTONOMOUS_DATABASE) {
            // The service reinstates an Autonomous Database itself; with a local standby, the pair is the
            // database and its standby row. A cross-region pair is a pair like any other (below).
            if (kind == Kind.REINSTATE) {
                return Offer.no(kind, "dg.offer.adbNoReinstate");
            }
            if (n.stale() != null) {
                return Offer.no(kind, "dg.offer.stale");
            }
            String localId = AutonomousPairs.localStandbyId(n.id());
            if ("PRIMARY".equals(n.role()) && s.node(localId) != null) {
                return locked(new Offer(kind, true, null, n.id(), localId), locks);
            }
        }
        if (n == null || (n.kind() != NodeKind.DATABASE && n.kind() != NodeKind.AUTONOMOUS_CONTAINER_DATABASE
                && n.kind() != NodeKind.AUTONOMOUS_DATABASE)) {
            return Offer.no(kind, "dg.offer.selectDatabase");
        }
        if (n.dataGuard() == null || n.dataGuard().peerDatabaseIds().isEmpty()) {
            return Offer.no(kind, "dg.offer.noAssociation", n.name());
        }
        String peerId = n.dataGuard().peerDatabaseIds().getFirst();
        FleetNode peer = s.node(peerId);
        if (peer == null || peer.dataGuard() == null) {
            return Offer.no(kind, "dg.offer.peerNotShown", peerId);
        }
        if (n.stale() != null || peer.stale() != null) {
            return Offer.no(kind, "dg.offer.stale");
        }
        String role = n.role();
        String peerRole = peer.role();
        Offer offer = switch (kind) {
            case SWITCHOVER -> {
                if ("DISABLED_STANDBY".equals(role) || "DISABLED_STANDBY".equals(peerRole)) {
                    yield Offer.no(kind, "dg.offer.disabledStandby");
                }
                if ("PRIMARY".equals(role) && "STANDBY".equals(peerRole)) {
                    yield new Offer(kind, true, null, n.id(), peer.id());
                }
                if ("STANDBY".equals(role) && "PRIMARY".equals(peerRole)) {
                    yield new Offer(kind, true, null, peer.id(), n.id());
                }
                yield Offer.no(kind, "dg.offer.roles", role, peerRole);
            }
            case FAILOVER -> "STANDBY".equals(role) ? new Offer(kind, true, null, n.id(), peer.id())
                    : "STANDBY".equals(peerRole) ? Offer.no(kind, "dg.offer.failoverFromPeer", peer.name())
                    : Offer.no(kind, "dg.offer.failoverFromStandby");
            case REINSTATE -> "DISABLED_STANDBY".equals(role) ? new Offer(kind, true, null, n.id(), peer.id())
                    : "DISABLED_STANDBY".equals(peerRole) ? Offer.no(kind, "dg.offer.reinstatePeer", peer.name())
                    : Offer.no(kind, "dg.offer.reinstateOnly");
        };
        return locked(offer, locks);
    }

    private static Offer locked(Offer offer, OperationLocks locks) {
        String holder = offer.available() ? locks.holder(offer.databaseIds()) : null;
        if (holder != null) {
            return Offer.no(offer.kind(), "dg.offer.busy", Notice.of("op.kind." + holder));
        }
        return offer;
    }

}
