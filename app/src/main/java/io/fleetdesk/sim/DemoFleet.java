package io.fleetdesk.sim;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The built-in demo: a simulated fleet, its server on loopback ports and the demo user's key,
 * started together and stopped together. What a profile needs to reach it (endpoints, key,
 * compartments) is exposed as plain values so the OCI layer can use it like any tenancy.
 */
public final class DemoFleet implements AutoCloseable {
    /** Default demo: about 240 databases over 3 regions, moving at one simulated minute per real second. */
    public static final int DEFAULT_SIZE = 240;
    public static final long DEFAULT_SEED = 20261124L;

    private final DemoCredentials credentials;
    private final SimServer server;

    private DemoFleet(DemoCredentials credentials, SimServer server) {
        this.credentials = credentials;
        this.server = server;
    }

    public static DemoFleet start(long seed, int size, int regions, double timeScale, FaultPlan faults)
            throws IOException {
        return start(seed, size, regions, 0, timeScale, faults);
    }

    /** @param extraCompartments compartments beyond the demo tenancy's own, each holding resources */
    public static DemoFleet start(long seed, int size, int regions, int extraCompartments, double timeScale,
                                  FaultPlan faults) throws IOException {
        return start(seed, size, regions, extraCompartments, SimEstateGenerator.Mix.DEMO, timeScale, faults);
    }

    /** @param mix the Autonomous and Exadata part beyond the {@code size} Base Database databases */
    public static DemoFleet start(long seed, int size, int regions, int extraCompartments, SimEstateGenerator.Mix mix,
                                  double timeScale, FaultPlan faults) throws IOException {
        SimClock clock = new SimClock(Instant.now(), timeScale);
        SimFleet fleet = new SimFleet(seed, size, regions, extraCompartments, mix, clock);
        DemoCredentials creds = new DemoCredentials();
        return new DemoFleet(creds, SimServer.start(fleet, faults, creds));
    }

    public static DemoFleet startDefault() throws IOException {
        return start(DEFAULT_SEED, DEFAULT_SIZE, 3, 60.0, new FaultPlan().latency(Duration.ofMillis(40), 0.5));
    }

    public DemoCredentials credentials() {
        return credentials;
    }

    public SimServer server() {
        return server;
    }

    public SimFleet fleet() {
        return server.fleet();
    }

    /** Region id to endpoint URL, in fleet order. */
    public Map<String, String> endpoints() {
        Map<String, String> m = new LinkedHashMap<>();
        for (SimFleet.SimRegion r : fleet().regions()) {
            m.put(r.name(), server.endpoint(r.name()));
        }
        return m;
    }

    @Override
    public void close() {
        server.close();
    }
}
