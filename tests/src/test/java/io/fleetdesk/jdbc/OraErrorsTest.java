package io.fleetdesk.jdbc;

import io.fleetdesk.support.En;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ORA- errors explained with the likely fix, from the messages ojdbc produces. */
class OraErrorsTest {
    private static OraErrors.Explanation explain(String message, int code) {
        return OraErrors.explain(new SQLException(message, "99999", code), "FLEETMON");
    }

    @Test
    void theConnectionErrorsADbaMeetsAreExplainedWithWhatToDo() {
        var bad = explain("ORA-01017: invalid credential or not authorized; logon denied", 1017);
        assertEquals("ORA-01017", bad.code());
        assertTrue(En.of(bad.fix()).contains("SYSDG"), En.of(bad.fix()));
        assertTrue(En.of(explain("ORA-12541: Cannot connect. No listener at host db1 port 1521.", 12541).fix())
                .contains("lsnrctl status"));
        assertTrue(En.of(explain("ORA-12514: Cannot connect to database. Service SALES is not registered with the listener",
                12514).fix()).contains("lsnrctl services"));
        assertTrue(En.of(explain("ORA-12505: Cannot connect to database. SID ORCL is not registered", 12505).fix())
                .contains("service name"));
        assertTrue(En.of(explain("ORA-01034: ORACLE not available", 1034).fix()).contains("STARTUP"));
        assertTrue(En.of(explain("ORA-28000: The account is locked.", 28000).fix()).contains("ALTER USER FLEETMON ACCOUNT UNLOCK"));
    }

    @Test
    void aMissingPrivilegeNamesTheGrantForThatUser() {
        var e = explain("ORA-01031: insufficient privileges", 1031);
        assertTrue(En.of(e.fix()).contains("GRANT SELECT_CATALOG_ROLE TO FLEETMON;"), En.of(e.fix()));
        assertTrue(En.of(e.line()).startsWith("ORA-01031: The user lacks a privilege"), En.of(e.line()));
    }

    @Test
    void theCodeIsFoundInACauseOrTheVendorCodeAndUnknownCodesKeepOraclesMessage() {
        var wrapped = OraErrors.explain(new RuntimeException("pool could not connect",
                new SQLRecoverableException("IO Error: ORA-17002: I/O error: Connection refused")), null);
        assertEquals("ORA-17002", wrapped.code());
        assertEquals("ORA-12541", OraErrors.explain(new SQLException("Listener refused", "08006", 12541), "x").code());
        assertEquals(null, OraErrors.explain(new org.h2.jdbc.JdbcSQLInvalidAuthorizationSpecException(
                "Wrong user name or password", null, "28000", 28000, null, null), "x").code(),
                "H2's vendor codes are not ORA- numbers");
        var h2 = new org.h2.jdbc.JdbcSQLInvalidAuthorizationSpecException("Wrong user name or password [28000-252]", null,
                "28000", 28000, null, null);
        var pool = new java.sql.SQLTransientConnectionException("target-x - Connection is not available, request timed"
                + " out after 4001ms", "28000", 28000, h2);
        var timeout = OraErrors.explain(pool, "x");
        assertEquals(null, timeout.code(), "HikariCP copies the cause's vendor code onto its timeout: not an ORA- number either");
        assertTrue(En.of(timeout.what()).startsWith("Wrong user name or password"), En.of(timeout.what()));
        var unknown = explain("ORA-00600: internal error code, arguments: [kdsgrp1]", 600);
        assertEquals("ORA-00600", unknown.code());
        assertTrue(En.of(unknown.what()).startsWith("ORA-00600: internal error code"), En.of(unknown.what()));
        assertEquals("See the log for details.", En.of(OraErrors.explain(new IllegalStateException("boom"), "x").fix()));
    }

    @Test
    void aViewThatReturnsNoRowIsExplainedInTheDbasLanguageNotInTheDriversWords() {
        var e = OraErrors.explain(new java.util.concurrent.CompletionException(new Probes.NoRow("V$DATABASE")), "FLEETMON");
        assertTrue(En.of(e.line()).startsWith("V$DATABASE returned no row to this user. Connect as a user"), En.of(e.line()));
        String zh = io.fleetdesk.app.Messages.of(e.line(), java.util.Locale.SIMPLIFIED_CHINESE);
        assertTrue(zh.startsWith("V$DATABASE 没有向该用户返回任何行。"), zh);
    }
}
