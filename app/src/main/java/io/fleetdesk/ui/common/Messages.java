package io.fleetdesk.ui.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** Every user-facing string, from {@code io/fleetdesk/ui/messages*.properties}; FXML reads the same bundle. */
public final class Messages {
    public static final String BUNDLE = "io.fleetdesk.ui.messages";

    private Messages() {
    }

    public static ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, Locale.getDefault());
    }

    private static final java.time.format.DateTimeFormatter UTC = java.time.format.DateTimeFormatter
            .ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'").withZone(java.time.ZoneOffset.UTC);

    /**
     * A notice from below {@code ui} (a key and its values), in the DBA's language: a nested notice is
     * rendered first, an instant is written in UTC (what the service is sent), null as a dash.
     */
    public static String of(io.fleetdesk.model.Notice n) {
        if (n == null) {
            return "";
        }
        Object[] args = n.args().stream().map(Messages::arg).toArray();
        return get(n.key(), args);
    }

    private static Object arg(Object a) {
        return switch (a) {
            case null -> "-";
            case io.fleetdesk.model.Notice nested -> of(nested);
            case java.time.Instant t -> UTC.format(t);
            default -> a;
        };
    }

    /** The text for a key, with {0}-style arguments filled in. */
    public static String get(String key, Object... args) {
        try {
            String pattern = bundle().getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, Locale.getDefault()).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
