package io.taskconsole.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks the desktop whether it is in dark mode: {@code GTK_THEME}, GNOME's {@code gsettings},
 * macOS's {@code defaults}, Windows' registry. Each probe is an argument list with a short timeout;
 * when none answers, the answer is "don't know" and the console stays light. Blocking: call off
 * the FX thread.
 */
public final class OsThemeDetector {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** {@code true} for dark, {@code false} for light, empty when the desktop didn't say. */
    public Optional<Boolean> prefersDark() {
        String gtkTheme = System.getenv("GTK_THEME");
        if (gtkTheme != null && !gtkTheme.isBlank()) {
            return Optional.of(gtkTheme.toLowerCase(Locale.ROOT).contains("dark"));
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            // Prints "Dark" in dark mode; fails (key absent) in light mode.
            return run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(out -> out.toLowerCase(Locale.ROOT).contains("dark"))
                    .or(() -> Optional.of(false));
        }
        if (os.contains("win")) {
            return run(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"))
                    .map(out -> out.contains("0x0"));
        }
        Optional<Boolean> scheme = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                .filter(out -> out.contains("prefer-"))
                .map(out -> out.contains("prefer-dark"));
        if (scheme.isPresent()) {
            return scheme;
        }
        return run(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"))
                .filter(out -> !out.isBlank())
                .map(out -> out.toLowerCase(Locale.ROOT).contains("dark"));
    }

    private static Optional<String> run(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            return Optional.empty();
        }
        try (InputStream out = process.getInputStream()) {
            if (!process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            String text = new String(out.readAllBytes(), StandardCharsets.UTF_8).strip();
            return process.exitValue() == 0 ? Optional.of(text) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return Optional.empty();
        }
    }
}
