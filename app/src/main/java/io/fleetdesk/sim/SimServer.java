package io.fleetdesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetdesk.sim.SimFleet.Database;
import io.fleetdesk.sim.SimFleet.DbHome;
import io.fleetdesk.sim.SimFleet.DbSystem;
import io.fleetdesk.sim.SimFleet.Pair;
import io.fleetdesk.sim.SimFleet.Pdb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A loopback HTTP server per region speaking the subset of the OCI Database API (20160918) and
 * the Work Requests API that Fleetdesk uses, with the service's paths, query parameters, JSON
 * field names, enum values, pagination ({@code limit}, {@code page}, {@code opc-next-page}) and
 * headers ({@code opc-request-id}). Every request's signature is verified; faults come from a
 * {@link FaultPlan}. Each region listens on its own port, as each region has its own host.
 */
public final class SimServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SimServer.class);
    private static final String API = "/20160918";
    /** The service's largest page; larger {@code limit} values are capped, as the service does. */
    static final int MAX_PAGE = 1000;
    static final int DEFAULT_PAGE = 100;

    private final SimFleet fleet;
    private final FaultPlan faults;
    private final SimWorkRequests workRequests;
    private final SimDataGuardOperations dataGuardOps;
    private final SimBackups backups;
    private final RequestSignatureVerifier verifier;
    private final SimIdentity identity;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, LongAdder> requestsByOperation = new ConcurrentHashMap<>();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();

    public SimServer(SimFleet fleet, FaultPlan faults, Function<String, PublicKey> keys) throws IOException {
        this.fleet = fleet;
        this.faults = faults;
        this.workRequests = new SimWorkRequests(fleet.clock());
        this.dataGuardOps = new SimDataGuardOperations(fleet, workRequests);
        this.backups = new SimBackups(fleet, workRequests);
        this.verifier = new RequestSignatureVerifier(keys);
        this.identity = new SimIdentity(fleet.tenancy(), faults);
        for (SimFleet.SimRegion r : fleet.regions()) {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
            s.createContext("/", ex -> handle(r.name(), ex));
            s.setExecutor(executor);
            s.start();
            servers.put(r.name(), s);
        }
    }

    /** Starts a simulator for the demo user: only requests signed with {@code creds} get through. */
    public static SimServer start(SimFleet fleet, FaultPlan faults, DemoCredentials creds) throws IOException {
        PublicKey pk = creds.publicKey();
        String keyId = creds.keyId();
        return new SimServer(fleet, faults, id -> id.equals(keyId) ? pk : null);
    }

    /** The base URL of a region's endpoint, as a profile's {@code endpoint} would name it. */
    public String endpoint(String region) {
        HttpServer s = servers.get(region);
        if (s == null) {
            throw new IllegalArgumentException("the simulator has no region " + region);
        }
        return "http://" + s.getAddress().getHostString() + ":" + s.getAddress().getPort();
    }

    public SimFleet fleet() {
        return fleet;
    }

    public FaultPlan faults() {
        return faults;
    }

    public SimWorkRequests workRequests() {
        return workRequests;
    }

    public SimDataGuardOperations dataGuardOperations() {
        return dataGuardOps;
    }

    public SimBackups backups() {
        return backups;
    }

    /** Requests answered so far (any status), for tests and benchmarks. */
    public long requestCount() {
        return requests.get();
    }

    /** Requests answered 429 so far. */
    public long throttledCount() {
        return throttled.get();
    }

    public Map<String, Long> requestsByOperation() {
        Map<String, Long> m = new HashMap<>();
        requestsByOperation.forEach((k, v) -> m.put(k, v.sum()));
        return m;
    }

    public void resetCounters() {
        requests.set(0);
        throttled.set(0);
        requestsByOperation.clear();
    }

    @Override
    public void close() {
        servers.values().forEach(s -> s.stop(0));
        executor.shutdownNow();
    }

    // ---- request handling ----

    /** What an API's router answered, and the operation it took the request for (counted per operation). */
    record Routed(String operation, Reply reply) {
    }

    record Reply(int status, Object body, Map<String, String> headers) {
        static Reply ok(Object body) {
            return new Reply(200, body, Map.of());
        }

        static Reply error(int status, String code, String message) {
            return new Reply(status, Map.of("code", code, "message", message), Map.of());
        }
    }

    private void handle(String region, HttpExchange ex) throws IOException {
        try (ex) {
            requests.incrementAndGet();
            byte[] body = ex.getRequestBody().readAllBytes();
            String rawTarget = ex.getRequestURI().getRawPath()
                    + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
            String requestId = requestId(ex);
            Duration lat = faults.sampleLatency();
            if (!lat.isZero()) {
                Thread.sleep(lat);
            }
            if (faults.isDown(region)) {
                send(ex, requestId, Reply.error(503, "ServiceUnavailable",
                        "The service in " + region + " is currently unavailable."), false);
                return;
            }
            long retryAfter = faults.acquire(region);
            if (retryAfter > 0) {
                throttled.incrementAndGet();
                send(ex, requestId, new Reply(429, Map.of("code", "TooManyRequests",
                        "message", "Too many requests for the tenancy in " + region + "."),
                        Map.of("retry-after", Long.toString(retryAfter))), false);
                return;
            }
            RequestSignatureVerifier.Failure failure = verifier.verify(ex.getRequestMethod(), rawTarget,
                    h -> ex.getRequestHeaders().getFirst(h), body);
            if (failure != null) {
                send(ex, requestId, Reply.error(401, "NotAuthenticated", failure.message()), false);
                return;
            }
            Duration stall = faults.stall();
            if (stall != null) {
                Thread.sleep(stall);
            }
            if (faults.serverError()) {
                send(ex, requestId, Reply.error(500, "InternalServerError",
                        "An internal error occurred. Retry the request."), false);
                return;
            }
            dataGuardOps.settle();
            backups.settle();
            String method = ex.getRequestMethod();
            String retryToken = method.equals("GET") ? null : ex.getRequestHeaders().getFirst("opc-retry-token");
            Reply reply = retryToken == null ? null : retried(retryToken, method, rawTarget, body);
            if (reply == null) {
                reply = route(region, method, ex.getRequestURI().getRawPath(), query(ex.getRequestURI().getRawQuery()),
                        body);
                if (retryToken != null && reply.status() < 300) {
                    retryTokens.put(retryToken, new RetryEntry(method + " " + rawTarget, java.util.Arrays.hashCode(body),
                            reply));
                }
            }
            FaultPlan.LostAnswer lost = method.equals("GET") ? null : faults.takeLostAnswer();
            if (lost == FaultPlan.LostAnswer.NO_ANSWER) {
                // Acted on, then the connection closes with no answer at all.
                LOG.debug("simulator: {} {} carried out, answer dropped", method, rawTarget);
                throw new DroppedAnswer();
            }
            if (lost == FaultPlan.LostAnswer.SERVER_ERROR) {
                send(ex, requestId, Reply.error(502, "BadGateway", "The upstream service did not answer in time."),
                        false);
                return;
            }
            send(ex, requestId, reply, faults.truncate());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (DroppedAnswer e) {
            // Closing the exchange before any answer was started closes the connection: the client gets nothing.
        } catch (IOException e) {
            // The client went away (timed out on a stall, say), or a body was cut short on purpose: the
            // connection is done. Thrown on, so the JDK's HttpServer closes it; swallowed, it kept every
            // such connection open in CLOSE-WAIT for good (one per truncation, found by the soak run).
            LOG.debug("simulator: connection ended early: {}", e.getMessage());
            throw e;
        } catch (RuntimeException e) {
            LOG.warn("simulator: request failed", e);
            send(ex, requestId(ex), Reply.error(500, "InternalServerError", e.toString()), false);
        }
    }

    /** A request's answer was dropped on purpose ({@link FaultPlan#loseAnswers}). */
    private static final class DroppedAnswer extends RuntimeException {
        DroppedAnswer() {
            super(null, null, false, false);
        }
    }

    /** A changing request carried out with an {@code opc-retry-token}, and what it was answered. */
    private record RetryEntry(String request, int bodyHash, Reply reply) {
    }

    /** Retry tokens seen (the service keeps them for 24 hours; the simulator for its life). */
    private final Map<String, RetryEntry> retryTokens = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * As the service does with {@code opc-retry-token}: the same request again gets the first answer
     * and does nothing; another request with the same token is refused with 409.
     */
    private Reply retried(String token, String method, String rawTarget, byte[] body) {
        RetryEntry e = retryTokens.get(token);
        if (e == null) {
            return null;
        }
        if (!e.request().equals(method + " " + rawTarget) || e.bodyHash() != java.util.Arrays.hashCode(body)) {
            return Reply.error(409, "Conflict", "The opc-retry-token was used for a different request; use a new"
                    + " token for a new request.");
        }
        return e.reply();
    }

    private static String requestId(HttpExchange ex) {
        String mine = UUID.randomUUID().toString().replace("-", "").toUpperCase();
        String theirs = ex.getRequestHeaders().getFirst("opc-request-id");
        return theirs == null ? mine : theirs + "/" + mine;
    }

    private void send(HttpExchange ex, String requestId, Reply reply, boolean truncate) throws IOException {
        if (reply.body() == null) {
            // 204 No Content (DeleteBackup) and 202 Accepted (CancelBackup) carry headers only.
            ex.getResponseHeaders().set("opc-request-id", requestId);
            reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
            ex.sendResponseHeaders(reply.status(), -1);
            ex.getResponseBody().close();
            return;
        }
        byte[] bytes = json.writeValueAsBytes(reply.body());
        ex.getResponseHeaders().set("content-type", "application/json");
        ex.getResponseHeaders().set("opc-request-id", requestId);
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            // A truncated body: the promised length, half the bytes, then the connection closes.
            out.write(bytes, 0, truncate ? bytes.length / 2 : bytes.length);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> m = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String part : raw.split("&")) {
            int eq = part.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private Reply route(String region, String method, String rawPath, Map<String, String> q, byte[] body) {
        String op;
        if (!rawPath.startsWith(API + "/")) {
            return Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
        }
        String[] p = rawPath.substring(API.length() + 1).split("/");
        // POST /databases/{id}/dataGuardAssociations/{associationId}/actions/{switchover|failover|reinstate}
        if (method.equals("POST") && p.length == 6 && p[0].equals("databases") && p[2].equals("dataGuardAssociations")
                && p[4].equals("actions")) {
            SimDataGuardOperations.Kind kind = switch (p[5]) {
                case "switchover" -> SimDataGuardOperations.Kind.SWITCHOVER;
                case "failover" -> SimDataGuardOperations.Kind.FAILOVER;
                case "reinstate" -> SimDataGuardOperations.Kind.REINSTATE;
                default -> null;
            };
            if (kind != null) {
                requestsByOperation.computeIfAbsent(kind.name(), k -> new LongAdder()).increment();
                com.fasterxml.jackson.databind.JsonNode n = body(body);
                if (n == null) {
                    return NOT_JSON;
                }
                String password = n.path("databaseAdminPassword").asText(null);
                SimDataGuardOperations.Started started = dataGuardOps.start(kind, p[1], p[3], password);
                if (started.workRequest() == null) {
                    return Reply.error(started.status(), started.code(), started.message());
                }
                return new Reply(200, associationJson(fleet.database(p[1])),
                        Map.of("opc-work-request-id", started.workRequest().id(), "etag", started.workRequest().id()));
            }
        }
        Routed identityReply = identity.route(method, p, q);
        if (identityReply != null) {
            requestsByOperation.computeIfAbsent(identityReply.operation(), k -> new LongAdder()).increment();
            return identityReply.reply();
        }
        Reply backupReply = backupRoute(method, p, q, body);
        if (backupReply != null) {
            return backupReply;
        }
        if (!method.equals("GET")) {
            return Reply.error(405, "MethodNotAllowed", method + " is not supported on " + rawPath);
        }
        Reply r;
        switch (p[0]) {
            case "dbSystems" -> {
                op = p.length == 1 ? "ListDbSystems" : "GetDbSystem";
                r = p.length == 1 ? listDbSystems(region, q) : getDbSystem(p[1]);
            }
            case "dbHomes" -> {
                op = "ListDbHomes";
                r = listDbHomes(region, q);
            }
            case "databases" -> {
                if (p.length == 1) {
                    op = "ListDatabases";
                    r = listDatabases(region, q);
                } else if (p.length == 2) {
                    op = "GetDatabase";
                    r = getDatabase(p[1]);
                } else if (p.length == 3 && p[2].equals("dataGuardAssociations")) {
                    op = "ListDataGuardAssociations";
                    r = listDataGuardAssociations(p[1], q);
                } else {
                    op = "Unknown";
                    r = Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
                }
            }
            case "pluggableDatabases" -> {
                op = "ListPluggableDatabases";
                r = listPdbs(region, q);
            }
            case "workRequests" -> {
                SimWorkRequests.Entry e = p.length >= 2 ? workRequests.get(p[1]) : null;
                if (p.length == 1) {
                    // ListWorkRequests: compartmentId is required, resourceId narrows it; newest first.
                    op = "ListWorkRequests";
                    String comp = q.get("compartmentId");
                    r = comp == null || comp.isBlank() ? missing("compartmentId")
                            : page(workRequests.list(comp, q.get("resourceId")), q, w -> vary("WorkRequest", workRequests.json(w)));
                } else if (e == null) {
                    op = "GetWorkRequest";
                    r = notFound();
                } else if (p.length == 2) {
                    op = "GetWorkRequest";
                    r = Reply.ok(vary("WorkRequest", workRequests.json(e)));
                } else if (p.length == 3 && p[2].equals("errors")) {
                    op = "ListWorkRequestErrors";
                    r = page(workRequests.errors(e), q, m -> m);
                } else if (p.length == 3 && p[2].equals("logs")) {
                    op = "ListWorkRequestLogs";
                    r = page(workRequests.logs(e), q, m -> m);
                } else {
                    op = "Unknown";
                    r = notFound();
                }
            }
            default -> {
                op = "Unknown";
                r = Reply.error(404, "NotAuthorizedOrNotFound", "Unknown resource " + rawPath);
            }
        }
        requestsByOperation.computeIfAbsent(op, k -> new LongAdder()).increment();
        return r;
    }

    /**
     * Backups: ListBackups, GetBackup, CreateBackup, DeleteBackup, CancelBackup and RestoreDatabase;
     * null when the request is none of them.
     */
    private Reply backupRoute(String method, String[] p, Map<String, String> q, byte[] body) {
        String op;
        Reply r;
        if (p[0].equals("backups")) {
            if (method.equals("GET") && p.length == 1) {
                op = "ListBackups";
                String db = q.get("databaseId");
                r = db == null || db.isBlank() ? missing("databaseId") : page(backups.list(db), q, b -> vary("Backup", backups.json(b)));
            } else if (method.equals("GET") && p.length == 2) {
                op = "GetBackup";
                SimBackups.Backup b = backups.get(p[1]);
                r = b == null ? notFound() : Reply.ok(vary("Backup", backups.json(b)));
            } else if (method.equals("POST") && p.length == 1) {
                op = "CreateBackup";
                com.fasterxml.jackson.databind.JsonNode n = body(body);
                if (n == null) {
                    return NOT_JSON;
                }
                SimBackups.Result res = backups.create(n.path("databaseId").asText(null), n.path("displayName").asText(null),
                        n.hasNonNull("retentionPeriodInDays") ? n.get("retentionPeriodInDays").asInt() : null);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(200, backups.json(res.backup()), Map.of("opc-work-request-id", res.workRequest().id()));
            } else if (method.equals("DELETE") && p.length == 2) {
                op = "DeleteBackup";
                SimBackups.Result res = backups.delete(p[1]);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(204, null, Map.of("opc-work-request-id", res.workRequest().id()));
            } else if (method.equals("POST") && p.length == 4 && p[2].equals("actions") && p[3].equals("cancel")) {
                op = "CancelBackup";
                SimBackups.Result res = backups.cancel(p[1]);
                r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                        : new Reply(202, null, Map.of("opc-work-request-id", res.workRequest().id()));
            } else {
                return null;
            }
        } else if (method.equals("POST") && p[0].equals("databases") && p.length == 4 && p[2].equals("actions")
                && p[3].equals("restore")) {
            op = "RestoreDatabase";
            com.fasterxml.jackson.databind.JsonNode n = body(body);
            if (n == null) {
                return NOT_JSON;
            }
            Instant ts = null;
            if (n.hasNonNull("timestamp")) {
                try {
                    ts = java.time.OffsetDateTime.parse(n.get("timestamp").asText()).toInstant();
                } catch (java.time.format.DateTimeParseException e) {
                    return Reply.error(400, "InvalidParameter", "timestamp is not an RFC 3339 date-time.");
                }
            }
            SimBackups.Result res = backups.restore(p[1], n.hasNonNull("latest") ? n.get("latest").asBoolean() : null, ts,
                    n.hasNonNull("databaseSCN") ? n.get("databaseSCN").asText() : null);
            r = res.workRequest() == null ? Reply.error(res.status(), res.code(), res.message())
                    : new Reply(200, databaseJson(fleet.database(p[1])), Map.of("opc-work-request-id", res.workRequest().id()));
        } else {
            return null;
        }
        requestsByOperation.computeIfAbsent(op, k -> new LongAdder()).increment();
        return r;
    }

    private static final Reply NOT_JSON = Reply.error(400, "InvalidParameter", "The request body is not valid JSON.");

    /** A request's JSON body, or null when it is not JSON (answered 400 {@link #NOT_JSON}). */
    private com.fasterxml.jackson.databind.JsonNode body(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    static Reply missing(String name) {
        return Reply.error(400, "MissingParameter", "The " + name + " parameter is required.");
    }

    /** One page of a list: {@code page} is an offset we gave out in {@code opc-next-page}. */
    static <T> Reply page(List<T> all, Map<String, String> q, Function<T, Map<String, Object>> toJson) {
        int limit;
        int offset;
        try {
            limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : DEFAULT_PAGE;
            offset = q.containsKey("page") ? Integer.parseInt(q.get("page")) : 0;
        } catch (NumberFormatException e) {
            return Reply.error(400, "InvalidParameter", "limit and page must be the values the service returned.");
        }
        if (limit < 1) {
            return Reply.error(400, "InvalidParameter", "limit must be at least 1.");
        }
        limit = Math.min(limit, MAX_PAGE);
        int end = Math.min(all.size(), offset + limit);
        List<Map<String, Object>> items = new ArrayList<>(Math.max(0, end - offset));
        for (int i = offset; i < end; i++) {
            items.add(toJson.apply(all.get(i)));
        }
        Map<String, String> headers = end < all.size() ? Map.of("opc-next-page", Integer.toString(end)) : Map.of();
        return new Reply(200, items, headers);
    }

    private Reply listDbSystems(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return missing("compartmentId");
        }
        Reply refused = refused("ListDbSystems", comp);
        return refused != null ? refused : page(fleet.dbSystems(region, comp), q, this::dbSystemJson);
    }

    private Reply getDbSystem(String id) {
        DbSystem s = fleet.dbSystem(id);
        return s == null ? notFound() : Reply.ok(dbSystemJson(s));
    }

    private Reply listDbHomes(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return missing("compartmentId");
        }
        Reply refused = refused("ListDbHomes", comp);
        if (refused != null) {
            return refused;
        }
        List<DbHome> homes = fleet.dbHomes(region, comp);
        String sys = q.get("dbSystemId");
        if (sys != null) {
            homes = homes.stream().filter(h -> h.dbSystemId().equals(sys)).toList();
        }
        return page(homes, q, this::dbHomeJson);
    }

    private Reply listDatabases(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        if (comp == null) {
            return missing("compartmentId");
        }
        Reply refused = refused("ListDatabases", comp);
        if (refused != null) {
            return refused;
        }
        String home = q.get("dbHomeId");
        String sys = q.get("systemId");
        List<Database> dbs;
        if (home != null) {
            dbs = fleet.databasesInHome(home);
        } else if (sys != null) {
            dbs = fleet.databasesInSystem(sys);
        } else {
            return Reply.error(400, "InvalidParameter", "Either dbHomeId or systemId is required.");
        }
        dbs = dbs.stream().filter(d -> d.compartmentId().equals(comp) && d.region().equals(region)).toList();
        return page(dbs, q, this::databaseJson);
    }

    private Reply getDatabase(String id) {
        Database d = fleet.database(id);
        return d == null ? notFound() : Reply.ok(databaseJson(d));
    }

    private Reply listPdbs(String region, Map<String, String> q) {
        String comp = q.get("compartmentId");
        String cdb = q.get("databaseId");
        List<Pdb> list;
        if (cdb != null) {
            list = fleet.pdbsOf(cdb);
        } else if (comp != null) {
            Reply refused = refused("ListPluggableDatabases", comp);
            if (refused != null) {
                return refused;
            }
            list = fleet.pdbs(region, comp);
        } else {
            return Reply.error(400, "InvalidParameter", "Either compartmentId or databaseId is required.");
        }
        return page(list, q, this::pdbJson);
    }

    private Reply listDataGuardAssociations(String dbId, Map<String, String> q) {
        Database d = fleet.database(dbId);
        if (d == null) {
            return notFound();
        }
        List<Database> self = d.pairId() == null ? List.of() : List.of(d);
        return page(self, q, this::associationJson);
    }

    /**
     * A list call the demo user's policy does not allow in that compartment, or a compartment that is
     * not ACTIVE: 404 NotAuthorizedOrNotFound, as the service answers both (it does not say which).
     */
    private Reply refused(String operation, String compartmentId) {
        SimTenancy.Compartment c = fleet.tenancy().compartment(compartmentId);
        if (c == null || !c.lifecycleState().equals("ACTIVE") || fleet.tenancy().isDenied(operation, compartmentId)) {
            return notFound();
        }
        return null;
    }

    private Map<String, Object> vary(String model, Map<String, Object> m) {
        return faults.variation().vary(model, m);
    }

    static Reply notFound() {
        return Reply.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
    }

    // ---- JSON in the service's field names ----

    static String time(Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    private Map<String, Object> dbSystemJson(DbSystem s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("compartmentId", s.compartmentId());
        m.put("displayName", s.displayName());
        m.put("availabilityDomain", s.availabilityDomain());
        m.put("faultDomains", List.of("FAULT-DOMAIN-1"));
        m.put("subnetId", "ocid1.subnet.oc1.." + s.id().substring(s.id().length() - 20));
        m.put("shape", s.shape());
        m.put("hostname", s.hostname());
        m.put("domain", "dbsubnet.fleetvcn.oraclevcn.com");
        m.put("version", s.version());
        m.put("cpuCoreCount", s.cpuCores());
        m.put("databaseEdition", "ENTERPRISE_EDITION_EXTREME_PERFORMANCE");
        m.put("listenerPort", 1521);
        m.put("nodeCount", 1);
        m.put("licenseModel", "BRING_YOUR_OWN_LICENSE");
        String state = fleet.dbSystemState(s);
        m.put("lifecycleState", state);
        m.put("lifecycleDetails", state.equals("MAINTENANCE_IN_PROGRESS") ? "Quarterly DB system patching" : null);
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(400 - s.index() % 300))));
        return vary("DbSystemSummary", m);
    }

    private Map<String, Object> dbHomeJson(DbHome h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("compartmentId", h.compartmentId());
        m.put("displayName", h.displayName());
        m.put("dbSystemId", h.dbSystemId());
        m.put("dbVersion", h.dbVersion());
        m.put("dbHomeLocation", "/u01/app/oracle/product/" + h.dbVersion().substring(0, 4) + "/dbhome_1");
        m.put("lifecycleState", "AVAILABLE");
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(300))));
        onVmCluster(h.id(), h.dbSystemId(), m);
        return vary("DbHomeSummary", m);
    }

    /**
     * In the varied mode, some DB homes and their databases are shown as Exadata ones are: with
     * {@code vmClusterId} and no {@code dbSystemId} (code that assumed the DB system failed on real traffic).
     */
    private void onVmCluster(String homeId, String dbSystemId, Map<String, Object> m) {
        if (faults.variation().onVmCluster(homeId)) {
            m.remove("dbSystemId");
            m.put("vmClusterId", "ocid1.cloudvmcluster.oc1.." + dbSystemId.substring(dbSystemId.length() - 24));
        }
    }

    private Map<String, Object> databaseJson(Database d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", d.id());
        m.put("compartmentId", d.compartmentId());
        m.put("characterSet", "AL32UTF8");
        m.put("ncharacterSet", "AL16UTF16");
        m.put("dbHomeId", d.dbHomeId());
        m.put("dbSystemId", d.dbSystemId());
        m.put("dbName", fleet.dbName(d));
        m.put("dbWorkload", "OLTP");
        m.put("dbUniqueName", d.dbUniqueName());
        String state = fleet.databaseState(d);
        m.put("lifecycleState", state);
        String restoring = backups.restoreDetails(d.id());
        m.put("lifecycleDetails", restoring != null ? restoring : switch (state) {
            case "BACKUP_IN_PROGRESS" -> "Automatic incremental backup in progress";
            case "RESTORE_FAILED" -> "The last restore failed: see its work request. Restore again to a point covered by a backup.";
            case "FAILED" -> "The database is not reachable by the cloud tooling. Check the DB system.";
            default -> null;
        });
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(365))));
        m.put("lastBackupTimestamp", time(fleet.lastBackup(d)));
        m.put("lastBackupDurationInSeconds", (int) SimFleet.BACKUP_LENGTH.toSeconds());
        m.put("lastFailedBackupTimestamp", time(fleet.lastFailedBackup(d)));
        m.put("dbBackupConfig", vary("DbBackupConfig", backups.configJson(d)));
        m.put("isCdb", true);
        m.put("sidPrefix", d.dbName().length() > 8 ? d.dbName().substring(0, 8) : d.dbName());
        if (d.pairId() != null) {
            m.put("dataGuardGroup", dataGuardGroupJson(fleet.pair(d.pairId())));
        }
        onVmCluster(d.dbHomeId(), d.dbSystemId(), m);
        return vary("DatabaseSummary", m);
    }

    private Map<String, Object> dataGuardGroupJson(Pair p) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("protectionMode", p.protectionMode());
        List<Map<String, Object>> members = new ArrayList<>();
        Database a = fleet.database(p.firstDbId());
        Database b = fleet.database(p.secondDbId());
        for (Database d : List.of(a, b)) {
            Map<String, Object> mm = new LinkedHashMap<>();
            String role = fleet.role(d.id());
            boolean standby = !role.equals("PRIMARY");
            long lag = standby ? fleet.applyLagSeconds(d) : 0;
            mm.put("databaseId", d.id());
            mm.put("dbSystemId", d.dbSystemId());
            mm.put("role", role);
            mm.put("applyLag", standby ? SimFleet.lagText(lag) : null);
            mm.put("applyRate", standby ? (lag > 60 ? "2.10 MByte/s" : "11.84 MByte/s") : null);
            mm.put("transportLag", standby ? SimFleet.lagText(Math.min(lag, 2)) : null);
            mm.put("transportLagRefresh", standby ? "1 second" : null);
            mm.put("transportType", p.transportType());
            mm.put("isActiveDataGuardEnabled", true);
            String readiness = "HEALTHY";
            String message = "Ready for switchover";
            String stA = fleet.databaseState(a);
            String stB = fleet.databaseState(b);
            Database other = d == a ? b : a;
            long standbyLag = fleet.applyLagSeconds(role.equals("PRIMARY") ? other : d);
            if (!stA.equals("AVAILABLE") || !stB.equals("AVAILABLE")) {
                readiness = "CRITICAL";
                message = "A member is " + (!stA.equals("AVAILABLE") ? stA : stB);
            } else if (standbyLag > 300) {
                readiness = "CRITICAL";
                message = "Apply lag is " + SimFleet.lagText(standbyLag);
            } else if (standbyLag > 30) {
                readiness = "WARNING";
                message = "Apply lag is " + SimFleet.lagText(standbyLag);
            }
            mm.put("switchoverReadiness", readiness);
            mm.put("switchoverReadinessMessage", message);
            mm.put("failoverReadiness", readiness.equals("CRITICAL") && standbyLag <= 300 ? "WARNING" : readiness);
            mm.put("failoverReadinessMessage", message);
            mm.put("dataLossExposure", standby ? SimFleet.lagText(p.transportType().equals("SYNC") ? 0 : Math.min(lag, 2)) : null);
            mm.put("timeUpdated", time(fleet.clock().now()));
            if (faults.variation().onVmCluster(d.dbHomeId())) {
                mm.remove("dbSystemId");
            }
            members.add(vary("DataGuardGroupMember", mm));
        }
        g.put("members", members);
        return vary("DataGuardGroup", g);
    }

    /** The association as seen from one database; each side has its own id. */
    static String associationId(Pair p, String databaseId) {
        return databaseId.equals(p.firstDbId()) ? p.id() : p.id() + "s";
    }

    private Map<String, Object> associationJson(Database d) {
        Pair p = fleet.pair(d.pairId());
        Database peer = fleet.database(d.id().equals(p.firstDbId()) ? p.secondDbId() : p.firstDbId());
        String role = fleet.role(d.id());
        String peerRole = fleet.role(peer.id());
        Database standby = role.equals("PRIMARY") ? peer : d;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", associationId(p, d.id()));
        m.put("databaseId", d.id());
        m.put("role", role);
        m.put("lifecycleState", dataGuardOps.inFlight(p.id()) ? "UPDATING" : "AVAILABLE");
        m.put("peerDataGuardAssociationId", associationId(p, peer.id()));
        m.put("peerDatabaseId", peer.id());
        m.put("peerDbHomeId", peer.dbHomeId());
        m.put("peerDbSystemId", peer.dbSystemId());
        m.put("peerRole", peerRole);
        m.put("applyLag", SimFleet.lagText(fleet.applyLagSeconds(standby)));
        m.put("applyRate", "11.84 MByte/s");
        m.put("protectionMode", p.protectionMode());
        m.put("transportType", p.transportType());
        m.put("isActiveDataGuardEnabled", true);
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(200))));
        return vary("DataGuardAssociation", m);
    }

    private Map<String, Object> pdbJson(Pdb pdb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", pdb.id());
        m.put("containerDatabaseId", pdb.containerDatabaseId());
        m.put("pdbName", pdb.pdbName());
        m.put("compartmentId", pdb.compartmentId());
        m.put("lifecycleState", fleet.pdbState(pdb));
        String role = fleet.role(pdb.containerDatabaseId());
        m.put("openMode", role == null || role.equals("PRIMARY") ? "READ_WRITE"
                : role.equals("STANDBY") ? "READ_ONLY" : "MOUNTED");
        m.put("isRestricted", false);
        m.put("timeCreated", time(fleet.created().minus(Duration.ofDays(100))));
        return vary("PluggableDatabaseSummary", m);
    }
}
