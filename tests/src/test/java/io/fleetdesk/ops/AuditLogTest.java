package io.fleetdesk.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AuditLogTest {
    @TempDir
    Path dir;

    @Test
    void anIntentAndItsOutcomeAreReadBackTiedTogether() {
        AuditLog log = new AuditLog(dir);
        AuditLog.Intent i = log.intent("ocid1.user.oc1..dba", "PROD", "SWITCHOVER",
                List.of("ocid1.database.oc1..p", "ocid1.database.oc1..s"), Map.of("targetDbUniqueName", "ERP_fra1"));
        log.outcome(i, "SUCCEEDED", "ocid1.coreservicesworkrequest.oc1..w", "ABC/DEF", "Roles swapped");
        List<AuditEntry> all = new AuditLog(dir).readAll();
        assertEquals(2, all.size());
        assertEquals(AuditEntry.Phase.INTENT, all.get(0).phase());
        assertEquals(AuditEntry.Phase.OUTCOME, all.get(1).phase());
        assertEquals(all.get(0).operationId(), all.get(1).operationId());
        assertEquals(System.getProperty("user.name"), all.get(0).osUser());
        assertEquals("ocid1.user.oc1..dba", all.get(0).ociUser());
        assertEquals(List.of("ocid1.database.oc1..p", "ocid1.database.oc1..s"), all.get(0).targets());
        assertEquals("SUCCEEDED", all.get(1).status());
        assertEquals("ABC/DEF", all.get(1).opcRequestId());
        assertNotNull(all.get(1).durationMs());
    }

    @Test
    void aSecretIsRefusedAndNothingIsWritten() throws Exception {
        AuditLog log = new AuditLog(dir);
        for (String name : List.of("adminPassword", "pass_phrase", "walletPassword", "sessionToken")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> log.intent("u", "p",
                    "SWITCHOVER", List.of("ocid1.database.oc1..p"), Map.of(name, "Welcome1#")));
            assertTrue(e.getMessage().contains(name), e.getMessage());
        }
        assertFalse(Files.exists(log.file()), "nothing written");
    }

    @Test
    void aTornLastLineFromACrashIsSkippedAndEverythingBeforeItIsRead() throws Exception {
        AuditLog log = new AuditLog(dir);
        log.intent("u", "p", "CREATE_BACKUP", List.of("ocid1.database.oc1..d"), Map.of("name", "before-patch"));
        Files.writeString(log.file(), "{\"at\":\"2026-11-24T22:00:00Z\",\"operationId\":\"x\",\"pha",
                StandardOpenOption.APPEND);
        List<AuditEntry> all = log.readAll();
        assertEquals(1, all.size());
        assertEquals("CREATE_BACKUP", all.getFirst().action());
    }

    @Test
    void theIntentSurvivesTheAppBeingKilledMidOperation() throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, AuditCrashChild.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("INTENT-WRITTEN"));
            assertEquals("INTENT-WRITTEN", line, "the child wrote its intent");
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
        assertTrue(child.waitFor(10, TimeUnit.SECONDS));
        List<AuditEntry> all = new AuditLog(dir).readAll();
        assertEquals(1, all.size());
        AuditEntry e = all.getFirst();
        assertEquals(AuditEntry.Phase.INTENT, e.phase());
        assertEquals("SWITCHOVER", e.action());
        assertEquals(Map.of("targetDbUniqueName", "ERP_fra1"), e.parameters());
    }
}
