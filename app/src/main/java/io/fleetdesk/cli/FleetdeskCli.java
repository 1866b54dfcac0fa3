package io.fleetdesk.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintWriter;
import java.util.Arrays;

/**
 * The {@code fleetdesk} command: the window's core (session, poller, health rules, pre-checks, audited
 * operations) for scripts, cron, CI and Prometheus, with the OCI CLI's conventions. No JavaFX is loaded.
 *
 * <p>Exit codes: 0 done (for {@code fleet health}: every target OK); 1 an operation or check did not
 * succeed (for {@code fleet health}: the worst is WARNING); 2 bad input, or the worst is CRITICAL;
 * 3 the worst is UNKNOWN; 4 Fleetdesk itself failed (a bug: the log has the stack trace).
 */
@Command(name = "fleetdesk", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = FleetdeskCli.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = {"Fleetdesk without a window: the fleet, its health, Data Guard, backups and the audit log.",
                "", "Example:", "  fleetdesk --demo fleet health --output table"},
        subcommands = {FleetCommands.class, DbCommands.class, DgCommands.class, BackupCommands.class,
                AuditCommands.class, ExportCommands.class, ServeCommand.class,
                CommandLine.HelpCommand.class, picocli.AutoComplete.GenerateCompletion.class})
public final class FleetdeskCli implements Runnable {
    public static final int OK = 0;
    public static final int NOT_DONE = 1;
    public static final int BAD_INPUT = 2;
    public static final int INTERNAL = 4;

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs one command line, writing to {@code out} and {@code err}; returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        prepareLogging(Arrays.asList(args).contains("--debug"));
        io.fleetdesk.app.Signing.install();
        CommandLine cl = commandLine(out, err);
        return cl.execute(args);
    }

    /** The command line with Fleetdesk's error handling, for {@link #run} and the shell completion script. */
    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new FleetdeskCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        cl.setParameterExceptionHandler((e, a) -> {
            // One line that says what to do, as every bad input: no usage dump into a script's log.
            CommandLine c = e.getCommandLine();
            c.getErr().println("fleetdesk: " + e.getMessage() + ". See '" + c.getCommandSpec().qualifiedName(" ")
                    + " --help'.");
            return BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            if (e instanceof CliException ce) {
                c.getErr().println("fleetdesk: " + ce.getMessage());
                return ce.exitCode();
            }
            org.slf4j.LoggerFactory.getLogger(FleetdeskCli.class).error("fleetdesk failed", e);
            c.getErr().println("fleetdesk: an internal error: " + e + ". The log has the details: "
                    + System.getProperty("fleetdesk.logs"));
            return INTERNAL;
        });
        return cl;
    }

    /**
     * Before the first logger: the log file as the window's, and stderr only for errors (for
     * {@code --debug}, everything): stdout carries the output a script reads, nothing else.
     */
    static void prepareLogging(boolean debug) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "io/fleetdesk/cli/logback-cli.xml");
        }
        System.setProperty("fleetdesk.stderr.level", debug ? "DEBUG" : "ERROR");
        System.setProperty("fleetdesk.root.level", debug ? "DEBUG" : "INFO");
        io.fleetdesk.app.AppFolders.prepareLogs();
    }

    /** {@code --version}: Fleetdesk's, Java's and the OCI SDK's. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = FleetdeskCli.class.getPackage().getImplementationVersion();
            return new String[]{"fleetdesk " + (v == null ? "(development build)" : v),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")",
                    "Signing: " + io.fleetdesk.app.Signing.install()};
        }
    }
}
