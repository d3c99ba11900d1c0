package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.CodeBlock;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.IndentedCodeBlock;
import com.vladsch.flexmark.ast.ListBlock;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.tables.TableBlock;
import com.vladsch.flexmark.ext.tables.TableRow;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.AttributablePart;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.html.MutableAttributes;

/**
 * Stamps {@code data-source-line} (1-based) on block elements so the preview can scroll to the
 * editor's caret line and back.
 */
final class SourceLineAttributes implements AttributeProvider {

    static final String ATTRIBUTE = "data-source-line";

    private final LineIndex lines;

    private SourceLineAttributes(LineIndex lines) {
        this.lines = lines;
    }

    static IndependentAttributeProviderFactory factory() {
        return new IndependentAttributeProviderFactory() {
            @Override
            public AttributeProvider apply(LinkResolverContext context) {
                LineIndex lines = ParsedMarkdown.LINE_INDEX.get(context.getDocument());
                return new SourceLineAttributes(lines != null ? lines : LineIndex.of(context.getDocument().getChars()));
            }
        };
    }

    @Override
    public void setAttributes(Node node, AttributablePart part, MutableAttributes attributes) {
        if ((part == AttributablePart.NODE || node instanceof ListItem) && isBlock(node)) {
            attributes.replaceValue(ATTRIBUTE, Integer.toString(lines.lineOf(node.getStartOffset())));
        }
    }

    private static boolean isBlock(Node node) {
        return node instanceof Paragraph || node instanceof Heading || node instanceof ListItem
                || node instanceof ListBlock || node instanceof FencedCodeBlock
                || node instanceof IndentedCodeBlock || node instanceof CodeBlock
                || node instanceof TableBlock || node instanceof TableRow || node instanceof BlockQuote
                || node instanceof ThematicBreak || node instanceof HtmlBlock || node instanceof HtmlCommentBlock;
    }
}
