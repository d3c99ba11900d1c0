package io.taskconsole.markdown;

import com.vladsch.flexmark.ast.AutoLink;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.MailLink;
import com.vladsch.flexmark.ast.RefNode;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.html.HtmlWriter;
import com.vladsch.flexmark.html.renderer.NodeRenderer;
import com.vladsch.flexmark.html.renderer.NodeRendererContext;
import com.vladsch.flexmark.html.renderer.NodeRenderingHandler;
import com.vladsch.flexmark.util.ast.Node;
import java.util.Set;

/**
 * Renders links and images so the preview can neither navigate nor fetch anything: links become
 * {@code <a>} without {@code href} (the target in {@code data-href} and the tooltip, for a front end
 * that wants to open it in a browser), dangerous ones plain text, and every image that is not
 * inline data a visible placeholder naming what was not loaded.
 */
final class SafeLinkRenderer implements NodeRenderer {

    @Override
    public Set<NodeRenderingHandler<?>> getNodeRenderingHandlers() {
        return Set.of(
                new NodeRenderingHandler<>(Link.class,
                        (node, context, html) -> link(node, node.getUrl().unescape(), node.getTitle().unescape(), context, html)),
                new NodeRenderingHandler<>(LinkRef.class, this::linkRef),
                new NodeRenderingHandler<>(AutoLink.class,
                        (node, context, html) -> link(node, node.getUrl().unescape(), "", context, html)),
                new NodeRenderingHandler<>(MailLink.class,
                        (node, context, html) -> mailLink(node, html)),
                new NodeRenderingHandler<>(Image.class,
                        (node, context, html) -> image(node, node.getUrl().unescape(), node.getTitle().unescape(), html)),
                new NodeRenderingHandler<>(ImageRef.class, this::imageRef));
    }

    private void linkRef(LinkRef node, NodeRendererContext context, HtmlWriter html) {
        Reference reference = definition(node, context);
        if (reference == null) {
            context.delegateRender();
            return;
        }
        link(node, reference.getUrl().unescape(), reference.getTitle().unescape(), context, html);
    }

    private void imageRef(ImageRef node, NodeRendererContext context, HtmlWriter html) {
        Reference reference = definition(node, context);
        if (reference == null) {
            context.delegateRender();
            return;
        }
        image(node, reference.getUrl().unescape(), reference.getTitle().unescape(), html);
    }

    private static Reference definition(RefNode node, NodeRendererContext context) {
        return node.isDefined() ? node.getReferenceNode(context.getDocument()) : null;
    }

    private static void link(Node node, String url, String title, NodeRendererContext context, HtmlWriter html) {
        if (UrlPolicy.isShowableLink(url)) {
            html.attr("class", "md-link")
                    .attr("data-href", url)
                    .attr("title", title.isBlank() ? url : title + " (" + url + ")")
                    .withAttr()
                    .tag("a");
        } else {
            html.attr("class", "md-blocked-link")
                    .attr("title", "Link removed: its address could run code")
                    .withAttr()
                    .tag("span");
        }
        if (node.hasChildren()) {
            context.renderChildren(node);
        } else {
            html.text(url);
        }
        html.tag(UrlPolicy.isShowableLink(url) ? "/a" : "/span");
    }

    private static void mailLink(MailLink node, HtmlWriter html) {
        String address = node.getText().unescape();
        html.attr("class", "md-link").attr("data-href", "mailto:" + address).attr("title", address).withAttr().tag("a");
        html.text(address);
        html.tag("/a");
    }

    private static void image(Node node, String url, String title, HtmlWriter html) {
        String alt = PlainText.of(node);
        if (UrlPolicy.isEmbeddableImage(url)) {
            html.attr("src", url).attr("alt", alt);
            if (!title.isBlank()) {
                html.attr("title", title);
            }
            html.withAttr().tagVoid("img");
            return;
        }
        html.attr("class", "md-blocked-image")
                .attr("title", "Image not loaded: " + shortened(url))
                .withAttr()
                .tag("span");
        html.text(alt.isEmpty() ? "[image]" : "[image: " + alt + "]");
        html.tag("/span");
    }

    private static String shortened(String url) {
        return url.length() <= 200 ? url : url.substring(0, 200) + "…";
    }
}
