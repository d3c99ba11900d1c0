package io.taskconsole.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/** The text a reader sees in a node, without Markdown markup, on one line. */
final class PlainText {

    private PlainText() {
    }

    static String of(Node node) {
        return new TextCollectingVisitor().collectAndGetText(node).replaceAll("\\s+", " ").strip();
    }
}
