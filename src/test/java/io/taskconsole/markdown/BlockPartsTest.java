package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.Nesting.Level;
import io.taskconsole.markdown.Nesting.Task;
import io.taskconsole.markdown.PreviewBlock.Code;
import io.taskconsole.markdown.PreviewBlock.Part;
import io.taskconsole.markdown.PreviewBlock.Table;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Long code blocks and tables reach the preview as consecutive parts that read, and scroll, as the whole. */
class BlockPartsTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private List<PreviewBlock> blocks(String markdown) {
        return renderer.render(markdown).blocks();
    }

    private static String codeLines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "code line " + i + ";").collect(Collectors.joining("\n"));
    }

    private static String sourceLine(String markdown, int line) {
        return markdown.split("\r?\n", -1)[line - 1];
    }

    private static <T extends PreviewBlock> List<T> only(List<PreviewBlock> blocks, Class<T> type) {
        return blocks.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The text a reader gets from consecutive parts: each continues the line after the one before. */
    private static String joined(List<? extends PreviewBlock> parts) {
        return parts.stream().map(PreviewBlock::plainText).collect(Collectors.joining("\n"));
    }

    /** 100 lines and a blank one: no part of its own for the blank line, which would show as a blank band. */
    @Test
    void aBlankLastLineIsNotAPartOfItsOwn() {
        String markdown = "```\n" + codeLines(100) + "\n\n```\n";

        List<Code> parts = only(blocks(markdown), Code.class);

        assertThat(parts).hasSize(2);
        assertThat(parts).allSatisfy(part -> assertThat(part.code().strip()).isNotEmpty());
        assertThat(parts.get(1).part()).isEqualTo(Part.LAST);
        assertThat(joined(parts).strip()).isEqualTo(codeLines(100));
    }

    @Test
    void aThousandLineFencedBlockBecomesPartsThatStartOnTheirOwnLines() {
        String code = codeLines(1_000);
        String markdown = "# Dump\n\nSome text.\n\n```java\n" + code + "\n```\n\nAfter.\n";

        List<Code> parts = only(blocks(markdown), Code.class);

        assertThat(parts).hasSizeGreaterThan(5);
        assertThat(parts.get(0).line()).as("the first part starts on the fence").isEqualTo(5);
        assertThat(sourceLine(markdown, parts.get(0).line())).isEqualTo("```java");
        for (Code part : parts.subList(1, parts.size())) {
            assertThat(sourceLine(markdown, part.line())).as("part at line %d", part.line())
                    .isEqualTo(part.code().lines().findFirst().orElseThrow());
        }
        assertThat(parts).allSatisfy(part -> assertThat(part.lineCount()).isLessThanOrEqualTo(BlockParts.CODE_LINES));
        assertThat(parts).allSatisfy(part -> assertThat(part.language()).isEqualTo("java"));
        assertThat(joined(parts)).isEqualTo(code);
        assertThat(parts).extracting(PreviewBlock::part).first().isEqualTo(Part.FIRST);
        assertThat(parts).extracting(PreviewBlock::part).last().isEqualTo(Part.LAST);
        assertThat(parts.subList(1, parts.size() - 1)).extracting(PreviewBlock::part).containsOnly(Part.MIDDLE);
        assertThat(blocks(markdown)).last().extracting(PreviewBlock::plainText).isEqualTo("After.");
    }

    @Test
    void indentedCodeAndWindowsLineEndingsCutOnTheSameLines() {
        String code = codeLines(120);
        String markdown = "Intro.\n\n" + code.indent(4);

        List<Code> parts = only(blocks(markdown), Code.class);
        List<Code> windows = only(blocks(markdown.replace("\n", "\r\n")), Code.class);

        assertThat(parts).extracting(PreviewBlock::line).containsExactly(3, 3 + BlockParts.CODE_LINES, 3 + 2 * BlockParts.CODE_LINES);
        assertThat(sourceLine(markdown, parts.get(2).line())).isEqualTo("    code line " + (2 * BlockParts.CODE_LINES + 1) + ";");
        assertThat(joined(parts)).isEqualTo(code);
        assertThat(windows).isEqualTo(parts);
    }

    @Test
    void aBlockOfExactlyOnePartStaysWhole() {
        assertThat(only(blocks("```\n" + codeLines(BlockParts.CODE_LINES) + "\n```\n"), Code.class))
                .singleElement().extracting(PreviewBlock::part).isEqualTo(Part.WHOLE);
        assertThat(only(blocks("```\n" + codeLines(BlockParts.CODE_LINES + 1) + "\n```\n"), Code.class))
                .extracting(PreviewBlock::part).containsExactly(Part.FIRST, Part.LAST);
    }

    @Test
    void onlyTheFirstPartOfCodeInAListItemShowsTheItemsMarker() {
        String markdown = "1. ```\n" + codeLines(200).indent(3) + "   ```\n";

        List<PreviewBlock> blocks = blocks(markdown);

        assertThat(blocks).hasSize(4).allSatisfy(part -> assertThat(part).isInstanceOf(Code.class));
        assertThat(blocks).extracting(PreviewBlock::nesting).containsExactly(
                new Nesting(List.of(Level.LIST), "1.", Task.NONE, List.of("1.")),
                new Nesting(List.of(Level.LIST), "", Task.NONE, List.of("1.")),
                new Nesting(List.of(Level.LIST), "", Task.NONE, List.of("1.")),
                new Nesting(List.of(Level.LIST), "", Task.NONE, List.of("1.")));
        List<Code> parts = only(blocks, Code.class);
        assertThat(sourceLine(markdown, parts.get(1).line()).strip()).isEqualTo("code line " + (BlockParts.CODE_LINES + 1) + ";");
    }

    @Test
    void aLongTableBecomesPartsWithTheHeaderOnlyOnTheFirst() {
        StringBuilder markdown = new StringBuilder("Before.\n\n| Id | Name | Note |\n|---:|------|:----:|\n");
        for (int i = 1; i <= 1_000; i++) {
            markdown.append("| ").append(i).append(" | row ").append(i).append(" | *n* |\n");
        }
        String text = markdown.toString();
        String whole = "Id\tName\tNote\n" + IntStream.rangeClosed(1, 1_000).mapToObj(i -> i + "\trow " + i + "\tn")
                .collect(Collectors.joining("\n"));

        List<Table> parts = only(blocks(text), Table.class);

        assertThat(parts).hasSizeGreaterThan(5);
        assertThat(parts.get(0).line()).isEqualTo(3);
        assertThat(parts.get(0).header()).hasSize(3);
        for (Table part : parts.subList(1, parts.size())) {
            assertThat(part.header()).isEmpty();
            String firstRowId = part.plainText().substring(0, part.plainText().indexOf('\t'));
            assertThat(sourceLine(text, part.line())).as("part at line %d", part.line()).startsWith("| " + firstRowId + " |");
        }
        assertThat(parts).allSatisfy(part -> assertThat(part.alignments()).isEqualTo(parts.get(0).alignments()));
        assertThat(parts.subList(0, parts.size() - 1)).as("shading of alternate rows runs on")
                .allSatisfy(part -> assertThat(part.rows().size() % 2).isZero());
        assertThat(joined(parts)).isEqualTo(whole);
        assertThat(parts).extracting(PreviewBlock::part).first().isEqualTo(Part.FIRST);
        assertThat(parts).extracting(PreviewBlock::part).last().isEqualTo(Part.LAST);
    }

    @Test
    void theLastBlockStartingAtOrAboveALineDeepInABigBlockHoldsThatLine() {
        String markdown = "# Dump\n\n```\n" + codeLines(1_000) + "\n```\n";
        List<PreviewBlock> blocks = blocks(markdown);

        for (int codeLine : new int[] {1, 49, 50, 51, 537, 999, 1_000}) {
            int line = 3 + codeLine;
            PreviewBlock at = blocks.stream().filter(block -> block.line() <= line).reduce((a, b) -> b).orElseThrow();
            assertThat(at.plainText().lines()).as("block for source line %d", line).contains("code line " + codeLine + ";");
        }
    }
}
