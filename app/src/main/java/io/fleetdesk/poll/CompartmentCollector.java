package io.fleetdesk.poll;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;
import io.fleetdesk.poll.LastGood.Kind;
import io.fleetdesk.poll.LastGood.Unit;
import io.fleetdesk.poll.UnitResult.Resolved;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for one compartment's list calls until the refresh's deadline and turns what came back into
 * nodes: fresh rows are remembered as the last good ones; a unit that failed or ran late shows its last
 * good rows marked stale with why; a refused call gets a row of its own with the policy that would
 * allow it.
 */
final class CompartmentCollector {
    private final LastGood lastGood;
    private final FleetNodes build;

    CompartmentCollector(LastGood lastGood, FleetNodes build) {
        this.lastGood = lastGood;
        this.build = build;
    }

    /**
     * Builds the nodes of one compartment; false when none of its lists answered. A list the service
     * refused marks only that kind here (a row of its own, UNKNOWN, with the policy statement that would
     * allow it); the rest of the compartment stays fresh and keeps its health.
     */
    boolean collect(CompartmentWork w, Instant now, Map<String, FleetNode> nodes, List<Notice> errors,
                            Set<Unit> touched) {
        String where = w.region + " / " + w.compartment.path();
        String compId = FleetNodes.compartmentNodeId(w.region, w.compartment.id());
        Unit kSys = new Unit(Kind.SYSTEMS, w.region, w.compartment.id());
        Unit kHomes = new Unit(Kind.HOMES, w.region, w.compartment.id());
        Unit kPdbs = new Unit(Kind.PDBS, w.region, w.compartment.id());
        touched.addAll(List.of(kSys, kHomes, kPdbs));
        Map<String, Notice> refusals = new LinkedHashMap<>();
        Resolved<DbSystemRow> systems = resolve(kSys, await(w.systems, w.deadline, "ListDbSystems"), now, w, refusals);
        Resolved<DbHomeRow> homes = resolve(kHomes, await(w.homes, w.deadline, "ListDbHomes"), now, w, refusals);
        Resolved<PdbRow> pdbs = resolve(kPdbs, await(w.pdbs, w.deadline, "ListPluggableDatabases"), now, w, refusals);
        List<Notice> problems = new ArrayList<>();
        for (var r : List.of(systems, homes, pdbs)) {
            if (r.stale() != null && !r.refused()) {
                problems.add(r.stale().reason());
            }
        }
        // Databases: one unit per DB home; homes we could not list fresh come from the last good list.
        Map<String, Resolved<DatabaseRow>> dbsByHome = new LinkedHashMap<>();
        try {
            w.databasesStarted.get(Math.max(0, w.deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // Homes ran late: the per-home units below report it.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (DbHomeRow h : homes.rows()) {
            if (h.id() == null) {
                continue;
            }
            Unit k = new Unit(Kind.DATABASES, w.region, h.id());
            touched.add(k);
            CompletableFuture<UnitResult<DatabaseRow>> f = w.databases.get(h.id());
            Resolved<DatabaseRow> res;
            LastGood.Cached<DatabaseRow> cached = lastGood.get(k);
            if (f == null && cached != null && !w.plan.homesToList().contains(h.id())) {
                // Deferred by the request budget: its last read stands, with its own time; not a failure.
                res = new Resolved<>(cached.rows(), cached.at(), null);
            } else {
                UnitResult<DatabaseRow> r = f == null
                        ? new UnitResult.Failed<>("ListDatabases", Notice.of("poll.call.notSent", "ListDatabases"))
                        : await(f, w.deadline, "ListDatabases");
                res = resolve(k, r, now, w, refusals);
            }
            if (res.stale() != null && !res.refused()) {
                problems.add(res.stale().reason());
            }
            dbsByHome.put(h.id(), res);
        }
        // The Autonomous / Exadata lists: read this cycle, or (slow tier, not due) their last read with its own time.
        Map<EstateList, Resolved<Object>> estate = new java.util.EnumMap<>(EstateList.class);
        boolean estateAnswered = false;
        for (EstateList l : EstateList.values()) {
            Unit k = new Unit(l.kind, w.region, w.compartment.id());
            touched.add(k);
            CompletableFuture<UnitResult<Object>> f = w.estate.get(l);
            Resolved<Object> res;
            if (f == null) {
                LastGood.Cached<Object> cached = lastGood.get(k);
                res = cached == null ? new Resolved<>(List.of(), null, null) : new Resolved<>(cached.rows(), cached.at(), null);
            } else {
                res = resolve(k, await(f, w.deadline, l.call), now, w, refusals);
            }
            if (res.stale() != null && !res.refused()) {
                problems.add(res.stale().reason());
            } else if (res.stale() == null) {
                estateAnswered = true;
            }
            estate.put(l, res);
        }
        for (Notice p : problems) {
            errors.add(Notice.of("poll.problemAt", where, p));
        }
        for (Notice r : refusals.values()) {
            errors.add(Notice.of("poll.problemAt", where, r));
        }
        boolean anyAnswer = !(systems.stale() != null && !systems.refused()) || !(homes.stale() != null && !homes.refused())
                || !(pdbs.stale() != null && !pdbs.refused()) || estateAnswered;
        Staleness compStale = problems.isEmpty() ? null
                : new Staleness(systems.stale() != null ? systems.stale().lastGood() : now,
                problems.size() == 1 ? problems.getFirst() : Notice.of("poll.andMore", problems.getFirst(), problems.size() - 1));
        nodes.put(compId, FleetNodes.compartment(w.region, w.compartment, now, compStale, List.of()));
        for (var e : refusals.entrySet()) {
            FleetNode n = FleetNodes.notListed(w.region, w.compartment, e.getKey(), e.getValue(), now);
            nodes.put(n.id(), n);
        }
        Set<String> vmClusters = build.estate(compId, w.region, w.compartment, estate, nodes);
        build.resources(compId, w.compartment, systems, homes, dbsByHome, pdbs, vmClusters, nodes);
        return anyAnswer;
    }

    /**
     * Fresh rows, or the last good ones marked stale with why. A refused call is noted in
     * {@code refusals} (one per list call and compartment) with the policy that would allow it.
     */
    private <T> Resolved<T> resolve(Unit key, UnitResult<T> r, Instant now, CompartmentWork w,
                                    Map<String, Notice> refusals) {
        if (r instanceof UnitResult.Fresh<T>(List<T> rows)) {
            lastGood.put(key, rows, now);
            return new Resolved<>(rows, now, null);
        }
        UnitResult.Failed<T> f = (UnitResult.Failed<T>) r;
        Notice reason = f.reason();
        if (f.refused()) {
            reason = refusals.computeIfAbsent(f.call(), c -> FleetNodes.refusalReason(c, w.compartment, f.refusedBy()));
        }
        LastGood.Cached<T> c = lastGood.get(key);
        return new Resolved<>(c == null ? List.of() : c.rows(), c == null ? null : c.at(),
                new Staleness(c == null ? null : c.at(), reason), f.refused());
    }

    private static <T> UnitResult<T> await(CompletableFuture<UnitResult<T>> f, long deadline, String what) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            return new UnitResult.Failed<>(what, Notice.of("poll.call.late", what));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new UnitResult.Failed<>(what, Notice.of("poll.call.interrupted", what));
        } catch (ExecutionException e) {
            return new UnitResult.Failed<>(what, Notice.of("poll.call.failed", what, String.valueOf(e.getCause())));
        }
    }

}
