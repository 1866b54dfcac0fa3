package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdesk.sim.SimFleet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code fleet health} as a Nagios or Icinga check: its exit code is the worst health of what it
 * checks, in each state, against a tenancy reached through an OCI config profile as a real one is.
 */
class FleetHealthExitCodeTest {
    @TempDir
    Path dir;

    /** The name of the first database of that health, from a full read. */
    private static String first(JsonNode rows, String health) {
        for (JsonNode r : rows) {
            if (r.get("kind").asText().equals("DATABASE") && r.get("health").asText().equals(health)) {
                return r.get("name").asText();
            }
        }
        throw new AssertionError("no " + health + " database in " + rows);
    }

    @Test
    void theExitCodeIsTheWorstHealthZeroOkOneWarningTwoCriticalThreeUnknown() throws Exception {
        try (SimProfile p = new SimProfile(dir, 31, 40, 1)) {
            Path home = dir.resolve("home");
            Cli.Result all = Cli.run(home, p.args("fleet", "list", "--query", "data"));
            assertEquals(0, all.exit(), all.toString());
            String ok = first(all.json(), "OK");
            String warning = first(all.json(), "WARNING");
            SimFleet f = p.sim.fleet();
            SimFleet.Database failed = f.allDatabases().stream().filter(d -> !d.dbUniqueName().equals(ok)
                    && !d.dbUniqueName().equals(warning)).findFirst().orElseThrow();
            f.overrideState(failed.id(), "FAILED");

            Cli.Result okRun = Cli.run(home, p.args("fleet", "health", "--name", ok));
            assertEquals(0, okRun.exit(), okRun.toString());
            assertEquals(0, okRun.json().get("data").size(), "nothing to report");
            Cli.Result warnRun = Cli.run(home, p.args("fleet", "health", "--name", ok + "," + warning));
            assertEquals(1, warnRun.exit(), warnRun.toString());
            assertEquals(warning, warnRun.json().get("data").get(0).get("name").asText());
            Cli.Result critRun = Cli.run(home, p.args("fleet", "health", "--name", warning + "," + failed.dbUniqueName()));
            assertEquals(2, critRun.exit(), critRun.toString());
            assertTrue(critRun.out().contains("FAILED"), "and why: " + critRun.out());

            p.sim.server().faults().regionDown("us-ashburn-1", true);
            Cli.Result unknown = Cli.run(home, p.args("--no-retry", "--read-timeout", "5", "fleet", "health"));
            assertEquals(3, unknown.exit(), "a region that cannot be read is not OK: " + unknown);
            assertTrue(unknown.json().get("data").size() > 0, "and says so: " + unknown.out());
        }
    }

    @Test
    void anAuthTheProfileCannotDoIsBadInputAndApiKeySignsAsTheProfileSays() throws Exception {
        try (SimProfile p = new SimProfile(dir, 5, 10, 1)) {
            Path home = dir.resolve("home");
            Cli.Result token = Cli.run(home, p.args("--auth", "security_token", "fleet", "list"));
            assertEquals(2, token.exit(), token.toString());
            assertTrue(token.err().contains("security_token_file") && token.err().contains("[SIM]"), token.err());
            Cli.Result key = Cli.run(home, p.args("--auth", "api_key", "fleet", "list", "--kind", "DATABASE", "--query",
                    "length(data)"));
            assertEquals(0, key.exit(), key.toString());
            assertEquals(p.sim.fleet().allDatabases().size(), key.json().asInt(), "every database, signed with the key");
        }
    }
}
