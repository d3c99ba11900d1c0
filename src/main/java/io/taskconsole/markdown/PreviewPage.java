package io.taskconsole.markdown;

/**
 * Wraps a rendered body into a complete HTML page for the preview. The page's
 * Content-Security-Policy forbids scripts, frames, fonts and every fetch except inline images, so
 * even HTML that slipped past the renderer could not run or phone home. Colours follow AtlantaFX's
 * Primer Light and Primer Dark so the preview matches the rest of the window.
 */
public final class PreviewPage {

    public static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; img-src data:; style-src 'unsafe-inline'";

    /** The preview's colour scheme; follows the application theme. */
    public enum Theme {
        LIGHT(new Palette("light", "#ffffff", "#1f2328", "#59636e", "#d1d9e0", "#0969da",
                "#f6f8fa", "#818b981f", "#d1242f", "#fff8c5")),
        DARK(new Palette("dark", "#0d1117", "#e6edf3", "#9198a1", "#3d444d", "#4493f8",
                "#151b23", "#656c7633", "#f85149", "#bb800926"));

        private final Palette palette;

        Theme(Palette palette) {
            this.palette = palette;
        }
    }

    private record Palette(String scheme, String background, String text, String muted, String border,
                           String accent, String subtle, String inlineCode, String danger, String highlight) {
    }

    private PreviewPage() {
    }

    /** A complete page around {@code bodyHtml}, which must come from {@link MarkdownRenderer}. */
    public static String wrap(String bodyHtml, Theme theme) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + CONTENT_SECURITY_POLICY + "\">\n"
                + "<meta name=\"color-scheme\" content=\"" + theme.palette.scheme() + "\">\n"
                + "<style>\n" + css(theme) + "</style>\n</head>\n"
                + "<body class=\"markdown-body theme-" + theme.palette.scheme() + "\">\n"
                + bodyHtml
                + "</body>\n</html>\n";
    }

    /** The style sheet of {@code theme}, also useful to restyle a page that is already loaded. */
    public static String css(Theme theme) {
        Palette p = theme.palette;
        return """
                :root { color-scheme: %1$s; }
                html { background: %2$s; }
                body { margin: 0; padding: 16px 24px 48px; background: %2$s; color: %3$s;
                  font-family: -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif;
                  font-size: 15px; line-height: 1.6; word-wrap: break-word; max-width: 980px; }
                h1, h2, h3, h4, h5, h6 { margin: 24px 0 12px; font-weight: 600; line-height: 1.25; }
                h1 { font-size: 2em; padding-bottom: .3em; border-bottom: 1px solid %5$s; }
                h2 { font-size: 1.5em; padding-bottom: .3em; border-bottom: 1px solid %5$s; }
                h3 { font-size: 1.25em; } h4 { font-size: 1em; } h5 { font-size: .875em; }
                h6 { font-size: .85em; color: %4$s; }
                p, ul, ol, table, pre, blockquote { margin: 0 0 16px; }
                ul, ol { padding-left: 2em; }
                li + li { margin-top: .25em; }
                a.md-link { color: %6$s; text-decoration: none; cursor: default; }
                a.md-link:hover { text-decoration: underline; }
                .md-blocked-link { color: %3$s; text-decoration: line-through dotted %9$s; }
                .md-blocked-image { display: inline-block; padding: 2px 6px; border: 1px dashed %5$s;
                  border-radius: 6px; color: %4$s; font-size: .9em; }
                img { max-width: 100%%; }
                code, pre { font-family: ui-monospace, "SFMono-Regular", "JetBrains Mono", Menlo, Consolas, monospace;
                  font-size: 85%%; }
                code { padding: .2em .4em; border-radius: 6px; background: %8$s; }
                pre { padding: 16px; overflow: auto; line-height: 1.45; border-radius: 6px; background: %7$s; }
                pre code { padding: 0; background: transparent; font-size: 100%%; }
                blockquote { padding: 0 1em; color: %4$s; border-left: .25em solid %5$s; }
                hr { height: .25em; margin: 24px 0; border: 0; background: %5$s; }
                table { border-collapse: collapse; display: block; width: max-content; max-width: 100%%; overflow: auto; }
                th, td { padding: 6px 13px; border: 1px solid %5$s; }
                th { font-weight: 600; }
                tr:nth-child(2n) { background: %7$s; }
                del { color: %4$s; }
                pre.md-raw-html { white-space: pre-wrap; color: %4$s; background: transparent; border: 1px dashed %5$s; }
                li.task-list-item { list-style-type: none; }
                li.task-list-item > input.task-list-item-checkbox { margin: 0 .3em .2em -1.4em; vertical-align: middle;
                  accent-color: %6$s; }
                mark { background: %10$s; color: inherit; }
                """.formatted(p.scheme(), p.background(), p.text(), p.muted(), p.border(), p.accent(),
                p.subtle(), p.inlineCode(), p.danger(), p.highlight());
    }
}
