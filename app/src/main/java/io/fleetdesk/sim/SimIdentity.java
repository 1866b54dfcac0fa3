package io.fleetdesk.sim;

import io.fleetdesk.sim.SimServer.Reply;
import io.fleetdesk.sim.SimServer.Routed;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Identity API (20160918) subset tenancy discovery uses, served on every region's port and
 * signed like the rest: ListRegionSubscriptions, ListCompartments (paged, with the subtree, access
 * level and lifecycle-state parameters and the service's rules for them) and GetCompartment. The
 * demo user's policy ({@link SimTenancy#deny}) is enforced as the service does: 404
 * NotAuthorizedOrNotFound.
 */
final class SimIdentity {
    private static final Set<String> STATES = Set.of("CREATING", "ACTIVE", "INACTIVE", "DELETING", "DELETED");

    private final SimTenancy tenancy;
    private final FaultPlan faults;

    SimIdentity(SimTenancy tenancy, FaultPlan faults) {
        this.tenancy = tenancy;
        this.faults = faults;
    }

    /** The answer to an Identity request, or null when the request is not one. */
    Routed route(String method, String[] p, Map<String, String> q) {
        if (!method.equals("GET")) {
            return null;
        }
        // GET /tenancies/{tenancyId}/regionSubscriptions
        if (p.length == 3 && p[0].equals("tenancies") && p[2].equals("regionSubscriptions")) {
            return new Routed("ListRegionSubscriptions", regionSubscriptions(p[1]));
        }
        if (p[0].equals("compartments") && p.length == 1) {
            return new Routed("ListCompartments", listCompartments(q));
        }
        if (p[0].equals("compartments") && p.length == 2) {
            return new Routed("GetCompartment", getCompartment(p[1]));
        }
        return null;
    }

    private Reply regionSubscriptions(String tenancyId) {
        if (!tenancyId.equals(tenancy.tenancyId()) || tenancy.isDenied("ListRegionSubscriptions", "*")) {
            return Reply.notFound();
        }
        List<Map<String, Object>> items = tenancy.subscriptions().stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("regionKey", s.regionKey());
            m.put("regionName", s.regionName());
            m.put("status", s.status());
            m.put("isHomeRegion", s.home());
            return faults.variation().vary("RegionSubscription", m);
        }).toList();
        return Reply.ok(items);
    }

    private Reply listCompartments(Map<String, String> q) {
        String parent = q.get("compartmentId");
        if (parent == null || parent.isBlank()) {
            return Reply.missing("compartmentId");
        }
        boolean subtree = Boolean.parseBoolean(q.getOrDefault("compartmentIdInSubtree", "false"));
        String access = q.getOrDefault("accessLevel", "ANY");
        String state = q.get("lifecycleState");
        if (!access.equals("ANY") && !access.equals("ACCESSIBLE")) {
            return Reply.error(400, "InvalidParameter", "accessLevel must be ANY or ACCESSIBLE.");
        }
        if (state != null && !STATES.contains(state)) {
            return Reply.error(400, "InvalidParameter", "lifecycleState '" + state + "' is not a compartment state.");
        }
        if (subtree && !parent.equals(tenancy.tenancyId())) {
            // As the service: the subtree can only be asked of the root.
            return Reply.error(400, "InvalidParameter",
                    "compartmentIdInSubtree can only be true when compartmentId is the tenancy's OCID.");
        }
        if (tenancy.compartment(parent) == null || tenancy.isDenied("ListCompartments", parent)) {
            return Reply.notFound();
        }
        List<SimTenancy.Compartment> all = tenancy.allBelowRoot().stream()
                .filter(c -> subtree ? tenancy.isInSubtree(c.id(), parent) : parent.equals(c.parentId()))
                .filter(c -> state == null || c.lifecycleState().equals(state))
                .toList();
        return Reply.page(all, q, this::json);
    }

    private Reply getCompartment(String id) {
        SimTenancy.Compartment c = tenancy.compartment(id);
        if (c == null || tenancy.isDenied("GetCompartment", id)) {
            return Reply.notFound();
        }
        return Reply.ok(json(c));
    }

    private Map<String, Object> json(SimTenancy.Compartment c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("compartmentId", c.parentId());
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("timeCreated", SimJson.time(c.timeCreated()));
        m.put("lifecycleState", c.lifecycleState());
        m.put("isAccessible", true);
        m.put("freeformTags", Map.of());
        m.put("definedTags", Map.of());
        return faults.variation().vary("Compartment", m);
    }
}
