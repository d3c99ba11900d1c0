package io.taskconsole.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.MarkdownRenderer;
import io.taskconsole.markdown.PreviewPage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreviewPatchTest {

    private static final MarkdownRenderer RENDERER = new MarkdownRenderer();

    private static final String TASK = """
            # Rate-limit failed logins

            Lock an account after **five** failed logins in ten minutes.

            ## Acceptance criteria

            - [ ] AC-1 Lockouts are logged
            - [x] AC-2 The lockout lasts 15 minutes

            ```java
            if (failures > 5) { lock(account); }
            ```

            | Field | Meaning |
            |---|---|
            | a < b | "quoted" & escaped |

            ---

            Last paragraph with a [link](https://example.com) and <b>raw html</b>.
            """;

    private static PageBlocks page(String markdown, PreviewPage.Theme theme) {
        return PageBlocks.of(PreviewPage.wrap(RENDERER.toHtml(markdown), theme)).orElseThrow();
    }

    private static PageBlocks page(String markdown) {
        return page(markdown, PreviewPage.Theme.LIGHT);
    }

    /** What the page holds after the view applied the patch, block by block. */
    private static List<String> applied(PageBlocks before, PreviewPatch patch) {
        List<String> blocks = new ArrayList<>(before.blocks().subList(0, patch.from()));
        blocks.addAll(patch.inserted());
        for (String old : before.blocks().subList(patch.from() + patch.removed(), before.blocks().size())) {
            blocks.add(PreviewPatch.shifted(old, patch.lineDelta()));
        }
        return blocks;
    }

    @Test
    void theRenderedPageSplitsIntoItsTopLevelBlocks() {
        PageBlocks blocks = page(TASK);

        assertThat(blocks.head()).contains("Content-Security-Policy").endsWith(">");
        assertThat(blocks.blocks()).hasSize(8);
        assertThat(blocks.blocks().get(0)).startsWith("<h1").endsWith("</h1>");
        assertThat(blocks.blocks().get(3)).startsWith("<ul").endsWith("</ul>");
        assertThat(blocks.blocks().get(6)).startsWith("<hr");
    }

    @Test
    void typingAWordReplacesOnlyTheParagraphItIsIn() {
        PageBlocks before = page(TASK);
        PageBlocks after = page(TASK.replace("in ten minutes", "in ten short minutes"));

        PreviewPatch patch = PreviewPatch.between(before, after).orElseThrow();

        assertThat(patch.removed()).isEqualTo(1);
        assertThat(patch.inserted()).hasSize(1).first().asString().contains("ten short minutes");
        assertThat(applied(before, patch)).isEqualTo(after.blocks());
    }

    @Test
    void newLinesAboveMoveTheSourceLinesOfEverythingBelowWithoutReplacingIt() {
        PageBlocks before = page(TASK);
        PageBlocks after = page(TASK.replace("in ten minutes.", "in ten minutes.\n\nA new paragraph.\n\nAnd another."));

        PreviewPatch patch = PreviewPatch.between(before, after).orElseThrow();

        assertThat(patch.removed()).isLessThanOrEqualTo(1);
        assertThat(patch.inserted()).hasSizeLessThanOrEqualTo(3);
        assertThat(patch.lineDelta()).isEqualTo(4);
        assertThat(applied(before, patch)).isEqualTo(after.blocks());
    }

    @Test
    void deletingBlocksAndAppendingAtTheEndArePatchesToo() {
        PageBlocks before = page(TASK);
        PageBlocks shorter = page(TASK.replace("---\n\n", ""));
        PageBlocks longer = page(TASK + "\n## Notes\n\nMore.\n");

        PreviewPatch removal = PreviewPatch.between(before, shorter).orElseThrow();
        PreviewPatch addition = PreviewPatch.between(before, longer).orElseThrow();

        assertThat(applied(before, removal)).isEqualTo(shorter.blocks());
        assertThat(removal.inserted()).isEmpty();
        assertThat(applied(before, addition)).isEqualTo(longer.blocks());
        assertThat(addition.from()).isEqualTo(before.blocks().size());
    }

    @Test
    void anotherThemeOrAnotherFileIsLoadedAfresh() {
        PageBlocks before = page(TASK);

        assertThat(PreviewPatch.between(before, page(TASK, PreviewPage.Theme.DARK))).isEmpty();
        assertThat(PreviewPatch.between(before, page("# Design\n\nSomething else.\n"))).isEmpty();
    }

    @Test
    void anUnchangedRenderChangesNothing() {
        PreviewPatch patch = PreviewPatch.between(page(TASK), page(TASK)).orElseThrow();

        assertThat(patch.changesNothing()).isTrue();
    }
}
