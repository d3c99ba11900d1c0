package io.taskconsole.ui.log;

import io.taskconsole.helm.OutputListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the log panel: which stream it came from, its plain text for search, copy and save,
 * and where its colours change. Parsed once when it arrives, not each time a cell shows it.
 *
 * <p>A followed agent log can hold 100,000 lines, all live in the heap: the styled runs are kept as
 * offsets into the plain text, and cut into {@link #spans()} only for the few lines a cell shows, so
 * the text is held once (a collection's pause grows with what is live).
 */
public final class LogLine {

    private final long number;
    private final OutputListener.Stream stream;
    private final String plain;
    /** Where each run ends in {@link #plain}; null when the whole line is one plain run. */
    private final int[] ends;
    private final AnsiStyle[] styles;

    private LogLine(long number, OutputListener.Stream stream, String plain, int[] ends, AnsiStyle[] styles) {
        this.number = number;
        this.stream = stream;
        this.plain = plain;
        this.ends = ends;
        this.styles = styles;
    }

    public static LogLine of(long number, OutputListener.Stream stream, String raw) {
        List<AnsiText.Span> spans = AnsiText.parse(raw, AnsiStyle.PLAIN);
        if (spans.size() == 1 && spans.get(0).style().equals(AnsiStyle.PLAIN)) {
            return new LogLine(number, stream, spans.get(0).text(), null, null);
        }
        StringBuilder plain = new StringBuilder();
        int[] ends = new int[spans.size()];
        AnsiStyle[] styles = new AnsiStyle[spans.size()];
        for (int i = 0; i < spans.size(); i++) {
            plain.append(spans.get(i).text());
            ends[i] = plain.length();
            styles[i] = spans.get(i).style();
        }
        return new LogLine(number, stream, plain.toString(), ends, styles);
    }

    /** The same line under another number: lines are parsed where they arrive and numbered when listed. */
    LogLine numbered(long lineNumber) {
        return new LogLine(lineNumber, stream, plain, ends, styles);
    }

    public long number() {
        return number;
    }

    public OutputListener.Stream stream() {
        return stream;
    }

    public String plain() {
        return plain;
    }

    /** The line's styled runs, in order; their texts make up {@link #plain()}. */
    public List<AnsiText.Span> spans() {
        if (ends == null) {
            return List.of(new AnsiText.Span(plain, AnsiStyle.PLAIN));
        }
        List<AnsiText.Span> spans = new ArrayList<>(ends.length);
        int start = 0;
        for (int i = 0; i < ends.length; i++) {
            spans.add(new AnsiText.Span(plain.substring(start, ends[i]), styles[i]));
            start = ends[i];
        }
        return spans;
    }

    public boolean contains(String query) {
        return !query.isEmpty() && plain.toLowerCase(Locale.ROOT).contains(query.toLowerCase(Locale.ROOT));
    }

    /** The line as saved or copied: stderr and info lines keep a marker so they stay told apart. */
    public String exported() {
        return switch (stream) {
            case STDOUT -> plain;
            case STDERR -> "[stderr] " + plain;
            case INFO -> "# " + plain;
        };
    }

    @Override
    public String toString() {
        return number + " " + stream + " " + plain;
    }
}
