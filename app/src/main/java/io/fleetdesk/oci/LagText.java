package io.fleetdesk.oci;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the service's lag texts ("9 seconds", "4 minutes", "1 hour", "+00 00:00:09") as seconds. */
public final class LagText {
    private static final Pattern WORDS = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(second|sec|s|minute|min|m|hour|h|day|d)s?\\b.*");
    private static final Pattern INTERVAL = Pattern.compile("\\+?(\\d+)\\s+(\\d{1,2}):(\\d{2}):(\\d{2})(?:\\.\\d+)?");

    private LagText() {
    }

    /** Seconds, or -1 when the text is missing or not one we know. */
    public static long seconds(String text) {
        if (text == null || text.isBlank()) {
            return -1;
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher iv = INTERVAL.matcher(t);
        if (iv.matches()) {
            return Long.parseLong(iv.group(1)) * 86_400 + Long.parseLong(iv.group(2)) * 3600
                    + Long.parseLong(iv.group(3)) * 60 + Long.parseLong(iv.group(4));
        }
        Matcher m = WORDS.matcher(t);
        if (m.matches()) {
            double n = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "minute", "min", "m" -> 60;
                case "hour", "h" -> 3600;
                case "day", "d" -> 86_400;
                default -> 1;
            };
            return Math.round(n * unit);
        }
        return -1;
    }
}
