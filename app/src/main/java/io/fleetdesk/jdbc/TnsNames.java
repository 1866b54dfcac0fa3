package io.fleetdesk.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the aliases of a {@code tnsnames.ora}: {@code ALIAS[, ALIAS2] = (DESCRIPTION = …)} entries at
 * the top level, {@code #} comments, names compared without case, as Oracle Net does. Used to check
 * an alias before connecting and to show what it resolves to; the driver resolves it again itself.
 * {@code IFILE} includes are not followed (the driver follows them; we only cannot preview them).
 */
public final class TnsNames {
    private final Path file;
    private final Map<String, String> entries;

    private TnsNames(Path file, Map<String, String> entries) {
        this.file = file;
        this.entries = entries;
    }

    /** The folder to read: the one given, else {@code TNS_ADMIN}; empty when neither is set. */
    public static Optional<Path> folder(String chosen, Map<String, String> env) {
        if (chosen != null && !chosen.isBlank()) {
            return Optional.of(Path.of(chosen.strip()));
        }
        String t = env.get("TNS_ADMIN");
        return t == null || t.isBlank() ? Optional.empty() : Optional.of(Path.of(t.strip()));
    }

    /** Reads {@code folder/tnsnames.ora}; {@link java.nio.file.NoSuchFileException} when the folder has none. */
    public static TnsNames read(Path folder) throws IOException {
        Path f = folder.resolve("tnsnames.ora");
        if (!Files.isRegularFile(f)) {
            throw new java.nio.file.NoSuchFileException(f.toString()); // ConnectStrings says what to pick
        }
        return new TnsNames(f, parse(Files.readString(f, StandardCharsets.UTF_8)));
    }

    static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        StringBuilder clean = new StringBuilder();
        for (String line : text.lines().toList()) {
            int hash = line.indexOf('#');
            clean.append(hash >= 0 ? line.substring(0, hash) : line).append('\n');
        }
        String s = clean.toString();
        int i = 0;
        while (i < s.length()) {
            int eq = s.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String names = s.substring(i, eq).strip();
            int open = s.indexOf('(', eq);
            if (open < 0) {
                break;
            }
            int depth = 0;
            int end = open;
            for (; end < s.length(); end++) {
                char c = s.charAt(end);
                if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    break;
                }
            }
            String descriptor = s.substring(open, Math.min(end + 1, s.length())).replaceAll("\\s+", "");
            for (String n : names.split(",")) {
                if (!n.isBlank()) {
                    out.put(n.strip().toUpperCase(Locale.ROOT), descriptor);
                }
            }
            i = end + 1;
        }
        return out;
    }

    public Path file() {
        return file;
    }

    /** The connect descriptor of an alias, without spaces; empty when the file has no such alias. */
    public Optional<String> descriptor(String alias) {
        return Optional.ofNullable(entries.get(alias.strip().toUpperCase(Locale.ROOT)));
    }

    /** The aliases in file order, as the file writes them upper-cased. */
    public java.util.List<String> aliases() {
        return java.util.List.copyOf(entries.keySet());
    }
}
