package io.fleetdesk.poll;

import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.Notice;
import io.fleetdesk.model.Staleness;
import io.fleetdesk.oci.OciCompartment;
import io.fleetdesk.oci.RegionApi;
import io.fleetdesk.poll.LastGood.Unit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

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
    private final CompartmentCollector collector;
    private final FleetNodes build;
    private final FleetStore store;
    /** Per region, opened when discovery first names the region and kept for the session. */
    private final Map<String, RegionApi> apis = new ConcurrentHashMap<>();
    private final Map<String, AdaptiveLimit> limits = new ConcurrentHashMap<>();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final LastGood lastGood = new LastGood();
    private final Fetcher fetcher = new Fetcher(() -> settings);
    private final RefreshLoop loop = new RefreshLoop(() -> settings.interval(), this::cycle);
    private volatile boolean closed;
    private volatile boolean refreshing;
    /** Ids the DBA is looking at (selected node and its path): their DB homes are read every cycle. */
    private volatile Set<String> watched = Set.of();
    /** The last snapshot this poller published, to republish with the failure of a cycle that threw. */
    private volatile FleetSnapshot lastPublished;
    private volatile CyclePlanner.CyclePlan lastPlan;

    public FleetPoller(String profileName, DiscoveryLoop discovery, RegionApiFactory factory, PollerSettings settings,
                       HealthRules rules, FleetStore store) {
        this.profileName = profileName;
        this.discovery = discovery;
        this.factory = factory;
        this.settings = settings;
        this.build = new FleetNodes(rules);
        this.collector = new CompartmentCollector(lastGood, build);
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
        return loop.nextRefreshAt();
    }

    public boolean isRefreshing() {
        return refreshing;
    }

    /** Starts refreshing now and then every interval, on a virtual thread. */
    public void start() {
        if (loop.start("fleet-poller-" + profileName)) {
            // A different tree (a compartment created, moved, deleted; a region subscribed) is shown at once.
            discovery.start(layout -> refreshNow());
        }
    }

    /**
     * Starts what the first refresh will need before {@link #start()}: the tenancy's discovery and the
     * API of the region named (the profile's, which is nearly always watched), each on a virtual thread.
     * The demo calls it before it makes its JDBC databases, so the two overlap.
     */
    public void prepare(String likelyRegion) {
        discovery.prefetch();
        if (likelyRegion != null) {
            workers.execute(() -> {
                RegionApi a = api(likelyRegion);
                if (closed) {
                    a.close(); // closed while it was being built: close() may have missed it
                }
            });
        }
    }

    /** Changes the time between refreshes; takes effect for the next wait. */
    public void setInterval(Duration d) {
        settings = settings.withInterval(d);
        loop.intervalChanged();
    }

    /** What the DBA is looking at: these ids (databases, DB systems) are read every cycle. */
    public void watch(Set<String> ids) {
        this.watched = Set.copyOf(ids);
    }

    /** Starts a refresh at once (after the one running, if any). */
    public void refreshNow() {
        loop.refreshNow();
    }

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
        loop.useWallClock(clock);
    }

    /** DB homes deferred to a later cycle by the request budget in the last refresh (0 = all were read). */
    public int deferredHomes() {
        CyclePlanner.CyclePlan p = lastPlan;
        return p == null ? 0 : p.deferred();
    }

    private void cycle() {
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
    }

    private void publishFailure(Throwable t) {
        try {
            FleetSnapshot last = lastPublished;
            List<Notice> errors = List.of(Notice.of("poll.refreshFailed", String.valueOf(t)));
            store.publish(last == null
                    ? new FleetSnapshot(Map.of(), loop.wall().instant(), Duration.ZERO, errors, 0)
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
        PollerSettings s = settings;
        CyclePlanner.CyclePlan plan = CyclePlanner.plan(lastGood.databasesByHome(), watched,
                layout.regions().size() * listed.size(), s.requestBudget(), s.maxCyclesPerInventory());
        if (s.requestBudget() > 0) {
            // The slow tier (infrastructures, VM clusters, maintenance runs) under a budget: once per inventory.
            plan = plan.withSlowTier(s.interval().multipliedBy(Math.max(1, s.maxCyclesPerInventory())), now);
        }
        // The window's first cycle shows the databases first: the slow tier (about half of a first cycle's
        // requests on the demo) comes with the next cycle, started as soon as this one is published.
        boolean slowLater = s.slowTierAfterFirstCycle() && lastGood.isEmpty();
        if (slowLater) {
            plan = plan.withSlowTierLater();
        }
        Map<String, List<CompartmentWork>> byRegion = new LinkedHashMap<>();
        for (String region : layout.regions()) {
            List<CompartmentWork> work = new ArrayList<>();
            for (OciCompartment c : listed) {
                work.add(new CompartmentWork(region, c, api(region), limit(region), deadline, requests, plan, lastGood,
                        fetcher, workers));
            }
            byRegion.put(region, work);
        }
        Map<String, FleetNode> nodes = new LinkedHashMap<>();
        List<Notice> errors = new ArrayList<>();
        Set<Unit> touched = new HashSet<>();
        for (var e : byRegion.entrySet()) {
            String region = e.getKey();
            int before = errors.size();
            FleetNode regionNode = FleetNodes.region(region, listed.size(), now);
            nodes.put(regionNode.id(), regionNode);
            // Every compartment first, in the tenancy's order (parents before children, siblings by name), so a
            // compartment's sub-compartments come before its resources; collect() fills in the listed ones.
            for (OciCompartment c : layout.compartments()) {
                nodes.put(FleetNodes.compartmentNodeId(region, c.id()), FleetNodes.compartment(region, c, now, null, List.of()));
            }
            int failedCompartments = 0;
            for (CompartmentWork w : e.getValue()) {
                if (!collector.collect(w, now, nodes, errors, touched)) {
                    failedCompartments++;
                }
            }
            if (!e.getValue().isEmpty() && failedCompartments == e.getValue().size() && errors.size() > before) {
                // Nothing in the region answered: say so on the region itself.
                nodes.put(regionNode.id(), regionNode.markedStale(new Staleness(lastGood.oldestOf(region),
                        Notice.of("poll.regionUnread", region, withoutPlace(errors.get(before))))));
            }
        }
        build.maintenanceOverlaps(nodes);
        FleetSnapshot before = lastPublished;
        if (before != null) {
            // What did not change is kept as it was published (see FleetNode.reusing): this cycle's copies die young.
            nodes.replaceAll((id, n) -> n.reusing(before.node(id)));
        }
        lastGood.retainAll(touched);
        Duration took = Duration.ofNanos(System.nanoTime() - startNanos);
        List<Notice> shownErrors = errors;
        if (errors.size() > MAX_ERROR_LINES) {
            shownErrors = new ArrayList<>(errors.subList(0, MAX_ERROR_LINES));
            shownErrors.add(Notice.of("poll.moreProblems", errors.size() - MAX_ERROR_LINES));
        }
        FleetSnapshot snap = new FleetSnapshot(nodes, now, took, shownErrors, requests.get(),
                new io.fleetdesk.model.TenancyInfo(layout.regions().size(), listed.size(), layout.discoveredAt(),
                        layout.complete(), layout.problems()));
        lastPlan = plan;
        if (closed) {
            return snap; // closed mid-refresh: its calls were interrupted, nothing here is news
        }
        lastPublished = snap;
        store.publish(snap);
        if (slowLater) {
            loop.refreshNow();
        }
        if (!errors.isEmpty()) {
            LOG.warn("refresh of {} finished in {} ms with {} problem(s); first: {}", profileName, took.toMillis(),
                    errors.size(), errors.getFirst());
        }
        return snap;
    }

    /** A problem without the "region / compartment:" it is placed at. */
    private static Notice withoutPlace(Notice problem) {
        return problem.key().equals("poll.problemAt") && problem.args().get(1) instanceof Notice n ? n : problem;
    }

    @Override
    public void close() {
        closed = true;
        loop.stop();
        discovery.close();
        workers.shutdownNow();
        apis.values().forEach(RegionApi::close);
    }
}
