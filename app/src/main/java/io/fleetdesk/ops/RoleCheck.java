package io.fleetdesk.ops;

/**
 * The roles around an operation: read right before the send (null when as the operation needs them, or
 * the key of why not), and after the service says it succeeded, until the pair is seen in its new state.
 */
public interface RoleCheck {
    /** Null when the roles are as the operation needs them now, or a {@code dg.msg.*} key of why not. */
    String notAsExpectedBefore();

    /** Reads until the new state is seen or the deadline (monotonic) passes. */
    Seen waitForSwap(long untilNanos);

    /** The state last read after the operation, as the DBA reads it, and whether it is the new one. */
    record Seen(boolean swapped, String acted, String peer) {
    }
}
