package io.fleetdesk.ops;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One operation per database at a time, in this app, whichever dialog starts it: a switchover takes
 * both databases of its pair, a backup or a restore takes its database. So no restore of a database
 * while its pair switches over, and no switchover while a member is being restored, also when a
 * dialog is opened twice.
 */
public final class OperationLocks {
    private final Map<String, String> held = new HashMap<>();

    /** A taken lock; closing it gives its databases back (once, and only its own). */
    public final class Lease implements AutoCloseable {
        private final List<String> ids;
        private final String what;
        private boolean closed;

        private Lease(List<String> ids, String what) {
            this.ids = ids;
            this.what = what;
        }

        @Override
        public void close() {
            synchronized (OperationLocks.this) {
                if (!closed) {
                    closed = true;
                    ids.forEach(id -> held.remove(id, what));
                }
            }
        }
    }

    /**
     * Takes every database for an operation, all or none.
     *
     * @param what what runs, e.g. SWITCHOVER or RESTORE_DATABASE (shown as what holds them)
     * @return the lease, or null when one of them is taken already ({@link #holder} says by what)
     */
    public synchronized Lease tryLock(Collection<String> databaseIds, String what) {
        List<String> ids = databaseIds.stream().filter(Objects::nonNull).distinct().toList();
        if (ids.stream().anyMatch(held::containsKey)) {
            return null;
        }
        // Unique per lease, so a lease never releases one taken after it.
        String token = what + "#" + System.identityHashCode(ids) + "#" + System.nanoTime();
        ids.forEach(id -> held.put(id, token));
        return new Lease(ids, token);
    }

    /** What holds a database (e.g. SWITCHOVER), or null. */
    public synchronized String holder(String databaseId) {
        String token = databaseId == null ? null : held.get(databaseId);
        return token == null ? null : token.substring(0, token.indexOf('#'));
    }

    /** What holds any of the databases, or null. */
    public synchronized String holder(Collection<String> databaseIds) {
        return databaseIds.stream().map(this::holder).filter(Objects::nonNull).findFirst().orElse(null);
    }
}
