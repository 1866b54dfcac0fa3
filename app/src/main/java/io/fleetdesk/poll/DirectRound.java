package io.fleetdesk.poll;

import io.fleetdesk.jdbc.DeepProbe;
import io.fleetdesk.jdbc.OraErrors;
import io.fleetdesk.jdbc.TargetPool;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.Notice;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** One round of probes of one target, with its own deadline, and why a round failed. */
final class DirectRound {
    private DirectRound() {
    }

    /** One round of probes on the workers, failed with a TimeoutException when it passes the deadline. */
    static CompletableFuture<DeepProbe.Reading> run(TargetPool pool, DirectTarget t, DirectSettings o, Executor workers) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return DeepProbe.read(pool, t.user(), new DeepProbe.Options(o.queryTimeout(), o.awr()));
            } catch (java.sql.SQLException e) {
                throw new CompletionException(e);
            }
        }, workers).orTimeout(o.deadline().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Why a round failed, as a notice: the deadline, or the ORA- error explained. */
    static Notice problem(Throwable error, DirectTarget t, DirectSettings o) {
        Throwable cause = (error instanceof CompletionException || error instanceof ExecutionException)
                && error.getCause() != null ? error.getCause() : error;
        return cause instanceof TimeoutException
                ? Notice.of("direct.noAnswer", o.deadline())
                : OraErrors.explain(cause, t.user()).line();
    }
}
