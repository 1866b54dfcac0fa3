package io.fleetdesk.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The demo tenancy as Identity sees it: compartments nested as in a real tenancy (the root, then
 * prod / nonprod / shared-services …, three and four levels down), one deleted compartment that
 * must not be listed as ACTIVE, the region subscriptions (one region subscribed but not READY), and
 * the demo user's policy: which list calls it may not make where. Compartments can be added,
 * renamed, moved and deleted while the simulator runs, as an administrator would in the console.
 */
public final class SimTenancy {
    /** A compartment; {@code parentId} is null only for the root (the tenancy itself). */
    public record Compartment(String id, String parentId, String name, String description, String lifecycleState,
                              Instant timeCreated, boolean holdsResources) {
        Compartment withState(String state) {
            return new Compartment(id, parentId, name, description, state, timeCreated, holdsResources);
        }

        Compartment withParent(String parent) {
            return new Compartment(id, parent, name, description, lifecycleState, timeCreated, holdsResources);
        }

        Compartment withName(String n) {
            return new Compartment(id, parentId, n, description, lifecycleState, timeCreated, holdsResources);
        }
    }

    /** One region subscription: READY, or IN_PROGRESS while the subscription is being set up. */
    public record Subscription(String regionName, String regionKey, String status, boolean home) {
    }

    /**
     * The skeleton of the demo tenancy, depth first: name, depth below the root, whether resources live
     * there. Names include non-ASCII ones, as real tenancies have.
     */
    private static final List<Object[]> SKELETON = List.of(
            new Object[] {"prod", 1, false},
            new Object[] {"erp", 2, true},
            new Object[] {"erp-eu", 3, true},
            new Object[] {"erp-apac", 3, true},
            new Object[] {"erp-apac-dr", 4, true},
            new Object[] {"crm", 2, true},
            new Object[] {"billing", 2, true},
            new Object[] {"payments", 2, true},
            new Object[] {"nonprod", 1, false},
            new Object[] {"dev-analytics", 2, true},
            new Object[] {"test-integration", 2, true},
            new Object[] {"qa-regression", 2, true},
            new Object[] {"shared-services", 1, false},
            new Object[] {"データ基盤", 2, true},
            new Object[] {"finanzas-año", 2, true},
            new Object[] {"network", 2, false},
            new Object[] {"sandbox", 1, false},
            new Object[] {"sandbox-old", 2, false});

    /** ACTIVE compartments below the root in the demo tenancy's own tree. */
    public static final int SKELETON_SIZE = 18;

    /** Where the demo user's group may not list PDBs (its policy lacks {@code pluggable-databases}). */
    public static final String NO_PDB_POLICY_COMPARTMENT = "payments";

    private final String tenancyId;
    private final String tenancyName;
    private final Map<String, Compartment> byId = new ConcurrentHashMap<>();
    /** Insertion order, for a stable listing (the service's default sort is by time created). */
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<Subscription> subscriptions;
    /** "Operation|compartmentId" pairs the demo user's policy does not allow; "Operation|*" for everywhere. */
    private final Set<String> denied = ConcurrentHashMap.newKeySet();
    private final Random rnd;
    private final Instant created;

    /**
     * @param extraCompartments compartments beyond the skeleton, each holding resources, nested up to
     *                          four levels below the root (the benchmark's 500-compartment tenancy)
     * @param served            the regions the simulator serves (READY); {@code notReady} is listed but not READY
     */
    SimTenancy(long seed, String tenancyId, String tenancyName, int extraCompartments,
               List<SimFleet.SimRegion> served, SimFleet.SimRegion notReady, Instant created) {
        this.tenancyId = tenancyId;
        this.tenancyName = tenancyName;
        this.created = created;
        this.rnd = new Random(seed ^ 0x7e4a2c1dL);
        put(new Compartment(tenancyId, null, tenancyName, "The tenancy's root compartment", "ACTIVE", created, false));
        String[] parents = new String[6];
        parents[0] = tenancyId;
        for (Object[] s : SKELETON) {
            int depth = (Integer) s[1];
            Compartment c = new Compartment(ocid(), parents[depth - 1], (String) s[0], "Demo: " + s[0], "ACTIVE",
                    created.minusSeconds(86_400L * (400 - order.size())), (Boolean) s[2]);
            put(c);
            parents[depth] = c.id();
        }
        // One compartment deleted months ago: the service still returns it without a lifecycleState filter.
        put(new Compartment(ocid(), tenancyId, "decommissioned-2025", "Deleted", "DELETED",
                created.minusSeconds(86_400L * 500), false));
        List<String> resourceParents = new ArrayList<>();
        for (String id : order) {
            Compartment c = byId.get(id);
            if (c.holdsResources() && depthOf(c) < 4) {
                resourceParents.add(id);
            }
        }
        for (int i = 0; i < extraCompartments; i++) {
            String parent = resourceParents.get(rnd.nextInt(resourceParents.size()));
            Compartment c = new Compartment(ocid(), parent, String.format(Locale.ROOT, "team-%03d", i), "Generated",
                    "ACTIVE", created.minusSeconds(3_600L * i), true);
            put(c);
            if (depthOf(c) < 4) {
                resourceParents.add(c.id());
            }
        }
        List<Subscription> subs = new ArrayList<>();
        for (int i = 0; i < served.size(); i++) {
            subs.add(new Subscription(served.get(i).name(), served.get(i).key().toUpperCase(Locale.ROOT), "READY", i == 0));
        }
        if (notReady != null) {
            subs.add(new Subscription(notReady.name(), notReady.key().toUpperCase(Locale.ROOT), "IN_PROGRESS", false));
        }
        this.subscriptions = List.copyOf(subs);
        Compartment noPdbs = byName(NO_PDB_POLICY_COMPARTMENT);
        if (noPdbs != null) {
            deny("ListPluggableDatabases", noPdbs.id());
        }
    }

    private void put(Compartment c) {
        if (byId.put(c.id(), c) == null) {
            order.add(c.id());
        }
    }

    private String ocid() {
        StringBuilder sb = new StringBuilder("ocid1.compartment.oc1..");
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 60; i++) {
            sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    private int depthOf(Compartment c) {
        int d = 0;
        for (Compartment x = c; x.parentId() != null; x = byId.get(x.parentId())) {
            d++;
        }
        return d;
    }

    public String tenancyId() {
        return tenancyId;
    }

    public String tenancyName() {
        return tenancyName;
    }

    public List<Subscription> subscriptions() {
        return subscriptions;
    }

    /** The root compartment (the tenancy). */
    public Compartment root() {
        return byId.get(tenancyId);
    }

    public Compartment compartment(String id) {
        return byId.get(id);
    }

    /** The first compartment with this name, or null. */
    public Compartment byName(String name) {
        for (String id : order) {
            Compartment c = byId.get(id);
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    /** Every compartment but the root, in creation order, whatever its state (as ListCompartments without a filter). */
    public List<Compartment> allBelowRoot() {
        List<Compartment> out = new ArrayList<>();
        for (String id : order) {
            if (!id.equals(tenancyId)) {
                out.add(byId.get(id));
            }
        }
        return out;
    }

    /** Active compartments that hold the demo's resources, in a stable order. */
    public List<Compartment> resourceCompartments() {
        return allBelowRoot().stream().filter(c -> c.holdsResources() && c.lifecycleState().equals("ACTIVE")).toList();
    }

    /** Whether {@code id} is {@code ancestor} or below it. */
    public boolean isInSubtree(String id, String ancestor) {
        for (Compartment c = byId.get(id); c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
            if (c.id().equals(ancestor)) {
                return true;
            }
        }
        return false;
    }

    /** The compartment's path from the root, names joined with '/'. */
    public String path(String id) {
        List<String> names = new ArrayList<>();
        for (Compartment c = byId.get(id); c != null; c = c.parentId() == null ? null : byId.get(c.parentId())) {
            names.add(c.name());
        }
        Collections.reverse(names);
        return String.join("/", names);
    }

    // ---- the demo user's policy ----

    /** The demo user may no longer make this list call in this compartment ({@code "*"}: anywhere). */
    public void deny(String operation, String compartmentId) {
        denied.add(operation + "|" + compartmentId);
    }

    public void allow(String operation, String compartmentId) {
        denied.remove(operation + "|" + compartmentId);
    }

    public boolean isDenied(String operation, String compartmentId) {
        return denied.contains(operation + "|*") || denied.contains(operation + "|" + compartmentId);
    }

    // ---- an administrator at work ----

    /** Creates an ACTIVE compartment under {@code parentId}; returns it. */
    public Compartment create(String parentId, String name, boolean holdsResources) {
        if (!byId.containsKey(parentId)) {
            throw new IllegalArgumentException("no compartment " + parentId);
        }
        Compartment c = new Compartment(ocid(), parentId, name, "Created while running", "ACTIVE", Instant.now(),
                holdsResources);
        put(c);
        return c;
    }

    /** Deletes a compartment: it stays in the tenancy as DELETED, as the service keeps it. */
    public void delete(String id) {
        byId.computeIfPresent(id, (k, c) -> c.withState("DELETED"));
    }

    public void rename(String id, String name) {
        byId.computeIfPresent(id, (k, c) -> c.withName(name));
    }

    /** Moves a compartment (and everything in it) under another parent. */
    public void move(String id, String newParentId) {
        if (!byId.containsKey(newParentId) || isInSubtree(newParentId, id)) {
            throw new IllegalArgumentException("cannot move " + id + " under " + newParentId);
        }
        byId.computeIfPresent(id, (k, c) -> c.withParent(newParentId));
    }

    /** For tests: the compartments sorted by path. */
    public List<String> paths() {
        return allBelowRoot().stream().filter(c -> c.lifecycleState().equals("ACTIVE")).map(c -> path(c.id()))
                .sorted(Comparator.naturalOrder()).toList();
    }
}
