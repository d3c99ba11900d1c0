package io.taskconsole.markdown;

/**
 * One heading of a document for the editor's outline.
 *
 * @param level 1 for {@code #} or a {@code ===} underline, up to 6
 * @param text  the heading as a reader sees it, without markup
 * @param line  1-based source line where the heading's text starts
 */
public record OutlineHeading(int level, String text, int line) {
}
