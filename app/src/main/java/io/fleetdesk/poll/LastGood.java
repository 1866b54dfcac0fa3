package io.fleetdesk.poll;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The last good rows of every list unit, so a unit that fails or runs late shows what it had, marked
 * stale with its age. Keyed by a record, not a string: a unit is one list call's scope in one region.
 */
final class LastGood {
    /** Which list call a unit is. */
    enum Kind {
        SYSTEMS, HOMES, PDBS, DATABASES,
        AUTONOMOUS_DATABASES, CONTAINER_DATABASES, CLOUD_EXADATA, EXADATA_CC, CLOUD_VM_CLUSTERS, VM_CLUSTERS,
        CLOUD_AUTONOMOUS_VM_CLUSTERS, AUTONOMOUS_VM_CLUSTERS, MAINTENANCE_RUNS
    }

    /**
     * One list unit.
     *
     * @param scope the compartment's OCID, or the DB home's for {@link Kind#DATABASES}
     */
    record Unit(Kind kind, String region, String scope) {
    }

    /** Rows as last read, and when. */
    record Cached<T>(List<T> rows, Instant at) {
    }

    private final Map<Unit, Cached<?>> units = new ConcurrentHashMap<>();

    boolean isEmpty() {
        return units.isEmpty();
    }

    <T> void put(Unit u, List<T> rows, Instant at) {
        units.put(u, new Cached<>(rows, at));
    }

    @SuppressWarnings("unchecked")
    <T> Cached<T> get(Unit u) {
        return (Cached<T>) units.get(u);
    }

    boolean contains(Unit u) {
        return units.containsKey(u);
    }

    /** The rows of a unit, or none. */
    <T> List<T> rows(Unit u) {
        Cached<T> c = get(u);
        return c == null ? List.of() : c.rows();
    }

    /** Forgets the units no longer in the tenancy (a compartment or DB home gone). */
    void retainAll(Set<Unit> touched) {
        units.keySet().retainAll(touched);
    }

    /** The oldest last good read of a region: the age to show when nothing in it answers. */
    Instant oldestOf(String region) {
        return units.entrySet().stream().filter(e -> e.getKey().region().equals(region))
                .map(e -> e.getValue().at()).min(Instant::compareTo).orElse(null);
    }

    /** The last ListDatabases of every DB home, by the home's OCID (the tiered plan reads these). */
    @SuppressWarnings("unchecked")
    Map<String, Cached<io.fleetdesk.oci.Rows.DatabaseRow>> databasesByHome() {
        return units.entrySet().stream().filter(e -> e.getKey().kind() == Kind.DATABASES)
                .collect(Collectors.toMap(e -> e.getKey().scope(),
                        e -> (Cached<io.fleetdesk.oci.Rows.DatabaseRow>) e.getValue(), (a, b) -> a));
    }
}
