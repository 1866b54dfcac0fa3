package io.fleetdesk.ui.common;

import javafx.util.StringConverter;

import java.util.function.Function;

/** How a choice box or combo box shows its values; for controls the DBA picks from and never types into. */
public final class DisplayConverter {
    private DisplayConverter() {
    }

    /** Shows each value as {@code text} says (null values too, for "any" entries); reading text back is not supported. */
    public static <T> StringConverter<T> of(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T t) {
                return text.apply(t);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("a display-only converter");
            }
        };
    }
}
