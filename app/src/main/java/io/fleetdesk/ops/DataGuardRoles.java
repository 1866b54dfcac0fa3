package io.fleetdesk.ops;

import io.fleetdesk.ops.DataGuardWorkflow.Kind;
import io.fleetdesk.ops.DataGuardWorkflow.Target;

import java.time.Duration;
import java.util.function.Function;

/**
 * The Data Guard roles around an operation: read again right before the send (the pre-checks may be
 * minutes old; a role read and wrong stops it), and after the service says it succeeded, until both
 * databases are seen in their new roles.
 */
final class DataGuardRoles implements RoleCheck {
    private final Kind kind;
    private final Target target;
    private final Function<String, String> roleOf;
    private final Duration poll;
    /** Whether a failover leaves the old primary DISABLED_STANDBY (Base, container databases) or lets the service reinstate it (Autonomous). */
    private final boolean failoverDisablesPeer;

    DataGuardRoles(Kind kind, Target target, Function<String, String> roleOf, Duration poll) {
        this(kind, target, roleOf, poll, true);
    }

    DataGuardRoles(Kind kind, Target target, Function<String, String> roleOf, Duration poll, boolean failoverDisablesPeer) {
        this.kind = kind;
        this.target = target;
        this.roleOf = roleOf;
        this.poll = poll;
        this.failoverDisablesPeer = failoverDisablesPeer;
    }

    /** The roles as the service reports them, for a pair of two databases with a role each. */
    public static RoleCheck of(Kind kind, Target target, Function<String, String> roleOf, Duration poll,
                               boolean failoverDisablesPeer) {
        return new DataGuardRoles(kind, target, roleOf, poll, failoverDisablesPeer);
    }

    /** Reads the roles every poll until they are the new ones or the deadline (monotonic) passes. */
    @Override
    public Seen waitForSwap(long untilNanos) {
        String[] expected = expected();
        String acted = null;
        String peer = null;
        while (System.nanoTime() < untilNanos) {
            try {
                acted = roleOf.apply(target.databaseId());
                peer = expected[1] == null ? null : roleOf.apply(target.peerDatabaseId());
                if (expected[0].equals(acted) && (expected[1] == null || expected[1].equals(peer))) {
                    return new Seen(true, acted, peer);
                }
            } catch (RuntimeException e) {
                // A read failed: keep trying until the deadline.
            }
            sleep(poll);
        }
        return new Seen(false, acted, peer);
    }

    /** Reads of the roles before the send that may come back without one (a field left out, a blip). */
    private static final int ROLE_READS = 10;

    /**
     * Null when the roles are as the operation needs them now, or the key of why not. Each side is read
     * until its role is known (a read that fails or leaves the role out is tried again); a role that is
     * read and wrong stops the send.
     */
    @Override
    public String notAsExpectedBefore() {
        String acted = null;
        String peer = null;
        boolean needPeer = kind == Kind.SWITCHOVER;
        for (int i = 0; i < ROLE_READS && (acted == null || (needPeer && peer == null)); i++) {
            if (i > 0) {
                sleep(poll);
            }
            if (acted == null) {
                acted = role(target.databaseId());
            }
            if (needPeer && peer == null) {
                peer = role(target.peerDatabaseId());
            }
        }
        if (acted == null || (needPeer && peer == null)) {
            return "dg.msg.rolesUnread";
        }
        boolean ok = switch (kind) {
            case SWITCHOVER -> "PRIMARY".equals(acted) && "STANDBY".equals(peer);
            case FAILOVER -> "STANDBY".equals(acted);
            case REINSTATE -> "DISABLED_STANDBY".equals(acted);
        };
        return ok ? null : "dg.msg.rolesChanged";
    }

    /** A database's role now, or null when it could not be read. */
    private String role(String databaseId) {
        try {
            return roleOf.apply(databaseId);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private String[] expected() {
        return switch (kind) {
            case SWITCHOVER -> new String[] {"STANDBY", "PRIMARY"};
            case FAILOVER -> new String[] {"PRIMARY", failoverDisablesPeer ? "DISABLED_STANDBY" : null};
            case REINSTATE -> new String[] {"STANDBY", null};
        };
    }

    /** The thread was interrupted: the app is closing. */
    static final class Abandoned extends RuntimeException {
        Abandoned(InterruptedException cause) {
            super("interrupted", cause);
        }
    }

    static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Abandoned(e);
        }
    }
}
