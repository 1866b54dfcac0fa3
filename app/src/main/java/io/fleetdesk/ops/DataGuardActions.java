package io.fleetdesk.ops;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.util.List;
import java.util.Locale;

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
     * @param reason  why it is not available (null when it is)
     * @param actedId the database the operation is sent on (switchover: the primary; failover: the
     *                standby; reinstate: the disabled standby); null when not available
     * @param peerId  the other member of the pair
     */
    public record Offer(Kind kind, boolean available, String reason, String actedId, String peerId) {
        static Offer no(Kind kind, String reason) {
            return new Offer(kind, false, reason, null, null);
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
        if (n == null || n.kind() != NodeKind.DATABASE) {
            return Offer.no(kind, "Select a database in a Data Guard pair.");
        }
        if (n.dataGuard() == null || n.dataGuard().peerDatabaseIds().isEmpty()) {
            return Offer.no(kind, n.name() + " has no Data Guard association.");
        }
        String peerId = n.dataGuard().peerDatabaseIds().getFirst();
        FleetNode peer = s.node(peerId);
        if (peer == null || peer.dataGuard() == null) {
            return Offer.no(kind, "Its peer (" + peerId + ") is not in this profile's regions and compartments;"
                    + " add them to the profile to manage the pair.");
        }
        if (n.stale() != null || peer.stale() != null) {
            return Offer.no(kind, "The pair could not be read at the last refresh; wait for a fresh read.");
        }
        String role = n.role();
        String peerRole = peer.role();
        Offer offer = switch (kind) {
            case SWITCHOVER -> {
                if ("DISABLED_STANDBY".equals(role) || "DISABLED_STANDBY".equals(peerRole)) {
                    yield Offer.no(kind, "The pair has a disabled standby: reinstate it first.");
                }
                if ("PRIMARY".equals(role) && "STANDBY".equals(peerRole)) {
                    yield new Offer(kind, true, null, n.id(), peer.id());
                }
                if ("STANDBY".equals(role) && "PRIMARY".equals(peerRole)) {
                    yield new Offer(kind, true, null, peer.id(), n.id());
                }
                yield Offer.no(kind, "A switchover needs a PRIMARY and a STANDBY; the pair is " + role + " / " + peerRole + ".");
            }
            case FAILOVER -> "STANDBY".equals(role) ? new Offer(kind, true, null, n.id(), peer.id())
                    : Offer.no(kind, "A failover is started from the standby that is to become primary"
                    + ("STANDBY".equals(peerRole) ? ": select " + peer.name() + "." : "."));
            case REINSTATE -> "DISABLED_STANDBY".equals(role) ? new Offer(kind, true, null, n.id(), peer.id())
                    : Offer.no(kind, "Only a disabled standby (the old primary after a failover) can be reinstated"
                    + ("DISABLED_STANDBY".equals(peerRole) ? ": select " + peer.name() + "." : "."));
        };
        String holder = offer.available() ? locks.holder(offer.databaseIds()) : null;
        if (holder != null) {
            return Offer.no(kind, "A " + holder.toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " of this pair is open already; finish or close it first.");
        }
        return offer;
    }
}
