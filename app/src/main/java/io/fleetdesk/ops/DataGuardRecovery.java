package io.fleetdesk.ops;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.ops.DataGuardWorkflow.Kind;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * The phase after the roles have swapped: the pair is read again until the association is AVAILABLE
 * and the new standby's apply lag is under the threshold (after a failover, until the association is
 * AVAILABLE), or until the time allowed runs out. Each read is handed on as data; the wizard words it.
 */
public final class DataGuardRecovery {
    private DataGuardRecovery() {
    }

    /**
     * One read of the pair after the operation.
     *
     * @param associationState the association's lifecycle state, or null when the read failed
     * @param peerRole         the association's peer role (after a failover)
     * @param standby          the new standby's DB unique name; null after a failover
     * @param applyLag         the new standby's apply lag as the service writes it, or null
     * @param settled          the pair is back in shape: the phase ends
     * @param failed           why the read failed, or null
     */
    public record Reading(String associationState, String peerRole, String standby, String applyLag, boolean settled,
                          Notice failed) {
    }

    /** Where the pair is read: the new primary's and the new standby's clients and ids. */
    public record Pair(Kind kind, DataGuardOperationsApi primaryApi, String primaryId, DataGuardOperationsApi standbyApi,
                       String standbyId) {
    }

    /** One read now. */
    public static Reading read(Pair p, Duration lagThreshold) {
        try {
            DataGuardOperationsApi.Association a = p.primaryApi().association(p.primaryId());
            if (p.kind() == Kind.FAILOVER || p.standbyId() == null) {
                return new Reading(a.lifecycleState(), a.peerRole(), null, null, "AVAILABLE".equals(a.lifecycleState()), null);
            }
            DatabaseRow s = p.standbyApi().database(p.standbyId());
            long lag = s.dataGuard() == null ? -1 : s.dataGuard().applyLagSeconds();
            return new Reading(a.lifecycleState(), a.peerRole(), s.dbUniqueName(),
                    s.dataGuard() == null ? null : s.dataGuard().applyLag(),
                    "AVAILABLE".equals(a.lifecycleState()) && lag >= 0 && lag <= lagThreshold.toSeconds(), null);
        } catch (OciApiException e) {
            return new Reading(null, null, null, null, false, e.notice());
        } catch (RuntimeException e) {
            return new Reading(null, null, null, null, false, Notice.of("pc.value", String.valueOf(e.getMessage())));
        }
    }

    /**
     * Reads every {@code period} until settled or {@code allowed} has passed, each read to {@code each}.
     * Blocking: run it on a background thread. Returns early when interrupted (the app is closing).
     */
    public static void follow(Pair p, Duration lagThreshold, Duration period, Duration allowed, Consumer<Reading> each) {
        long until = System.nanoTime() + allowed.toNanos();
        while (System.nanoTime() < until) {
            Reading r = read(p, lagThreshold);
            each.accept(r);
            if (r.settled()) {
                return;
            }
            try {
                Thread.sleep(period);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
