package io.taskconsole.ui;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Prints {@code startup-marker NAME EPOCH-MS} lines on stdout so the startup benchmark can see when
 * the window was shown and when the editor took input, which the X server cannot tell it. Silent
 * unless asked for with {@code -Dtaskconsole.startupMarkers=true} or the environment variable
 * {@code TASKCONSOLE_STARTUP_MARKERS=1} (what the benchmark's probe sets), so a user never sees them.
 */
final class StartupMarkers {

    static final String PROPERTY = "taskconsole.startupMarkers";
    static final String ENVIRONMENT = "TASKCONSOLE_STARTUP_MARKERS";

    private final PrintStream out;
    private final LongSupplier clock;
    private final Set<String> printed = new HashSet<>();

    StartupMarkers(PrintStream out, LongSupplier clock) {
        this.out = out;
        this.clock = clock;
    }

    /** Markers that print nothing. */
    static StartupMarkers off() {
        return new StartupMarkers(null, System::currentTimeMillis);
    }

    /** Markers on stdout when the property or the environment variable asks for them, else {@link #off()}. */
    static StartupMarkers fromSystem() {
        return fromSettings(System.getProperty(PROPERTY), System.getenv(), System.out);
    }

    static StartupMarkers fromSettings(String property, Map<String, String> environment, PrintStream out) {
        boolean on = isYes(property) || (property == null && isYes(environment.get(ENVIRONMENT)));
        return on ? new StartupMarkers(out, System::currentTimeMillis) : off();
    }

    private static boolean isYes(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    boolean enabled() {
        return out != null;
    }

    /** Prints {@code name}'s marker the first time it is reached; later calls do nothing. */
    void reached(String name) {
        if (out != null && printed.add(name)) {
            out.println("startup-marker " + name + " " + clock.getAsLong());
            out.flush();
        }
    }
}
