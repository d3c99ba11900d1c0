package io.taskconsole.markdown;

import java.util.List;
import java.util.Set;

/**
 * The editor's highlighting of one version of a Markdown text: consecutive runs that together cover
 * the whole text, each with the {@link SyntaxStyle}s that apply to it (none for plain prose).
 */
public final class Highlights {

    private final int length;
    private final List<Run> runs;
    /** Where each run starts, for finding the runs of a range without walking all before it. */
    private final int[] starts;

    /** {@code length} characters with the same styles. */
    public record Run(int length, Set<SyntaxStyle> styles) {
        public Run {
            styles = Set.copyOf(styles);
        }
    }

    public Highlights(int length, List<Run> runs) {
        this.length = length;
        this.runs = List.copyOf(runs);
        this.starts = new int[this.runs.size()];
        int offset = 0;
        for (int i = 0; i < starts.length; i++) {
            starts[i] = offset;
            offset += this.runs.get(i).length();
        }
    }

    /** The length of the text the runs cover. */
    public int length() {
        return length;
    }

    /** In order; their lengths add up to {@link #length()}. */
    public List<Run> runs() {
        return runs;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Highlights h && h.length == length && h.runs.equals(runs);
    }

    @Override
    public int hashCode() {
        return 31 * length + runs.hashCode();
    }

    @Override
    public String toString() {
        return "Highlights[length=" + length + ", runs=" + runs + "]";
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

    /**
     * The runs covering {@code range}, cut at its ends. Found by a binary search, not a walk from the
     * text's start: a long file is restyled slice by slice, and each slice would walk all runs before it.
     */
    public List<Run> runsIn(Range range) {
        List<Run> out = new java.util.ArrayList<>();
        int found = java.util.Arrays.binarySearch(starts, range.start());
        int i = found >= 0 ? found : Math.max(0, -found - 2);
        for (; i < runs.size() && starts[i] < range.end(); i++) {
            Run run = runs.get(i);
            int start = Math.max(starts[i], range.start());
            int end = Math.min(starts[i] + run.length(), range.end());
            if (start < end) {
                out.add(end - start == run.length() ? run : new Run(end - start, run.styles()));
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
