package io.taskconsole.markdown;

/**
 * Everything the preview pane shows for one version of the text, from a single parse.
 *
 * @param html      the body fragment, safe to display (see {@link MarkdownRenderer})
 * @param outline   the document's headings
 * @param wordCount see {@link WordCount}
 */
public record RenderedMarkdown(String html, Outline outline, int wordCount) {
}
