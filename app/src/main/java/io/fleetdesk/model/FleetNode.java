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
        reasons = List.copyOf(reasons);
        details = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(details));
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
}
