package io.taskconsole.ui.common;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The font of the editor, the log and code in the preview. JavaFX CSS takes one font family: a
 * list such as {@code "JetBrains Mono", monospace} silently falls back to the proportional system
 * font. console.css therefore names JavaFX's logical {@code Monospaced} family, which on Linux asks
 * fontconfig for the desktop's monospace font; on Windows and macOS that would be Courier, so there
 * the monospace font every installation has is set instead.
 */
public final class MonospaceFont {

    static final String SELECTORS = ".monospace, .markdown-editor, .log-list .log-text, "
            + ".md-inline .md-code, .markdown-preview .md-mono, "
            + ".markdown-editor:proportional .md-code, .markdown-editor:proportional .md-code-block";

    private MonospaceFont() {
    }

    /** The family for an {@code os.name}; empty where console.css's {@code Monospaced} is the right one. */
    static Optional<String> familyFor(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return Optional.of("Consolas");
        }
        if (os.startsWith("mac")) {
            return Optional.of("Menlo");
        }
        return Optional.empty();
    }

    /** A stylesheet (a data URI) setting this OS's monospace family, to add after console.css. */
    public static Optional<String> stylesheetFor(String osName) {
        return familyFor(osName).map(MonospaceFont::stylesheet);
    }

    static String stylesheet(String family) {
        return "data:text/css;base64," + Base64.getEncoder().encodeToString(
                (SELECTORS + " { -fx-font-family: \"" + family + "\"; }").getBytes(StandardCharsets.UTF_8));
    }
}
