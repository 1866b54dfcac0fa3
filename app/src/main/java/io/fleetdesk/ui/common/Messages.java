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

    /** A notice from below {@code ui} (a key and its values), in the DBA's language. */
    public static String of(io.fleetdesk.model.Notice n) {
        return get(n.key(), n.args().toArray());
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
