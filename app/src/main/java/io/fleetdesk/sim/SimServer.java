package io.fleetdesk.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.fleetdesk.sim.SimFleet.Database;
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
    private final SimAutonomousOperations autonomousOps;
    private final SimAutonomousBackups autonomousBackups;
    private final SimBackups backups;
    private final RequestSignatureVerifier verifier;
    private final SimIdentity identity;
    private final SimRoutes routes;
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
        this.autonomousOps = new SimAutonomousOperations(fleet, workRequests);
        this.autonomousBackups = new SimAutonomousBackups(fleet, workRequests);
        this.routes = new SimRoutes(fleet, faults, workRequests, dataGuardOps, autonomousOps, autonomousBackups, backups, identity,
                new SimJson(fleet, faults, backups, dataGuardOps), requestsByOperation);
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

    /** Autonomous Data Guard operations (Autonomous Databases and container databases). */
    public SimAutonomousOperations autonomousOperations() {
        return autonomousOps;
    }

    /** Autonomous Database backups and restores. */
    public SimAutonomousBackups autonomousBackups() {
        return autonomousBackups;
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

        static Reply notFound() {
            return Reply.error(404, "NotAuthorizedOrNotFound", "Authorization failed or requested resource not found.");
        }

        static Reply missing(String name) {
            return error(400, "MissingParameter", "The " + name + " parameter is required.");
        }

        /** One page of a list: {@code page} is an offset we gave out in {@code opc-next-page}. */
        static <T> Reply page(List<T> all, Map<String, String> q, Function<T, Map<String, Object>> toJson) {
            int limit;
            int offset;
            try {
                limit = q.containsKey("limit") ? Integer.parseInt(q.get("limit")) : DEFAULT_PAGE;
                offset = q.containsKey("page") ? Integer.parseInt(q.get("page")) : 0;
            } catch (NumberFormatException e) {
                return error(400, "InvalidParameter", "limit and page must be the values the service returned.");
            }
            if (limit < 1) {
                return error(400, "InvalidParameter", "limit must be at least 1.");
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
            if (faults.serverError() || faults.failThisTry(region + " " + ex.getRequestMethod() + " " + rawTarget)) {
                send(ex, requestId, Reply.error(500, "InternalServerError",
                        "An internal error occurred. Retry the request."), false);
                return;
            }
            dataGuardOps.settle();
            autonomousOps.settle();
            autonomousBackups.settle();
            backups.settle();
            String method = ex.getRequestMethod();
            String retryToken = method.equals("GET") ? null : ex.getRequestHeaders().getFirst("opc-retry-token");
            Reply reply = retryToken == null ? null : retried(retryToken, method, rawTarget, body);
            if (reply == null) {
                reply = routes.route(region, method, ex.getRequestURI().getRawPath(), query(ex.getRequestURI().getRawQuery()),
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

}
