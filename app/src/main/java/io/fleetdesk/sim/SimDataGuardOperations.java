package io.fleetdesk.sim;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Switchover, failover and reinstate as the service runs them: each returns a work request; both
 * databases and the association are UPDATING while it runs; at the end the roles change (a failover
 * leaves the old primary DISABLED_STANDBY until it is reinstated). One operation per pair at a
 * time (409 otherwise). {@link #failNext} makes the next one fail midway with the roles unchanged.
 * Completion is applied lazily, by {@link #settle()} at the start of every request, so it follows
 * simulated time however fast it runs.
 */
public final class SimDataGuardOperations {
    public enum Kind { SWITCHOVER, FAILOVER, REINSTATE }

    /** What the caller gets: an error (status, code, message) or the started work request. */
    public record Started(int status, String code, String message, SimWorkRequests.Entry workRequest) {
        boolean ok() {
            return workRequest != null;
        }
    }

    private record InFlight(Kind kind, String pairId, String fromDbId, SimWorkRequests.Entry workRequest) {
    }

    private final SimFleet fleet;
    private final SimWorkRequests workRequests;
    private final Map<String, InFlight> inFlight = new ConcurrentHashMap<>();
    private volatile Duration length = Duration.ofMinutes(3);
    private volatile String failNext;

    SimDataGuardOperations(SimFleet fleet, SimWorkRequests workRequests) {
        this.fleet = fleet;
        this.workRequests = workRequests;
    }

    /** How long an operation takes in simulated time (the service: a few minutes). */
    public void length(Duration d) {
        this.length = d;
    }

    /** The next operation fails at 40 % with this message (e.g. an ORA- error); null to clear. */
    public void failNext(String message) {
        this.failNext = message;
    }

    public boolean inFlight(String pairId) {
        return inFlight.containsKey(pairId);
    }

    synchronized Started start(Kind kind, String databaseId, String associationId, String adminPassword) {
        settle();
        SimFleet.Database db = fleet.database(databaseId);
        if (db == null || db.pairId() == null) {
            return new Started(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.", null);
        }
        SimFleet.Pair pair = fleet.pair(db.pairId());
        if (!SimJson.associationId(pair, databaseId).equals(associationId)) {
            return new Started(404, "NotAuthorizedOrNotFound", "The Data Guard association " + associationId
                    + " does not belong to database " + databaseId + ".", null);
        }
        if (adminPassword == null || adminPassword.isEmpty()) {
            return new Started(400, "InvalidParameter", "databaseAdminPassword is required.", null);
        }
        if (inFlight.containsKey(pair.id())) {
            return new Started(409, "IncorrectState", "Another operation is in progress on this Data Guard association.", null);
        }
        String role = fleet.role(databaseId);
        String expected = switch (kind) {
            case SWITCHOVER -> "PRIMARY";
            case FAILOVER -> "STANDBY";
            case REINSTATE -> "DISABLED_STANDBY";
        };
        if (!expected.equals(role)) {
            return new Started(409, "IncorrectState", kind + " must be requested on the " + expected
                    + " database's association; database " + db.dbUniqueName() + " is " + role + ".", null);
        }
        SimFleet.Database peer = fleet.database(pair.firstDbId().equals(databaseId) ? pair.secondDbId() : pair.firstDbId());
        for (SimFleet.Database d : new SimFleet.Database[] {db, peer}) {
            String st = fleet.databaseState(d);
            // A failover is for when the primary is gone: only the standby must be available.
            boolean mustBeAvailable = kind != Kind.FAILOVER || d == db;
            if (mustBeAvailable && !st.equals("AVAILABLE")) {
                return new Started(409, "IncorrectState", "Database " + d.dbUniqueName() + " is " + st
                        + "; the operation needs it AVAILABLE.", null);
            }
        }
        String fail = failNext;
        failNext = null;
        SimWorkRequests.Entry wr = workRequests.start(kind.name() + "_DATAGUARD", db.compartmentId(), databaseId,
                "dataguardassociation", length, fail == null ? -1 : 40, fail);
        inFlight.put(pair.id(), new InFlight(kind, pair.id(), databaseId, wr));
        fleet.beginOperationState(db.id(), "UPDATING");
        fleet.beginOperationState(peer.id(), "UPDATING");
        return new Started(200, null, null, wr);
    }

    /** Applies every operation whose work request has ended. */
    public synchronized void settle() {
        for (InFlight op : inFlight.values()) {
            String status = workRequests.status(op.workRequest());
            if (!status.equals("SUCCEEDED") && !status.equals("FAILED")) {
                continue;
            }
            SimFleet.Pair pair = fleet.pair(op.pairId());
            if (status.equals("SUCCEEDED")) {
                String other = pair.firstDbId().equals(op.fromDbId()) ? pair.secondDbId() : pair.firstDbId();
                switch (op.kind()) {
                    case SWITCHOVER -> fleet.swapRoles(pair.id());
                    case FAILOVER -> {
                        fleet.setRole(op.fromDbId(), "PRIMARY");
                        fleet.setRole(other, "DISABLED_STANDBY");
                    }
                    case REINSTATE -> fleet.setRole(op.fromDbId(), "STANDBY");
                }
            }
            fleet.endOperationState(pair.firstDbId());
            fleet.endOperationState(pair.secondDbId());
            inFlight.remove(op.pairId());
        }
    }
}
