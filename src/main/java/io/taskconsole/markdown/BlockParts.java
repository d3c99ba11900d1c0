package io.taskconsole.markdown;

import io.taskconsole.markdown.PreviewBlock.Part;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts code blocks and tables too long for one cell of a virtual list into consecutive parts (see
 * {@link Part}). As one block, a 5,000-line code block would be one node that the list lays out in
 * full whenever any of it is on screen, and scroll sync could reach only its first line.
 */
final class BlockParts {

    /**
     * Lines of code in a part: at the preview's 12.5 px monospace, about one screen, so a part costs
     * the list about what an ordinary block does and only two or three are built at a time.
     */
    static final int CODE_LINES = 50;

    /**
     * Rows of a table in a part, about one to two screens of one-line rows. Even, so the shading of
     * alternate rows, which each part draws from its own first row, carries on across parts.
     */
    static final int TABLE_ROWS = 50;

    private BlockParts() {
    }

    /**
     * @param firstCodeLine the source line of the first line of code: the line after the opening
     *                      fence of fenced code, the block's own line for indented code
     */
    static List<PreviewBlock.Code> of(PreviewBlock.Code whole, int firstCodeLine) {
        String code = whole.code();
        List<Integer> starts = new ArrayList<>(List.of(0));
        int newlines = 0;
        for (int end = code.indexOf('\n'); end >= 0; end = code.indexOf('\n', end + 1)) {
            // A last line that is empty would be a part of its own, drawn as a blank band.
            if (++newlines % CODE_LINES == 0 && end + 1 < code.length()) {
                starts.add(end + 1);
            }
        }
        if (starts.size() == 1) {
            return List.of(whole);
        }
        List<PreviewBlock.Code> parts = new ArrayList<>(starts.size());
        for (int i = 0; i < starts.size(); i++) {
            // Each part but the last ends just before the newline that the next one follows.
            int end = i + 1 < starts.size() ? starts.get(i + 1) - 1 : code.length();
            parts.add(i == 0
                    ? new PreviewBlock.Code(whole.line(), whole.nesting(), whole.language(), code.substring(0, end), Part.FIRST)
                    : new PreviewBlock.Code(firstCodeLine + i * CODE_LINES, whole.nesting().withoutMarker(), whole.language(),
                            code.substring(starts.get(i), end), Part.of(i, starts.size())));
        }
        return parts;
    }

    /** @param rowLines the source line of each of {@code whole}'s body rows */
    static List<PreviewBlock.Table> of(PreviewBlock.Table whole, List<Integer> rowLines) {
        List<List<List<Span>>> rows = whole.rows();
        int count = (rows.size() + TABLE_ROWS - 1) / TABLE_ROWS;
        if (count <= 1) {
            return List.of(whole);
        }
        List<PreviewBlock.Table> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            List<List<List<Span>>> partRows = rows.subList(i * TABLE_ROWS, Math.min(rows.size(), (i + 1) * TABLE_ROWS));
            parts.add(i == 0
                    ? new PreviewBlock.Table(whole.line(), whole.nesting(), whole.alignments(), whole.header(), partRows, Part.FIRST)
                    : new PreviewBlock.Table(rowLines.get(i * TABLE_ROWS), whole.nesting().withoutMarker(), whole.alignments(),
                            List.of(), partRows, Part.of(i, count)));
        }
        return parts;
    }
}
