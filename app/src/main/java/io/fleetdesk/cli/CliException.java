package io.fleetdesk.cli;

/** A command that cannot go on, with one line for stderr that says what to do, and its exit code. */
final class CliException extends RuntimeException {
    private final int exitCode;

    CliException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    /** Bad input: an unknown profile, region, database or value (exit 2). */
    static CliException badInput(String message) {
        return new CliException(FleetdeskCli.BAD_INPUT, message);
    }

    /** An operation or a read that did not succeed (exit 1). */
    static CliException notDone(String message) {
        return new CliException(FleetdeskCli.NOT_DONE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
