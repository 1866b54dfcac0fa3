package io.fleetdesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.fleetdesk.ops.AuditEntry;
import io.fleetdesk.ops.AuditLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fleetdesk command on the demo tenancy, through the real SDK, as a script would run it. */
class CliTest {
    @TempDir
    Path home;

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void fleetListIsEveryTargetAsJsonAndTheQuerySelectsFromTheSameRead() {
        Cli.Result r = Cli.run(home, "--demo", "fleet", "list", "--query",
                "{all: data, critical: data[?health=='CRITICAL'].name, kinds: data[].kind}");
        assertEquals(0, r.exit(), r.toString());
        JsonNode all = r.json().get("all");
        assertTrue(all.size() > 200, "every target of the demo: " + all.size());
        Set<String> kinds = Set.copyOf(texts(r.json().get("kinds")));
        assertTrue(kinds.containsAll(Set.of("DB_SYSTEM", "DATABASE", "PLUGGABLE_DATABASE", "DIRECT_DATABASE")), kinds.toString());
        List<String> critical = new ArrayList<>();
        for (JsonNode row : all) {
            for (String field : List.of("region", "compartment-path", "kind", "name", "health", "reasons", "reason-codes", "id")) {
                assertTrue(row.has(field), field + " in " + row);
            }
            assertTrue(Set.of("OK", "WARNING", "CRITICAL", "UNKNOWN").contains(row.get("health").asText()));
            assertEquals(row.get("reasons").size(), row.get("reason-codes").size());
            if (row.get("health").asText().equals("CRITICAL")) {
                critical.add(row.get("name").asText());
                assertFalse(row.get("reasons").isEmpty(), "a CRITICAL row says why: " + row);
            }
        }
        assertFalse(critical.isEmpty(), "the demo has failed databases");
        assertEquals(critical, texts(r.json().get("critical")), "--query (JMESPath) selects from the rows printed");
        assertTrue(r.err().contains("problem(s)"), "the refused PDB listing is said on stderr: " + r.err());
    }

    @Test
    void aTableHasAHeaderAndOneLinePerRow() {
        Cli.Result json = Cli.run(home, "--demo", "fleet", "list", "--kind", "DB_SYSTEM", "--query", "data[].name");
        Cli.Result table = Cli.run(home, "--demo", "fleet", "list", "--kind", "DB_SYSTEM", "--output", "table",
                "--query", "data[].{name: name, shape: kind}");
        assertEquals(0, table.exit(), table.toString());
        List<String> names = texts(json.json());
        List<String> lines = table.out().lines().toList();
        assertTrue(lines.get(1).matches("\\| name +\\| shape +\\|"), lines.get(1));
        List<String> rows = lines.stream().filter(l -> l.startsWith("| ") && !l.equals(lines.get(1))).toList();
        assertEquals(names.size(), rows.size(), "one line per DB system");
        assertTrue(rows.stream().allMatch(l -> l.contains("DB_SYSTEM")));
        assertEquals(names, rows.stream().map(l -> l.substring(2, l.indexOf(" |")).trim()).toList());
        assertFalse(table.out().contains("\u001b["), "no colours on a pipe");
    }

    @Test
    void badInputIsOneLineOnStderrThatSaysWhatToDoWithExitTwo() {
        List<Cli.Result> bad = List.of(
                Cli.run(home, "--config-file", home.resolve("no-config").toString(), "--profile", "PROD", "fleet", "list"),
                Cli.run(home, "--demo", "fleet", "list", "--colour"),
                Cli.run(home, "--demo", "db", "get", "NOSUCHDB"),
                Cli.run(home, "--demo", "--region", "mars-north-1", "fleet", "list"),
                Cli.run(home, "--demo", "fleet", "list", "--query", "data[?"),
                Cli.run(home, "--demo", "audit", "list", "--since", "last tuesday"),
                Cli.run(home, "--demo", "dg", "validate", "crm-atp"),
                Cli.run(home, "--demo", "backup", "list", "crm-atp"));
        for (Cli.Result r : bad) {
            assertEquals(2, r.exit(), r.toString());
            assertEquals(1, r.err().lines().filter(l -> l.startsWith("fleetdesk: ")).count(), r.toString());
            assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
            assertTrue(r.out().isEmpty(), "nothing on stdout: " + r);
        }
        assertTrue(bad.get(0).err().contains("no-config"), "names the file: " + bad.get(0).err());
        assertTrue(bad.get(1).err().contains("--colour") && bad.get(1).err().contains("--help"), bad.get(1).err());
        assertTrue(bad.get(2).err().contains("NOSUCHDB"), bad.get(2).err());
        assertTrue(bad.get(3).err().contains("mars-north-1") && bad.get(3).err().contains("us-ashburn-1"),
                "says which regions there are: " + bad.get(3).err());
        // An Autonomous Database is found by its name, and the command says where its operations are.
        assertTrue(bad.get(6).err().contains("crm-atp is an Autonomous Database") && bad.get(6).err().contains("wizard"),
                bad.get(6).err());
        assertTrue(bad.get(7).err().contains("Backups dialog"), bad.get(7).err());
    }

    @Test
    void theDemoPairIsValidatedWithTheWizardsChecksOciAndSql() {
        Cli.Result checks = Cli.run(home, "--demo", "dg", "validate", "PAY177_iad1");
        List<String> ids = new ArrayList<>();
        checks.json().get("data").forEach(c -> ids.add(c.get("id").asText()));
        assertTrue(ids.containsAll(List.of("roles", "association", "lag.apply", "sql.switchoverStatus", "sql.archiveGap")),
                "the wizard's checks, OCI and SQL over the linked direct connections: " + ids);
        boolean failed = false;
        for (JsonNode c : checks.json().get("data")) {
            assertTrue(Set.of("PASS", "WARN", "FAIL", "NOT_CHECKED").contains(c.get("verdict").asText()));
            assertFalse(c.get("title").asText().isBlank() || c.get("measured").asText().startsWith("!"), c.toString());
            failed |= c.get("verdict").asText().equals("FAIL");
        }
        assertEquals(failed ? 1 : 0, checks.exit(), "exit 1 exactly when a check fails: " + checks);
    }

    @Test
    void aSwitchoverIsPrecheckedConfirmedAuditedAndFollowedToTheEndAndNoPasswordIsWritten() throws Exception {
        String password = "Cli#Secret_" + System.nanoTime();
        try (SimProfile p = new SimProfile(home, 79, 120, 2)) {
            io.fleetdesk.sim.SimFleet f = p.sim.fleet();
            var pair = f.pairs().stream().filter(x -> f.database(x.firstDbId()).region().equals("us-ashburn-1")
                    && f.database(x.secondDbId()).region().equals("us-ashburn-1")).findFirst().orElseThrow();
            var primary = f.database("PRIMARY".equals(f.role(pair.firstDbId())) ? pair.firstDbId() : pair.secondDbId());
            var standby = f.database(primary.id().equals(pair.firstDbId()) ? pair.secondDbId() : pair.firstDbId());
            f.overrideState(primary.id(), "AVAILABLE");
            f.overrideState(standby.id(), "AVAILABLE");
            f.overrideApplyLag(standby.id(), 120);
            p.operationsEndAfterFourReads();
            String dbName = f.dbName(primary);

            Cli.Result wrongName = Cli.run(home, p.args("dg", "switchover", standby.dbUniqueName(), "--confirm",
                    dbName + "X", "--password-stdin", "--accept-warnings"));
            assertEquals(2, wrongName.exit(), wrongName.toString());
            assertTrue(wrongName.err().contains("type " + dbName) && wrongName.err().contains("Nothing was sent"),
                    wrongName.err());
            Cli.Result warned = Cli.run(home, p.args("dg", "switchover", standby.dbUniqueName(), "--confirm", dbName,
                    "--password-stdin"));
            assertEquals(1, warned.exit(), "an apply lag of 2 min warns: " + warned);
            assertTrue(warned.err().contains("Apply lag") && warned.err().contains("--accept-warnings"), warned.err());
            assertEquals("WARN", warned.json().get("data").get(5).get("verdict").asText(), "the checks are printed");
            AuditLog audit = new AuditLog(home.resolve("data"));
            assertTrue(audit.readAll().isEmpty(), "nothing sent, nothing audited");

            f.overrideApplyLag(standby.id(), 3);
            Cli.Result done;
            InputStream stdin = System.in;
            System.setIn(new ByteArrayInputStream((password + "\n").getBytes(StandardCharsets.UTF_8)));
            try {
                done = Cli.run(home, p.args("dg", "switchover", standby.dbUniqueName(), "--confirm",
                        dbName.toLowerCase(java.util.Locale.ROOT), "--password-stdin", "--accept-warnings",
                        "--wait-for-state", "SUCCEEDED"));
            } finally {
                System.setIn(stdin);
            }
            assertEquals(0, done.exit(), done.toString());
            JsonNode d = done.json().get("data");
            assertEquals("SUCCEEDED", d.get("state").asText());
            assertEquals(primary.dbUniqueName(), d.get("database").asText(), "sent on the primary, whichever member was named");
            assertEquals("PRIMARY", f.role(standby.id()), "the roles swapped in the service");
            assertTrue(d.get("message").asText().contains(standby.dbUniqueName() + " is PRIMARY"), "verified: " + d);
            List<AuditEntry> entries = audit.readAll();
            assertEquals(List.of(AuditEntry.Phase.INTENT, AuditEntry.Phase.SENT, AuditEntry.Phase.OUTCOME),
                    entries.stream().map(AuditEntry::phase).toList());
            assertEquals("SWITCHOVER", entries.getFirst().action());
            assertEquals("SUCCEEDED", entries.getLast().status());
            assertEquals(d.get("work-request-id").asText(), entries.get(1).workRequestId());

            assertFalse(Files.readString(audit.file()).contains(password), "no password in the audit log");
            Path log = Path.of(System.getProperty("fleetdesk.logs"), "fleetdesk.log");
            assertFalse(Files.exists(log) && Files.readString(log, StandardCharsets.ISO_8859_1).contains(password),
                    "no password in the log");
            assertFalse(done.out().contains(password) || done.err().contains(password));
        }
    }

    @Test
    void aBackupIsCreatedAuditedAndARestoreIsRefusedAsTheDialogRefusesIt() {
        Cli.Result list = Cli.run(home, "--demo", "backup", "list", "AP213_iad1", "--query", "data.backups[0]");
        assertEquals(0, list.exit(), list.toString());
        assertTrue(list.json().has("lifecycle-state") && list.json().has("time-started"), list.out());

        Cli.Result noDate = Cli.run(home, "--demo", "backup", "restore", "AP213_iad1", "--timestamp", "2026-02-30 10:00",
                "--confirm", "AP213");
        assertEquals(2, noDate.exit(), noDate.toString());
        assertTrue(noDate.err().contains("2026-02-30 10:00") && noDate.err().contains("not a date"), noDate.err());
        Cli.Result wrongName = Cli.run(home, "--demo", "backup", "restore", "AP213_iad1", "--latest", "--confirm", "HR13");
        assertEquals(2, wrongName.exit(), wrongName.toString());
        Cli.Result two = Cli.run(home, "--demo", "backup", "restore", "AP213_iad1", "--latest", "--scn", "42",
                "--confirm", "AP213");
        assertEquals(2, two.exit(), "one restore point, not two: " + two);
        assertTrue(new AuditLog(home.resolve("data")).readAll().isEmpty(), "nothing was sent");

        Cli.Result made = Cli.run(home, "--demo", "backup", "create", "AP213_iad1", "--name", "from cron");
        assertEquals(0, made.exit(), made.toString());
        assertEquals("DONE", made.json().get("data").get("state").asText());
        List<AuditEntry> entries = new AuditLog(home.resolve("data")).readAll();
        assertEquals(List.of("CREATE_BACKUP INTENT", "CREATE_BACKUP SENT", "CREATE_BACKUP OUTCOME"),
                entries.stream().map(e -> e.action() + " " + e.phase()).toList());
        assertEquals("from cron", entries.getFirst().parameters().get("displayName"));

        Cli.Result audit = Cli.run(home, "audit", "list", "--action", "create_backup", "--since", "1h", "--query",
                "data[].phase");
        assertEquals(List.of("OUTCOME", "SENT", "INTENT"), texts(audit.json()), "newest first");
        assertEquals(0, texts(Cli.run(home, "audit", "list", "--action", "SWITCHOVER", "--query", "data").json()).size());
    }

    @Test
    void theInventoryHasEveryTargetAndTerraformNamesTheProvidersAttributes() throws Exception {
        Cli.Result csv = Cli.run(home, "--demo", "export", "inventory", "--format", "csv");
        assertEquals(0, csv.exit(), csv.toString());
        List<String> lines = csv.out().lines().toList();
        assertTrue(lines.getFirst().startsWith("region,compartment_path,kind,name,"), lines.getFirst());
        int columns = lines.getFirst().split(",").length;
        assertTrue(lines.size() > 200, "every target: " + lines.size());
        assertTrue(lines.stream().skip(1).noneMatch(l -> l.startsWith("=") || l.contains(",=")),
                "nothing a spreadsheet would run");

        Path tfJson = home.resolve("fleet.tf.json");
        Cli.Result tf = Cli.run(home, "--demo", "export", "terraform", "--db-system", "payments-dbsys-135", "--format",
                "json", "--file", tfJson.toString());
        assertEquals(0, tf.exit(), tf.toString());
        JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper().readTree(tfJson.toFile());
        JsonNode sys = root.get("resource").get("oci_database_db_system").get("payments_dbsys_135");
        for (String a : List.of("compartment_id", "availability_domain", "shape", "hostname", "subnet_id",
                "ssh_public_keys", "database_edition", "db_home")) {
            assertTrue(sys.has(a), a + " in " + sys);
        }
        assertEquals("${var.admin_password}", sys.get("db_home").get("database").get("admin_password").asText(),
                "a password is a variable, never a value");
        assertTrue(root.get("variable").get("admin_password").get("sensitive").asBoolean());
        assertEquals("PAY177", sys.get("db_home").get("database").get("db_name").asText());
        assertTrue(columns >= 16);

        Path tfFile = home.resolve("fleet.tf");
        Cli.Result hcl = Cli.run(home, "--demo", "export", "terraform", "--db-system", "all", "--file", tfFile.toString());
        assertEquals(0, hcl.exit(), hcl.toString());
        String text = Files.readString(tfFile);
        assertTrue(text.contains("resource \"oci_database_db_system\" \"payments_dbsys_135\" {"), text);
        assertTrue(text.contains("admin_password = var.admin_password"));
        assertEquals(text.chars().filter(c -> c == '{').count(), text.chars().filter(c -> c == '}').count());
        Terraform.fmtCheck(tfFile).ifPresent(problem -> {
            throw new AssertionError("terraform fmt -check: " + problem);
        });
    }

    @Test
    void everyCommandHasHelpWithAnExample() {
        for (List<String> cmd : List.of(List.of("fleet", "list"), List.of("fleet", "health"), List.of("db", "get"),
                List.of("dg", "status"), List.of("dg", "validate"), List.of("dg", "switchover"), List.of("dg", "failover"),
                List.of("dg", "reinstate"), List.of("backup", "list"), List.of("backup", "create"),
                List.of("backup", "restore"), List.of("audit", "list"), List.of("export", "inventory"),
                List.of("export", "terraform"), List.of("serve"))) {
            List<String> args = new ArrayList<>(cmd);
            args.add("--help");
            Cli.Result r = Cli.run(home, args.toArray(String[]::new));
            assertEquals(0, r.exit(), r.toString());
            assertTrue(r.out().contains("Example") && r.out().contains("fleetdesk " + cmd.getFirst()), cmd + ": " + r.out());
            assertTrue(r.out().contains("--query") && r.out().contains("--profile"), "the global options too: " + r.out());
        }
        Cli.Result v = Cli.run(home, "--version");
        assertTrue(v.out().startsWith("fleetdesk "), v.out());
    }
}
