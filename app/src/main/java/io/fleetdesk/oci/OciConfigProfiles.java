package io.fleetdesk.oci;

import com.oracle.bmc.ConfigFileReader;
import com.oracle.bmc.Region;
import com.oracle.bmc.auth.BasicAuthenticationDetailsProvider;
import com.oracle.bmc.auth.ConfigFileAuthenticationDetailsProvider;
import com.oracle.bmc.auth.SessionTokenAuthenticationDetailsProvider;
import com.oracle.bmc.http.signing.internal.PEMFileRSAPrivateKeySupplier;
import io.fleetdesk.model.Notice;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Profiles from the OCI CLI's config file ({@code ~/.oci/config}, or {@code OCI_CLI_CONFIG_FILE}),
 * read with the SDK's own reader and checked before first use so that a broken profile gets a
 * message that names the file, the profile and the key at fault.
 *
 * <p>The five keys {@code oci setup config} writes are enough: the regions and compartments are
 * discovered from the tenancy ({@link TenancyDiscovery}). Besides the CLI's keys, a profile may carry
 * Fleetdesk's (the CLI ignores them): {@code fleetdesk_regions} (comma-separated: only these subscribed
 * regions), {@code fleetdesk_compartments} (comma-separated OCIDs, each optionally {@code name=ocid}:
 * only these compartments and everything below them), {@code fleetdesk_endpoint} (a URL for the
 * Database service, as the CLI's {@code --endpoint}; {@code {region}} in it is replaced per region) and
 * {@code fleetdesk_identity_endpoint} (the same for Identity; default: {@code fleetdesk_endpoint} when
 * set, else the region's standard endpoint).
 */
public final class OciConfigProfiles {
    private static final Pattern SECTION = Pattern.compile("^\\s*\\[([^\\]]+)]\\s*$");

    private OciConfigProfiles() {
    }

    /** The config file the OCI CLI would read. */
    public static Path defaultConfigFile() {
        String env = System.getenv("OCI_CLI_CONFIG_FILE");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        return Path.of(System.getProperty("user.home"), ".oci", "config");
    }

    /** The profile names in the file, in file order; empty when the file does not exist. */
    public static List<String> profileNames(Path file) throws ProfileException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher m = SECTION.matcher(line);
                if (m.matches()) {
                    names.add(m.group(1).trim());
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new ProfileException(file.toString(), Notice.of("profile.problem.unreadable", file.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        return names;
    }

    /**
     * What a profile is made of in the file: its section and the DEFAULT section it inherits from,
     * blank lines and comments left out. Two reads with the same text mean the profile did not change;
     * null when the file cannot be read.
     */
    public static String sectionText(Path file, String profile) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        String current = null;
        for (String line : lines) {
            String t = line.trim();
            Matcher m = SECTION.matcher(line);
            if (m.matches()) {
                current = m.group(1).trim();
            } else if (!t.isEmpty() && !t.startsWith("#") && current != null
                    && (current.equals(profile) || current.equals("DEFAULT"))) {
                sb.append(current).append(": ").append(t).append('\n');
            }
        }
        return sb.toString();
    }

    /** How a profile signs: as its section says (a session token when it names one), or one way on purpose. */
    public enum Auth { AUTO, API_KEY, SECURITY_TOKEN }

    /** Reads and checks one profile; the notice of a failure says what to fix. */
    public static OciProfile load(Path file, String profile) throws ProfileException {
        return load(file, profile, Auth.AUTO);
    }

    /**
     * Reads and checks one profile, signing as {@code how} asks (the OCI CLI's {@code --auth}):
     * {@code API_KEY} ignores a session token the section names, {@code SECURITY_TOKEN} needs one.
     */
    public static OciProfile load(Path file, String profile, Auth how) throws ProfileException {
        if (!Files.exists(file)) {
            throw new ProfileException(profile, Notice.of("profile.problem.noFile", file.toString()));
        }
        List<String> names = profileNames(file);
        if (!names.contains(profile)) {
            throw new ProfileException(profile, names.isEmpty()
                    ? Notice.of("profile.problem.noSections", profile, file.toString())
                    : Notice.of("profile.problem.notInFile", profile, file.toString(), names));
        }
        ConfigFileReader.ConfigFile cfg;
        try {
            cfg = ConfigFileReader.parse(file.toString(), profile);
        } catch (IOException | RuntimeException e) {
            throw new ProfileException(profile, Notice.of("profile.problem.malformed", file.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        String tenancy = require(cfg, file, profile, "tenancy");
        String regionId = require(cfg, file, profile, "region");
        Region region;
        try {
            region = Region.fromRegionId(regionId);
        } catch (IllegalArgumentException e) {
            throw new ProfileException(profile, Notice.of("profile.problem.region", profile, regionId), e);
        }
        String tokenFile = how == Auth.API_KEY ? null : cfg.get("security_token_file");
        if (how == Auth.SECURITY_TOKEN && tokenFile == null) {
            throw new ProfileException(profile, Notice.of("profile.problem.noToken", profile, file.toString()));
        }
        String keyFile = require(cfg, file, profile, "key_file");
        Path key = expand(keyFile);
        if (!Files.isReadable(key)) {
            throw new ProfileException(profile, Notice.of("profile.problem.noKey", key.toString(), profile));
        }
        String passphrase = cfg.get("pass_phrase");
        try (InputStream in = Files.newInputStream(key)) {
            new PEMFileRSAPrivateKeySupplier(in, passphrase == null ? null : passphrase.toCharArray())
                    .supplyKey("check").orElseThrow(() -> new IOException("no RSA private key in the file"));
        } catch (IOException | RuntimeException e) {
            boolean encrypted = isEncrypted(key);
            throw new ProfileException(profile, encrypted
                    ? Notice.of("profile.problem.passphrase", key.toString(), profile)
                    : Notice.of("profile.problem.badKey", key.toString(), profile, String.valueOf(e.getMessage())), e);
        }
        BasicAuthenticationDetailsProvider auth;
        String userId;
        try {
            if (tokenFile != null) {
                Path token = expand(tokenFile);
                if (!Files.isReadable(token)) {
                    throw new ProfileException(profile, Notice.of("profile.problem.token", token.toString(), profile));
                }
                // Note: this provider refreshes the session token in the background through the OCI
                // auth service of the profile's region, as the CLI does; offline that logs failures.
                auth = new SessionTokenAuthenticationDetailsProvider(file.toString(), profile);
                userId = "session token (" + profile + ")";
            } else {
                require(cfg, file, profile, "user");
                require(cfg, file, profile, "fingerprint");
                auth = new ConfigFileAuthenticationDetailsProvider(cfg);
                userId = cfg.get("user");
            }
        } catch (IOException | RuntimeException e) {
            throw new ProfileException(profile, Notice.of("profile.problem.unusable", profile, file.toString(),
                    String.valueOf(e.getMessage())), e);
        }
        List<String> regions = new ArrayList<>();
        String extraRegions = cfg.get("fleetdesk_regions");
        if (extraRegions != null && !extraRegions.isBlank()) {
            for (String r : extraRegions.split(",")) {
                String id = r.trim().toLowerCase(Locale.ROOT);
                try {
                    Region.fromRegionId(id);
                } catch (IllegalArgumentException e) {
                    throw new ProfileException(profile, Notice.of("profile.problem.extraRegion", profile, id), e);
                }
                regions.add(id);
            }
        }
        List<OciCompartment> compartments = new ArrayList<>();
        String comps = cfg.get("fleetdesk_compartments");
        if (comps != null && !comps.isBlank()) {
            for (String c : comps.split(",")) {
                String s = c.trim();
                int eq = s.indexOf('=');
                String name = eq < 0 ? shortId(s) : s.substring(0, eq).trim();
                String id = eq < 0 ? s : s.substring(eq + 1).trim();
                if (!id.startsWith("ocid1.")) {
                    throw new ProfileException(profile, Notice.of("profile.problem.compartment", profile, id));
                }
                compartments.add(new OciCompartment(id, name));
            }
        }
        return new OciProfile(profile, auth, userId, tenancy, region.getRegionId(), regions, compartments,
                endpoint(cfg, profile, "fleetdesk_endpoint"), endpoint(cfg, profile, "fleetdesk_identity_endpoint"),
                endpoint(cfg, profile, "fleetdesk_workrequests_endpoint"));
    }

    /**
     * An endpoint key of the profile, checked: a switchover's body carries the SYS password, so it goes
     * over HTTPS, or plain HTTP only to this computer (a local simulator or tunnel). No user name or
     * password in the URL (it would be logged and sent as is), and a URL that parses with a host.
     * {@code {region}} is replaced per region. Null when the key is not set.
     */
    static java.util.function.Function<String, String> endpoint(ConfigFileReader.ConfigFile cfg, String profile,
                                                                String key) throws ProfileException {
        String value = cfg.get(key);
        if (value == null || value.isBlank()) {
            return null;
        }
        String template = value.trim();
        java.net.URI uri;
        try {
            uri = new java.net.URI(template.replace("{region}", "us-ashburn-1"));
        } catch (java.net.URISyntaxException e) {
            throw new ProfileException(profile, Notice.of("profile.problem.endpoint.notUrl", key, profile, e.getReason()), e);
        }
        if (uri.getHost() == null || uri.getScheme() == null) {
            throw new ProfileException(profile, Notice.of("profile.problem.endpoint.noHost", key, profile));
        }
        if (uri.getRawUserInfo() != null) {
            throw new ProfileException(profile, Notice.of("profile.problem.endpoint.credentials", key, profile));
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw new ProfileException(profile, Notice.of("profile.problem.endpoint.http", key, profile, uri.getHost()));
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new ProfileException(profile, Notice.of("profile.problem.endpoint.scheme", key, profile, scheme));
        }
        return r -> template.replace("{region}", r);
    }

    /** localhost, 127.0.0.0/8 or ::1, without asking DNS. */
    private static boolean loopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase("localhost") || h.matches("127(\\.\\d{1,3}){3}") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1");
    }

    private static String require(ConfigFileReader.ConfigFile cfg, Path file, String profile, String key)
            throws ProfileException {
        String v = cfg.get(key);
        if (v == null || v.isBlank()) {
            throw new ProfileException(profile, Notice.of("profile.problem.missing", profile, file.toString(), key));
        }
        return v.trim();
    }

    private static Path expand(String p) {
        String s = p.trim();
        if (s.startsWith("~")) {
            s = System.getProperty("user.home") + s.substring(1);
        }
        return Path.of(s);
    }

    private static boolean isEncrypted(Path key) {
        try {
            String text = Files.readString(key);
            return text.contains("ENCRYPTED");
        } catch (IOException e) {
            return false;
        }
    }

    private static String shortId(String ocid) {
        return ocid.length() > 12 ? "…" + ocid.substring(ocid.length() - 8) : ocid;
    }
}
