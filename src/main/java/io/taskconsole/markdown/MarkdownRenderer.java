package io.taskconsole.markdown;

/**
 * Markdown to preview blocks, GitHub-flavoured (tables, strikethrough, task boxes). The text comes
 * from the user and from files anyone may have written; the blocks are data, not markup, so
 * showing them cannot run a script or fetch anything. Each block carries its 1-based source line
 * for scroll sync.
 *
 * <p>Thread-safe and meant to be built once: it is called on every pause in typing.
 */
public final class MarkdownRenderer {

    private final MarkdownSyntax syntax = new MarkdownSyntax();

    /** Blocks, outline and word count from one parse, for a preview refresh. */
    public RenderedMarkdown render(String markdown) {
        ParsedMarkdown parsed = syntax.parse(markdown);
        return new RenderedMarkdown(PreviewBlocks.of(parsed), Outline.of(parsed), WordCount.of(markdown));
    }

    /** The headings of {@code markdown}, with their 1-based source lines. */
    public Outline outline(String markdown) {
        return Outline.of(syntax.parse(markdown));
    }
}
