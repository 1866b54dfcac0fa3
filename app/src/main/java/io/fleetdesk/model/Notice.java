package io.fleetdesk.model;

import java.util.List;

/**
 * Something to tell the DBA, as data: a message key of the UI's bundles and the values to fill in
 * (names, regions, OCIDs, the service's status and code). Below {@code ui} nothing builds the
 * sentence, so it reads in the DBA's language.
 *
 * @param key  a key of {@code io/fleetdesk/ui/messages*.properties}
 * @param args the values for {@code {0}}, {@code {1}} …, in order
 */
public record Notice(String key, List<String> args) {
    public Notice {
        args = List.copyOf(args);
    }

    public static Notice of(String key, String... args) {
        return new Notice(key, List.of(args));
    }
}
