package io.taskconsole.ui.log;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of terminal output into styled runs by its SGR codes ({@code ESC[...m}): the 16
 * basic colours, 256-colour and 24-bit colours, bold, faint, italic, underline and resets. Other
 * escape sequences (cursor movement, titles) are dropped so they never show as garbage.
 */
public final class AnsiText {

    /** A run of text in one style. */
    public record Span(String text, AnsiStyle style) {
    }

    private static final String[] BASIC = {
        "#3b3b3b", "#cd3131", "#0dbc79", "#c9a000", "#2472c8", "#bc3fbc", "#11a8cd", "#a0a0a0"
    };
    private static final String[] BRIGHT = {
        "#666666", "#f14c4c", "#23d18b", "#dfc000", "#3b8eea", "#d670d6", "#29b8db", "#e5e5e5"
    };

    private AnsiText() {
    }

    /** Parses one line starting in {@code style}; the style at its end is the last span's, or {@code style}. */
    public static List<Span> parse(String line, AnsiStyle style) {
        List<Span> spans = new ArrayList<>();
        if (isPlain(line)) {
            // Most lines (an agent's JSON events, helm's own) have nothing to strip: no copy.
            spans.add(new Span(line, style));
            return spans;
        }
        StringBuilder text = new StringBuilder();
        AnsiStyle current = style;
        int i = 0;
        int n = line.length();
        while (i < n) {
            char c = line.charAt(i);
            if (c == '\u001b') {
                int end = sequenceEnd(line, i);
                if (i + 1 < n && line.charAt(i + 1) == '[' && end <= n && line.charAt(end - 1) == 'm') {
                    AnsiStyle next = applySgr(current, line.substring(i + 2, end - 1));
                    if (!next.equals(current)) {
                        flush(spans, text, current);
                        current = next;
                    }
                }
                i = end;
            } else if (c == '\r' || (c < 0x20 && c != '\t')) {
                i++;
            } else {
                text.append(c);
                i++;
            }
        }
        flush(spans, text, current);
        if (spans.isEmpty()) {
            spans.add(new Span("", current));
        }
        return spans;
    }

    private static boolean isPlain(String line) {
        for (int i = 0, n = line.length(); i < n; i++) {
            char c = line.charAt(i);
            if (c < 0x20 && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The text of a line without any escape sequences: for search, copy and save. */
    public static String plain(String line) {
        if (isPlain(line)) {
            return line;
        }
        StringBuilder out = new StringBuilder();
        for (Span span : parse(line, AnsiStyle.PLAIN)) {
            out.append(span.text());
        }
        return out.toString();
    }

    private static void flush(List<Span> spans, StringBuilder text, AnsiStyle style) {
        if (text.length() > 0) {
            spans.add(new Span(text.toString(), style));
            text.setLength(0);
        }
    }

    /** Index just past the escape sequence starting at {@code start}. */
    private static int sequenceEnd(String line, int start) {
        int n = line.length();
        if (start + 1 >= n) {
            return n;
        }
        char kind = line.charAt(start + 1);
        if (kind == '[') {
            int i = start + 2;
            while (i < n && (line.charAt(i) < 0x40 || line.charAt(i) > 0x7e)) {
                i++;
            }
            return Math.min(n, i + 1);
        }
        if (kind == ']') {
            int bell = line.indexOf('\u0007', start);
            int st = line.indexOf("\u001b\\", start + 2);
            if (bell < 0 && st < 0) {
                return n;
            }
            if (bell >= 0 && (st < 0 || bell < st)) {
                return bell + 1;
            }
            return st + 2;
        }
        return start + 2;
    }

    private static AnsiStyle applySgr(AnsiStyle style, String params) {
        if (params.isEmpty()) {
            return AnsiStyle.PLAIN;
        }
        int[] codes = sgrCodes(params);
        if (codes == null) {
            return style;
        }
        AnsiStyle s = style;
        for (int k = 0; k < codes.length; k++) {
            int code = codes[k];
            if (code == 0) {
                s = AnsiStyle.PLAIN;
            } else if (code == 1) {
                s = s.withBold(true);
            } else if (code == 2) {
                s = s.withFaint(true);
            } else if (code == 3) {
                s = s.withItalic(true);
            } else if (code == 4) {
                s = s.withUnderline(true);
            } else if (code == 22) {
                s = s.withBold(false).withFaint(false);
            } else if (code == 23) {
                s = s.withItalic(false);
            } else if (code == 24) {
                s = s.withUnderline(false);
            } else if (code >= 30 && code <= 37) {
                s = s.withForeground(BASIC[code - 30]);
            } else if (code == 39) {
                s = s.withForeground(null);
            } else if (code >= 40 && code <= 47) {
                s = s.withBackground(BASIC[code - 40]);
            } else if (code == 49) {
                s = s.withBackground(null);
            } else if (code >= 90 && code <= 97) {
                s = s.withForeground(BRIGHT[code - 90]);
            } else if (code >= 100 && code <= 107) {
                s = s.withBackground(BRIGHT[code - 100]);
            } else if ((code == 38 || code == 48) && k + 1 < codes.length) {
                String color = null;
                if (codes[k + 1] == 5 && k + 2 < codes.length) {
                    color = color256(codes[k + 2]);
                    k += 2;
                } else if (codes[k + 1] == 2 && k + 4 < codes.length) {
                    color = String.format("#%02x%02x%02x", clamp(codes[k + 2]), clamp(codes[k + 3]), clamp(codes[k + 4]));
                    k += 4;
                } else {
                    k += 1;
                }
                s = code == 38 ? s.withForeground(color) : s.withBackground(color);
            }
        }
        return s;
    }

    /** The numbers between ';' or ':' separators (empty means 0), or null if one is not a number. */
    private static int[] sgrCodes(String params) {
        int count = 1;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == ';' || c == ':') {
                count++;
            }
        }
        int[] codes = new int[count];
        int k = 0;
        int value = 0;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == ';' || c == ':') {
                codes[k++] = value;
                value = 0;
            } else if (c >= '0' && c <= '9') {
                value = value > 100_000 ? value : value * 10 + (c - '0');
            } else {
                return null;
            }
        }
        codes[k] = value;
        return codes;
    }

    private static int clamp(int value) {
        return Math.max(0, Math.min(255, value));
    }

    static String color256(int index) {
        int i = clamp(index);
        if (i < 8) {
            return BASIC[i];
        }
        if (i < 16) {
            return BRIGHT[i - 8];
        }
        if (i < 232) {
            int v = i - 16;
            int[] steps = {0, 95, 135, 175, 215, 255};
            return String.format("#%02x%02x%02x", steps[v / 36], steps[(v / 6) % 6], steps[v % 6]);
        }
        int grey = 8 + (i - 232) * 10;
        return String.format("#%02x%02x%02x", grey, grey, grey);
    }
}
