package io.taskconsole.markdown;

import java.util.List;

/**
 * Everything the preview pane shows for one version of the text, from a single parse.
 *
 * @param blocks    the document as preview blocks, in order (see {@link PreviewBlock})
 * @param outline   the document's headings
 * @param wordCount see {@link WordCount}
 */
public record RenderedMarkdown(List<PreviewBlock> blocks, Outline outline, int wordCount) {
    public RenderedMarkdown {
        blocks = List.copyOf(blocks);
    }
}
