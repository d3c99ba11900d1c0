package io.taskconsole.markdown;

import java.util.List;
import java.util.Set;

/**
 * The editor's highlighting of one version of a Markdown text: consecutive runs that together cover
 * the whole text, each with the {@link SyntaxStyle}s that apply to it (none for plain prose).
 *
 * @param length the length of the text the runs cover
 * @param runs   in order; their lengths add up to {@code length}
 */
public record Highlights(int length, List<Run> runs) {

    /** {@code length} characters with the same styles. */
    public record Run(int length, Set<SyntaxStyle> styles) {
        public Run {
            styles = Set.copyOf(styles);
        }
    }

    public Highlights {
        runs = List.copyOf(runs);
    }

    /**
     * The part of this (newer) highlighting that differs from {@code before}, as offsets into this
     * text: runs equal at the start, or equal at the end, of both need not be applied again, since
     * an editor keeps the styles of the text around an edit. Empty when nothing differs.
     */
    public Range changedSince(Highlights before) {
        if (before == null) {
            return new Range(0, length);
        }
        List<Run> old = before.runs();
        int head = 0;
        int headOffset = 0;
        while (head < runs.size() && head < old.size() && runs.get(head).equals(old.get(head))) {
            headOffset += runs.get(head).length();
            head++;
        }
        int tail = 0;
        int tailLength = 0;
        while (tail < runs.size() - head && tail < old.size() - head
                && runs.get(runs.size() - 1 - tail).equals(old.get(old.size() - 1 - tail))) {
            tailLength += runs.get(runs.size() - 1 - tail).length();
            tail++;
        }
        if (head == runs.size() && head == old.size()) {
            return new Range(0, 0);
        }
        return new Range(headOffset, Math.max(headOffset, length - tailLength));
    }

    /** The runs covering {@code range}, cut at its ends. */
    public List<Run> runsIn(Range range) {
        List<Run> out = new java.util.ArrayList<>();
        int offset = 0;
        for (Run run : runs) {
            int start = Math.max(offset, range.start());
            int end = Math.min(offset + run.length(), range.end());
            if (start < end) {
                out.add(new Run(end - start, run.styles()));
            }
            offset += run.length();
            if (offset >= range.end()) {
                break;
            }
        }
        return out;
    }

    /** The styles at {@code offset}, for tests and tools; empty past the end. */
    public Set<SyntaxStyle> stylesAt(int offset) {
        int start = 0;
        for (Run run : runs) {
            if (offset < start + run.length()) {
                return run.styles();
            }
            start += run.length();
        }
        return Set.of();
    }

    /** Character offsets {@code [start, end)}. */
    public record Range(int start, int end) {
        public boolean isEmpty() {
            return start >= end;
        }
    }
}
