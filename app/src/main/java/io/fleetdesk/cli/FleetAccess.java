package io.fleetdesk.cli;

import io.fleetdesk.app.AppFolders;
import io.fleetdesk.app.AppSettings;
import io.fleetdesk.app.FleetSession;
import io.fleetdesk.app.Messages;
import io.fleetdesk.app.SettingsStore;
import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.FleetNode;
import io.fleetdesk.model.FleetSnapshot;
import io.fleetdesk.model.NodeKind;
import io.fleetdesk.oci.ProfileException;
import io.fleetdesk.ops.AuditLog;
import io.fleetdesk.poll.DirectPoller;
import io.fleetdesk.poll.DirectSettings;
import io.fleetdesk.poll.PollerSettings;
import picocli.CommandLine;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One command's way into the fleet: the profile opened as the window opens it ({@link FleetSession}),
 * the user's settings (thresholds, direct connections) and audit log, and one full read of the fleet.
 * No JavaFX. Closed at the end of the command.
 */
final class FleetAccess implements AutoCloseable {
    private final GlobalOptions options;
    private final FleetSession session;
    private final AppSettings settings;
    private final AuditLog audit;
    private final DirectPoller direct;
    /** The direct targets given a password: a read waits for these. */
    private final java.util.Set<String> connected;
    private FleetSnapshot snapshot;

    private FleetAccess(GlobalOptions options, FleetSession session, AppSettings settings, AuditLog audit,
                        DirectPoller direct, java.util.Set<String> connected) {
        this.connected = connected;
        this.options = options;
        this.session = session;
        this.settings = settings;
        this.audit = audit;
        this.direct = direct;
    }

    /** The options of the command line a command runs in. */
    static GlobalOptions options(CommandLine.Model.CommandSpec spec) {
        return ((FleetdeskCli) spec.root().userObject()).global;
    }

    /** Opens the profile of the command line a command runs in, for one full read. */
    static FleetAccess open(CommandLine.Model.CommandSpec spec) {
        return open(options(spec));
    }

    /**
     * Opens the profile the options name for one full read; bad input (no such profile, an unusable
     * key) is a {@link CliException}.
     */
    static FleetAccess open(GlobalOptions o) {
        return open(o, true);
    }

    /**
     * @param oneRead one full inventory (a command): no tiering, nothing deferred to a later cycle; false
     *                for {@code serve}, which polls as the window does (hot resources every cycle)
     */
    static FleetAccess open(GlobalOptions o, boolean oneRead) {
        AppSettings settings = new SettingsStore(AppFolders.config()).load();
        PollerSettings poller = PollerSettings.defaults().withMaxAttempts(o.noRetry ? 1 : PollerSettings.defaults().maxAttempts());
        if (oneRead) {
            poller = poller.withRequestBudget(0, 1);
        }
        FleetSession.Connection connection = new FleetSession.Connection(o.connectionTimeout(), o.readTimeout(),
                o.regions.stream().map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).toList(),
                o.endpoint);
        FleetSession session;
        try {
            session = o.isDemo()
                    ? FleetSession.openDemo(demoOptions(o), poller, settings.healthRules(), connection)
                    : FleetSession.openConfigProfile(o.configFile(), o.profile(), o.auth(), poller,
                    settings.healthRules(), connection);
        } catch (ProfileException e) {
            throw CliException.badInput(Messages.of(e.notice()) + " (or --demo for the demo tenancy)");
        } catch (IOException e) {
            throw CliException.notDone("the demo tenancy could not be started: " + e.getMessage());
        }
        DirectPoller direct = new DirectPoller(DirectSettings.defaults().withAwr(settings.diagnosticsPack()),
                settings.directRules());
        List<DirectTarget> targets = new ArrayList<>(settings.targets());
        if (session.demoDatabases() != null) {
            targets.addAll(session.demoDatabases().targets());
        }
        direct.setTargets(targets);
        direct.subscribe(session.poller().store()::publishDirect);
        java.util.Set<String> connected = new java.util.HashSet<>();
        if (session.demoDatabases() != null) {
            for (DirectTarget t : session.demoDatabases().targets()) {
                if (direct.connect(t.id(), session.demoDatabases().password(t.id())) == null) {
                    connected.add(t.id());
                }
            }
        }
        return new FleetAccess(o, session, settings, new AuditLog(AppFolders.data()), direct, connected);
    }

    /** The demo as the window opens it, or with {@code --demo-size} and {@code --demo-latency-ms} (benchmarks). */
    private static FleetSession.DemoOptions demoOptions(GlobalOptions o) {
        FleetSession.DemoOptions d = FleetSession.DemoOptions.defaults();
        io.fleetdesk.sim.FaultPlan faults = o.demoLatencyMs == null ? d.faults()
                : new io.fleetdesk.sim.FaultPlan().latency(Duration.ofMillis(o.demoLatencyMs), 0.0);
        return new FleetSession.DemoOptions(d.seed(), o.demoSize == null ? d.size() : o.demoSize, d.regions(),
                d.timeScale(), faults, Messages.get("demo.group"));
    }

    FleetSession session() {
        return session;
    }

    AppSettings settings() {
        return settings;
    }

    AuditLog audit() {
        return audit;
    }

    DirectPoller direct() {
        return direct;
    }

    /**
     * The whole fleet, read once now (every region and compartment; the connected direct targets
     * read too, within their deadline). Read once per command, then kept.
     */
    FleetSnapshot read() {
        if (snapshot == null) {
            try {
                session.poller().refreshOnce();
            } catch (RuntimeException e) {
                // Nothing could be read (the tenancy itself, say): the answer is "not known", with why.
                org.slf4j.LoggerFactory.getLogger(FleetAccess.class).warn("the read of {} failed", session.profile().name(), e);
                session.poller().store().publish(new FleetSnapshot(java.util.Map.of(), java.time.Instant.now(),
                        Duration.ZERO, List.of(io.fleetdesk.model.Notice.of("poll.refreshFailed",
                        e instanceof io.fleetdesk.oci.OciApiException o ? Messages.of(o.notice()) : String.valueOf(e))), 0));
            }
            awaitDirectReadings();
            // The poller tells the store after its state changed: publish what it holds now, so the
            // snapshot has the readings the wait saw.
            snapshot = session.poller().store().publishDirect(direct.nodes()).snapshot();
            if (snapshot.tenancy() != null && !options.regions.isEmpty()) {
                checkRegions(snapshot);
            }
        }
        return snapshot;
    }

    /** A region named with --region that the tenancy does not subscribe to is bad input, not an empty fleet. */
    private void checkRegions(FleetSnapshot s) {
        List<String> known = s.nodes().values().stream().filter(n -> n.kind() == NodeKind.REGION).map(FleetNode::name)
                .toList();
        for (String r : options.regions) {
            String id = r.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(id)) {
                // Discovery says why, with the regions the tenancy has (not subscribed, or not READY).
                String why = s.tenancy().problems().stream().filter(n -> n.args().contains(id)).findFirst()
                        .map(n -> n.key().equals("discovery.regionNotSubscribed")
                                ? "--region " + r + ": the tenancy is not subscribed to it. Subscribed and READY: "
                                + n.args().get(2) + "."
                                : n.key().equals("discovery.regionNotReady")
                                ? "--region " + r + " is " + n.args().get(2) + " in this tenancy, not READY. READY: "
                                + n.args().get(3) + "."
                                : Messages.of(n))
                        .orElse("--region " + r + " is not a region this tenancy watches.");
                throw CliException.badInput(why);
            }
        }
    }

    /** Waits until every connected direct target has been read (or said why not), for at most its deadline. */
    private void awaitDirectReadings() {
        DirectSettings d = direct.settings();
        long deadline = System.nanoTime() + d.connectTimeout().plus(d.deadline()).toNanos();
        while (System.nanoTime() < deadline) {
            // Every target given a password (the demo's) is read, or says why not; the others cannot be.
            if (direct.states().stream().filter(st -> connected.contains(st.target().id()))
                    .allMatch(st -> st.reading() != null || st.problem() != null)) {
                return;
            }
            CountDownLatch changed = new CountDownLatch(1);
            java.util.function.Consumer<java.util.Map<String, FleetNode>> l = n -> changed.countDown();
            direct.subscribe(l);
            try {
                changed.await(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                direct.unsubscribe(l);
            }
        }
    }

    /**
     * A database by its OCID, DB unique name or name (case-insensitive); bad input when none or more
     * than one fits, with what does.
     */
    FleetNode database(String ref) {
        FleetSnapshot s = read();
        List<FleetNode> dbs = s.nodes().values().stream().filter(n -> n.kind().isDatabase()).toList();
        FleetNode byId = s.node(ref);
        if (byId != null && dbs.contains(byId)) {
            return byId;
        }
        List<FleetNode> named = dbs.stream().filter(n -> n.name().equalsIgnoreCase(ref)
                || ref.equalsIgnoreCase(n.text(io.fleetdesk.model.Detail.DB_UNIQUE_NAME))).toList();
        if (named.size() == 1) {
            return named.getFirst();
        }
        // A database OCI shows and the direct connection linked to it share a name: the OCI one is meant
        // (its direct reading shows under it); the connection is named by its own OCID-like id.
        List<FleetNode> oci = named.stream().filter(n -> n.kind() != NodeKind.DIRECT_DATABASE).toList();
        if (oci.size() == 1) {
            return oci.getFirst();
        }
        if (named.isEmpty()) {
            List<FleetNode> like = dbs.stream().filter(n -> n.name().toLowerCase(Locale.ROOT)
                    .contains(ref.toLowerCase(Locale.ROOT))).limit(5).toList();
            throw CliException.badInput("no database is named " + ref + (like.isEmpty() ? ""
                    : "; did you mean " + String.join(", ", like.stream().map(FleetNode::name).toList()) + "?")
                    + " 'fleetdesk fleet list --query \"[?kind=='DATABASE'].name\"' lists them.");
        }
        throw CliException.badInput(named.size() + " databases are named " + ref + ": give its OCID ("
                + String.join(", ", named.stream().map(FleetNode::id).toList()) + ").");
    }

    /**
     * Before an operation: operations of this profile that an earlier run (window or command) left
     * without an outcome are followed to their end and recorded, as the window does at start, and
     * said on stderr. The demo's tenancy is made anew each time: nothing of an earlier one is left.
     */
    void settleUnfinished(java.io.PrintWriter err) {
        if (options.isDemo()) {
            return;
        }
        List<AuditLog.Unfinished> pending = io.fleetdesk.ops.CrashRecovery.pending(audit, session.profile().name());
        for (AuditLog.Unfinished u : pending) {
            err.println("fleetdesk: " + Messages.of(io.fleetdesk.ops.CrashRecovery.announce(u)));
            String target = io.fleetdesk.ops.CrashRecovery.regionTarget(u);
            String region = target == null ? null : read().regionOf(target);
            if (region == null) {
                err.println("fleetdesk: its database is not in this read of the fleet; the window or a later command"
                        + " records its outcome.");
                continue;
            }
            try {
                var settled = io.fleetdesk.ops.CrashRecovery.settle(audit, u, session.operations(region), poll());
                err.println("fleetdesk: " + Messages.of(settled.what()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** How long the command waits for a work request between looks. */
    static Duration poll() {
        return Duration.ofSeconds(2);
    }

    @Override
    public void close() {
        direct.close();
        session.close();
    }
}
