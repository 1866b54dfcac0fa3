package io.fleetdesk.ops;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One operation per Data Guard pair at a time, in this app, also when the wizard is opened twice. */
public final class PairLocks {
    private final Map<String, String> held = new ConcurrentHashMap<>();

    /** Takes the pair for an operation; returns null, or what already holds it. */
    public String tryLock(String pairKey, String what) {
        return held.putIfAbsent(pairKey, what);
    }

    public void unlock(String pairKey) {
        held.remove(pairKey);
    }

    /** What holds the pair (e.g. SWITCHOVER), or null. */
    public String holder(String pairKey) {
        return held.get(pairKey);
    }

    public boolean isLocked(String pairKey) {
        return held.containsKey(pairKey);
    }
}
