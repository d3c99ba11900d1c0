package io.taskconsole.markdown;

import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;

/** A flexmark syntax tree together with the line index of the text it was parsed from. */
final class ParsedMarkdown {

    private final Document document;
    private final LineIndex lines;

    ParsedMarkdown(Document document, LineIndex lines) {
        this.document = document;
        this.lines = lines;
    }

    Document document() {
        return document;
    }

    /** 1-based line where {@code node} starts. */
    int lineOf(Node node) {
        return lines.lineOf(node.getStartOffset());
    }

    int lineOfOffset(int offset) {
        return lines.lineOf(offset);
    }
}
