package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/**
 * Runs the {@code fleetdesk} command in this JVM as a user would type it, with its settings and
 * audit log in a folder of the test's own; returns the exit code, stdout and stderr.
 */
final class Cli {
    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (java.io.IOException e) {
                throw new AssertionError("stdout is not JSON: " + out + "\nstderr: " + err, e);
            }
        }

        @Override
        public String toString() {
            return "exit " + exit + "\nstdout: " + out + "\nstderr: " + err;
        }
    }

    private Cli() {
    }

    /** Runs one command line with {@code home} as the config and data folders. */
    static synchronized Result run(Path home, String... args) {
        String config = System.getProperty("fleetdesk.home");
        String data = System.getProperty("fleetdesk.data");
        System.setProperty("fleetdesk.home", home.resolve("config").toString());
        System.setProperty("fleetdesk.data", home.resolve("data").toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int exit = FleetdeskCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
            return new Result(exit, out.toString(), err.toString());
        } finally {
            restore("fleetdesk.home", config);
            restore("fleetdesk.data", data);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            System.clearProperty(key);
        } else {
            System.setProperty(key, value);
        }
    }
}
