package io.fleetdesk.ui.fleet;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Health;

import java.util.Locale;

/** What one row of the fleet tree shows: the node and the worst health at or below it. */
public record FleetRow(FleetNode node, Health rolledUp) {
    /** The invisible root's value. */
    public static final FleetRow ROOT = new FleetRow(null, Health.OK);

    /** Whether the row matches a filter text (name, state, role, health, as the DBA types it) and health. */
    public boolean matches(String text, Health health) {
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
                || contains(node.shownHealth().name(), t) || contains(node.id(), t);
    }

    private static boolean contains(String s, String t) {
        return s != null && s.toLowerCase(Locale.ROOT).contains(t);
    }
}
