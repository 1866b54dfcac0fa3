package io.fleetdesk.poll;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Health;
import io.fleetdesk.model.Detail;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;
import io.fleetdesk.oci.OciApiException;
import io.fleetdesk.oci.OciCompartment;
import io.fleetdesk.oci.Page;
import io.fleetdesk.oci.RegionApi;
import io.fleetdesk.oci.Rows.DatabaseRow;
import io.fleetdesk.oci.Rows.DbHomeRow;
import io.fleetdesk.oci.Rows.DbSystemRow;
import io.fleetdesk.oci.Rows.PdbRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Keeps the fleet current: every interval it lists each discovered region's compartments (the
 * {@link DiscoveryLoop}'s latest layout, nested as in the tenancy) with the OCI list calls, in parallel on virtual threads, through a per-region {@link AdaptiveLimit}, with a
 * deadline and retries with jittered backoff, and publishes a snapshot and its changes to a
 * {@link FleetStore}. Never touches JavaFX.
 *
 * <p>Per region and compartment one refresh sends ListDbSystems, ListDbHomes and
 * ListPluggableDatabases (each paginated, pages in sequence) and, as soon as the DB homes are
 * known, ListDatabases per DB home. Data Guard role, lag and readiness come on each database
 * ({@code dataGuardGroup}), so no call per database is needed.
 *
 * <p>What fails or runs late keeps its last good rows, marked stale with their age and the reason;
 * it is never shown as healthy because we could not ask.
 */
public final class FleetPoller implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FleetPoller.class);
    private static final int MAX_ERROR_LINES = 50;

    /** Opens the API of a region; {@code onRetryAfter} is told whenever the service sends Retry-After. */
    @FunctionalInterface
    public interface RegionApiFactory {
        RegionApi open(String region, Consumer<Duration> onRetryAfter);
    }

    private final String profileName;
    private final DiscoveryLoop discovery;
    private final RegionApiFactory factory;
    private volatile PollerSettings settings;
    private final HealthRules rules;
    private final FleetStore store;
    /** Per region, opened when discovery first names the region and kept for the session. */
    private final Map<String, RegionApi> apis = new ConcurrentHashMap<>();
    private final Map<String, AdaptiveLimit> limits = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    /** Last good rows per list unit, so a failed unit can show what it had, marked stale. */
    private final Map<String, Cached<?>> lastGood = new ConcurrentHashMap<>();
    private final Object loopLock = new Object();
    private volatile boolean running;
    private volatile boolean closed;
    private volatile boolean refreshRequested;
    private volatile Instant nextRefreshAt;
    private volatile boolean refreshing;
    private Thread loop;
    /** Ids the DBA is looking at (selected node and its path): their DB homes are read every cycle. */
    private volatile Set<String> watched = Set.of();

    private record Cached<T>(List<T> rows, Instant at) {
    }

    /** The outcome of one list unit: its rows, or why there are none. */
    private sealed interface UnitResult<T> {
        record Fresh<T>(List<T> rows) implements UnitResult<T> {
        }

        /**
         * @param refusedBy set when the service refused the call (401/403/404): a policy matter, not a
         *                  passing failure
         */
        record Failed<T>(String call, Notice reason, OciApiException refusedBy) implements UnitResult<T> {
            Failed(String call, Notice reason) {
                this(call, reason, null);
            }

            boolean refused() {
                return refusedBy != null;
            }
        }
    }

    /** Rows to build nodes from, when they were read, whether they are stale, and whether the call was refused. */
    private record Resolved<T>(List<T> rows, Instant at, Staleness stale, boolean refused) {
        Resolved(List<T> rows, Instant at, Staleness stale) {
            this(rows, at, stale, false);
        }
    }

    /** Which cached DB homes this cycle lists; homes not in it (and not new) show their last read. */
    private record CyclePlan(Set<String> homesToList, int hot, int deferred) {
    }

    public FleetPoller(String profileName, DiscoveryLoop discovery, RegionApiFactory factory, PollerSettings settings,
                       HealthRules rules, FleetStore store) {
        this.profileName = profileName;
        this.discovery = discovery;
        this.factory = factory;
        this.settings = settings;
        this.rules = rules;
        this.store = store;
    }

    /** A poller of a fixed layout (tests, benchmarks): these regions and compartments, never rediscovered. */
    public FleetPoller(String profileName, io.fleetdesk.oci.TenancyLayout layout, RegionApiFactory factory,
                       PollerSettings settings, HealthRules rules, FleetStore store) {
        this(profileName, new DiscoveryLoop(() -> layout, Duration.ofDays(365), Duration.ofDays(365)), factory, settings,
                rules, store);
    }

    private RegionApi api(String region) {
        return apis.computeIfAbsent(region, r -> factory.open(r, limit(r)::pauseFor));
    }

    public DiscoveryLoop discovery() {
        return discovery;
    }

    /** Discovers the tenancy again now, in the background; the tree follows when it changed. */
    public void rediscoverNow() {
        discovery.rediscoverNow();
    }

    public FleetStore store() {
        return store;
    }

    public String profileName() {
        return profileName;
    }

    /** The current concurrency limit of a region, for the status bar and tests. */
    public AdaptiveLimit limit(String region) {
        return limits.computeIfAbsent(region, r -> new AdaptiveLimit(
                Math.min(settings.initialConcurrency(), settings.maxConcurrency()), 1, settings.maxConcurrency()));
    }

    /** When the next scheduled refresh starts; null while one runs or before start. */
    public Instant nextRefreshAt() {
        return nextRefreshAt;
    }

    public boolean isRefreshing() {
        return refreshing;
    }

    /** Starts refreshing now and then every interval, on a virtual thread. */
    public void start() {
        synchronized (loopLock) {
            if (running) {
                return;
            }
            running = true;
            loop = Thread.ofVirtual().name("fleet-poller-" + profileName).start(this::runLoop);
            // A different tree (a compartment created, moved, deleted; a region subscribed) is shown at once.
            discovery.start(layout -> refreshNow());
        }
    }

    /** Changes the time between refreshes; takes effect for the next wait. */
    public void setInterval(Duration d) {
        synchronized (loopLock) {
            settings = settings.withInterval(d);
            if (nextRefreshAt != null) {
                nextRefreshAt = wall.instant().plus(d);
                intervalChanged = true;
            }
            loopLock.notifyAll();
        }
    }

    /** What the DBA is looking at: these ids (databases, DB systems) are read every cycle. */
    public void watch(Set<String> ids) {
        this.watched = Set.copyOf(ids);
    }

    /** Starts a refresh at once (after the one running, if any). */
    public void refreshNow() {
        synchronized (loopLock) {
            refreshRequested = true;
            loopLock.notifyAll();
        }
    }

    /**
     * The wall clock, only for what the DBA reads ("next refresh at"); every wait is measured on the
     * monotonic clock, so a clock step (NTP, a laptop waking, a DST bug) never stops or rushes polling.
     */
    private volatile java.time.InstantSource wall = java.time.InstantSource.system();

    /** The regions a Retry-After pauses now, with how long is left (clamped to a minute). */
    public Map<String, Duration> pauses() {
        Map<String, Duration> out = new java.util.TreeMap<>();
        limits.forEach((region, l) -> {
            Duration d = l.paused();
            if (!d.isZero()) {
                out.put(region, d);
            }
        });
        return out;
    }

    /** For tests: the wall clock the poller shows times by. */
    public void useWallClock(java.time.InstantSource clock) {
        this.wall = clock;
    }

    private void runLoop() {
        while (running) {
            try {
                refreshOnce();
            } catch (Throwable t) {
                if (closed) {
                    return;
                }
                // Any throwable, an Error too: polling must outlive one bad cycle, and the DBA must see it.
                LOG.error("fleet refresh of {} failed; trying again at the next refresh", profileName, t);
                publishFailure(t);
            }
            synchronized (loopLock) {
                long waitUntil = System.nanoTime() + settings.interval().toNanos();
                nextRefreshAt = wall.instant().plus(settings.interval());
                long left;
                while (running && !refreshRequested && (left = waitUntil - System.nanoTime()) > 0) {
                    try {
                        loopLock.wait(Math.max(1, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(left)));
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (intervalChanged) {
                        intervalChanged = false;
                        waitUntil = System.nanoTime() + settings.interval().toNanos();
                    }
                }
                refreshRequested = false;
                nextRefreshAt = null;
            }
        }
    }

    /** Set when the interval changes during a wait: the wait starts again with the new one. */
    private boolean intervalChanged;

    /** The last snapshot this poller published, to republish with the failure of a cycle that threw. */
    private volatile FleetSnapshot lastPublished;

    private void publishFailure(Throwable t) {
        try {
            FleetSnapshot last = lastPublished;
            List<Notice> errors = List.of(Notice.of("poll.refreshFailed", String.valueOf(t)));
            store.publish(last == null
                    ? new FleetSnapshot(Map.of(), wall.instant(), Duration.ZERO, errors, 0)
                    : new FleetSnapshot(last.nodes(), last.takenAt(), last.refreshDuration(), errors, 0, last.tenancy()));
        } catch (Throwable again) {
            LOG.error("the failure of a refresh could not be shown", again);
        }
    }

    /** One full refresh of every region, published to the store; returns the new snapshot. */
    public FleetSnapshot refreshOnce() {
        refreshing = true;
        try {
            return doRefresh();
        } finally {
            refreshing = false;
        }
    }

    private FleetSnapshot doRefresh() {
        long startNanos = System.nanoTime();
        // The first cycle has no last known state to fall back on: running late would leave rows out,
        // not stale. Give it three deadlines (a cold JVM reads 10,000 databases in ~15-25 s on 2 cores).
        Duration allowed = lastGood.isEmpty() ? settings.refreshDeadline().multipliedBy(3) : settings.refreshDeadline();
        long deadline = startNanos + allowed.toNanos();
        Instant now = Instant.now();
        io.fleetdesk.oci.TenancyLayout layout = discovery.ensure();
        List<OciCompartment> listed = layout.listed();
        AtomicLong requests = new AtomicLong();
        CyclePlan plan = plan(layout.regions().size() * listed.size());
        Map<String, List<CompartmentWork>> byRegion = new LinkedHashMap<>();
        for (String region : layout.regions()) {
            List<CompartmentWork> work = new ArrayList<>();
            for (OciCompartment c : listed) {
                work.add(new CompartmentWork(region, c, api(region), limit(region), deadline, requests, plan));
            }
            byRegion.put(region, work);
        }
        Map<String, FleetNode> nodes = new LinkedHashMap<>();
        List<Notice> errors = new ArrayList<>();
        Set<String> touched = new HashSet<>();
        for (var e : byRegion.entrySet()) {
            String region = e.getKey();
            String regionId = "region:" + region;
            int before = errors.size();
            FleetNode regionNode = node(regionId, null, NodeKind.REGION, region, null, null,
                    new HealthRules.Verdict(Health.OK, List.of()), details(Detail.REGION, region,
                            Detail.COMPARTMENTS, Integer.toString(listed.size())), now, null);
            nodes.put(regionId, regionNode);
            // Every compartment first, in the tenancy's order (parents before children, siblings by name), so a
            // compartment's sub-compartments come before its resources; collect() fills in the listed ones.
            for (OciCompartment c : layout.compartments()) {
                nodes.put(compartmentNodeId(region, c.id()), compartmentNode(region, c, now, null, List.of()));
            }
            int failedCompartments = 0;
            for (CompartmentWork w : e.getValue()) {
                if (!collect(w, now, nodes, errors, touched)) {
                    failedCompartments++;
                }
            }
            if (!e.getValue().isEmpty() && failedCompartments == e.getValue().size() && errors.size() > before) {
                // Nothing in the region answered: say so on the region itself.
                nodes.put(regionId, regionNode.markedStale(new Staleness(lastGoodOfRegion(region),
                        Notice.of("poll.regionUnread", region, withoutPlace(errors.get(before))))));
            }
        }
        lastGood.keySet().retainAll(touched);
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        List<Notice> shownErrors = errors.size() > MAX_ERROR_LINES
                ? append(errors.subList(0, MAX_ERROR_LINES), Notice.of("poll.moreProblems", errors.size() - MAX_ERROR_LINES))
                : errors;
        FleetSnapshot snap = new FleetSnapshot(nodes, now, took, shownErrors, requests.get(),
                new io.fleetdesk.model.TenancyInfo(layout.regions().size(), listed.size(), layout.discoveredAt(),
                        layout.complete(), layout.problems()));
        lastPlan = plan;
        if (closed) {
            return snap; // closed mid-refresh: its calls were interrupted, nothing here is news
        }
        lastPublished = snap;
        store.publish(snap);
        if (!errors.isEmpty()) {
            LOG.warn("refresh of {} finished in {} ms with {} problem(s); first: {}", profileName, took.toMillis(),
                    errors.size(), errors.getFirst());
        }
        return snap;
    }

    private volatile CyclePlan lastPlan;

    /** DB homes deferred to a later cycle by the request budget in the last refresh (0 = all were read). */
    public int deferredHomes() {
        CyclePlan p = lastPlan;
        return p == null ? 0 : p.deferred();
    }

    /**
     * Tiered polling. Every cycle lists each compartment's DB systems, DB homes and PDBs (a few
     * requests each) and ListDatabases for the hot DB homes: never read, holding a Data Guard member,
     * anything not AVAILABLE or a standby with lag, or anything the DBA watches. Quiet homes fill the
     * rest of the request budget, least recently read first, and at least 1/maxCyclesPerInventory of
     * them every cycle, so every database is read within that many cycles.
     */
    private CyclePlan plan(int listedUnits) {
        Set<String> toList = new HashSet<>();
        List<Map.Entry<String, Cached<?>>> cold = new ArrayList<>();
        int hot = 0;
        Set<String> watch = watched;
        for (var e : lastGood.entrySet()) {
            if (!e.getKey().startsWith("dbs|")) {
                continue;
            }
            String homeId = e.getKey().substring(e.getKey().lastIndexOf('|') + 1);
            boolean isHot = false;
            for (Object o : e.getValue().rows()) {
                DatabaseRow d = (DatabaseRow) o;
                // Any field may be absent in a real response (an Exadata database has no dbSystemId), and
                // Set.of(...).contains(null) throws: a null must not cost the whole refresh.
                if (d.dataGuard() != null || !"AVAILABLE".equals(d.lifecycleState())
                        || (d.id() != null && watch.contains(d.id()))
                        || (d.dbSystemId() != null && watch.contains(d.dbSystemId()))) {
                    isHot = true;
                    break;
                }
            }
            if (isHot) {
                toList.add(homeId);
                hot++;
            } else {
                cold.add(e);
            }
        }
        int budget = settings.requestBudget();
        if (budget <= 0) {
            cold.forEach(e -> toList.add(e.getKey().substring(e.getKey().lastIndexOf('|') + 1)));
            return new CyclePlan(toList, hot, 0);
        }
        int lists = 3 * listedUnits;
        int room = Math.max(0, budget - lists - hot);
        int floor = (cold.size() + settings.maxCyclesPerInventory() - 1) / Math.max(1, settings.maxCyclesPerInventory());
        int take = Math.min(cold.size(), Math.max(room, floor));
        cold.sort((a, b) -> a.getValue().at().compareTo(b.getValue().at()));
        for (int i = 0; i < take; i++) {
            String k = cold.get(i).getKey();
            toList.add(k.substring(k.lastIndexOf('|') + 1));
        }
        return new CyclePlan(toList, hot, cold.size() - take);
    }

    private Instant lastGoodOfRegion(String region) {
        return lastGood.entrySet().stream().filter(e -> e.getKey().contains("|" + region + "|"))
                .map(e -> e.getValue().at()).min(Instant::compareTo).orElse(null);
    }

    private static List<Notice> append(List<Notice> l, Notice n) {
        List<Notice> out = new ArrayList<>(l);
        out.add(n);
        return out;
    }

    /** A problem without the "region / compartment:" it is placed at. */
    private static Notice withoutPlace(Notice problem) {
        return problem.key().equals("poll.problemAt") && problem.args().get(1) instanceof Notice n ? n : problem;
    }

    static String compartmentNodeId(String region, String compartmentId) {
        return "compartment:" + region + ":" + compartmentId;
    }

    /**
     * A compartment's node under its parent compartment (the region for the root). {@code reasons} are
     * its own: the kinds it could not list.
     */
    private static FleetNode compartmentNode(String region, OciCompartment c, Instant now, Staleness stale,
                                             List<Notice> reasons) {
        String parent = c.parentId() == null ? "region:" + region : compartmentNodeId(region, c.parentId());
        return node(compartmentNodeId(region, c.id()), parent, NodeKind.COMPARTMENT, c.name(), null, null,
                new HealthRules.Verdict(Health.OK, reasons),
                details(Detail.PATH, c.path(), Detail.COMPARTMENT_OCID, c.id(), Detail.REGION, region,
                        Detail.LISTED, c.listed() ? null : Notice.of("poll.onlyOnPath")),
                now, stale);
    }

    /** The resource type a list call reads, as a policy statement names it. */
    private static String policyResource(String listCall) {
        return switch (listCall) {
            case "ListDbSystems" -> "db-systems";
            case "ListDbHomes" -> "db-homes";
            case "ListDatabases" -> "databases";
            case "ListPluggableDatabases" -> "pluggable-databases";
            default -> "database-family";
        };
    }

    /**
     * What a refused list call means for the DBA: which kind is missing here, and the policy statement
     * that would allow it (the service says only 404 NotAuthorizedOrNotFound).
     */
    static Notice refusalReason(String listCall, OciCompartment c, OciApiException e) {
        return e.opcRequestId() == null
                ? Notice.of("poll.refused", listCall, e.status(), e.serviceCode(), policyStatement(listCall, c))
                : Notice.of("poll.refused.withRequestId", listCall, e.status(), e.serviceCode(), e.opcRequestId(),
                policyStatement(listCall, c));
    }

    static String policyStatement(String listCall, OciCompartment c) {
        return "Allow group <your group> to inspect " + policyResource(listCall) + " in " + c.policyLocation();
    }

    /**
     * Builds the nodes of one compartment; false when none of its lists answered. A list the service
     * refused marks only that kind here (a row of its own, UNKNOWN, with the policy statement that would
     * allow it); the rest of the compartment stays fresh and keeps its health.
     */
    @SuppressWarnings("unchecked")
    private boolean collect(CompartmentWork w, Instant now, Map<String, FleetNode> nodes, List<Notice> errors,
                            Set<String> touched) {
        String where = w.region + " / " + w.compartment.path();
        String compId = compartmentNodeId(w.region, w.compartment.id());
        String kSys = "sys|" + w.region + "|" + w.compartment.id();
        String kHomes = "homes|" + w.region + "|" + w.compartment.id();
        String kPdbs = "pdbs|" + w.region + "|" + w.compartment.id();
        touched.add(kSys);
        touched.add(kHomes);
        touched.add(kPdbs);
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
            String k = "dbs|" + w.region + "|" + h.id();
            touched.add(k);
            CompletableFuture<UnitResult<DatabaseRow>> f = w.databases.get(h.id());
            Resolved<DatabaseRow> res;
            if (f == null && lastGood.containsKey(k) && !w.plan.homesToList().contains(h.id())) {
                // Deferred by the request budget: its last read stands, with its own time; not a failure.
                Cached<DatabaseRow> c = (Cached<DatabaseRow>) lastGood.get(k);
                res = new Resolved<>(c.rows(), c.at(), null);
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
        for (Notice p : problems) {
            errors.add(Notice.of("poll.problemAt", where, p));
        }
        for (Notice r : refusals.values()) {
            errors.add(Notice.of("poll.problemAt", where, r));
        }
        boolean anyAnswer = !(systems.stale() != null && !systems.refused()) || !(homes.stale() != null && !homes.refused())
                || !(pdbs.stale() != null && !pdbs.refused());
        Staleness compStale = problems.isEmpty() ? null
                : new Staleness(systems.stale() != null ? systems.stale().lastGood() : now,
                problems.size() == 1 ? problems.getFirst() : Notice.of("poll.andMore", problems.getFirst(), problems.size() - 1));
        nodes.put(compId, compartmentNode(w.region, w.compartment, now, compStale, List.of()));
        for (var e : refusals.entrySet()) {
            String id = "unlisted:" + e.getKey() + ":" + w.region + ":" + w.compartment.id();
            nodes.put(id, node(id, compId, NodeKind.NOT_LISTED, e.getKey(), null, null,
                    new HealthRules.Verdict(Health.UNKNOWN, List.of(e.getValue())),
                    details(Detail.LIST_CALL, e.getKey(), Detail.COMPARTMENT, w.compartment.path(),
                            Detail.POLICY_NEEDED, policyStatement(e.getKey(), w.compartment)), now, null));
        }

        Map<String, DbSystemRow> systemById = new HashMap<>();
        for (DbSystemRow s : systems.rows()) {
            if (s.id() == null) {
                continue;
            }
            systemById.put(s.id(), s);
            nodes.put(s.id(), node(s.id(), compId, NodeKind.DB_SYSTEM, s.displayName(), s.lifecycleState(), null,
                    rules.dbSystem(s.lifecycleState(), s.lifecycleDetails()),
                    details(Detail.SHAPE, s.shape(), Detail.CPU_CORES, s.cpuCoreCount(),
                            Detail.HOSTNAME, s.hostname(), Detail.AVAILABILITY_DOMAIN, s.availabilityDomain(),
                            Detail.VERSION, s.version(), Detail.LIFECYCLE_DETAILS, s.lifecycleDetails(), Detail.OCID, s.id()),
                    systems.at(), systems.stale()));
        }
        Map<String, String> cdbRoles = new HashMap<>();
        Map<String, String> homeVersion = new HashMap<>();
        for (DbHomeRow h : homes.rows()) {
            if (h.id() != null) {
                homeVersion.put(h.id(), h.dbVersion());
            }
        }
        for (var e : dbsByHome.entrySet()) {
            Resolved<DatabaseRow> res = e.getValue();
            for (DatabaseRow d : res.rows()) {
                if (d.id() == null) {
                    continue;
                }
                String parent = d.dbSystemId() != null && systemById.containsKey(d.dbSystemId()) ? d.dbSystemId() : compId;
                var dg = d.dataGuard();
                cdbRoles.put(d.id(), dg == null ? null : dg.role());
                nodes.put(d.id(), node(d.id(), parent, NodeKind.DATABASE,
                        d.dbUniqueName() != null ? d.dbUniqueName() : d.dbName(), d.lifecycleState(), dg,
                        rules.database(d.lifecycleState(), d.lifecycleDetails(), dg, d.lastBackup(), d.lastFailedBackup(),
                                res.at() == null ? Instant.now() : res.at()),
                        details(Detail.DB_NAME, d.dbName(), Detail.DB_UNIQUE_NAME, d.dbUniqueName(),
                                Detail.VERSION, homeVersion.get(e.getKey()),
                                Detail.LIFECYCLE_DETAILS, d.lifecycleDetails(),
                                Detail.DATA_GUARD_ROLE, dg == null ? null : dg.role(),
                                Detail.PROTECTION_MODE, dg == null ? null : dg.protectionMode(),
                                Detail.TRANSPORT, dg == null ? null : dg.transportType(),
                                Detail.APPLY_LAG, dg == null ? null : dg.applyLag(),
                                Detail.TRANSPORT_LAG, dg == null ? null : dg.transportLag(),
                                Detail.SWITCHOVER_READINESS, dg == null || dg.switchoverReadiness() == null ? null
                                        : dg.switchoverMessage() == null ? dg.switchoverReadiness()
                                        : Notice.of("detail.readinessBecause", dg.switchoverReadiness(), dg.switchoverMessage()),
                                Detail.LAST_BACKUP, d.lastBackup(),
                                Detail.LAST_FAILED_BACKUP, d.lastFailedBackup(),
                                Detail.COMPARTMENT, w.compartment.path(),
                                Detail.OCID, d.id()),
                        res.at(), res.stale()));
            }
        }
        for (PdbRow p : pdbs.rows()) {
            if (p.id() == null || p.containerDatabaseId() == null || !nodes.containsKey(p.containerDatabaseId())) {
                continue; // its CDB was not listed (its DB home failed with nothing cached): nowhere to hang it
            }
            nodes.put(p.id(), node(p.id(), p.containerDatabaseId(), NodeKind.PLUGGABLE_DATABASE, p.pdbName(),
                    p.lifecycleState(), null, rules.pdb(p.lifecycleState(), p.openMode(), cdbRoles.get(p.containerDatabaseId())),
                    details(Detail.OPEN_MODE, p.openMode(), Detail.OCID, p.id()), pdbs.at(), pdbs.stale()));
        }
        return anyAnswer;
    }

    /** @param readAt when this node's rows were last read successfully (null: never) */
    private static FleetNode node(String id, String parent, NodeKind kind, String name, String state,
                                  io.fleetdesk.model.DataGuardMember dg, HealthRules.Verdict v,
                                  Map<Detail, Object> details, Instant readAt, Staleness stale) {
        FleetNode n = new FleetNode(id, parent, kind, name == null ? id : name, state, dg, v.health(), v.reasons(),
                details, readAt == null ? Instant.EPOCH : readAt, null);
        return stale == null ? n : n.markedStale(stale);
    }

    /** Details from name / value pairs, in display order; an absent value (null) is left out. */
    private static Map<Detail, Object> details(Object... kv) {
        Map<Detail, Object> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < kv.length; i += 2) {
            if (kv[i + 1] != null) {
                m.put((Detail) kv[i], kv[i + 1]);
            }
        }
        return m;
    }

    /**
     * Fresh rows, or the last good ones marked stale with why. A refused call is noted in
     * {@code refusals} (one per list call and compartment) with the policy that would allow it.
     */
    @SuppressWarnings("unchecked")
    private <T> Resolved<T> resolve(String key, UnitResult<T> r, Instant now, CompartmentWork w,
                                    Map<String, Notice> refusals) {
        if (r instanceof UnitResult.Fresh<T>(List<T> rows)) {
            lastGood.put(key, new Cached<>(rows, now));
            return new Resolved<>(rows, now, null);
        }
        UnitResult.Failed<T> f = (UnitResult.Failed<T>) r;
        Notice reason = f.reason();
        if (f.refused()) {
            reason = refusals.computeIfAbsent(f.call(), c -> refusalReason(c, w.compartment, f.refusedBy()));
        }
        Cached<T> c = (Cached<T>) lastGood.get(key);
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

    /** The calls of one compartment in one region, started at construction. */
    private final class CompartmentWork {
        final String region;
        final OciCompartment compartment;
        final long deadline;
        final CyclePlan plan;
        final CompletableFuture<UnitResult<DbSystemRow>> systems;
        final CompletableFuture<UnitResult<DbHomeRow>> homes;
        final CompletableFuture<UnitResult<PdbRow>> pdbs;
        final Map<String, CompletableFuture<UnitResult<DatabaseRow>>> databases = new ConcurrentHashMap<>();
        /** Done once a ListDatabases unit has been started for every DB home. */
        final CompletableFuture<Void> databasesStarted;

        CompartmentWork(String region, OciCompartment c, RegionApi api, AdaptiveLimit limit, long deadline,
                        AtomicLong requests, CyclePlan plan) {
            this.region = region;
            this.compartment = c;
            this.deadline = deadline;
            this.plan = plan;
            String cid = c.id();
            systems = unit("ListDbSystems", () -> paged(limit, deadline, requests, p -> api.listDbSystems(cid, p)));
            homes = unit("ListDbHomes", () -> paged(limit, deadline, requests, p -> api.listDbHomes(cid, p)));
            pdbs = unit("ListPluggableDatabases",
                    () -> paged(limit, deadline, requests, p -> api.listPluggableDatabases(cid, p)));
            // DB homes rarely change: list the databases of the homes we already know at once, in the same
            // round as the compartment lists, instead of a round later. Homes that are new in this cycle's
            // ListDbHomes are listed as soon as it answers.
            for (DbHomeRow h : FleetPoller.this.<DbHomeRow>cachedRows("homes|" + region + "|" + cid)) {
                if (h.id() != null && plan.homesToList().contains(h.id())) {
                    startDatabases(api, limit, requests, cid, h);
                }
            }
            databasesStarted = homes.thenAccept(r -> {
                if (r instanceof UnitResult.Fresh<DbHomeRow>(List<DbHomeRow> rows)) {
                    for (DbHomeRow h : rows) {
                        if (h.id() != null && !lastGood.containsKey("dbs|" + region + "|" + h.id())) {
                            startDatabases(api, limit, requests, cid, h);
                        }
                    }
                }
            });
        }

        private void startDatabases(RegionApi api, AdaptiveLimit limit, AtomicLong requests, String cid, DbHomeRow h) {
            databases.computeIfAbsent(h.id(), id -> unit("ListDatabases",
                    () -> paged(limit, deadline, requests, p -> api.listDatabases(cid, id, p))));
        }

        private <T> CompletableFuture<UnitResult<T>> unit(String what, Supplier<List<T>> call) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    return new UnitResult.Fresh<>(call.get());
                } catch (OciApiException e) {
                    return new UnitResult.Failed<>(what, Notice.of("poll.call.failed", what, e.notice()),
                            e.isRefused() ? e : null);
                } catch (LateException e) {
                    return new UnitResult.Failed<>(what, Notice.of(e.interrupted ? "poll.call.interrupted" : "poll.call.late", what));
                } catch (RuntimeException e) {
                    LOG.warn("{} in {} failed unexpectedly", what, region, e);
                    return new UnitResult.Failed<>(what, Notice.of("poll.call.failed", what, String.valueOf(e)));
                }
            }, workers);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> List<T> cachedRows(String key) {
        Cached<T> c = (Cached<T>) lastGood.get(key);
        return c == null ? List.of() : c.rows();
    }

    /** A call that could not even start before the deadline. */
    private static final class LateException extends RuntimeException {
        final boolean interrupted;

        LateException(String m, boolean interrupted) {
            super(m);
            this.interrupted = interrupted;
        }
    }

    private <T> List<T> paged(AdaptiveLimit limit, long deadline, AtomicLong requests, Function<String, Page<T>> call) {
        List<T> all = new ArrayList<>();
        String page = null;
        do {
            String p = page;
            Page<T> result = withRetries(limit, deadline, requests, () -> call.apply(p));
            all.addAll(result.items());
            page = result.nextPage();
        } while (page != null);
        return all;
    }

    /**
     * The most a retry waits before its {@code attempt}-th try: base doubled per attempt, never more
     * than {@code cap}. The exponent is capped, so no attempt count (a storm of 429s counts too)
     * overflows into a negative wait and retries back to back.
     */
    public static Duration backoffCeiling(Duration base, Duration cap, int attempt) {
        int exponent = Math.min(Math.max(0, attempt - 1), 30);
        long b = Math.max(1, base.toNanos());
        long ceiling = b > (Long.MAX_VALUE >> exponent) ? Long.MAX_VALUE : b << exponent;
        return Duration.ofNanos(Math.max(1, Math.min(cap.toNanos(), ceiling)));
    }

    private <T> T withRetries(AdaptiveLimit limit, long deadline, AtomicLong requests, Supplier<T> call) {
        OciApiException last = null;
        for (int attempt = 1; ; attempt++) {
            try {
                if (!limit.acquire(deadline)) {
                    if (last != null) {
                        throw last;
                    }
                    throw new LateException("no answer before the refresh deadline (ran late)", false);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LateException("interrupted", true);
            }
            boolean throttled = false;
            try {
                requests.incrementAndGet();
                return call.get();
            } catch (OciApiException e) {
                throttled = e.isThrottled();
                // A 429 says "slow down", not "failed": the limit halves and Retry-After pauses the region,
                // and the call waits its turn until the refresh deadline. Other failures get maxAttempts tries.
                if (!e.isRetryable() || (!throttled && attempt >= settings.maxAttempts())) {
                    throw e;
                }
                last = e;
            } finally {
                limit.release(throttled);
            }
            long cap = backoffCeiling(settings.backoffBase(), settings.backoffCap(), attempt).toNanos();
            // Full jitter, but never back to back: at least a tenth of the ceiling.
            long sleep = cap / 10 + ThreadLocalRandom.current().nextLong(Math.max(1, cap - cap / 10));
            if (System.nanoTime() + sleep > deadline) {
                throw last;
            }
            try {
                Thread.sleep(Duration.ofNanos(sleep));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw last;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        synchronized (loopLock) {
            running = false;
            loopLock.notifyAll();
        }
        if (loop != null) {
            loop.interrupt();
        }
        discovery.close();
        workers.shutdownNow();
        apis.values().forEach(RegionApi::close);
    }
}
