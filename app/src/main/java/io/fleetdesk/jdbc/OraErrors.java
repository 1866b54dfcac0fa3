package io.fleetdesk.jdbc;

import io.fleetdesk.model.Notice;

import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Explains an Oracle error as a DBA would, with the likely fix, instead of a stack trace: the
 * ORA- code is taken from the exception (or its causes), and the common connection and privilege
 * errors get what happened and what to do, as notices ({@code ora.ORA-nnnnn.what} and {@code .fix}
 * keys) the UI words. Unknown codes keep Oracle's own message.
 */
public final class OraErrors {
    private static final Pattern CODE = Pattern.compile("ORA-(\\d{5})");

    /** The codes with their own explanation in the bundles. */
    public static final Set<String> KNOWN = Set.of("ORA-01017", "ORA-28000", "ORA-28001", "ORA-12541", "ORA-12514",
            "ORA-12505", "ORA-12154", "ORA-12170", "ORA-01034", "ORA-01033", "ORA-01031", "ORA-00942", "ORA-17002",
            "ORA-16470", "ORA-16475");

    /**
     * What went wrong and what to do, for one error.
     *
     * @param code          the ORA- code, or null when none was found
     * @param what          what happened
     * @param fix           what to do
     * @param oracleMessage the driver's own first line, for the log and for a DBA who wants it verbatim
     */
    public record Explanation(String code, Notice what, Notice fix, String oracleMessage) {
        /** One line for a status bar or a banner: the code, what happened, what to do. */
        public Notice line() {
            return code == null ? Notice.of("ora.line", what, fix) : Notice.of("ora.lineWithCode", code, what, fix);
        }
    }

    private OraErrors() {
    }

    /** Explains an error; {@code user} fills in the grants and unlocks. */
    public static Explanation explain(Throwable error, String user) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof Probes.NoRow n) {
                return new Explanation(null, Notice.of("ora.noRow.what", n.view()), Notice.of("ora.noRow.fix"), n.getMessage());
            }
        }
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
            return new Explanation(null, Notice.of("ora.connectTimeout.what"), Notice.of("ora.connectTimeout.fix"),
                    message);
        }
        Object who = user == null || user.isBlank() ? Notice.of("ora.theUser") : user;
        if (code == null || !KNOWN.contains(code)) {
            Notice said = Notice.of("ora.oracleSays", message == null ? error.toString() : message);
            return new Explanation(code, said, Notice.of(code == null ? "ora.seeLog" : "ora.lookUp"), message);
        }
        return new Explanation(code, Notice.of("ora." + code + ".what"), Notice.of("ora." + code + ".fix", who), message);
    }
}
