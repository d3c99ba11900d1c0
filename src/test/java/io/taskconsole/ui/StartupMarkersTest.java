package io.taskconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupMarkersTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void silentUnlessAskedFor() {
        StartupMarkers markers = StartupMarkers.fromSettings(null, Map.of(), out);
        markers.reached("window-shown");
        assertThat(markers.enabled()).isFalse();
        assertThat(printed()).isEmpty();
    }

    @Test
    void theBenchmarksEnvironmentVariableTurnsThemOn() {
        StartupMarkers markers = StartupMarkers.fromSettings(null, Map.of("TASKCONSOLE_STARTUP_MARKERS", "1"), out);
        markers.reached("window-shown");
        assertThat(printed()).matches("startup-marker window-shown \\d{13}\\R");
    }

    @Test
    void thePropertyTurnsThemOnAndWinsOverTheEnvironment() {
        StartupMarkers.fromSettings("true", Map.of(), out).reached("editor-ready");
        StartupMarkers.fromSettings("false", Map.of("TASKCONSOLE_STARTUP_MARKERS", "1"), out).reached("window-shown");
        assertThat(printed()).matches("startup-marker editor-ready \\d{13}\\R");
    }

    @Test
    void eachMarkerIsPrintedOnce() {
        StartupMarkers markers = new StartupMarkers(out, () -> 1_700_000_000_000L);
        markers.reached("window-shown");
        markers.reached("window-shown");
        markers.reached("editor-ready");
        assertThat(printed()).isEqualTo("startup-marker window-shown 1700000000000" + System.lineSeparator()
                + "startup-marker editor-ready 1700000000000" + System.lineSeparator());
    }
}
