package io.fleetdesk.jdbc;

import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains an Oracle error as a DBA would, with the likely fix, instead of a stack trace: the
 * ORA- code is taken from the exception (or its causes), and the common connection and privilege
 * errors get a sentence on what happened and what to do. Unknown codes keep Oracle's own message.
 */
public final class OraErrors {
    private static final Pattern CODE = Pattern.compile("ORA-(\\d{5})");

    /** What went wrong and what to do, for one error. */
    public record Explanation(String code, String what, String fix, String oracleMessage) {
        /** One line for a status bar or a banner. */
        public String line() {
            return (code == null ? "" : code + ": ") + what + " " + fix;
        }
    }

    private record Known(String what, String fix) {
    }

    private static final Map<String, Known> KNOWN = Map.ofEntries(
            Map.entry("ORA-01017", new Known("The user name or password was refused.",
                    "Check both (passwords are case-sensitive); a standby that is MOUNTED accepts only SYSDG or SYSDBA"
                            + " connections, so connect AS SYSDG there.")),
            Map.entry("ORA-28000", new Known("The account is locked.",
                    "Unlock it as an administrator: ALTER USER {user} ACCOUNT UNLOCK; and check who failed to log in"
                            + " (DBA_AUDIT_SESSION or the unified audit trail).")),
            Map.entry("ORA-28001", new Known("The password has expired.",
                    "Change it (ALTER USER {user} IDENTIFIED BY …) or give the account a profile whose"
                            + " PASSWORD_LIFE_TIME suits a monitoring user.")),
            Map.entry("ORA-12541", new Known("Nothing is listening at that host and port (no listener).",
                    "Check the host and port, that the listener runs (lsnrctl status on the host), and that a firewall"
                            + " or security list lets the port through.")),
            Map.entry("ORA-12514", new Known("The listener does not know that service name.",
                    "Check the service name (lsnrctl services shows what is registered); the database may be down or"
                            + " not registered with this listener yet.")),
            Map.entry("ORA-12505", new Known("The listener does not know that SID.",
                    "Use the service name instead (host:port/service), or check the SID with lsnrctl status.")),
            Map.entry("ORA-12154", new Known("The connect identifier could not be resolved.",
                    "Check the alias in tnsnames.ora and that TNS_ADMIN (or the folder chosen) points at it.")),
            Map.entry("ORA-12170", new Known("The connection timed out.",
                    "The host did not answer in time: check the network path, the port and any firewall.")),
            Map.entry("ORA-01034", new Known("The database instance is not running (ORACLE not available).",
                    "Start it (STARTUP as SYSDBA), or check that the service points at the right instance.")),
            Map.entry("ORA-01033", new Known("The database is starting up or shutting down.",
                    "Wait and try again; if it stays so, check the alert log.")),
            Map.entry("ORA-01031", new Known("The user lacks a privilege this probe needs.",
                    "Grant read access to the dictionary views: GRANT SELECT_CATALOG_ROLE TO {user}; (or"
                            + " SELECT ANY DICTIONARY). Data Guard checks on a mounted standby need SYSDG.")),
            Map.entry("ORA-00942", new Known("A view or table the probe reads is not visible to this user.",
                    "Grant SELECT_CATALOG_ROLE (or SELECT ANY DICTIONARY) to {user}; DBA_HIST_* views also need the"
                            + " Diagnostics Pack licence.")),
            Map.entry("ORA-17002", new Known("The network connection failed (I/O error).",
                    "Check the host and port, and that nothing between here and the database drops the connection.")),
            Map.entry("ORA-16470", new Known("Redo Apply is not running on the switchover target.",
                    "Start it on the standby: ALTER DATABASE RECOVER MANAGED STANDBY DATABASE DISCONNECT;")),
            Map.entry("ORA-16475", new Known("The switchover would succeed, with warnings.",
                    "Read both alert logs for the warnings before you switch over.")));

    private OraErrors() {
    }

    /** Explains an error; {@code user} fills in the grants and unlocks. */
    public static Explanation explain(Throwable error, String user) {
        String code = null;
        String message = null;
        for (Throwable t = error; t != null && code == null; t = t.getCause()) {
            message = t.getMessage();
            Matcher m = CODE.matcher(message == null ? "" : message);
            if (m.find()) {
                code = "ORA-" + m.group(1);
                message = message.substring(m.start()).lines().findFirst().orElse(message);
            } else if (t instanceof SQLException s && s.getErrorCode() > 0 && !(s.getCause() instanceof SQLException)
                    && !s.getClass().getName().startsWith("org.h2.")) {
                // ojdbc's vendor code is the ORA- number, read from the driver's own exception (HikariCP copies
                // it onto its timeout, whose cause is the real one). H2's codes (the demo's databases) are
                // not ORA- numbers: its 28000 is a wrong password, not ORA-28000.
                code = String.format("ORA-%05d", s.getErrorCode());
            }
        }
        if (code == null && error instanceof java.sql.SQLTransientConnectionException
                && message != null && message.contains("timed out")) {
            // HikariCP's own deadline: the driver never got an answer to give an ORA- code for.
            return new Explanation(null, "The database did not answer within the connect timeout.",
                    "Something accepted the connection but no listener answered: check the host, the port (is it"
                            + " the Oracle listener's?), the network and firewalls.", message);
        }
        Known k = code == null ? null : KNOWN.get(code);
        String who = user == null || user.isBlank() ? "the user" : user;
        if (k == null) {
            return new Explanation(code, message == null ? error.toString() : message,
                    code == null ? "See the log for details." : "Look the code up in Oracle's error reference.", message);
        }
        return new Explanation(code, k.what(), k.fix().replace("{user}", who), message);
    }
}
