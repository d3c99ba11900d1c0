package io.taskconsole.compare;

import java.util.List;

/**
 * One row of a side-by-side diff: a line the two sides share, one only the old side has, one only
 * the new side has, or a changed line with the words that changed marked on each side.
 *
 * @param oldNumber the 1-based line number on the old side, or {@code null} when the row has none
 * @param newNumber the same on the new side
 * @param oldSpans  the old line in pieces (one unchanged piece unless {@link Kind#CHANGED}); empty when absent
 * @param newSpans  the same for the new line
 */
public record DiffLine(Kind kind, Integer oldNumber, Integer newNumber, List<Span> oldSpans, List<Span> newSpans) {

    public DiffLine {
        oldSpans = List.copyOf(oldSpans);
        newSpans = List.copyOf(newSpans);
    }

    public enum Kind { SAME, REMOVED, ADDED, CHANGED }

    public String oldText() {
        return join(oldSpans);
    }

    public String newText() {
        return join(newSpans);
    }

    private static String join(List<Span> spans) {
        StringBuilder s = new StringBuilder();
        spans.forEach(span -> s.append(span.text()));
        return s.toString();
    }
}
