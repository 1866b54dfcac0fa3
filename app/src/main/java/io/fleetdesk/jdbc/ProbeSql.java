package io.fleetdesk.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The probes' SQL, one statement per resource file in {@code io/fleetdesk/jdbc/sql/}, comments stripped. */
public final class ProbeSql {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private ProbeSql() {
    }

    public static String get(String name) {
        return CACHE.computeIfAbsent(name, n -> {
            try (InputStream in = ProbeSql.class.getResourceAsStream("sql/" + n + ".sql")) {
                if (in == null) {
                    throw new IllegalArgumentException("no probe SQL " + n + ".sql");
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .filter(l -> !l.strip().startsWith("--")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
