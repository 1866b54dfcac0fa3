package io.fleetdesk.poll;

import io.fleetdesk.oci.Rows.DatabaseRow;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The tiered plan as a pure function: which DB homes a cycle lists, within the request budget. */
class CyclePlannerTest {
    private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

    private static DatabaseRow db(String id, String state) {
        return new DatabaseRow(id, "c", "sys-" + id, "home-" + id, "DB", "DB_" + id, state, null, null, null, null);
    }

    /** Quiet homes read at T0 + i minutes (home-0 the longest ago), one AVAILABLE database each. */
    private static Map<String, LastGood.Cached<DatabaseRow>> quiet(int n) {
        Map<String, LastGood.Cached<DatabaseRow>> m = new LinkedHashMap<>();
        for (int i = n - 1; i >= 0; i--) {
            m.put("home-" + i, new LastGood.Cached<>(List.of(db("d" + i, "AVAILABLE")), T0.plusSeconds(60L * i)));
        }
        return m;
    }

    @Test
    void withoutABudgetEveryHomeIsListedEveryCycle() {
        var plan = CyclePlanner.plan(quiet(20), Set.of(), 5, 0, 10);
        assertEquals(20, plan.homesToList().size());
        assertEquals(0, plan.deferred());
    }

    @Test
    void hotHomesAreAlwaysListedAndQuietOnesFillTheRestLeastRecentlyReadFirst() {
        var homes = quiet(20);
        homes.put("home-busy", new LastGood.Cached<>(List.of(db("busy", "BACKUP_IN_PROGRESS")), T0.plusSeconds(9999)));
        homes.put("home-watched", new LastGood.Cached<>(List.of(db("watched", "AVAILABLE")), T0.plusSeconds(9999)));
        // 5 compartment units cost 5 x 5 list calls every cycle plus the slow tier's 5 x 7 once in 10 cycles
        // (4 a cycle): 29; a budget of 35 leaves 35 - 29 - 2 hot = 4 quiet homes.
        var plan = CyclePlanner.plan(homes, Set.of("watched"), 5, 35, 10);
        assertEquals(2, plan.hot());
        assertTrue(plan.homesToList().containsAll(Set.of("home-busy", "home-watched")));
        assertTrue(plan.homesToList().containsAll(Set.of("home-0", "home-1", "home-2", "home-3")), plan.toString());
        assertFalse(plan.homesToList().contains("home-4"));
        assertEquals(16, plan.deferred());
    }

    @Test
    void evenWithNoRoomLeftEachCycleReadsItsShareSoEveryDatabaseIsReadWithinTheInventoryCycles() {
        // The lists alone exceed the budget: the floor still takes ceil(20 / 4) = 5 quiet homes a cycle.
        var plan = CyclePlanner.plan(quiet(20), Set.of(), 50, 10, 4);
        assertEquals(5, plan.homesToList().size());
        assertEquals(15, plan.deferred());
    }

    @Test
    void aDatabaseWithoutTheFieldsARealResponseMayLeaveOutDoesNotBreakThePlan() {
        Map<String, LastGood.Cached<DatabaseRow>> homes = new LinkedHashMap<>();
        homes.put("home-x", new LastGood.Cached<>(List.of(new DatabaseRow(null, null, null, null, null, null,
                "AVAILABLE", null, null, null, null)), T0));
        var plan = CyclePlanner.plan(homes, Set.of("anything"), 1, 10, 10);
        assertEquals(Set.of("home-x"), plan.homesToList(), "no id, no DB system: quiet, and listed within budget");
    }
}
