package io.fleetdesk.jdbc;

import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.Notice;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a saved target into what the driver takes: a JDBC URL and connection properties. Checks
 * what can be checked before connecting (an EZConnect string's parts, a tnsnames alias in its file,
 * a wallet folder) and says what to fix. No I/O but reading tnsnames.ora.
 *
 * <p>Not verified against a live database here: the wallet property (TCPS / Autonomous Database)
 * and SYSDG / SYSDBA logons through {@code internal_logon}. Both are ojdbc's documented properties.
 */
public final class ConnectStrings {
    /** {@code [tcps://|//]host[:port]/service[:server][/instance]}; IPv6 hosts in brackets. */
    private static final Pattern EZ = Pattern.compile(
            "^(?:(tcps?)://|//)?(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._-]+)(?::(\\d{1,5}))?/([A-Za-z0-9._$#-]+)(?::[A-Za-z]+)?(?:/[A-Za-z0-9._$#-]+)?$");

    /** What the driver gets. */
    public record Resolved(String url, Map<String, String> properties, String shown) {
        public Resolved {
            properties = Map.copyOf(properties);
        }
    }

    /** A target that cannot be connected as written, with what to change as a notice ({@code target.invalid.*}). */
    public static final class InvalidTarget extends Exception {
        private final transient Notice notice;

        public InvalidTarget(String key, Object... args) {
            super(key + " " + java.util.Arrays.toString(args));
            this.notice = Notice.of(key, args);
        }

        public Notice notice() {
            return notice;
        }

        /** The field of the target to change: what a dialog marks. */
        public Field field() {
            return switch (notice.key()) {
                case "target.invalid.noUser" -> Field.USER;
                case "target.invalid.noTnsAdmin", "target.invalid.noTnsnames", "target.invalid.tnsnamesUnreadable" ->
                        Field.TNS_ADMIN;
                case "target.invalid.wallet" -> Field.WALLET;
                default -> Field.CONNECT;
            };
        }
    }

    /** The fields of a target a problem can be in. */
    public enum Field { NAME, CONNECT, TNS_ADMIN, WALLET, USER }

    private static final String THIN = "jdbc:oracle:thin:";
    /** {@code jdbc:oracle:thin:user/password@…} or {@code jdbc:oracle:thin:user@…}: credentials in the URL. */
    private static final Pattern THIN_CREDENTIALS = Pattern.compile("(?i)^jdbc:oracle:thin:[^@]+@");
    /** In-memory URLs this process made for its demo databases, the only non-Oracle URLs that connect. */
    private static final java.util.Set<String> IN_MEMORY = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private ConnectStrings() {
    }

    /**
     * Allows an in-memory URL made by this process (the demo's databases). A URL read from a file can
     * never be added here, so settings.json cannot make Fleetdesk load another driver.
     */
    /** Allows the in-memory URLs among targets this process made (the demo's); other targets are left as they are. */
    public static void allowInMemory(java.util.List<DirectTarget> madeHere) {
        for (DirectTarget t : madeHere) {
            if (t.kind() == DirectTarget.ConnectKind.URL && t.connect() != null && t.connect().startsWith("jdbc:h2:mem:")) {
                allowInMemory(t.connect());
            }
        }
    }

    public static void allowInMemory(String url) {
        if (!url.startsWith("jdbc:h2:mem:")) {
            throw new IllegalArgumentException("only in-memory demo databases");
        }
        IN_MEMORY.add(url);
    }

    public static Resolved resolve(DirectTarget t) throws InvalidTarget {
        return resolve(t, System.getenv());
    }

    public static Resolved resolve(DirectTarget t, Map<String, String> env) throws InvalidTarget {
        if (t.user() == null || t.user().isBlank()) {
            throw new InvalidTarget("target.invalid.noUser");
        }
        String c = t.connect() == null ? "" : t.connect().strip();
        if (c.isEmpty()) {
            throw new InvalidTarget(switch (t.kind()) {
                case URL -> "target.invalid.noUrl";
                case EZCONNECT -> "target.invalid.noEzconnect";
                case TNS_ALIAS -> "target.invalid.noAlias";
            });
        }
        Map<String, String> props = new LinkedHashMap<>();
        String url;
        String shown;
        switch (t.kind()) {
            case URL -> {
                if (IN_MEMORY.contains(c)) {
                    // The demo's own in-memory databases, registered in this process; never from a file.
                    url = c;
                    shown = c;
                    break;
                }
                if (!c.regionMatches(true, 0, THIN, 0, THIN.length())) {
                    // Only Oracle's thin driver: another driver on the class path (H2's INIT=, say) can run
                    // code when it connects, and a hand-edited settings.json must not be able to ask for that.
                    throw new InvalidTarget("target.invalid.notThin");
                }
                Matcher creds = THIN_CREDENTIALS.matcher(c);
                if (creds.find() || c.toLowerCase(java.util.Locale.ROOT).contains("password=")) {
                    throw new InvalidTarget("target.invalid.credentialsInUrl");
                }
                url = c;
                shown = c;
            }
            case EZCONNECT -> {
                Matcher m = EZ.matcher(c);
                if (!m.matches()) {
                    throw new InvalidTarget("target.invalid.ezconnect", c);
                }
                int port = m.group(3) == null ? 1521 : Integer.parseInt(m.group(3));
                if (port < 1 || port > 65535) {
                    throw new InvalidTarget("target.invalid.port", String.valueOf(port));
                }
                String rest = c.substring(c.indexOf('/', m.end(2)));
                boolean tcps = "tcps".equals(m.group(1));
                url = "jdbc:oracle:thin:@" + (tcps ? "tcps://" : "//") + m.group(2) + ":" + port + rest;
                shown = (tcps ? "tcps://" : "") + m.group(2) + ":" + port + rest;
            }
            case TNS_ALIAS -> {
                Path folder = TnsNames.folder(t.tnsAdmin(), env).orElseThrow(() -> new InvalidTarget(
                        "target.invalid.noTnsAdmin"));
                TnsNames names;
                try {
                    names = TnsNames.read(folder);
                } catch (java.nio.file.NoSuchFileException e) {
                    throw new InvalidTarget("target.invalid.noTnsnames", folder.toString());
                } catch (IOException e) {
                    throw new InvalidTarget("target.invalid.tnsnamesUnreadable", folder.toString(), String.valueOf(e.getMessage()));
                }
                String descriptor = names.descriptor(c).orElseThrow(() -> new InvalidTarget(
                        names.aliases().isEmpty() ? "target.invalid.noSuchAliasNone" : "target.invalid.noSuchAlias",
                        folder.toString(), c, String.join(", ", names.aliases().subList(0, Math.min(8, names.aliases().size())))));
                url = "jdbc:oracle:thin:@" + c;
                props.put("oracle.net.tns_admin", folder.toString());
                shown = c + " = " + descriptor;
            }
            default -> throw new IllegalStateException();
        }
        if (!t.wallet().isEmpty()) {
            Path w = Path.of(t.wallet());
            if (!Files.isRegularFile(w.resolve("cwallet.sso")) && !Files.isRegularFile(w.resolve("ewallet.p12"))) {
                throw new InvalidTarget("target.invalid.wallet", w.toString());
            }
            props.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + w + ")))");
        }
        if (t.role().internalLogon() != null) {
            props.put("internal_logon", t.role().internalLogon());
        }
        return new Resolved(url, props, shown);
    }
}
