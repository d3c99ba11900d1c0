package io.taskconsole.ui.preview;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.Nesting;
import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.markdown.Span;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockChangeTest {

    private static PreviewBlock paragraph(int line, String text) {
        return new PreviewBlock.Paragraph(line, Nesting.TOP, List.of(Span.plain(text)));
    }

    private static List<PreviewBlock> page(int firstLine, String... texts) {
        List<PreviewBlock> blocks = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            blocks.add(paragraph(firstLine + 2 * i, texts[i]));
        }
        return blocks;
    }

    @Test
    void anEditedBlockIsTheOnlyOneReplaced() {
        List<PreviewBlock> before = page(1, "a", "b", "c", "d");
        List<PreviewBlock> after = page(1, "a", "B", "c", "d");

        BlockChange change = BlockChange.between(before, after);

        assertThat(change.from()).isEqualTo(1);
        assertThat(change.removed()).isEqualTo(1);
        assertThat(change.inserted()).extracting(PreviewBlock::plainText).containsExactly("B");
        List<PreviewBlock> shown = new ArrayList<>(before);
        change.applyTo(shown);
        assertThat(shown).extracting(PreviewBlock::plainText).containsExactly("a", "B", "c", "d");
        assertThat(shown.get(3)).isSameAs(before.get(3));
    }

    @Test
    void blocksMovedDownByAnInsertAboveAreKept() {
        List<PreviewBlock> before = page(1, "a", "b", "c");
        List<PreviewBlock> after = new ArrayList<>(List.of(paragraph(1, "new")));
        after.addAll(page(3, "a", "b", "c"));

        BlockChange change = BlockChange.between(before, after);

        assertThat(change.from()).isZero();
        assertThat(change.removed()).isZero();
        assertThat(change.inserted()).extracting(PreviewBlock::plainText).containsExactly("new");
    }

    @Test
    void theSameTextIsNoChangeAndADifferentFileReplacesEverything() {
        BlockChange none = BlockChange.between(page(1, "a", "b"), page(1, "a", "b"));
        assertThat(none.removed()).isZero();
        assertThat(none.inserted()).isEmpty();

        BlockChange other = BlockChange.between(page(1, "a", "b"), page(1, "x", "y", "z"));
        assertThat(other.removed()).isEqualTo(2);
        assertThat(other.inserted()).hasSize(3);
    }

    @Test
    void repeatedBlocksAreNotCountedTwice() {
        List<PreviewBlock> before = page(1, "x", "x");
        List<PreviewBlock> after = page(1, "x");

        List<PreviewBlock> shown = new ArrayList<>(before);
        BlockChange.between(before, after).applyTo(shown);

        assertThat(shown).extracting(PreviewBlock::plainText).containsExactly("x");
    }
}
