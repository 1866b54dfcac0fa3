package io.fleetdesk.ui;

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

/** Every key in every bundle, and every %key an FXML file uses exists. */
class MessageBundlesTest {
    private static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/io/fleetdesk/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void englishAndSimplifiedChineseHaveTheSameKeys() throws Exception {
        Set<String> en = new TreeSet<>(load("messages.properties").stringPropertyNames());
        Set<String> zh = new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames());
        Set<String> missingZh = new TreeSet<>(en);
        missingZh.removeAll(zh);
        Set<String> missingEn = new TreeSet<>(zh);
        missingEn.removeAll(en);
        assertEquals(Set.of(), missingZh, "keys missing from messages_zh_CN.properties");
        assertEquals(Set.of(), missingEn, "keys missing from messages.properties");
    }

    @Test
    void everyKeyAnFxmlFileUsesExists() throws Exception {
        Properties en = load("messages.properties");
        Pattern key = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        Path fxml = Path.of(System.getProperty("user.dir")).resolveSibling("ui-fxml");
        try (Stream<Path> files = Files.walk(fxml)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".fxml")).toList()) {
                Matcher m = key.matcher(Files.readString(f));
                while (m.find()) {
                    assertTrue(en.containsKey(m.group(1)), f + " uses %" + m.group(1) + ", which no bundle has");
                }
            }
        }
    }

    @Test
    void everyKeyANoticeBelowTheUiNamesExistsInBothLanguages() throws Exception {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        // Notice.of("key", …) in the code below ui, and the keys built from an operation's name.
        Pattern literal = Pattern.compile("Notice\\.of\\(\\s*\"([A-Za-z0-9_.]+)\"\\s*[,)]");
        Set<String> used = new TreeSet<>();
        Path src = Path.of(System.getProperty("user.dir")).resolveSibling("app").resolve("src/main/java");
        try (Stream<Path> files = Files.walk(src)) {
            for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(f));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        for (String action : java.util.List.of("CREATE_BACKUP", "DELETE_BACKUP", "CANCEL_BACKUP", "RESTORE_DATABASE")) {
            used.add("op.kind." + action);
            used.add("recovery.action." + action);
        }
        for (var k : io.fleetdesk.ops.DataGuardWorkflow.Kind.values()) {
            used.add("op.kind." + k.name());
            used.add("recovery.action." + k.name());
            used.add("dg.kind." + k.name().toLowerCase(java.util.Locale.ROOT));
        }
        assertTrue(used.size() > 40, "the scan found the notices: " + used);
        Set<String> missing = new TreeSet<>();
        for (String k : used) {
            if (!en.containsKey(k) || !zh.containsKey(k)) {
                missing.add(k);
            }
        }
        assertEquals(Set.of(), missing, "notice keys missing from a bundle");
    }
}
