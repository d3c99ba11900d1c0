package io.taskconsole.ui.common;

import java.util.Locale;

/** The two looks the console offers; {@link #SYSTEM} follows the desktop where that can be read. */
public enum Theme {
    SYSTEM, LIGHT, DARK;

    public static Theme parse(String text) {
        try {
            return text == null ? SYSTEM : valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return SYSTEM;
        }
    }
}
