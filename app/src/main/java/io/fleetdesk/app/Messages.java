package io.fleetdesk.app;

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
        return of(n, Locale.getDefault());
    }

    /**
     * The same in a given language (tests and logs ask for English). A duration is written in the
     * language's units ({@code duration.*} keys), a number by the pattern's format for the locale, a
     * list as its items joined by {@code list.separator}.
     */
    public static String of(io.fleetdesk.model.Notice n, Locale locale) {
        if (n == null) {
            return "";
        }
        Object[] args = n.args().stream().map(a -> arg(a, locale)).toArray();
        return get(locale, n.key(), args);
    }

    /** Several notices, one line each. */
    public static java.util.List<String> of(java.util.List<io.fleetdesk.model.Notice> notices) {
        return notices.stream().map(Messages::of).toList();
    }

    private static Object arg(Object a, Locale locale) {
        return switch (a) {
            case null -> "-";
            case io.fleetdesk.model.Notice nested -> of(nested, locale);
            case java.time.Instant t -> UTC.format(t);
            case java.time.Duration d -> duration(d, locale);
            case io.fleetdesk.model.NodeLink link -> link.nodeId();
            case java.util.List<?> l -> String.join(get(locale, "list.separator"),
                    l.stream().map(x -> String.valueOf(arg(x, locale))).toList());
            default -> a;
        };
    }

    /** A health in the DBA's language ({@code healthName.*}). */
    public static String health(io.fleetdesk.model.Health h) {
        return get("healthName." + h.name());
    }

    /** A node's name as shown: "Direct connections" and a kind that could not be listed in the user's words. */
    public static String nodeName(io.fleetdesk.model.FleetNode n) {
        if (io.fleetdesk.poll.DirectPoller.ROOT_ID.equals(n.id())) {
            return get("tree.directConnections");
        }
        if (n.kind() == io.fleetdesk.model.NodeKind.AUTONOMOUS_STANDBY) {
            return get("tree.localStandby", n.name());
        }
        if (n.kind() != io.fleetdesk.model.NodeKind.NOT_LISTED) {
            return n.name();
        }
        String words = get("notListed." + n.name());
        return words.startsWith("!") ? get("notListed.row", n.name()) : words;
    }

    /** A profile's name as shown: the built-in demo profile in the DBA's language, another as its section is named. */
    public static String profile(String name) {
        return io.fleetdesk.oci.InMemoryKeyProfiles.DEMO_PROFILE.equals(name) ? get("profile.demoName") : name;
    }

    /** One value of a notice as the DBA reads it (a detail's value, say): "-" for none. */
    public static String value(Object a) {
        return value(a, Locale.getDefault());
    }

    /** The same in a given language. */
    public static String value(Object a, Locale locale) {
        return String.valueOf(arg(a, locale));
    }

    /**
     * A lag as the service writes it ("4 minutes", "+00 00:00:09") in the DBA's units; as written when
     * it does not parse, a dash when there is none.
     */
    public static String lag(String serviceText) {
        long s = io.fleetdesk.oci.LagText.seconds(serviceText);
        return serviceText == null ? "-" : s < 0 ? serviceText : duration(java.time.Duration.ofSeconds(s), Locale.getDefault());
    }

    /** "45 s", "4 min 10 s", "3 h", "2 d 5 h" in the DBA's language; never negative. */
    public static String duration(java.time.Duration d, Locale locale) {
        long s = Math.max(0, d.toSeconds());
        if (s < 120) {
            return get(locale, "duration.seconds", s);
        }
        if (s < 3 * 3600) {
            return s % 60 == 0 ? get(locale, "duration.minutes", s / 60)
                    : get(locale, "duration.minutesSeconds", s / 60, s % 60);
        }
        long h = s / 3600;
        return h < 48 ? get(locale, "duration.hours", h) : get(locale, "duration.daysHours", h / 24, h % 24);
    }

    /** The text for a key, with {0}-style arguments filled in. */
    public static String get(String key, Object... args) {
        return get(Locale.getDefault(), key, args);
    }

    /**
     * Without arguments a text is returned as written; with arguments it is a {@link MessageFormat}
     * pattern, where a single quote must be written twice ({@code ''}).
     */
    public static String get(Locale locale, String key, Object... args) {
        try {
            String pattern = ResourceBundle.getBundle(BUNDLE, locale).getString(key);
            return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
    }
}
