package io.fleetdesk.ui;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bundles and the code agree: both languages have the same keys; every key the Java sources or
 * the FXML name exists; every key is used, by its literal or by a prefix the code completes from an
 * enum or a code ({@code "op.kind." + name}); and every key built that way exists for each value.
 */
class MessageBundlesTest {
    /** A string literal that looks like a key (dotted words), or a prefix of keys (ending in a dot). */
    private static final Pattern LITERAL = Pattern.compile(
            "\"%?([a-zA-Z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)+|[a-zA-Z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)*\\.)\"");
    /** Literals that look like keys of a key family but are not keys (file names). */
    private static final Set<String> NOT_KEYS = Set.of("audit.jsonl", "settings.json", "settings.unreadable-");

    private static Properties en;
    private static Properties zh;
    private static final Set<String> literals = new TreeSet<>();
    private static final Set<String> prefixes = new TreeSet<>();

    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/io/fleetdesk/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @BeforeAll
    static void scan() throws Exception {
        en = load("messages.properties");
        zh = load("messages_zh_CN.properties");
        Path root = Path.of(System.getProperty("user.dir")).getParent();
        for (Path dir : new Path[] {root.resolve("app/src/main/java"), root.resolve("ui-fxml")}) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java") || x.toString().endsWith(".fxml")).toList()) {
                    Matcher m = LITERAL.matcher(Files.readString(f));
                    while (m.find()) {
                        (m.group(1).endsWith(".") ? prefixes : literals).add(m.group(1));
                    }
                }
            }
        }
        assertTrue(literals.size() > 400, "the scan found the code's keys: " + literals.size());
    }

    @Test
    void englishAndSimplifiedChineseHaveTheSameKeys() {
        Set<String> missingZh = new TreeSet<>(en.stringPropertyNames());
        missingZh.removeAll(zh.stringPropertyNames());
        Set<String> missingEn = new TreeSet<>(zh.stringPropertyNames());
        missingEn.removeAll(en.stringPropertyNames());
        assertEquals(Set.of(), missingZh, "keys missing from messages_zh_CN.properties");
        assertEquals(Set.of(), missingEn, "keys missing from messages.properties");
    }

    @Test
    void everyKeyTheCodeOrAnFxmlFileNamesExists() {
        Set<String> families = new TreeSet<>();
        en.stringPropertyNames().forEach(k -> families.add(k.substring(0, k.indexOf('.') < 0 ? k.length() : k.indexOf('.'))));
        Set<String> missing = new TreeSet<>();
        for (String l : literals) {
            if (families.contains(l.substring(0, l.indexOf('.'))) && !en.containsKey(l) && !NOT_KEYS.contains(l)) {
                missing.add(l);
            }
        }
        assertEquals(Set.of(), missing, "keys the code uses that no bundle has");
    }

    @Test
    void everyKeyIsUsed() {
        Set<String> unused = new TreeSet<>();
        for (String k : en.stringPropertyNames()) {
            if (!literals.contains(k) && prefixes.stream().noneMatch(k::startsWith)) {
                unused.add(k);
            }
        }
        assertEquals(Set.of(), unused, "keys nothing uses: remove them, or use them");
    }

    @Test
    void everyKeyBuiltFromAnEnumOrACodeExists() {
        Set<String> built = new TreeSet<>();
        for (var d : io.fleetdesk.model.Detail.values()) {
            built.add("detail." + d.name());
        }
        for (String code : io.fleetdesk.jdbc.OraErrors.KNOWN) {
            built.add("ora." + code + ".what");
            built.add("ora." + code + ".fix");
        }
        for (var k : io.fleetdesk.ops.BackupOperations.Kind.values()) {
            built.add("op.kind." + k.name());
            built.add("recovery.action." + k.name());
            built.add("bk.action." + k.name());
        }
        for (var s : io.fleetdesk.ops.BackupOperations.State.values()) {
            if (!s.terminal()) {
                built.add("bk.state." + s.name());
            }
        }
        for (var k : io.fleetdesk.ops.DataGuardWorkflow.Kind.values()) {
            built.add("op.kind." + k.name());
            built.add("recovery.action." + k.name());
            built.add("dg.kind." + k.name().toLowerCase(java.util.Locale.ROOT));
            built.add("pc.roles.advice." + k.name());
        }
        for (String kind : java.util.List.of("SWITCHOVER", "FAILOVER")) {
            built.add("pc.readiness.title." + kind);
        }
        for (String role : java.util.List.of("PRIMARY", "STANDBY", "DISABLED_STANDBY")) {
            built.add("pc.role." + role);
        }
        Set<String> missing = new TreeSet<>();
        for (String k : built) {
            if (!en.containsKey(k) || !zh.containsKey(k)) {
                missing.add(k);
            }
        }
        assertEquals(Set.of(), missing, "keys built from an enum or a code missing from a bundle");
    }
}
