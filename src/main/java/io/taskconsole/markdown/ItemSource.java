package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.HtmlInlineComment;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.ArrayList;
import java.util.List;

/**
 * The Markdown source of a list item's first paragraph, on one line, as the criterion's text.
 * flexmark's content lines already lack the list marker, task box, indentation and block quote
 * prefixes of continuation lines; inline HTML comments are dropped, so an unfilled template item
 * like {@code - [ ] <!-- describe -->} has no text.
 */
final class ItemSource {

    private ItemSource() {
    }

    static String of(ListItem item) {
        Paragraph paragraph = firstParagraph(item);
        return paragraph == null ? "" : of(paragraph);
    }

    /**
     * The same paragraph as the preview renders it, so the criteria list shows {@code `code`} as code
     * rather than backticks. Inline HTML comments are left out here too.
     */
    static List<Span> spans(ListItem item, Document document) {
        Paragraph paragraph = firstParagraph(item);
        return paragraph == null ? List.of() : InlineSpans.withoutComments(paragraph, document);
    }

    private static Paragraph firstParagraph(ListItem item) {
        for (Node node = item.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Paragraph paragraph) {
                return paragraph;
            }
        }
        return null;
    }

    private static String of(Paragraph paragraph) {
        List<Node> comments = new ArrayList<>();
        collectComments(paragraph, comments);
        CharSequence base = paragraph.getChars().getBaseSequence();
        List<BasedSequence> lines = paragraph.getContentLines();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            BasedSequence line = lines.get(i);
            String visible = withoutComments(base, line.getStartOffset(), line.getEndOffset(), comments).strip();
            boolean hardBreak = i < lines.size() - 1 && visible.endsWith("\\") && !visible.endsWith("\\\\");
            if (hardBreak) {
                visible = visible.substring(0, visible.length() - 1).stripTrailing();
            }
            if (!visible.isEmpty()) {
                if (text.length() > 0) {
                    text.append(' ');
                }
                text.append(visible);
            }
        }
        return text.toString();
    }

    private static void collectComments(Node parent, List<Node> comments) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof HtmlInlineComment) {
                comments.add(node);
            } else {
                collectComments(node, comments);
            }
        }
    }

    private static String withoutComments(CharSequence base, int start, int end, List<Node> comments) {
        StringBuilder kept = new StringBuilder(end - start);
        int position = start;
        boolean afterComment = false;
        for (Node comment : comments) {
            if (comment.getEndOffset() <= position || comment.getStartOffset() >= end) {
                continue;
            }
            append(kept, base, position, Math.max(position, comment.getStartOffset()), afterComment);
            position = Math.min(end, comment.getEndOffset());
            afterComment = true;
        }
        append(kept, base, position, end, afterComment);
        return kept.toString();
    }

    /** Text on both sides of a removed comment is joined by one space, not two. */
    private static void append(StringBuilder kept, CharSequence base, int from, int to, boolean afterComment) {
        int start = from;
        if (afterComment && (kept.length() == 0 || Character.isWhitespace(kept.charAt(kept.length() - 1)))) {
            while (start < to && Character.isWhitespace(base.charAt(start))) {
                start++;
            }
        }
        kept.append(base, start, to);
    }
}
