package io.fleetdesk.poll;

import io.fleetdesk.model.Notice;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.OciCompartment;
import io.fleetdesk.oci.RegionApi;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;
import io.fleetdesk.poll.LastGood.Kind;
import io.fleetdesk.poll.LastGood.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The list calls of one compartment in one region, started at construction on the poller's virtual
 * threads: ListDbSystems, ListDbHomes and ListPluggableDatabases, and ListDatabases per DB home as soon
 * as the home is known (at once for the homes of the last cycle that the plan lists).
 */
final class CompartmentWork {
    private static final Logger LOG = LoggerFactory.getLogger(CompartmentWork.class);

    final String region;
    final OciCompartment compartment;
    final long deadline;
    final CyclePlanner.CyclePlan plan;
    final CompletableFuture<UnitResult<DbSystemRow>> systems;
    final CompletableFuture<UnitResult<DbHomeRow>> homes;
    final CompletableFuture<UnitResult<PdbRow>> pdbs;
    final Map<String, CompletableFuture<UnitResult<DatabaseRow>>> databases = new ConcurrentHashMap<>();
    /** The Autonomous / Exadata lists this cycle reads here; a slow-tier list not in it shows its last read. */
    final Map<EstateList, CompletableFuture<UnitResult<Object>>> estate = new java.util.EnumMap<>(EstateList.class);
    /** Done once a ListDatabases unit has been started for every DB home. */
    final CompletableFuture<Void> databasesStarted;
    private final ExecutorService workers;
    private final Fetcher fetcher;
    private final RegionApi api;
    private final AdaptiveLimit limit;
    private final AtomicLong requests;

    CompartmentWork(String region, OciCompartment c, RegionApi api, AdaptiveLimit limit, long deadline,
                    AtomicLong requests, CyclePlanner.CyclePlan plan, LastGood lastGood, Fetcher fetcher,
                    ExecutorService workers) {
        this.region = region;
        this.compartment = c;
        this.deadline = deadline;
        this.plan = plan;
        this.workers = workers;
        this.fetcher = fetcher;
        this.api = api;
        this.limit = limit;
        this.requests = requests;
        String cid = c.id();
        systems = unit("ListDbSystems", () -> fetcher.paged(limit, deadline, requests, p -> api.listDbSystems(cid, p)));
        homes = unit("ListDbHomes", () -> fetcher.paged(limit, deadline, requests, p -> api.listDbHomes(cid, p)));
        pdbs = unit("ListPluggableDatabases",
                () -> fetcher.paged(limit, deadline, requests, p -> api.listPluggableDatabases(cid, p)));
        for (EstateList l : EstateList.values()) {
            if (due(l, lastGood.get(new Unit(l.kind, region, cid)), plan)) {
                estate.put(l, unit(l.call, () -> fetcher.paged(limit, deadline, requests, p -> page(l, cid, p))));
            }
        }
        // DB homes rarely change: list the databases of the homes we already know at once, in the same
        // round as the compartment lists, instead of a round later. Homes that are new in this cycle's
        // ListDbHomes are listed as soon as it answers.
        for (DbHomeRow h : lastGood.<DbHomeRow>rows(new Unit(Kind.HOMES, region, cid))) {
            if (h.id() != null && plan.homesToList().contains(h.id())) {
                startDatabases(cid, h);
            }
        }
        databasesStarted = homes.thenAccept(r -> {
            if (r instanceof UnitResult.Fresh<DbHomeRow>(List<DbHomeRow> rows)) {
                for (DbHomeRow h : rows) {
                    if (h.id() != null && !lastGood.contains(new Unit(Kind.DATABASES, region, h.id()))) {
                        startDatabases(cid, h);
                    }
                }
            }
        });
    }

    @SuppressWarnings("unchecked")
    private io.fleetdesk.oci.Page<Object> page(EstateList l, String cid, String p) {
        return (io.fleetdesk.oci.Page<Object>) l.page.list(api, cid, p);
    }

    /** Whether a list is read this cycle: every cycle, or for the slow tier when due (see {@link EstateList}). */
    static boolean due(EstateList l, LastGood.Cached<?> cached, CyclePlanner.CyclePlan plan) {
        if (l.afterWindowsFirstCycle() && cached == null && plan.slowTierLater()) {
            return false; // the window's first cycle: the next one, started right after, reads it
        }
        if (!l.slow || cached == null || plan.slowPeriod() == null) {
            return true;
        }
        return java.time.Duration.between(cached.at(), plan.now()).compareTo(plan.slowPeriod()) >= 0
                || EstateList.hot(cached.rows(), plan.watched());
    }

    private void startDatabases(String cid, DbHomeRow h) {
        databases.computeIfAbsent(h.id(), id -> unit("ListDatabases",
                () -> fetcher.paged(limit, deadline, requests, p -> api.listDatabases(cid, id, p))));
    }

    private <T> CompletableFuture<UnitResult<T>> unit(String what, Supplier<List<T>> call) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return new UnitResult.Fresh<>(call.get());
            } catch (OciApiException e) {
                return new UnitResult.Failed<>(what, Notice.of("poll.call.failed", what, e.notice()),
                        e.isRefused() ? e : null);
            } catch (Fetcher.LateException e) {
                return new UnitResult.Failed<>(what, Notice.of(e.interrupted ? "poll.call.interrupted" : "poll.call.late", what));
            } catch (RuntimeException e) {
                LOG.warn("{} in {} failed unexpectedly", what, region, e);
                return new UnitResult.Failed<>(what, Notice.of("poll.call.failed", what, String.valueOf(e)));
            }
        }, workers);
    }
}
