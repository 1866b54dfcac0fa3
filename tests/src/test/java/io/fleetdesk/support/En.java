package io.fleetdesk.support;

import io.fleetdesk.model.Notice;
import io.fleetdesk.app.Messages;

import java.util.List;
import java.util.Locale;

/** A notice as an English-speaking DBA reads it: tests assert what the user would see, not the key. */
public final class En {
    private En() {
    }

    public static String of(Notice n) {
        return Messages.of(n, Locale.ENGLISH);
    }

    /** A detail's value as the details pane shows it in English. */
    public static String value(Object v) {
        return Messages.value(v, Locale.ENGLISH);
    }

    public static List<String> of(List<Notice> notices) {
        return notices.stream().map(En::of).toList();
    }
}
