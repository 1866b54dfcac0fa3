package io.fleetdesk.app;

import io.fleetdesk.oci.DataGuardOperationsApi;
import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciConfigProfiles;
import io.fleetdesk.oci.OciProfile;
import io.fleetdesk.oci.ProfileException;
import io.fleetdesk.oci.SdkDataGuardOperationsApi;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.poll.FleetStore;
import io.fleetdesk.poll.HealthRules;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.sim.DemoCredentials;
import io.fleetdesk.sim.DemoFleet;
import io.fleetdesk.sim.FaultPlan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One open profile: its poller and, for the demo, the simulator behind it. Opening does I/O (the
 * config file, the key, starting the simulator): never call it on the FX thread. No JavaFX here.
 */
public final class FleetSession implements AutoCloseable {
    private final OciProfile profile;
    private final FleetPoller poller;
    private final DemoFleet demo;
    private final io.fleetdesk.sim.DemoDatabases demoDatabases;
    private final java.util.Map<String, DataGuardOperationsApi> operations = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, io.fleetdesk.oci.AutonomousOperationsApi> autonomousOps =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, io.fleetdesk.oci.BackupsApi> adbBackups = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, io.fleetdesk.oci.BackupsApi> backups = new java.util.concurrent.ConcurrentHashMap<>();
    /** The profile's text in the config file when it was opened (null for the demo): a different text is an edit. */
    private final String configText;

    private FleetSession(OciProfile profile, FleetPoller poller, DemoFleet demo,
                         io.fleetdesk.sim.DemoDatabases demoDatabases, String configText) {
        this.profile = profile;
        this.poller = poller;
        this.demo = demo;
        this.demoDatabases = demoDatabases;
        this.configText = configText;
    }

    /** The profile's section (and DEFAULT's) as it was read; null for the demo. */
    public String configText() {
        return configText;
    }

    /** How the demo is started. */
    /**
     * @param demoGroup the group the demo's own-host databases sit in, in the DBA's language (the UI
     *                  gives it; a group name is the DBA's data, so nothing below the UI words it)
     */
    public record DemoOptions(long seed, int size, int regions, double timeScale, FaultPlan faults, String demoGroup) {
        public DemoOptions(long seed, int size, int regions, double timeScale, FaultPlan faults) {
            this(seed, size, regions, timeScale, faults, "On-premises");
        }

        public DemoOptions withDemoGroup(String group) {
            return new DemoOptions(seed, size, regions, timeScale, faults, group);
        }

        public static DemoOptions defaults() {
            return new DemoOptions(DemoFleet.DEFAULT_SEED, DemoFleet.DEFAULT_SIZE, 3, 60.0,
                    new FaultPlan().latency(Duration.ofMillis(40), 0.5));
        }
    }

    public static FleetSession openDemo(DemoOptions o, PollerSettings settings) throws IOException {
        return openDemo(o, settings, HealthRules.defaults());
    }

    /**
     * How the session's clients reach OCI: the SDK's timeouts, and the profile narrowed to some regions
     * or pointed at another Database endpoint (the command line's {@code --region}, {@code --endpoint}).
     */
    public record Connection(Duration connectTimeout, Duration readTimeout, java.util.List<String> regions,
                             String endpoint) {
        public Connection {
            regions = java.util.List.copyOf(regions);
        }

        public static Connection defaults() {
            return new Connection(Duration.ofSeconds(5), Duration.ofSeconds(20), java.util.List.of(), null);
        }

        OciProfile applyTo(OciProfile p) {
            return p.withRegions(regions).withEndpoint(endpoint);
        }
    }

    public static FleetSession openDemo(DemoOptions o, PollerSettings settings, HealthRules rules) throws IOException {
        return openDemo(o, settings, rules, Connection.defaults());
    }

    public static FleetSession openDemo(DemoOptions o, PollerSettings settings, HealthRules rules, Connection connection)
            throws IOException {
        Signing.install();
        DemoFleet demo = DemoFleet.start(o.seed(), o.size(), o.regions(), o.timeScale(), o.faults());
        DemoCredentials c = demo.credentials();
        // No compartment or region is named here: the demo tenancy is discovered, as a real one is.
        OciProfile p = connection.applyTo(InMemoryKeyProfiles.create(InMemoryKeyProfiles.DEMO_PROFILE,
                DemoCredentials.TENANCY_ID, DemoCredentials.USER_ID, c.fingerprint(), c.privateKeyPem(), demo.endpoints()));
        FleetPoller poller;
        try {
            poller = poller(p, settings, rules, connection);
        } catch (RuntimeException | Error e) {
            // The poller could not be built: the simulator must not outlive the attempt.
            closeQuietly("the demo's simulator", demo);
            throw e;
        }
        // Discovery and the first region's client get going while the JDBC databases are made (H2 takes
        // a few hundred ms on a cold start); the first refresh then finds them ready.
        poller.prepare(p.region());
        io.fleetdesk.sim.DemoDatabases dbs;
        try {
            dbs = io.fleetdesk.sim.DemoDatabases.start(demo.fleet(), Duration.ofSeconds(2), o.demoGroup());
            // The demo's in-memory databases are the only non-Oracle URLs allowed to connect (this process made them).
            io.fleetdesk.jdbc.ConnectStrings.allowInMemory(dbs.targets());
        } catch (java.sql.SQLException | RuntimeException e) {
            // The OCI side of the demo still works; the smoke test fails on this ERROR line.
            org.slf4j.LoggerFactory.getLogger(FleetSession.class).error("the demo's JDBC databases could not be created", e);
            dbs = null;
        }
        return new FleetSession(p, poller, demo, dbs, null);
    }

    public static FleetSession openConfigProfile(Path configFile, String name, PollerSettings settings,
                                                 HealthRules rules) throws ProfileException {
        return openConfigProfile(configFile, name, OciConfigProfiles.Auth.AUTO, settings, rules, Connection.defaults());
    }

    public static FleetSession openConfigProfile(Path configFile, String name, OciConfigProfiles.Auth auth,
                                                 PollerSettings settings, HealthRules rules, Connection connection)
            throws ProfileException {
        Signing.install();
        String text = OciConfigProfiles.sectionText(configFile, name);
        OciProfile p = connection.applyTo(OciConfigProfiles.load(configFile, name, auth));
        return new FleetSession(p, poller(p, settings, rules, connection), null, null, text);
    }

    private static FleetPoller poller(OciProfile p, PollerSettings settings, HealthRules rules, Connection c) {
        return newPoller(p, settings, new SdkRegionApi.Settings(settings.maxConcurrency(), c.connectTimeout(),
                c.readTimeout()), rules);
    }

    /** A poller over the profile's regions through the OCI SDK, with its own store; also for tests and benchmarks. */
    public static FleetPoller newPoller(OciProfile p, PollerSettings settings, SdkRegionApi.Settings api) {
        return newPoller(p, settings, api, HealthRules.defaults());
    }

    public static FleetPoller newPoller(OciProfile p, PollerSettings settings, SdkRegionApi.Settings api,
                                        HealthRules rules) {
        io.fleetdesk.oci.TenancyDiscovery discovery = new io.fleetdesk.oci.TenancyDiscovery(p,
                region -> new io.fleetdesk.oci.SdkIdentityApi(p, region, api));
        io.fleetdesk.poll.DiscoveryLoop loop = new io.fleetdesk.poll.DiscoveryLoop(new io.fleetdesk.poll.DiscoveryLoop.Discovery() {
            @Override
            public io.fleetdesk.oci.TenancyLayout discover() {
                return discovery.discover();
            }

            @Override
            public void close() {
                discovery.close();
            }
        }, io.fleetdesk.poll.DiscoveryLoop.EVERY, io.fleetdesk.poll.DiscoveryLoop.AFTER_FAILURE);
        return new FleetPoller(p.name(), loop, (region, onRetryAfter) -> new SdkRegionApi(p, region, api, onRetryAfter),
                settings, rules, new FleetStore());
    }

    public OciProfile profile() {
        return profile;
    }

    public FleetPoller poller() {
        return poller;
    }

    /** The demo's databases that answer JDBC probes; null for a real tenancy. */
    public io.fleetdesk.sim.DemoDatabases demoDatabases() {
        return demoDatabases;
    }

    /** The simulator behind the demo profile; null for a real tenancy. */
    public DemoFleet demo() {
        return demo;
    }

    /**
     * The Data Guard operations client of a region. Cheap to call on the FX thread: the SDK clients
     * (seconds to build the first time: Jersey, Jackson, the signer) are made on the first request,
     * which callers make on a background thread; then kept for the session.
     */
    public DataGuardOperationsApi operations(String region) {
        return new DataGuardOperationsApi() {
            private DataGuardOperationsApi real() {
                return operations.computeIfAbsent(region, r -> new SdkDataGuardOperationsApi(profile, r));
            }

            @Override
            public Association association(String databaseId) {
                return real().association(databaseId);
            }

            @Override
            public io.fleetdesk.oci.Rows.DatabaseRow database(String databaseId) {
                return real().database(databaseId);
            }

            @Override
            public java.util.List<WorkOn> workOn(String compartmentId, String resourceId) {
                return real().workOn(compartmentId, resourceId);
            }

            @Override
            public Submitted switchover(String databaseId, String associationId, char[] adminPassword) {
                return real().switchover(databaseId, associationId, adminPassword);
            }

            @Override
            public Submitted failover(String databaseId, String associationId, char[] adminPassword) {
                return real().failover(databaseId, associationId, adminPassword);
            }

            @Override
            public Submitted reinstate(String databaseId, String associationId, char[] adminPassword) {
                return real().reinstate(databaseId, associationId, adminPassword);
            }

            @Override
            public WorkRequestProgress workRequest(String workRequestId) {
                return real().workRequest(workRequestId);
            }

            @Override
            public void close() {
                // The session closes the real clients.
            }
        };
    }

    /**
     * The Autonomous Data Guard operations client of a region, made on first use and kept for the
     * session. Building one takes seconds the first time: call it from a background thread.
     */
    public io.fleetdesk.oci.AutonomousOperationsApi autonomousOperations(String region) {
        return autonomousOps.computeIfAbsent(region, r -> new io.fleetdesk.oci.SdkAutonomousOperationsApi(profile, r));
    }

    /** The Autonomous Database backups client of a region, made on first use and kept for the session. */
    public io.fleetdesk.oci.BackupsApi autonomousBackups(String region) {
        return adbBackups.computeIfAbsent(region, r -> new io.fleetdesk.oci.SdkAutonomousBackupsApi(profile, r));
    }

    /**
     * The backups client of a region, made on first use and kept for the session. Building one takes
     * seconds the first time: call it from a background thread.
     */
    public io.fleetdesk.oci.BackupsApi backups(String region) {
        return backups.computeIfAbsent(region, r -> new io.fleetdesk.oci.SdkBackupsApi(profile, r));
    }

    /** Operations running on this session's clients (a backup, a restore, a switchover). */
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Holds the session's clients (and the demo's simulator) for an operation until the returned
     * handle is closed: switching profile or quitting never pulls them out from under it.
     */
    public AutoCloseable operation() {
        running.incrementAndGet();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true) && running.decrementAndGet() == 0 && closing) {
                release();
            }
        };
    }

    /** How many operations hold the session now. */
    public int runningOperations() {
        return running.get();
    }

    /**
     * Stops polling at once; the operations' clients and the demo's simulator are released when the
     * last running operation ends. Every part is closed even when another fails to.
     */
    @Override
    public void close() {
        closing = true;
        closeQuietly("the poller", poller);
        if (running.get() == 0) {
            release();
        }
    }

    private void release() {
        if (!released.compareAndSet(false, true)) {
            return;
        }
        operations.values().forEach(o -> closeQuietly("a Data Guard client", o));
        autonomousOps.values().forEach(o -> closeQuietly("an Autonomous Data Guard client", o));
        adbBackups.values().forEach(o -> closeQuietly("an Autonomous backups client", o));
        backups.values().forEach(b -> closeQuietly("a backups client", b));
        closeQuietly("the demo's databases", demoDatabases);
        closeQuietly("the demo's simulator", demo);
    }

    private static void closeQuietly(String what, AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception | Error e) {
            org.slf4j.LoggerFactory.getLogger(FleetSession.class).warn("closing {} failed: {}", what, e.toString());
        }
    }
}
