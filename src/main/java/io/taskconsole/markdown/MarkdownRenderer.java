package io.taskconsole.markdown;

/**
 * Markdown to HTML for the preview. Raw HTML in the source is escaped and only relative or data
 * links survive, so a preview never runs scripts or loads remote content.
 */
public final class MarkdownRenderer {

    /** The HTML body fragment for {@code markdown}. */
    public String toHtml(String markdown) {
        throw new UnsupportedOperationException("not yet built");
    }
}
