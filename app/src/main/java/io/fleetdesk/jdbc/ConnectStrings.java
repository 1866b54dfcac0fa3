package io.fleetdesk.jdbc;

import io.fleetdesk.model.DirectTarget;

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

    /** A target that cannot be connected as written, with what to change. */
    public static final class InvalidTarget extends Exception {
        public InvalidTarget(String message) {
            super(message);
        }
    }

    private ConnectStrings() {
    }

    public static Resolved resolve(DirectTarget t) throws InvalidTarget {
        return resolve(t, System.getenv());
    }

    public static Resolved resolve(DirectTarget t, Map<String, String> env) throws InvalidTarget {
        if (t.user() == null || t.user().isBlank()) {
            throw new InvalidTarget("Give a user name (a monitoring user with SELECT_CATALOG_ROLE, or SYSDG for a mounted standby).");
        }
        String c = t.connect() == null ? "" : t.connect().strip();
        if (c.isEmpty()) {
            throw new InvalidTarget(switch (t.kind()) {
                case URL -> "Give a JDBC URL, e.g. jdbc:oracle:thin:@//db1.example.com:1521/SALES.";
                case EZCONNECT -> "Give host:port/service, e.g. db1.example.com:1521/SALES.";
                case TNS_ALIAS -> "Give the alias as tnsnames.ora writes it, e.g. SALES_HIGH.";
            });
        }
        Map<String, String> props = new LinkedHashMap<>();
        String url;
        String shown;
        switch (t.kind()) {
            case URL -> {
                if (!c.startsWith("jdbc:")) {
                    throw new InvalidTarget("A JDBC URL starts with jdbc: (e.g. jdbc:oracle:thin:@//host:1521/service);"
                            + " for host:port/service choose EZConnect.");
                }
                url = c;
                shown = c;
            }
            case EZCONNECT -> {
                Matcher m = EZ.matcher(c);
                if (!m.matches()) {
                    throw new InvalidTarget("\"" + c + "\" is not host:port/service (e.g. db1.example.com:1521/SALES;"
                            + " the port defaults to 1521, tcps:// in front for TLS).");
                }
                int port = m.group(3) == null ? 1521 : Integer.parseInt(m.group(3));
                if (port < 1 || port > 65535) {
                    throw new InvalidTarget("Port " + port + " is not a port (1 to 65535).");
                }
                String rest = c.substring(c.indexOf('/', m.end(2)));
                boolean tcps = "tcps".equals(m.group(1));
                url = "jdbc:oracle:thin:@" + (tcps ? "tcps://" : "//") + m.group(2) + ":" + port + rest;
                shown = (tcps ? "tcps://" : "") + m.group(2) + ":" + port + rest;
            }
            case TNS_ALIAS -> {
                Path folder = TnsNames.folder(t.tnsAdmin(), env).orElseThrow(() -> new InvalidTarget(
                        "TNS_ADMIN is not set: pick the folder that holds tnsnames.ora."));
                TnsNames names;
                try {
                    names = TnsNames.read(folder);
                } catch (IOException e) {
                    throw new InvalidTarget(e.getMessage());
                }
                String descriptor = names.descriptor(c).orElseThrow(() -> new InvalidTarget("tnsnames.ora in " + folder
                        + " has no alias " + c + (names.aliases().isEmpty() ? "." : "; it has " + String.join(", ",
                        names.aliases().subList(0, Math.min(8, names.aliases().size()))) + ".")));
                url = "jdbc:oracle:thin:@" + c;
                props.put("oracle.net.tns_admin", folder.toString());
                shown = c + " = " + descriptor;
            }
            default -> throw new IllegalStateException();
        }
        if (!t.wallet().isEmpty()) {
            Path w = Path.of(t.wallet());
            if (!Files.isRegularFile(w.resolve("cwallet.sso")) && !Files.isRegularFile(w.resolve("ewallet.p12"))) {
                throw new InvalidTarget("The wallet folder " + w + " has no cwallet.sso or ewallet.p12: pick the unzipped"
                        + " wallet folder.");
            }
            props.put("oracle.net.wallet_location", "(SOURCE=(METHOD=FILE)(METHOD_DATA=(DIRECTORY=" + w + ")))");
        }
        if (t.role().internalLogon() != null) {
            props.put("internal_logon", t.role().internalLogon());
        }
        return new Resolved(url, props, shown);
    }
}
