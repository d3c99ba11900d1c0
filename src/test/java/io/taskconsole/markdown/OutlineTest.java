package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutlineTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    @Test
    void listsHeadingsWithLevelPlainTextAndLine() {
        String markdown = """
                ---
                title: "# not a heading"
                ---
                # The **export** task

                Setext title
                ============

                ```
                # not a heading either
                ```

                > ### Quoted `heading` ###

                <h2>HTML is no heading</h2>

                ###### Deep
                """.replace("\n", "\r\n");

        assertThat(renderer.outline(markdown).headings()).containsExactly(
                new OutlineHeading(1, "The export task", 4),
                new OutlineHeading(1, "Setext title", 6),
                new OutlineHeading(3, "Quoted heading", 13),
                new OutlineHeading(6, "Deep", 17));
    }

    @Test
    void documentWithoutHeadingsHasAnEmptyOutline() {
        assertThat(renderer.outline("just text\n\n- and a list\n").headings()).isEmpty();
    }
}
