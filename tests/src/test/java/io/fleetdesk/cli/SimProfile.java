package io.fleetdesk.cli;

import io.fleetdesk.sim.DemoCredentials;
import io.fleetdesk.sim.DemoFleet;
import io.fleetdesk.sim.FaultPlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A simulated tenancy the test holds (so it can fail a region or a database between two commands),
 * reached as a real one is: an OCI config file with a key file, a profile, and fleetdesk_endpoint
 * (us-ashburn-1 only: the simulator answers each region on a port of its own).
 */
final class SimProfile implements AutoCloseable {
    final DemoFleet sim;
    final Path config;

    SimProfile(Path dir, long seed, int size, int regions) throws IOException {
        sim = DemoFleet.start(seed, size, regions, 60.0, new FaultPlan());
        // Nothing time-driven changes between two commands (backup ages, lags): the test sets the states.
        sim.fleet().clock().freeze();
        Path key = dir.resolve("oci_api_key.pem");
        Files.write(key, sim.credentials().privateKeyPem());
        config = dir.resolve("oci-config");
        Files.writeString(config, "[SIM]\nuser=" + DemoCredentials.USER_ID + "\nfingerprint=" + sim.credentials().fingerprint()
                + "\ntenancy=" + DemoCredentials.TENANCY_ID + "\nregion=us-ashburn-1\nkey_file=" + key
                + "\nfleetdesk_endpoint=" + sim.endpoints().get("us-ashburn-1")
                + "\nfleetdesk_workrequests_endpoint=" + sim.endpoints().get("us-ashburn-1")
                // The simulator answers each region on a port of its own: this profile watches the one it points at.
                + "\nfleetdesk_regions=us-ashburn-1\n");
    }

    /** The options that select this profile, before a command. */
    String[] args(String... command) {
        String[] out = new String[command.length + 4];
        out[0] = "--config-file";
        out[1] = config.toString();
        out[2] = "--profile";
        out[3] = "SIM";
        System.arraycopy(command, 0, out, 4, command.length);
        return out;
    }

    /**
     * Operations end after a known number of reads of their work request, not after wall time: each
     * GetWorkRequest moves the frozen clock by a quarter of the operation's length.
     */
    void operationsEndAfterFourReads() {
        java.time.Duration length = java.time.Duration.ofMinutes(10);
        sim.server().dataGuardOperations().length(length);
        sim.server().backups().lengths(length, length);
        sim.server().workRequests().stepOnEveryRead(length.dividedBy(4));
    }

    @Override
    public void close() {
        sim.close();
    }
}
