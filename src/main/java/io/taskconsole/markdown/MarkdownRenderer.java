package io.taskconsole.markdown;

/**
 * Markdown to preview blocks, GitHub-flavoured (tables, strikethrough, task boxes). The text comes
 * from the user and from files anyone may have written; the blocks are data, not markup, so
 * showing them cannot run a script or fetch anything. Each block carries its 1-based source line
 * for scroll sync.
 *
 * <p>The editor's highlighting comes from the same parse: the last text parsed is kept, so a
 * preview render of the text just highlighted (or the other way round) does not parse it again.
 *
 * <p>Thread-safe and meant to be built once: it is called on every pause in typing.
 */
public final class MarkdownRenderer {

    /** A text and its syntax tree; the tree is only read once built, so two workers may share it. */
    private record Parse(String text, ParsedMarkdown parsed) {
    }

    private final MarkdownSyntax syntax = new MarkdownSyntax();
    private volatile Parse last;

    /** Blocks, outline and word count from one parse, for a preview refresh. */
    public RenderedMarkdown render(String markdown) {
        ParsedMarkdown parsed = parse(markdown);
        return new RenderedMarkdown(PreviewBlocks.of(parsed), Outline.of(parsed), WordCount.of(markdown));
    }

    /** The headings of {@code markdown}, with their 1-based source lines. */
    public Outline outline(String markdown) {
        return Outline.of(parse(markdown));
    }

    /** The editor's highlighting of {@code markdown}, as offsets into it. */
    public Highlights highlight(String markdown) {
        int bom = markdown.startsWith("\uFEFF") ? 1 : 0;
        return SyntaxHighlighter.of(parse(markdown), markdown.length(), bom);
    }

    private ParsedMarkdown parse(String markdown) {
        Parse cached = last;
        if (cached != null && cached.text().equals(markdown)) {
            return cached.parsed();
        }
        ParsedMarkdown parsed = syntax.parse(markdown);
        last = new Parse(markdown, parsed);
        return parsed;
    }
}
