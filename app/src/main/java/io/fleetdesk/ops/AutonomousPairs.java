package io.fleetdesk.ops;

import io.fleetdesk.oci.AutonomousOperationsApi;
import io.fleetdesk.oci.Rows;
import io.fleetdesk.oci.WorkRequestsApi;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.Target;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How Autonomous Data Guard pairs are operated on and verified, for the {@link DataGuardWorkflow}:
 * <ul>
 *   <li>an Autonomous Database and its <b>local standby</b> (the peer id is {@link #localStandbyId}): sent on
 *   the primary without {@code peerDbId}; the database stays PRIMARY, so it is verified by its last
 *   switchover (or failover) time moving and the standby's availability domain changing;</li>
 *   <li>an Autonomous Database and a <b>cross-region peer</b>: a switchover is sent on the standby peer in its
 *   region with {@code peerDbId} the primary, a failover on the standby likewise; the roles swap (after a
 *   failover the service reinstates the old primary itself);</li>
 *   <li>a <b>container database</b> pair: the Data Guard group calls on the acted container database, roles as
 *   for Base Database (a failover leaves the old primary DISABLED_STANDBY until reinstated).</li>
 * </ul>
 * None needs a password.
 */
public final class AutonomousPairs {
    private AutonomousPairs() {
    }

    /** The id of an Autonomous Database's local standby row (it has no OCID of its own). */
    public static String localStandbyId(String autonomousDatabaseId) {
        return "standby:" + autonomousDatabaseId;
    }

    public static boolean isLocalStandby(String id) {
        return id != null && id.startsWith("standby:");
    }

    /**
     * An Autonomous Database pair.
     *
     * @param apiOf the operations client of the region a database lives in, by its OCID
     */
    public static PairSender autonomousDatabase(Function<String, AutonomousOperationsApi> apiOf, Target target) {
        boolean local = isLocalStandby(target.peerDatabaseId());
        return new NoPassword() {
            @Override
            public Map<String, String> prepare(Kind kind) {
                // The compartment is recorded so that crash recovery can look the work request up.
                String compartment = compartmentOf(sentOn(kind));
                if (local) {
                    return Map.of("to", "LOCAL_STANDBY", "sentOn", sentOn(kind), "compartmentId", compartment);
                }
                return Map.of("sentOn", sentOn(kind), "peerDbId", peerDbId(kind), "compartmentId", compartment);
            }

            private String peerDbId(Kind kind) {
                // The request names the primary: sent on the standby peer, it says which primary to take over from.
                return kind == Kind.SWITCHOVER ? target.databaseId() : target.peerDatabaseId();
            }

            @Override
            public WorkRequestsApi.Submitted send(Kind kind, char[] adminPassword) {
                String on = sentOn(kind);
                String peer = local ? null : peerDbId(kind);
                AutonomousOperationsApi api = apiOf.apply(on);
                return switch (kind) {
                    case SWITCHOVER -> api.switchoverAutonomousDatabase(on, peer);
                    case FAILOVER -> api.failoverAutonomousDatabase(on, peer);
                    case REINSTATE -> throw new IllegalArgumentException("an Autonomous Database is reinstated by the service");
                };
            }

            @Override
            public String sentOn(Kind kind) {
                // Local: the primary. Cross-region switchover: the standby peer (the acted database is the primary).
                return local || kind != Kind.SWITCHOVER ? target.databaseId() : target.peerDatabaseId();
            }

            @Override
            public String compartmentOf(String databaseId) {
                return apiOf.apply(databaseId).autonomousDatabase(databaseId).compartmentId();
            }

            @Override
            public WorkRequestsApi workRequests(Kind kind) {
                return apiOf.apply(sentOn(kind));
            }
        };
    }

    /** A container database pair: the Data Guard group calls, on the acted container database. */
    public static PairSender containerDatabase(Function<String, AutonomousOperationsApi> apiOf, Target target) {
        return new NoPassword() {
            @Override
            public Map<String, String> prepare(Kind kind) {
                return Map.of("sentOn", target.databaseId(), "compartmentId", compartmentOf(target.databaseId()));
            }

            @Override
            public WorkRequestsApi.Submitted send(Kind kind, char[] adminPassword) {
                AutonomousOperationsApi api = apiOf.apply(target.databaseId());
                return switch (kind) {
                    case SWITCHOVER -> api.switchoverContainerDatabase(target.databaseId());
                    case FAILOVER -> api.failoverContainerDatabase(target.databaseId());
                    case REINSTATE -> api.reinstateContainerDatabase(target.databaseId());
                };
            }

            @Override
            public String sentOn(Kind kind) {
                return target.databaseId();
            }

            @Override
            public String compartmentOf(String databaseId) {
                return apiOf.apply(databaseId).containerDatabase(databaseId).compartmentId();
            }

            @Override
            public WorkRequestsApi workRequests(Kind kind) {
                return apiOf.apply(target.databaseId());
            }
        };
    }

    private abstract static class NoPassword implements PairSender {
        @Override
        public boolean needsPassword() {
            return false;
        }
    }

    /** The roles of an Autonomous Database pair (cross-region) or a container database pair, as the service reports them. */
    public static RoleCheck roles(Kind kind, Target target, Function<String, AutonomousOperationsApi> apiOf,
                                  boolean container, Duration poll) {
        Function<String, String> roleOf = id -> {
            AutonomousOperationsApi api = apiOf.apply(id);
            if (container) {
                var dg = api.containerDatabase(id).dataGuard();
                return dg == null ? null : dg.role();
            }
            var dg = api.autonomousDatabase(id).dataGuard();
            return dg == null ? null : dg.role();
        };
        return DataGuardRoles.of(kind, target, roleOf, poll, container);
    }

    /**
     * An Autonomous Database and its local standby: before the send, the database is PRIMARY (and for a
     * switchover AVAILABLE with its standby in STANDBY); after, its last switchover (failover) time has moved,
     * it is AVAILABLE again, and its standby is in the other availability domain.
     */
    public static RoleCheck localStandby(Kind kind, Target target, Function<String, AutonomousOperationsApi> apiOf,
                                         Duration poll) {
        return new RoleCheck() {
            private volatile Rows.AutonomousDatabaseRow before;

            private Rows.AutonomousDatabaseRow read() {
                return apiOf.apply(target.databaseId()).autonomousDatabase(target.databaseId());
            }

            @Override
            public String notAsExpectedBefore() {
                Rows.AutonomousDatabaseRow r = null;
                for (int i = 0; i < 10 && r == null; i++) {
                    if (i > 0) {
                        DataGuardRoles.sleep(poll);
                    }
                    try {
                        r = read();
                    } catch (RuntimeException e) {
                        // tried again
                    }
                }
                if (r == null || r.dataGuard() == null || r.dataGuard().role() == null) {
                    return "dg.msg.rolesUnread";
                }
                before = r;
                if (!"PRIMARY".equals(r.dataGuard().role())) {
                    return "dg.msg.rolesChanged";
                }
                if (kind == Kind.SWITCHOVER && (!"AVAILABLE".equals(r.lifecycleState())
                        || !"STANDBY".equals(r.dataGuard().localStandbyState()))) {
                    return "dg.msg.rolesChanged";
                }
                return null;
            }

            private Instant changedAt(Rows.AutonomousDatabaseRow r) {
                return r == null || r.dataGuard() == null ? null
                        : kind == Kind.FAILOVER ? r.dataGuard().lastFailover() : r.dataGuard().lastSwitchover();
            }

            @Override
            public Seen waitForSwap(long untilNanos) {
                Rows.AutonomousDatabaseRow r = null;
                while (System.nanoTime() < untilNanos) {
                    try {
                        r = read();
                        Instant at = changedAt(r);
                        if (at != null && !Objects.equals(at, changedAt(before)) && "AVAILABLE".equals(r.lifecycleState())) {
                            return new Seen(true, seen(r, false), seen(r, true));
                        }
                    } catch (RuntimeException e) {
                        // A read failed: keep trying until the deadline.
                    }
                    DataGuardRoles.sleep(poll);
                }
                return new Seen(false, r == null ? null : seen(r, false), r == null ? null : seen(r, true));
            }

            /** "PRIMARY" or "STANDBY", with the availability domain when the service says it. */
            private String seen(Rows.AutonomousDatabaseRow r, boolean standby) {
                var g = r.dataGuard();
                if (standby) {
                    String st = g == null ? null : g.localStandbyState();
                    String ad = g == null ? null : g.localStandbyAvailabilityDomain();
                    return (st == null ? "STANDBY" : st) + (ad == null ? "" : " (" + ad + ")");
                }
                return (g == null || g.role() == null ? "?" : g.role());
            }
        };
    }
}
