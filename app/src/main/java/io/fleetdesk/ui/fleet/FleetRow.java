package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;

import java.util.Locale;

/**
 * What one row of the fleet tree shows: the node, the worst health at or below it, and whether it is
 * a compartment with nothing in it (hidden unless the DBA asks to see empty compartments).
 */
public record FleetRow(FleetNode node, Health rolledUp, boolean emptyCompartment) {
    /** The invisible root's value. */
    public static final FleetRow ROOT = new FleetRow(null, Health.OK, false);

    /** The row of a node as a snapshot has it. */
    /** The ids the poller reads every cycle while this row is selected: its node and that node's parent. */
    public java.util.Set<String> watched() {
        if (node == null) {
            return java.util.Set.of();
        }
        return node.parentId() == null ? java.util.Set.of(node.id()) : java.util.Set.of(node.id(), node.parentId());
    }

    public static FleetRow of(FleetNode n, io.fleetdesk.model.FleetSnapshot s) {
        return new FleetRow(n, s.rolledUpHealth(n.id()), s.isEmptyCompartment(n.id()));
    }

    /**
     * Whether the row matches a filter text (name, state, role, health, OCID, or the path of its
     * compartment, so that {@code prod/erp} keeps that branch) and health.
     */
    public boolean matches(String text, Health health, String compartmentPath) {
        if (node == null) {
            return true;
        }
        if (health != null && node.shownHealth() != health) {
            return false;
        }
        if (text == null || text.isBlank()) {
            return true;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        return contains(node.name(), t) || contains(node.lifecycleState(), t) || contains(node.role(), t)
                || contains(node.shownHealth().name(), t) || contains(node.id(), t) || contains(compartmentPath, t);
    }

    private static boolean contains(String s, String t) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(t);
    }
}
