package io.fleetdesk.support;

import io.fleetdesk.oci.InMemoryKeyProfiles;
import io.fleetdesk.oci.OciProfile;
import io.fleetdesk.oci.SdkRegionApi;
import io.fleetdesk.poll.FleetPoller;
import io.fleetdesk.poll.PollerSettings;
import io.fleetdesk.sim.DemoCredentials;
import io.fleetdesk.sim.DemoFleet;
import io.fleetdesk.sim.FaultPlan;
import io.fleetdesk.app.FleetSession;

import java.io.IOException;
import java.time.Duration;

/** A simulator plus a profile that reaches it through the real SDK, for tests. */
public final class DemoHarness implements AutoCloseable {
    public final DemoFleet demo;
    public final OciProfile profile;

    public DemoHarness(long seed, int size, int regions, FaultPlan faults) throws IOException {
        this(seed, size, regions, 0, faults);
    }

    /** @param extraCompartments compartments beyond the demo tenancy's own (each holding resources) */
    public DemoHarness(long seed, int size, int regions, int extraCompartments, FaultPlan faults) throws IOException {
        this(seed, size, regions, extraCompartments, io.fleetdesk.sim.SimEstateGenerator.Mix.DEMO, faults);
    }

    /** @param mix the Autonomous and Exadata part beyond the demo's Base Database fleet */
    public DemoHarness(long seed, int size, int regions, int extraCompartments, io.fleetdesk.sim.SimEstateGenerator.Mix mix,
                       FaultPlan faults) throws IOException {
        this.demo = DemoFleet.start(seed, size, regions, extraCompartments, mix, 1.0, faults);
        // A user whose policy allows every list call: tests of other features see the whole fleet. The
        // partial-permission tests put the demo's denial back (SimTenancy.NO_PDB_POLICY_COMPARTMENT).
        var t = demo.fleet().tenancy();
        t.allow("ListPluggableDatabases", t.byName(io.fleetdesk.sim.SimTenancy.NO_PDB_POLICY_COMPARTMENT).id());
        DemoCredentials c = demo.credentials();
        this.profile = InMemoryKeyProfiles.create(InMemoryKeyProfiles.DEMO_PROFILE, DemoCredentials.TENANCY_ID,
                DemoCredentials.USER_ID, c.fingerprint(), c.privateKeyPem(), demo.endpoints());
    }

    public FleetPoller poller(PollerSettings settings, Duration readTimeout) {
        return FleetSession.newPoller(profile, settings,
                new SdkRegionApi.Settings(settings.maxConcurrency(), Duration.ofSeconds(2), readTimeout));
    }

    /** The tenancy's discovery through the real SDK, as the app runs it. */
    public io.fleetdesk.oci.TenancyDiscovery discovery(OciProfile p) {
        return new io.fleetdesk.oci.TenancyDiscovery(p, region -> new io.fleetdesk.oci.SdkIdentityApi(p, region,
                SdkRegionApi.Settings.defaults()));
    }

    /** The demo profile narrowed as fleetdesk_regions / fleetdesk_compartments would. */
    public OciProfile narrowed(java.util.List<String> regions, java.util.List<io.fleetdesk.oci.OciCompartment> compartments) {
        DemoCredentials c = demo.credentials();
        return InMemoryKeyProfiles.create("narrowed", DemoCredentials.TENANCY_ID, DemoCredentials.USER_ID,
                c.fingerprint(), c.privateKeyPem(), demo.endpoints(), regions, compartments);
    }

    public FleetPoller poller() {
        return poller(PollerSettings.defaults().withDeadline(Duration.ofSeconds(20)), Duration.ofSeconds(10));
    }

    /** A Data Guard pair with both databases in one region and AVAILABLE now (operations need that). */
    /**
     * Operations end after a known number of reads of their work request, not after a wall-clock
     * time: the simulated clock stands still, and each GetWorkRequest moves it by a quarter of
     * {@code length}, so an operation of that length ends at the 4th read (ACCEPTED or IN_PROGRESS
     * before), however loaded the machine is.
     */
    public void workRequestsEndAfterFourReads(java.time.Duration length) {
        demo.server().backups().lengths(length, length);
        demo.server().dataGuardOperations().length(length);
        demo.server().autonomousOperations().length(length);
        demo.server().autonomousBackups().lengths(length, length);
        demo.fleet().clock().freeze();
        demo.server().workRequests().stepOnEveryRead(length.dividedBy(4));
    }

    public io.fleetdesk.sim.SimFleet.Pair availablePairInOneRegion() {
        var f = demo.fleet();
        // A pair whose members are AVAILABLE but for their daily backup window, which follows the wall clock:
        // pinned AVAILABLE, so the test does not depend on the time of day it runs at.
        var pair = f.pairs().stream()
                .filter(p -> f.database(p.firstDbId()).region().equals(f.database(p.secondDbId()).region()))
                .filter(p -> java.util.stream.Stream.of(p.firstDbId(), p.secondDbId()).allMatch(id ->
                        java.util.Set.of("AVAILABLE", "BACKUP_IN_PROGRESS").contains(f.databaseState(f.database(id)))))
                .findFirst().orElseThrow();
        f.overrideState(pair.firstDbId(), "AVAILABLE");
        f.overrideState(pair.secondDbId(), "AVAILABLE");
        return pair;
    }

    @Override
    public void close() {
        demo.close();
    }
}
