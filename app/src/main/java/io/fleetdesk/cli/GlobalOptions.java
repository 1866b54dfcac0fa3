package io.fleetdesk.cli;

import io.fleetdesk.oci.OciConfigProfiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The options every command takes, anywhere on the line, named as the OCI CLI names them. Values
 * from the environment as the OCI CLI reads them ({@code OCI_CLI_CONFIG_FILE}, {@code OCI_CLI_PROFILE}).
 */
public final class GlobalOptions {
    /** The profile name that means the built-in demo tenancy. */
    public static final String DEMO = "demo";

    public enum Output { json, table }

    public enum Auth { api_key, security_token }

    @Option(names = "--config-file", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "The OCI config file (default: $OCI_CLI_CONFIG_FILE, else ~/.oci/config).")
    Path configFile;

    @Option(names = "--profile", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "The profile in the config file (default: $OCI_CLI_PROFILE, else DEFAULT); 'demo' for the"
                    + " simulated demo tenancy.")
    String profile;

    @Option(names = "--demo", scope = ScopeType.INHERIT,
            description = "The simulated demo tenancy (as --profile demo): no cloud account needed.")
    boolean demo;

    @Option(names = "--region", scope = ScopeType.INHERIT, paramLabel = "REGION", split = ",",
            description = "Only these subscribed regions (e.g. us-ashburn-1); default: every one.")
    List<String> regions = new ArrayList<>();

    @Option(names = "--auth", scope = ScopeType.INHERIT, paramLabel = "KIND",
            description = "How to sign: ${COMPLETION-CANDIDATES} (default: as the profile says).")
    Auth auth;

    @Option(names = "--endpoint", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The Database service endpoint; {region} in it is replaced per region.")
    String endpoint;

    @Option(names = "--output", scope = ScopeType.INHERIT, paramLabel = "FORMAT",
            description = "${COMPLETION-CANDIDATES} (default: json, as the OCI CLI).")
    Output output = Output.json;

    @Option(names = "--query", scope = ScopeType.INHERIT, paramLabel = "JMESPATH",
            description = "A JMESPath expression applied to the JSON before it is printed, e.g. \"[?health=='CRITICAL'].name\".")
    String query;

    @Option(names = "--connection-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "How long to wait for a connection to OCI (default: ${DEFAULT-VALUE}).")
    int connectionTimeout = 10;

    @Option(names = "--read-timeout", scope = ScopeType.INHERIT, paramLabel = "SECONDS",
            description = "How long to wait for an answer from OCI (default: ${DEFAULT-VALUE}).")
    int readTimeout = 60;

    @Option(names = "--no-retry", scope = ScopeType.INHERIT,
            description = "Send each request once: no retry after a timeout, a 5xx or a 429.")
    boolean noRetry;

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Log everything to stderr.")
    boolean debug;

    @Option(names = "--demo-size", scope = ScopeType.INHERIT, hidden = true,
            description = "Databases in the demo tenancy (benchmarks).")
    Integer demoSize;

    @Option(names = "--demo-latency-ms", scope = ScopeType.INHERIT, hidden = true,
            description = "The demo simulator's latency per request (benchmarks).")
    Integer demoLatencyMs;

    /** The config file: the option, else {@code OCI_CLI_CONFIG_FILE}, else {@code ~/.oci/config}. */
    Path configFile() {
        return configFile != null ? configFile : OciConfigProfiles.defaultConfigFile();
    }

    /** The profile: the option, else {@code OCI_CLI_PROFILE}, else DEFAULT; {@link #DEMO} for the demo. */
    String profile() {
        if (demo) {
            return DEMO;
        }
        if (profile != null && !profile.isBlank()) {
            return profile;
        }
        String env = System.getenv("OCI_CLI_PROFILE");
        return env != null && !env.isBlank() ? env : "DEFAULT";
    }

    boolean isDemo() {
        return DEMO.equalsIgnoreCase(profile());
    }

    Duration connectionTimeout() {
        return Duration.ofSeconds(Math.max(1, connectionTimeout));
    }

    Duration readTimeout() {
        return Duration.ofSeconds(Math.max(1, readTimeout));
    }

    OciConfigProfiles.Auth auth() {
        return auth == null ? OciConfigProfiles.Auth.AUTO : auth == Auth.api_key ? OciConfigProfiles.Auth.API_KEY
                : OciConfigProfiles.Auth.SECURITY_TOKEN;
    }
}
