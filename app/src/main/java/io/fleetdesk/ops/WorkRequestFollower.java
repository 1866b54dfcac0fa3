package io.fleetdesk.ops;

import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.WorkRequestsApi;
import io.fleetdesk.oci.WorkRequestsApi.WorkOn;
import io.fleetdesk.oci.WorkRequestsApi.WorkRequestProgress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * What the Backups actions and the Data Guard workflow share once a request is sent: how to read an
 * error after a send (a clear refusal, or no answer we can trust), where to find the work request
 * of a request whose answer was lost, and following a work request to its end. Blocking.
 */
public final class WorkRequestFollower {
    /** Reads of a work request in a row that may fail (a blip of the network) before it is given up. */
    static final int MAX_MISSED_READS = 5;
    /** The service's clock and ours may disagree by this much when matching a work request to a send. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

    private WorkRequestFollower() {
    }

    /**
     * After a request was sent: only a clear 4xx answer (the service read it and said no) means
     * nothing was done. A timeout, a lost connection or a 5xx (which a proxy also sends) says nothing
     * about what the service did: the outcome is unknown until its work request is found.
     */
    public static boolean clearlyRefused(RuntimeException e) {
        return e instanceof OciApiException o && !o.isTimeout() && o.status() >= 400 && o.status() < 500;
    }

    /** An error as a value of a notice: the service's answer as a notice, or the exception's own message. */
    static Object why(RuntimeException e) {
        return e instanceof OciApiException o ? o.notice() : String.valueOf(e.getMessage());
    }

    /**
     * The work request a lost send started, among those on its resource: accepted since the intent
     * (give or take {@link #CLOCK_SKEW}), of the operation's type when the service names it. Null
     * when none fits, or when more than one does and none says its type (then following a guess could
     * follow the wrong one).
     *
     * @param operationType e.g. CREATE_BACKUP, SWITCHOVER; matched ignoring case, spaces and underscores
     */
    public static WorkOn find(List<WorkOn> onResource, String operationType, Instant since) {
        Instant from = since.minus(CLOCK_SKEW);
        List<WorkOn> recent = onResource.stream().filter(w -> w.accepted() == null || !w.accepted().isBefore(from))
                .toList();
        String want = squash(operationType);
        List<WorkOn> typed = recent.stream().filter(w -> w.operationType() != null
                && squash(w.operationType()).contains(want)).toList();
        if (!typed.isEmpty()) {
            return typed.getFirst();
        }
        List<WorkOn> untyped = recent.stream().filter(w -> w.operationType() == null).toList();
        return untyped.size() == 1 ? untyped.getFirst() : null;
    }

    private static String squash(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
    }

    /** Whether a failure was an interrupt in disguise (a closed-by-interrupt channel, an interrupted read). */
    static boolean interrupted(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof InterruptedException || c instanceof java.nio.channels.ClosedByInterruptException
                    || c instanceof java.io.InterruptedIOException && !(c instanceof java.net.SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    /** Following a work request stopped before its end, for a reason other than the app closing. */
    public static final class LostTrack extends RuntimeException {
        LostTrack(RuntimeException cause) {
            super(String.valueOf(cause.getMessage()), cause);
        }
    }

    /**
     * Reads the work request until it ends, each reading to {@code each}. A failed read is tried again
     * at the next poll, up to {@link #MAX_MISSED_READS} in a row when trying again can help.
     *
     * @throws InterruptedException the app is closing: the work continues in OCI
     * @throws LostTrack            the reads kept failing: the work continues in OCI, its end unknown
     */
    public static WorkRequestProgress follow(WorkRequestsApi api, String workRequestId, Duration poll,
                                             Consumer<WorkRequestProgress> each) throws InterruptedException {
        int missed = 0;
        while (true) {
            WorkRequestProgress wr;
            try {
                wr = api.workRequest(workRequestId);
                missed = 0;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted() || interrupted(e)) {
                    // The HTTP stack may turn an interrupt into an I/O error and clear the flag: keep it.
                    Thread.currentThread().interrupt();
                    throw new InterruptedException("closing");
                }
                boolean again = !(e instanceof OciApiException o) || o.isRetryable();
                if (!again || ++missed >= MAX_MISSED_READS) {
                    throw new LostTrack(e);
                }
                Thread.sleep(poll);
                continue;
            }
            each.accept(wr);
            if (wr.ended()) {
                return wr;
            }
            Thread.sleep(poll);
        }
    }
}
