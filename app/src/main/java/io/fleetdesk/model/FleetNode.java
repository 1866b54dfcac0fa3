package io.fleetdesk.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One node of the fleet tree: a region, compartment, DB system, database or PDB, as last read.
 *
 * @param id             stable key: the OCID for OCI resources, a synthetic key for regions and compartments
 * @param parentId       the parent's id, or null for a region
 * @param kind           which level of the tree
 * @param name           what the DBA calls it (display name, DB unique name, PDB name)
 * @param lifecycleState as Oracle writes it (AVAILABLE, BACKUP_IN_PROGRESS …); null for regions and compartments
 * @param dataGuard      the Data Guard membership of a database; null where it has none
 * @param health         this node's own health (not its children's)
 * @param reasons        why the health is what it is, as notices the UI words; empty for OK
 * @param details        further fields shown in the details pane, in display order: a value is a String as
 *                       the service wrote it, a number, an Instant or a {@link Notice}
 * @param lastRefreshed  when this node was last read successfully
 * @param stale          set when the last attempt to refresh this node failed; null when fresh
 */
public record FleetNode(String id, String parentId, NodeKind kind, String name, String lifecycleState,
                        DataGuardMember dataGuard, Health health, List<Notice> reasons,
                        Map<Detail, Object> details, Instant lastRefreshed, Staleness stale) {

    public FleetNode {
        reasons = List.copyOf(reasons); // an immutable list is kept as is
        details = details instanceof FrozenDetails ? details : new FrozenDetails(details);
    }

    /**
     * This node, read again: when a DBA would see no difference from {@code before} ({@link #sameAs}),
     * {@code before}'s fields with this node's time, shared rather than copied; otherwise this node.
     * A refresh keeps what it reads only until the next one, so its unchanged nodes then die young;
     * without this every refresh of a 10,000-database fleet left ~37,000 new nodes (their strings,
     * reasons and details) for each young collection to copy (docs/benchmarks.md, FX thread).
     */
    public FleetNode reusing(FleetNode before) {
        if (before == null || before == this || !sameAs(before)) {
            return this;
        }
        return new FleetNode(before.id, before.parentId, before.kind, before.name, before.lifecycleState,
                before.dataGuard, before.health, before.reasons, before.details, lastRefreshed, before.stale);
    }

    /** The same node, kept from an earlier refresh because this one failed. */
    public FleetNode markedStale(Staleness why) {
        return new FleetNode(id, parentId, kind, name, lifecycleState, dataGuard, health, reasons, details,
                lastRefreshed, why);
    }

    /**
     * Whether a DBA would see a difference: every field but {@code lastRefreshed}, which moves on
     * every refresh and would otherwise turn each refresh into an update of every row.
     */
    public boolean sameAs(FleetNode o) {
        return o != null && id.equals(o.id) && java.util.Objects.equals(parentId, o.parentId) && kind == o.kind
                && java.util.Objects.equals(name, o.name) && java.util.Objects.equals(lifecycleState, o.lifecycleState)
                && java.util.Objects.equals(dataGuard, o.dataGuard) && health == o.health
                && reasons.equals(o.reasons) && details.equals(o.details) && java.util.Objects.equals(stale, o.stale);
    }

    /** A detail as text (a name, an OCID, a state), or null when it is absent or not text. */
    public String text(Detail d) {
        return details.get(d) instanceof String s ? s : null;
    }

    /** The DB name the DBA types to confirm a dangerous action; the node's name when the service left it out. */
    public String dbName() {
        String n = text(Detail.DB_NAME);
        return n != null ? n : name;
    }

    /** Role for the tree's role column, or null. */
    public String role() {
        return dataGuard == null ? null : dataGuard.role();
    }

    /** Health as shown: a stale node is UNKNOWN whatever it was, because we could not ask. */
    public Health shownHealth() {
        return stale != null ? health.worst(Health.UNKNOWN) : health;
    }

    /** A node's details: copied once, in their order, never changed, so nodes can share them. */
    private static final class FrozenDetails extends java.util.AbstractMap<Detail, Object> {
        private final Map<Detail, Object> view;

        FrozenDetails(Map<Detail, Object> from) {
            this.view = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(from));
        }

        @Override
        public java.util.Set<Entry<Detail, Object>> entrySet() {
            return view.entrySet();
        }

        @Override
        public java.util.Set<Detail> keySet() {
            return view.keySet();
        }

        @Override
        public java.util.Collection<Object> values() {
            return view.values();
        }

        @Override
        public Object get(Object key) {
            return view.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return view.containsKey(key);
        }

        @Override
        public int size() {
            return view.size();
        }
    }
}
