package io.fleetdesk.poll;

import io.fleetdesk.oci.Rows.DatabaseRow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tiered polling, as a pure function. Every cycle lists each compartment's DB systems, DB homes and
 * PDBs (a few requests each) and ListDatabases for the hot DB homes: never read, holding a Data Guard
 * member, anything not AVAILABLE, or anything the DBA watches. Quiet homes fill the rest of the
 * request budget, least recently read first, and at least 1/maxCyclesPerInventory of them every
 * cycle, so every database is read within that many cycles (decision 0003).
 */
final class CyclePlanner {
    private CyclePlanner() {
    }

    /**
     * Which cached DB homes this cycle lists; homes not in it (and not new) show their last read.
     *
     * @param slowPeriod how old a slow-tier list may get before it is read again; null: every cycle
     * @param watched    what the DBA looks at (read every cycle, in either tier)
     * @param now        this cycle's start
     */
    record CyclePlan(Set<String> homesToList, int hot, int deferred, java.time.Duration slowPeriod, Set<String> watched,
                     java.time.Instant now, boolean slowTierLater) {
        CyclePlan(Set<String> homesToList, int hot, int deferred) {
            this(homesToList, hot, deferred, null, Set.of(), java.time.Instant.now(), false);
        }

        CyclePlan(Set<String> homesToList, int hot, int deferred, java.time.Duration slowPeriod, Set<String> watched,
                  java.time.Instant now) {
            this(homesToList, hot, deferred, slowPeriod, watched, now, false);
        }

        /** The same plan with the slow tier's period (see {@link EstateList}). */
        CyclePlan withSlowTier(java.time.Duration period, java.time.Instant at) {
            return new CyclePlan(homesToList, hot, deferred, period, watched, at, slowTierLater);
        }

        /** The same plan leaving the slow tier's never-read lists to the next cycle (the window's first cycle). */
        CyclePlan withSlowTierLater() {
            return new CyclePlan(homesToList, hot, deferred, slowPeriod, watched, now, true);
        }
    }

    /**
     * @param databasesByHome  the last ListDatabases of each known DB home
     * @param watched          ids the DBA looks at (databases, DB systems)
     * @param listedUnits      regions × listed compartments (each costs three list calls)
     * @param budget           requests per cycle; 0 or less: no budget, every home every cycle
     */
    static CyclePlan plan(Map<String, LastGood.Cached<DatabaseRow>> databasesByHome, Set<String> watched,
                          int listedUnits, int budget, int maxCyclesPerInventory) {
        Set<String> toList = new HashSet<>();
        List<Map.Entry<String, LastGood.Cached<DatabaseRow>>> cold = new ArrayList<>();
        int hot = 0;
        for (var e : databasesByHome.entrySet()) {
            if (hot(e.getValue().rows(), watched)) {
                toList.add(e.getKey());
                hot++;
            } else {
                cold.add(e);
            }
        }
        if (budget <= 0) {
            cold.forEach(e -> toList.add(e.getKey()));
            return new CyclePlan(toList, hot, 0, null, watched, java.time.Instant.now());
        }
        // Per unit: three Base lists and the two Autonomous ones every cycle, and the seven slow-tier lists
        // about once per inventory.
        int perCycle0 = Math.max(1, maxCyclesPerInventory);
        int lists = 5 * listedUnits + (7 * listedUnits + perCycle0 - 1) / perCycle0;
        int room = Math.max(0, budget - lists - hot);
        int perCycle = Math.max(1, maxCyclesPerInventory);
        int floor = (cold.size() + perCycle - 1) / perCycle;
        int take = Math.min(cold.size(), Math.max(room, floor));
        cold.sort((a, b) -> a.getValue().at().compareTo(b.getValue().at()));
        for (int i = 0; i < take; i++) {
            toList.add(cold.get(i).getKey());
        }
        return new CyclePlan(toList, hot, cold.size() - take, null, watched, java.time.Instant.now());
    }

    private static boolean hot(List<DatabaseRow> rows, Set<String> watched) {
        for (DatabaseRow d : rows) {
            // Any field may be absent in a real response (an Exadata database has no dbSystemId), and
            // Set.of(...).contains(null) throws: a null must not cost the whole refresh.
            if (d.dataGuard() != null || !"AVAILABLE".equals(d.lifecycleState())
                    || (d.id() != null && watched.contains(d.id()))
                    || (d.dbSystemId() != null && watched.contains(d.dbSystemId()))) {
                return true;
            }
        }
        return false;
    }
}
