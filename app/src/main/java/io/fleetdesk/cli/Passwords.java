package io.fleetdesk.cli;

import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads a password: never an argument (a process list shows every argument to
 * every user), but a prompt on the terminal, the first line of stdin, or an environment variable the
 * user names. The caller wipes the array.
 */
final class Passwords {
    @Option(names = "--password-stdin", description = "Read the password from the first line of stdin.")
    boolean stdin;

    @Option(names = "--password-env", paramLabel = "VARIABLE",
            description = "Read the password from this environment variable (its name, not the password).")
    String env;

    /** The password; bad input when there is no way to read one. */
    char[] read(String prompt) {
        if (env != null) {
            String v = System.getenv(env);
            if (v == null || v.isEmpty()) {
                throw CliException.badInput("the environment variable " + env + " is not set: export it, or use"
                        + " --password-stdin");
            }
            return v.toCharArray();
        }
        if (stdin) {
            try {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw CliException.badInput("--password-stdin: stdin had no password on its first line");
                }
                return line.toCharArray();
            } catch (IOException e) {
                throw CliException.badInput("--password-stdin: stdin could not be read: " + e.getMessage());
            }
        }
        java.io.Console c = System.console();
        if (!terminal()) {
            throw CliException.badInput("a password is needed and there is no terminal to ask on: use"
                    + " --password-stdin or --password-env VARIABLE");
        }
        char[] pw = c.readPassword("%s: ", prompt);
        if (pw == null || pw.length == 0) {
            throw CliException.badInput("no password was typed");
        }
        return pw;
    }

    /**
     * Whether a person is at a terminal. Since JDK 22 {@code System.console()} is not null when
     * output is redirected: only {@code isTerminal()} says a person can read progress and type.
     */
    static boolean terminal() {
        java.io.Console c = System.console();
        return c != null && c.isTerminal();
    }
}
