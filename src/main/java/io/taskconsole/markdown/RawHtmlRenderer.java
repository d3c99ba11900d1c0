package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.HtmlBlock;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Set;

/**
 * Shows HTML blocks and comments as their escaped source, in a pre-formatted block with a source
 * line like any other block, instead of running them or running their lines together.
 */
final class RawHtmlRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(HtmlBlock.class, (node, context, html) -> render(node, "md-raw-html", html)),
                new NodeRenderingHandler<>(HtmlCommentBlock.class,
                        (node, context, html) -> render(node, "md-raw-html md-html-comment", html)));
    }

    private static void render(Node node, String cssClass, HtmlWriter html) {
        html.line();
        html.attr("class", cssClass).withAttr().tag("pre");
        html.text(node.getChars().trimEOL().toString());
        html.tag("/pre").line();
    }
}
