package io.taskconsole.ui.log;

/**
 * The look of a run of text as SGR escape codes set it. Colours are CSS values ({@code #rrggbb})
 * or {@code null} for the theme's default, so the view can follow light and dark.
 */
public record AnsiStyle(String foreground, String background, boolean bold, boolean italic, boolean underline, boolean faint) {

    public static final AnsiStyle PLAIN = new AnsiStyle(null, null, false, false, false, false);

    public boolean isPlain() {
        return equals(PLAIN);
    }

    AnsiStyle withForeground(String color) {
        return new AnsiStyle(color, background, bold, italic, underline, faint);
    }

    AnsiStyle withBackground(String color) {
        return new AnsiStyle(foreground, color, bold, italic, underline, faint);
    }

    AnsiStyle withBold(boolean on) {
        return new AnsiStyle(foreground, background, on, italic, underline, faint);
    }

    AnsiStyle withFaint(boolean on) {
        return new AnsiStyle(foreground, background, bold, italic, underline, on);
    }

    AnsiStyle withItalic(boolean on) {
        return new AnsiStyle(foreground, background, bold, on, underline, faint);
    }

    AnsiStyle withUnderline(boolean on) {
        return new AnsiStyle(foreground, background, bold, italic, on, faint);
    }
}
