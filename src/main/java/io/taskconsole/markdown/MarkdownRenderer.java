package io.taskconsole.markdown;

import com.vladsch.flexmark.html.HtmlRenderer;

/**
 * Markdown to HTML for the preview, GitHub-flavoured (tables, strikethrough, task boxes shown as
 * disabled checkboxes). The text comes from the user and from files anyone may have written, so
 * the output is safe to show in a browser engine: raw HTML is shown as escaped source, links are inert and images
 * other than inline data are replaced by a placeholder. Block elements carry
 * {@code data-source-line} (1-based) for scroll sync.
 *
 * <p>Thread-safe and meant to be built once: it is called on every pause in typing.
 */
public final class MarkdownRenderer {

    private final MarkdownSyntax syntax = new MarkdownSyntax();
    private final HtmlRenderer renderer = HtmlRenderer.builder(MarkdownSyntax.options())
            .nodeRendererFactory(options -> new SafeLinkRenderer())
            .nodeRendererFactory(options -> new RawHtmlRenderer())
            .attributeProviderFactory(SourceLineAttributes.factory())
            .build();

    /** The HTML body fragment for {@code markdown}. */
    public String toHtml(String markdown) {
        return renderer.render(syntax.parse(markdown).document());
    }

    /** Body HTML, outline and word count from one parse, for a preview refresh. */
    public RenderedMarkdown render(String markdown) {
        ParsedMarkdown parsed = syntax.parse(markdown);
        return new RenderedMarkdown(renderer.render(parsed.document()), Outline.of(parsed), WordCount.of(markdown));
    }

    /** The headings of {@code markdown}, with their 1-based source lines. */
    public Outline outline(String markdown) {
        return Outline.of(syntax.parse(markdown));
    }
}
