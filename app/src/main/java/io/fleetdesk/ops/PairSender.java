package io.fleetdesk.ops;

import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.WorkRequestsApi;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.util.Map;

/**
 * How one kind of Data Guard pair is operated on: Base Database associations (with the admin password),
 * Autonomous Databases (to a local standby or a cross-region peer) or container database Data Guard
 * groups. The {@link DataGuardWorkflow} is the same for all; only the calls differ.
 */
public interface PairSender {
    /**
     * What the audit intent records beside the databases (the association, the peer the request names …),
     * read right before the send. Throws when it cannot be read: then nothing is sent.
     */
    Map<String, String> prepare(Kind kind);

    /** Sends the operation once; the password (empty where none is needed) is wiped by the caller. */
    WorkRequestsApi.Submitted send(Kind kind, char[] adminPassword);

    /** The database the request is sent on: its work requests are looked up after an unclear answer. */
    String sentOn(Kind kind);

    /** The compartment of {@link #sentOn}, for that lookup. */
    String compartmentOf(String databaseId);

    /** The client whose region the request went to, to follow its work request. */
    WorkRequestsApi workRequests(Kind kind);

    /** Whether the operation needs the database admin password (Base Database only). */
    boolean needsPassword();

    /** A Base Database pair: the association's operations, sent on the acted database with the admin password. */
    static PairSender association(DataGuardOperationsApi api, String actedId) {
        return new PairSender() {
            private volatile String associationId;

            @Override
            public Map<String, String> prepare(Kind kind) {
                associationId = api.associationId(actedId);
                return Map.of("dataGuardAssociationId", associationId);
            }

            @Override
            public WorkRequestsApi.Submitted send(Kind kind, char[] adminPassword) {
                return switch (kind) {
                    case SWITCHOVER -> api.switchover(actedId, associationId, adminPassword);
                    case FAILOVER -> api.failover(actedId, associationId, adminPassword);
                    case REINSTATE -> api.reinstate(actedId, associationId, adminPassword);
                };
            }

            @Override
            public String sentOn(Kind kind) {
                return actedId;
            }

            @Override
            public String compartmentOf(String databaseId) {
                return api.database(databaseId).compartmentId();
            }

            @Override
            public WorkRequestsApi workRequests(Kind kind) {
                return api;
            }

            @Override
            public boolean needsPassword() {
                return true;
            }
        };
    }
}
