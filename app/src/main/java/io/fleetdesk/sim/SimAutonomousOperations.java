package io.fleetdesk.sim;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Autonomous Data Guard operations as the service runs them, each returning a work request:
 * <ul>
 *   <li>SwitchoverAutonomousDatabase / FailOverAutonomousDatabase without {@code peerDbId}: to the local
 *   standby, sent on the primary; the database stays PRIMARY (its standby takes over in the other
 *   availability domain) and its {@code timeOfLastSwitchover} / {@code timeOfLastFailover} moves;</li>
 *   <li>with {@code peerDbId} (the primary's OCID): to a cross-region peer, sent on that standby peer in its
 *   own region; the roles swap at the end;</li>
 *   <li>SwitchoverAutonomousContainerDatabaseDataguard (on the primary), Failover… (on the standby) and
 *   Reinstate… (on the disabled standby) of a container database's Data Guard group.</li>
 * </ul>
 * A database in an operation is ROLE_CHANGE_IN_PROGRESS (a container database's member too); one
 * operation per pair (409). {@link #failNext} makes the next one fail midway with the roles unchanged.
 * Completion is applied lazily by {@link #settle()} at the start of every request.
 */
public final class SimAutonomousOperations {
    public enum Kind { SWITCHOVER, FAILOVER, REINSTATE }

    /** The started work request, or the error (status, code, message). */
    public record Started(int status, String code, String message, SimWorkRequests.Entry workRequest) {
    }

    /** @param key the pair id, or the database id for a local standby */
    private record InFlight(Kind kind, String key, String actedId, String otherId, boolean container,
                            SimWorkRequests.Entry workRequest) {
    }

    private final SimFleet fleet;
    private final SimEstate estate;
    private final SimWorkRequests workRequests;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile Duration length = Duration.ofMinutes(3);
    private volatile String failNext;

    SimAutonomousOperations(SimFleet fleet, SimWorkRequests workRequests) {
        this.fleet = fleet;
        this.estate = fleet.estate();
        this.workRequests = workRequests;
    }

    public void length(Duration d) {
        this.length = d;
    }

    /** The next operation fails at 40 % with this message; null to clear. */
    public void failNext(String message) {
        this.failNext = message;
    }

    public boolean inFlight(String key) {
        return inFlight.containsKey(key);
    }

    private static Started error(int status, String code, String message) {
        return new Started(status, code, message, null);
    }

    private static Started notFound() {
        return error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
    }

    /** SwitchoverAutonomousDatabase / FailOverAutonomousDatabase, in the region the request was sent to. */
    synchronized Started autonomousDatabase(Kind kind, String region, String id, String peerDbId) {
        settle();
        SimEstate.AutonomousDatabase a = estate.autonomousDatabase(id);
        if (a == null || !a.region().equals(region)) {
            return notFound();
        }
        String state = estate.state(a);
        if (peerDbId == null || peerDbId.isBlank()) {
            if (!a.localStandby()) {
                return error(400, "InvalidParameter", "Autonomous Database " + a.displayName()
                        + " has no local standby; to switch over to a cross-region peer, send this on the peer with peerDbId.");
            }
            if (inFlight.containsKey(a.id())) {
                return error(409, "IncorrectState", "A role change is already in progress on " + a.displayName() + ".");
            }
            if (!state.equals("AVAILABLE")) {
                return error(409, "IncorrectState", "Autonomous Database " + a.displayName() + " is " + state
                        + "; the operation needs it AVAILABLE.");
            }
            String standbyState = estate.state(a.id() + "#local", "STANDBY");
            if (kind == Kind.SWITCHOVER && !standbyState.equals("STANDBY")) {
                return error(409, "IncorrectState", "The local standby of " + a.displayName() + " is " + standbyState + ".");
            }
            return begin(kind, a.id(), a.id(), null, false, a.compartmentId(), "AUTONOMOUS_DATABASE");
        }
        SimEstate.AutonomousDatabase primary = estate.autonomousDatabase(peerDbId);
        if (a.pairId() == null || primary == null || !primary.id().equals(estate.peerOf(a.pairId(), a.id()))) {
            return error(400, "InvalidParameter", "peerDbId " + peerDbId + " is not a Data Guard peer of " + id + ".");
        }
        if (inFlight.containsKey(a.pairId())) {
            return error(409, "IncorrectState", "A role change is already in progress on this Data Guard pair.");
        }
        String role = estate.role(a.id());
        if (!"STANDBY".equals(role)) {
            return error(409, "IncorrectState", "A " + kind.name().toLowerCase(java.util.Locale.ROOT)
                    + " to a cross-region peer is sent on the standby peer, with peerDbId the primary; "
                    + a.displayName() + " in " + region + " is " + role + ".");
        }
        if (!state.equals("STANDBY")) {
            return error(409, "IncorrectState", "Autonomous Database " + a.displayName() + " is " + state + ".");
        }
        if (kind == Kind.SWITCHOVER && !estate.state(primary).equals("AVAILABLE")) {
            return error(409, "IncorrectState", "The primary " + primary.displayName() + " is " + estate.state(primary)
                    + "; a switchover needs it AVAILABLE (a failover does not).");
        }
        return begin(kind, a.pairId(), a.id(), primary.id(), false, a.compartmentId(), "AUTONOMOUS_DATABASE");
    }

    /** The Data Guard group calls of a container database. */
    synchronized Started containerDatabase(Kind kind, String region, String id) {
        settle();
        SimEstate.ContainerDatabase c = estate.containerDatabase(id);
        if (c == null || !c.region().equals(region)) {
            return notFound();
        }
        if (c.pairId() == null) {
            return error(400, "InvalidParameter", "Container database " + c.displayName() + " has no Data Guard.");
        }
        if (inFlight.containsKey(c.pairId())) {
            return error(409, "IncorrectState", "A role change is already in progress on this Data Guard group.");
        }
        String other = estate.peerOf(c.pairId(), c.id());
        String role = estate.role(c.id());
        String expected = switch (kind) {
            case SWITCHOVER -> "PRIMARY";
            case FAILOVER -> "STANDBY";
            case REINSTATE -> "DISABLED_STANDBY";
        };
        if (!expected.equals(role)) {
            return error(409, "IncorrectState", kind + " is sent on the " + expected + " container database; "
                    + c.displayName() + " is " + role + ".");
        }
        for (String x : kind == Kind.SWITCHOVER ? java.util.List.of(c.id(), other) : java.util.List.of(c.id())) {
            String st = estate.state(x, "AVAILABLE");
            if (!st.equals("AVAILABLE")) {
                return error(409, "IncorrectState", "Container database " + estate.containerDatabase(x).displayName()
                        + " is " + st + "; the operation needs it AVAILABLE.");
            }
        }
        return begin(kind, c.pairId(), c.id(), other, true, c.compartmentId(), "AUTONOMOUS_CONTAINER_DATABASE_DATAGUARD");
    }

    private Started begin(Kind kind, String key, String acted, String other, boolean container, String compartmentId,
                          String what) {
        String fail = failNext;
        failNext = null;
        SimWorkRequests.Entry wr = workRequests.start(kind.name() + "_" + what, compartmentId, acted,
                container ? "autonomousContainerDatabase" : "autonomousDatabase", length, fail == null ? -1 : 40, fail);
        inFlight.put(key, new InFlight(kind, key, acted, other, container, wr));
        for (String x : other == null ? java.util.List.of(acted) : java.util.List.of(acted, other)) {
            fleet.beginOperationState(container ? x + "#dg" : x, "ROLE_CHANGE_IN_PROGRESS");
            if (container) {
                fleet.beginOperationState(x, "UPDATING");
            }
        }
        return new Started(200, null, null, wr);
    }

    /** Applies every operation whose work request has ended. */
    public synchronized void settle() {
        for (InFlight op : inFlight.values()) {
            String status = workRequests.status(op.workRequest());
            if (!status.equals("SUCCEEDED") && !status.equals("FAILED")) {
                continue;
            }
            if (status.equals("SUCCEEDED")) {
                java.time.Instant now = fleet.clock().now();
                if (op.otherId() == null) {
                    estate.localSwapped.merge(op.actedId(), true, (x, y) -> !x);
                } else {
                    switch (op.kind()) {
                        case SWITCHOVER -> {
                            String a = estate.role(op.actedId());
                            fleet.setRole(op.actedId(), estate.role(op.otherId()));
                            fleet.setRole(op.otherId(), a);
                        }
                        case FAILOVER -> {
                            fleet.setRole(op.actedId(), "PRIMARY");
                            // A container database's old primary waits to be reinstated; an Autonomous
                            // Database's is reinstated by the service when its region is back.
                            fleet.setRole(op.otherId(), op.container() ? "DISABLED_STANDBY" : "STANDBY");
                        }
                        case REINSTATE -> fleet.setRole(op.actedId(), "STANDBY");
                    }
                }
                (op.kind() == Kind.FAILOVER ? estate.lastFailover : estate.lastSwitchover).put(op.key(), now);
                if (op.container()) {
                    estate.lastSwitchover.put(op.key(), now);
                }
            }
            for (String x : op.otherId() == null ? java.util.List.of(op.actedId()) : java.util.List.of(op.actedId(), op.otherId())) {
                fleet.endOperationState(op.container() ? x + "#dg" : x);
                if (op.container()) {
                    fleet.endOperationState(x);
                }
            }
            inFlight.remove(op.key());
        }
    }
}
