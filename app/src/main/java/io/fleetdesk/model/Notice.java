package io.fleetdesk.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Something to tell the DBA, as data: a message key of the UI's bundles and the values to fill in.
 * Below {@code ui} nothing builds the sentence, so it reads in the DBA's language.
 *
 * <p>A value is a name or OCID (a String), a number, an {@link java.time.Instant} (shown in UTC and
 * local time by the UI), or another Notice (rendered first, in the same language), so that a part
 * of a sentence can be chosen below {@code ui} without writing it.
 *
 * @param key  a key of {@code io/fleetdesk/ui/messages*.properties}
 * @param args the values for {@code {0}}, {@code {1}} …, in order; may hold nulls
 */
public record Notice(String key, List<Object> args) {
    public Notice {
        List<Object> copy = new ArrayList<>(args.size());
        for (Object a : args) {
            copy.add(nested(a));
        }
        args = Collections.unmodifiableList(copy);
    }

    /** A notice read back from JSON (the audit log) has its nested notices as maps: make them notices again. */
    @SuppressWarnings("unchecked")
    private static Object nested(Object a) {
        if (a instanceof java.util.Map<?, ?> m && m.size() == 2 && m.get("key") instanceof String k
                && m.get("args") instanceof List<?> l) {
            return new Notice(k, (List<Object>) l);
        }
        if (a instanceof List<?> l) {
            return l.stream().map(Notice::nested).toList();
        }
        return a;
    }

    /** Whether this notice, or one nested in it at any depth, has the key: what it is about, without its words. */
    public boolean mentions(String wanted) {
        if (key.equals(wanted)) {
            return true;
        }
        for (Object a : args) {
            if (a instanceof Notice n && n.mentions(wanted)) {
                return true;
            }
            if (a instanceof List<?> l && l.stream().anyMatch(x -> x instanceof Notice n && n.mentions(wanted))) {
                return true;
            }
        }
        return false;
    }

    /** For the log (never shown to the DBA): {@code key(arg, nested.key(arg))}. */
    @Override
    public String toString() {
        if (args.isEmpty()) {
            return key;
        }
        return key + args.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ", "(", ")"));
    }

    public static Notice of(String key, Object... args) {
        return new Notice(key, java.util.Arrays.asList(args));
    }
}
