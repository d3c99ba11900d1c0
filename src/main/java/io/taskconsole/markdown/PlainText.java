package io.taskconsole.markdown;

import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.ast.TextCollectingVisitor;

/** The text a reader sees in a node, without Markdown markup, on one line. */
final class PlainText {

    private PlainText() {
    }

    static String of(Node node) {
        String text = new TextCollectingVisitor().collectAndGetText(node);
        StringBuilder line = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                pendingSpace = line.length() > 0;
            } else {
                if (pendingSpace) {
                    line.append(' ');
                    pendingSpace = false;
                }
                line.append(c);
            }
        }
        return line.toString();
    }
}
