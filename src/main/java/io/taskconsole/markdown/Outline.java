package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.util.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * The headings of a document in order, so the editor can show a table of contents and jump to a
 * line. Headings inside code blocks, HTML or front matter are not headings and are not listed.
 */
public record Outline(List<OutlineHeading> headings) {

    public Outline {
        headings = List.copyOf(headings);
    }

    static Outline of(ParsedMarkdown markdown) {
        List<OutlineHeading> found = new ArrayList<>();
        collect(markdown, markdown.document(), found);
        return new Outline(found);
    }

    private static void collect(ParsedMarkdown markdown, Node parent, List<OutlineHeading> found) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading) {
                found.add(new OutlineHeading(heading.getLevel(), PlainText.of(heading), markdown.lineOf(heading)));
            } else if (node instanceof BlockQuote || node instanceof ListBlock || node instanceof ListItem) {
                collect(markdown, node, found);
            }
        }
    }
}
