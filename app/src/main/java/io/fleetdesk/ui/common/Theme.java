package io.fleetdesk.ui.common;

import java.util.Locale;

/** The colour scheme the DBA chose; SYSTEM follows the OS where JavaFX can tell. */
public enum Theme {
    LIGHT, DARK, SYSTEM;

    public static Theme parse(String s) {
        try {
            return valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--theme must be light, dark or system, not " + s);
        }
    }
}
