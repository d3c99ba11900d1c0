package io.taskconsole.ui.log;

import io.taskconsole.helm.OutputListener;
import java.util.List;
import java.util.Locale;

/**
 * One line of the log panel: which stream it came from, its styled runs, and its plain text for
 * search, copy and save. Parsed once when it arrives, not each time a cell shows it.
 */
public record LogLine(long number, OutputListener.Stream stream, List<AnsiText.Span> spans, String plain) {

    public LogLine {
        spans = List.copyOf(spans);
    }

    public static LogLine of(long number, OutputListener.Stream stream, String raw) {
        List<AnsiText.Span> spans = AnsiText.parse(raw, AnsiStyle.PLAIN);
        StringBuilder plain = new StringBuilder();
        spans.forEach(span -> plain.append(span.text()));
        return new LogLine(number, stream, spans, plain.toString());
    }

    /** The same line under another number: lines are parsed where they arrive and numbered when listed. */
    LogLine numbered(long lineNumber) {
        return new LogLine(lineNumber, stream, spans, plain);
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
}
