package io.fleetdesk.oci;

import io.fleetdesk.model.Notice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds what a profile can see in its tenancy, through Identity: the READY region subscriptions (the
 * home region first) and the compartment tree (ListCompartments on the root with
 * {@code compartmentIdInSubtree=true}, {@code accessLevel=ANY}, {@code lifecycleState=ACTIVE}, paged
 * to the end, read from the home region, plus the root itself, which is never in that list). The
 * compartments are read at the same time as the subscriptions from the profile's region, and read
 * again only when the subscriptions name another region home. The
 * profile's {@code fleetdesk_regions} and {@code fleetdesk_compartments} narrow the result.
 *
 * <p>Never throws: what it cannot read is a problem in the result, with the policy statement that
 * would allow it, and a fallback (the profile's region; the root and the compartments the profile
 * names) so the fleet still shows what it can.
 */
public final class TenancyDiscovery implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TenancyDiscovery.class);
    private static final int ATTEMPTS = 3;

    private final OciProfile profile;
    private final Function<String, IdentityApi> open;
    private final Map<String, IdentityApi> clients = new ConcurrentHashMap<>();

    /** @param open opens the Identity API of a region (kept for later discoveries, closed with this) */
    public TenancyDiscovery(OciProfile profile, Function<String, IdentityApi> open) {
        this.profile = profile;
        this.open = open;
    }

    private IdentityApi identity(String region) {
        return clients.computeIfAbsent(region, open);
    }

    /** One discovery; any thread (it does network I/O). */
    public TenancyLayout discover() {
        long t0 = System.nanoTime();
        AtomicLong requests = new AtomicLong();
        // The compartments are read from the home region. Most profiles name it, so they are read from the
        // profile's region at the same time as the subscriptions, and again only when those name another.
        CompletableFuture<CompartmentsRead> compartmentsRead = CompletableFuture.supplyAsync(
                () -> readCompartments(requests, identity(profile.region())),
                r -> Thread.ofVirtual().name("discovery-compartments").start(r));
        List<Notice> problems = new ArrayList<>();
        boolean[] complete = {true};

        // Regions
        List<String> regions = new ArrayList<>();
        String home = profile.region();
        List<IdentityApi.RegionSubscription> subs = null;
        try {
            subs = withRetries(requests, () -> identity(profile.region()).listRegionSubscriptions(profile.tenancyId()));
        } catch (OciApiException e) {
            complete[0] &= e.isRefused();
            problems.add(Notice.of(e.isRefused() ? "discovery.subscriptionsRefused" : "discovery.subscriptionsFailed",
                    answer(e), String.join(", ", fallbackRegions())));
        }
        if (subs != null) {
            List<String> ready = new ArrayList<>();
            for (IdentityApi.RegionSubscription s : subs) {
                if (s.regionName() == null) {
                    continue;
                }
                if (s.home()) {
                    home = s.regionName();
                }
                if ("READY".equals(s.status())) {
                    ready.add(s.regionName());
                }
            }
            String h = home;
            ready.sort(Comparator.comparing(r -> !r.equals(h))); // the home region first, then the service's order
            if (profile.regionFilter().isEmpty()) {
                regions.addAll(ready);
            } else {
                for (String r : ready) {
                    if (profile.regionFilter().contains(r)) {
                        regions.add(r);
                    }
                }
                for (String r : profile.regionFilter()) {
                    if (!ready.contains(r)) {
                        String status = subs.stream().filter(s -> r.equals(s.regionName())).map(s -> s.status())
                                .findFirst().orElse(null);
                        problems.add(status == null
                                ? Notice.of("discovery.regionNotSubscribed", profile.name(), r, String.join(", ", ready))
                                : Notice.of("discovery.regionNotReady", profile.name(), r, status, String.join(", ", ready)));
                    }
                }
            }
            if (regions.isEmpty() && ready.isEmpty()) {
                problems.add(Notice.of("discovery.noReadyRegion", profile.region()));
                regions.add(profile.region());
            }
        } else {
            regions.addAll(fallbackRegions());
        }

        CompartmentsRead read;
        try {
            read = compartmentsRead.join(); // a refusal or failure is a problem in it; only a bug throws
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        if (!home.equals(profile.region())) {
            read = readCompartments(requests, identity(home)); // the authority: changes reach other regions later
        }
        complete[0] &= read.complete();
        problems.addAll(read.problems());
        IdentityApi.CompartmentRow root = read.root();
        Map<String, IdentityApi.CompartmentRow> all = read.all();
        List<OciCompartment> compartments = tree(root, all, problems);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        LOG.info("discovery of {}: {} region(s), {} compartment(s), {} request(s) in {} ms{}", profile.name(),
                regions.size(), compartments.stream().filter(OciCompartment::listed).count(), requests.get(),
                took.toMillis(), problems.isEmpty() ? "" : "; " + problems.size() + " problem(s)");
        return new TenancyLayout(regions, compartments, problems, complete[0], Instant.now(), took, requests.get());
    }

    /** The compartment part of a discovery: the root, the ACTIVE subtree, what could not be read. */
    private record CompartmentsRead(IdentityApi.CompartmentRow root, Map<String, IdentityApi.CompartmentRow> all,
                                    List<Notice> problems, boolean complete) {
    }

    private CompartmentsRead readCompartments(AtomicLong requests, IdentityApi id) {
        List<Notice> problems = new ArrayList<>();
        boolean complete = true;
        IdentityApi.CompartmentRow root;
        try {
            root = withRetries(requests, () -> id.getCompartment(profile.tenancyId()));
        } catch (OciApiException e) {
            complete &= e.isRefused();
            root = new IdentityApi.CompartmentRow(profile.tenancyId(), null, "root", "ACTIVE");
        }
        root = new IdentityApi.CompartmentRow(profile.tenancyId(), null,
                root.name() == null || root.name().isBlank() ? "root" : root.name(), "ACTIVE");
        Map<String, IdentityApi.CompartmentRow> all = new LinkedHashMap<>();
        all.put(root.id(), root);
        try {
            String page = null;
            do {
                String p = page;
                Page<IdentityApi.CompartmentRow> r = withRetries(requests,
                        () -> id.listActiveCompartmentsInSubtree(profile.tenancyId(), p));
                for (IdentityApi.CompartmentRow c : r.items()) {
                    // ACTIVE was asked for; a state this SDK does not know (or none) is kept, a DELETED one is not.
                    if (c.id() != null && !"DELETED".equals(c.lifecycleState()) && !"DELETING".equals(c.lifecycleState())) {
                        all.put(c.id(), c);
                    }
                }
                page = r.nextPage();
            } while (page != null);
        } catch (OciApiException e) {
            complete &= e.isRefused();
            List<String> named = profile.compartmentFilter().stream().map(OciCompartment::name).toList();
            String key = named.isEmpty()
                    ? (e.isRefused() ? "discovery.compartmentsRefused" : "discovery.compartmentsFailed")
                    : (e.isRefused() ? "discovery.compartmentsRefusedNamed" : "discovery.compartmentsFailedNamed");
            problems.add(Notice.of(key, answer(e), named));
            for (OciCompartment f : profile.compartmentFilter()) {
                IdentityApi.CompartmentRow c;
                try {
                    c = withRetries(requests, () -> id.getCompartment(f.id()));
                } catch (OciApiException e2) {
                    c = new IdentityApi.CompartmentRow(f.id(), null, f.name(), "ACTIVE");
                }
                all.put(f.id(), new IdentityApi.CompartmentRow(f.id(), c.parentId(),
                        c.name() == null ? f.name() : c.name(), c.lifecycleState()));
            }
        }
        return new CompartmentsRead(root, all, problems, complete);
    }

    /** What the service answered, in its own terms: "404 NotAuthorizedOrNotFound, opc-request-id …", or why none came. */
    private static String answer(OciApiException e) {
        String what = e.isTimeout() ? "timeout" : e.status() <= 0 ? e.getMessage() : e.status() + " " + e.serviceCode();
        return e.opcRequestId() == null ? what : what + ", opc-request-id " + e.opcRequestId();
    }

    private List<String> fallbackRegions() {
        return profile.regionFilter().isEmpty() ? List.of(profile.region()) : profile.regionFilter();
    }

    /**
     * The tree in display order (depth first, siblings by name), each with its path, narrowed by the
     * profile: a named compartment, everything below it, and (not listed) its ancestors.
     */
    private List<OciCompartment> tree(IdentityApi.CompartmentRow root, Map<String, IdentityApi.CompartmentRow> all,
                                      List<Notice> problems) {
        Map<String, List<IdentityApi.CompartmentRow>> kids = new HashMap<>();
        for (IdentityApi.CompartmentRow c : all.values()) {
            if (c.id().equals(root.id())) {
                continue;
            }
            // A parent we cannot see (not listed, or not ACTIVE) puts the compartment under the root.
            String parent = c.parentId() != null && all.containsKey(c.parentId()) ? c.parentId() : root.id();
            kids.computeIfAbsent(parent, k -> new ArrayList<>()).add(c);
        }
        Comparator<IdentityApi.CompartmentRow> byName = Comparator.comparing(
                c -> c.name() == null ? c.id() : c.name().toLowerCase(Locale.ROOT));
        kids.values().forEach(l -> l.sort(byName));
        Set<String> wanted = wanted(all, kids, problems);
        List<OciCompartment> out = new ArrayList<>();
        walk(root, null, "", kids, wanted, out);
        return out;
    }

    /** Ids to list: everything, or the profile's compartments and their subtrees. */
    private Set<String> wanted(Map<String, IdentityApi.CompartmentRow> all,
                               Map<String, List<IdentityApi.CompartmentRow>> kids, List<Notice> problems) {
        Set<String> wanted = new LinkedHashSet<>();
        if (profile.compartmentFilter().isEmpty()) {
            wanted.addAll(all.keySet());
            return wanted;
        }
        for (OciCompartment f : profile.compartmentFilter()) {
            if (!all.containsKey(f.id())) {
                problems.add(Notice.of("discovery.compartmentNotFound", profile.name(), f.name(), f.id()));
                continue;
            }
            List<String> stack = new ArrayList<>(List.of(f.id()));
            while (!stack.isEmpty()) {
                String idNow = stack.removeLast();
                if (wanted.add(idNow)) {
                    kids.getOrDefault(idNow, List.of()).forEach(k -> stack.add(k.id()));
                }
            }
        }
        return wanted;
    }

    /** Adds the compartment if it or anything below it is wanted; returns whether it was added. */
    private boolean walk(IdentityApi.CompartmentRow c, String parentId, String parentPath,
                         Map<String, List<IdentityApi.CompartmentRow>> kids, Set<String> wanted, List<OciCompartment> out) {
        String name = c.name() == null || c.name().isBlank() ? shortId(c.id()) : c.name();
        String path = parentPath.isEmpty() ? name : parentPath + "/" + name;
        int at = out.size();
        out.add(null); // placeholder: a parent goes before its children
        boolean any = wanted.contains(c.id());
        for (IdentityApi.CompartmentRow k : kids.getOrDefault(c.id(), List.of())) {
            any |= walk(k, c.id(), path, kids, wanted, out);
        }
        if (!any) {
            out.remove(at);
            return false;
        }
        out.set(at, new OciCompartment(c.id(), name, parentId, path, wanted.contains(c.id())));
        return true;
    }

    private static String shortId(String ocid) {
        return ocid.length() > 12 ? "…" + ocid.substring(ocid.length() - 8) : ocid;
    }

    /** A few tries for passing failures (5xx, timeouts, 429); a refusal or other 4xx at once. */
    private static <T> T withRetries(AtomicLong requests, Supplier<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                requests.incrementAndGet();
                return call.get();
            } catch (OciApiException e) {
                if (!e.isRetryable() || attempt >= ATTEMPTS) {
                    throw e;
                }
                try {
                    Thread.sleep(Duration.ofMillis(300L << attempt));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    @Override
    public void close() {
        clients.values().forEach(IdentityApi::close);
        clients.clear();
    }
}
