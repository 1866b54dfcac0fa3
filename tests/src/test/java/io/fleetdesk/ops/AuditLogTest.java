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
        log.outcome(i, "SUCCEEDED", "ocid1.coreservicesworkrequest.oc1..w", "ABC/DEF",
                io.fleetdesk.model.Notice.of("dg.msg.done", "ERP_fra1", "STANDBY"));
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

    @Test
    void aTornLineInTheMiddleNeverSwallowsTheNextEntry() throws Exception {
        AuditLog log = new AuditLog(dir);
        log.intent("u", "p", "CREATE_BACKUP", List.of("ocid1.database.oc1..d"), Map.of("name", "first"));
        // A crash mid-write, then the app starts again and writes on.
        Files.writeString(log.file(), "{\"at\":\"2026-11-24T22:00:00Z\",\"operationId\":\"x\",\"pha",
                StandardOpenOption.APPEND);
        log.intent("u", "p", "RESTORE_DATABASE", List.of("ocid1.database.oc1..d"), Map.of("name", "second"));
        List<AuditEntry> all = log.readAll();
        assertEquals(List.of("CREATE_BACKUP", "RESTORE_DATABASE"), all.stream().map(AuditEntry::action).toList(),
                "the entry after the torn line is read");
    }

    @Test
    void aTornMultiByteCharacterDoesNotEmptyTheAuditView() throws Exception {
        AuditLog log = new AuditLog(dir);
        log.intent("u", "p", "CREATE_BACKUP", List.of("ocid1.database.oc1..d"), Map.of("name", "备份一"));
        byte[] chinese = "{\"name\":\"备".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        // The crash cut the last character in half.
        Files.write(log.file(), java.util.Arrays.copyOf(chinese, chinese.length - 1), StandardOpenOption.APPEND);
        log.intent("u", "p", "DELETE_BACKUP", List.of("ocid1.database.oc1..d"), Map.of("name", "备份二"));
        List<AuditEntry> all = log.readAll();
        assertEquals(List.of("备份一", "备份二"), all.stream().map(e -> e.parameters().get("name")).toList());
    }

    @Test
    void theAuditFileIsReadableByItsOwnerOnly() throws Exception {
        Path folder = dir.resolve("data");
        AuditLog log = new AuditLog(folder);
        log.intent("u", "p", "CREATE_BACKUP", List.of("ocid1.database.oc1..d"), Map.of("name", "x"));
        org.junit.jupiter.api.Assumptions.assumeTrue(folder.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(log.file())));
        assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder)));
    }

    @Test
    void anOperationSentBeforeACrashIsFoundUnfinishedWithItsWorkRequest() {
        AuditLog log = new AuditLog(dir);
        AuditLog.Intent done = log.intent("u", "p", "CREATE_BACKUP", List.of("d1"), Map.of());
        log.sent(done, "wr-1", "opc-1");
        log.outcome(done, "SUCCEEDED", "wr-1", "opc-1", io.fleetdesk.model.Notice.of("bk.done.create", "x"));
        AuditLog.Intent sent = log.intent("u", "p", "SWITCHOVER", List.of("d2", "d3"), Map.of());
        log.sent(sent, "wr-2", "opc-2");
        AuditLog.Intent notSent = log.intent("u", "p", "RESTORE_DATABASE", List.of("d4"), Map.of());
        List<AuditLog.Unfinished> open = new AuditLog(dir).unfinished();
        assertEquals(List.of("SWITCHOVER", "RESTORE_DATABASE"), open.stream().map(u -> u.intent().action()).toList());
        assertEquals("wr-2", open.get(0).workRequestId());
        assertEquals(null, open.get(1).workRequestId(), "no answer was recorded before the crash");
        assertEquals(notSent.entry().operationId(), open.get(1).intent().operationId());
    }
}
