package io.taskconsole.markdown;

import java.util.Arrays;

/**
 * Maps character offsets to 1-based line numbers with a binary search over precomputed line
 * starts, so numbering every block of a 1 MB document stays linear. {@code \n}, {@code \r\n} and a
 * lone {@code \r} each end one line, as in CommonMark.
 */
final class LineIndex {

    private final int[] lineStarts;
    private final int lineCount;

    private LineIndex(int[] lineStarts, int lineCount) {
        this.lineStarts = lineStarts;
        this.lineCount = lineCount;
    }

    static LineIndex of(CharSequence text) {
        int[] starts = new int[64];
        int count = 1;
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c == '\r' && i + 1 < length && text.charAt(i + 1) == '\n') {
                i++;
            } else if (c != '\n' && c != '\r') {
                continue;
            }
            if (count == starts.length) {
                starts = Arrays.copyOf(starts, count * 2);
            }
            starts[count++] = i + 1;
        }
        return new LineIndex(starts, count);
    }

    /** The 1-based line holding {@code offset}; offsets past the end belong to the last line. */
    int lineOf(int offset) {
        int found = Arrays.binarySearch(lineStarts, 0, lineCount, Math.max(0, offset));
        return found >= 0 ? found + 1 : -found - 1;
    }
}
