package io.fleetdesk.poll;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.jdbc.DirectHealthRules;
import io.fleetdesk.jdbc.TargetPool;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.Notice;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One direct target as the poller holds it: its pool, its last good round, its problem and its lag history. */
final class DirectSlot {
    volatile DirectTarget target;
    volatile TargetPool pool;
    volatile DeepProbe.Reading reading;
    volatile DirectHealthRules.Verdict verdict;
    volatile Notice problem;
    volatile Instant lastGood;
    volatile boolean inFlight;
    private final Deque<LagPoint> lag = new ArrayDeque<>();
    /** Set once the target left the list (or the poller closed): no pool may be opened in it again. */
    boolean removed;

    DirectSlot(DirectTarget t) {
        target = t;
    }

    synchronized DirectTargetState state() {
        return new DirectTargetState(target, pool != null && !pool.isClosed(), reading, verdict, problem, lastGood,
                List.copyOf(lag));
    }

    /** A good round: its reading and verdict, and its lags kept for {@link DirectPoller#HISTORY}. */
    synchronized void read(DeepProbe.Reading r, DirectHealthRules.Verdict v) {
        reading = r;
        verdict = v;
        problem = null;
        lastGood = r.readAt();
        var dg = r.answers().dataGuard();
        if (dg != null && (dg.applyLag().isPresent() || dg.transportLag().isPresent())) {
            lag.addLast(new LagPoint(r.readAt(), dg.applyLag().orElse(null), dg.transportLag().orElse(null)));
        }
        while (!lag.isEmpty() && lag.peekFirst().at().isBefore(r.readAt().minus(DirectPoller.HISTORY))) {
            lag.removeFirst();
        }
    }

    synchronized void closePool() {
        if (pool != null) {
            pool.close();
            pool = null;
        }
    }

    synchronized void remove() {
        removed = true;
        closePool();
    }
}
