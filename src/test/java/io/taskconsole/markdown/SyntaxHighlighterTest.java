package io.taskconsole.markdown;

import static io.taskconsole.markdown.SyntaxStyle.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The editor's highlighting, read off flexmark's syntax tree: every construct it colours. */
class SyntaxHighlighterTest {

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private static final String DOC = """
            ---
            title: Rate limits
            ---
            # Top heading
            ## Second *level*
            Setext heading
            --------------

            Some *emphasis*, **strong**, ~~gone~~ and `inline code`.
            A [link](https://example.com/docs) and ![a diagram](img/flow.png) and <https://auto.example>.

            - bullet item
            1. ordered item
            - [ ] open task
            - [x] done task

            > quoted words

            ```yaml
            key: value
            ```

                indented code

            | Name | Value |
            |------|-------|
            | rate | 5     |

            <div class="note">html block</div>

            ***
            """;

    @Test
    void headingsByLevelWithTheirMarkersDimmed() {
        Highlights h = renderer.highlight(DOC);
        assertThat(stylesOf(h, DOC, "Top heading")).contains(HEADING, H1).doesNotContain(H2);
        assertThat(stylesAt(h, DOC.indexOf("# Top"))).contains(HEADING, H1, MARKER);
        assertThat(stylesAt(h, DOC.indexOf("Top heading"))).doesNotContain(MARKER);
        assertThat(stylesOf(h, DOC, "Second")).contains(HEADING, H2);
        assertThat(stylesOf(h, DOC, "level")).contains(HEADING, H2, EMPHASIS);
        assertThat(stylesOf(h, DOC, "Setext heading")).contains(HEADING, H2);
        assertThat(stylesOf(h, DOC, "--------------")).contains(HEADING, MARKER);
    }

    @Test
    void emphasisStrongStrikeAndInlineCode() {
        Highlights h = renderer.highlight(DOC);
        assertThat(stylesOf(h, DOC, "emphasis")).containsExactly(EMPHASIS);
        assertThat(stylesOf(h, DOC, "strong")).containsExactly(STRONG);
        assertThat(stylesAt(h, DOC.indexOf("**strong"))).contains(STRONG, MARKER);
        assertThat(stylesOf(h, DOC, "gone")).containsExactly(STRIKE);
        assertThat(stylesOf(h, DOC, "inline code")).containsExactly(CODE);
        assertThat(stylesAt(h, DOC.indexOf("`inline"))).contains(CODE, MARKER);
        assertThat(stylesOf(h, DOC, "Some ")).isEmpty();
    }

    @Test
    void linksAndImagesWithTheUrlDimmed() {
        Highlights h = renderer.highlight(DOC);
        assertThat(stylesOf(h, DOC, "link")).containsExactly(LINK);
        assertThat(stylesOf(h, DOC, "https://example.com/docs")).contains(LINK, URL);
        assertThat(stylesOf(h, DOC, "a diagram")).containsExactly(IMAGE);
        assertThat(stylesOf(h, DOC, "img/flow.png")).contains(IMAGE, URL);
        assertThat(stylesOf(h, DOC, "https://auto.example")).contains(LINK, URL);
    }

    @Test
    void listMarkersAndTaskBoxes() {
        Highlights h = renderer.highlight(DOC);
        assertThat(stylesAt(h, DOC.indexOf("- bullet"))).containsExactly(LIST_MARKER);
        assertThat(stylesOf(h, DOC, "bullet item")).isEmpty();
        assertThat(stylesOf(h, DOC, "1.")).containsExactly(LIST_MARKER);
        assertThat(stylesOf(h, DOC, "[ ]")).containsExactly(TASK_BOX);
        assertThat(stylesOf(h, DOC, "[x]")).containsExactly(TASK_BOX, TASK_DONE);
        assertThat(stylesOf(h, DOC, "open task")).isEmpty();
    }

    @Test
    void quotesCodeBlocksWithTheirInfoStringAndIndentedCode() {
        Highlights h = renderer.highlight(DOC);
        assertThat(stylesOf(h, DOC, "quoted words")).containsExactly(QUOTE);
        assertThat(stylesAt(h, DOC.indexOf("> quoted"))).contains(QUOTE, MARKER);
        assertThat(stylesOf(h, DOC, "yaml")).contains(CODE_BLOCK, CODE_INFO);
        assertThat(stylesOf(h, DOC, "key: value")).containsExactly(CODE_BLOCK);
        assertThat(stylesAt(h, DOC.indexOf("```yaml"))).contains(CODE_BLOCK, MARKER);
        assertThat(stylesOf(h, DOC, "indented code")).containsExactly(CODE_BLOCK);
    }

    @Test
    void tablesFrontMatterHtmlAndRules() {
        Highlights h = renderer.highlight(DOC);
        assertThat(stylesOf(h, DOC, "Name")).contains(TABLE, TABLE_HEAD);
        assertThat(stylesOf(h, DOC, "rate")).containsExactly(TABLE);
        assertThat(stylesOf(h, DOC, "|------|")).contains(TABLE, TABLE_SEPARATOR, MARKER);
        assertThat(stylesAt(h, DOC.indexOf("| rate"))).contains(TABLE, MARKER);
        assertThat(stylesOf(h, DOC, "title: Rate limits")).containsExactly(FRONT_MATTER);
        assertThat(stylesOf(h, DOC, "html block")).containsExactly(HTML);
        assertThat(stylesOf(h, DOC, "***")).contains(RULE, MARKER);
    }

    @Test
    void theRunsCoverTheWholeTextInOrder() {
        Highlights h = renderer.highlight(DOC);
        assertThat(h.length()).isEqualTo(DOC.length());
        assertThat(h.runs().stream().mapToInt(Highlights.Run::length).sum()).isEqualTo(DOC.length());
        assertThat(h.runs()).allMatch(run -> run.length() > 0);
        for (int i = 1; i < h.runs().size(); i++) {
            assertThat(h.runs().get(i).styles()).isNotEqualTo(h.runs().get(i - 1).styles());
        }
    }

    /** Windows line endings: the offsets still point at the same characters. */
    @Test
    void crlfTextIsHighlightedAtTheRightOffsets() {
        String crlf = DOC.replace("\n", "\r\n");
        Highlights h = renderer.highlight(crlf);
        assertThat(h.length()).isEqualTo(crlf.length());
        assertThat(stylesOf(h, crlf, "Top heading")).contains(HEADING, H1);
        assertThat(stylesOf(h, crlf, "key: value")).containsExactly(CODE_BLOCK);
        assertThat(stylesOf(h, crlf, "strong")).containsExactly(STRONG);
        assertThat(stylesOf(h, crlf, "[x]")).containsExactly(TASK_BOX, TASK_DONE);
        assertThat(stylesOf(h, crlf, "quoted words")).containsExactly(QUOTE);
    }

    @Test
    void aByteOrderMarkShiftsNothingOutOfPlace() {
        String bom = "\uFEFF# Title\n\n**bold**\n";
        Highlights h = renderer.highlight(bom);
        assertThat(h.length()).isEqualTo(bom.length());
        assertThat(stylesOf(h, bom, "Title")).contains(H1);
        assertThat(stylesOf(h, bom, "bold")).containsExactly(STRONG);
    }

    /**
     * Typing in the middle of a fenced block: the block's text stays code (nothing inside is read as
     * a heading or emphasis), and only the edited part and what follows differ from before.
     */
    @Test
    void anEditInTheMiddleOfAFencedBlockKeepsItCodeAndChangesOnlyThatRegion() {
        String before = "# Spec\n\n```java\nint a = 1;\nint b = 2;\n```\n\nAfter **the** block.\n";
        String after = before.replace("int a = 1;\n", "int a = 1;\n# not a heading *nor emphasis*\n");
        Highlights old = renderer.highlight(before);
        Highlights now = renderer.highlight(after);

        assertThat(stylesOf(now, after, "# not a heading *nor emphasis*")).containsExactly(CODE_BLOCK);
        assertThat(stylesOf(now, after, "int b = 2;")).containsExactly(CODE_BLOCK);
        assertThat(stylesOf(now, after, "the")).containsExactly(STRONG);
        Highlights.Range changed = now.changedSince(old);
        assertThat(changed.start()).isGreaterThanOrEqualTo(after.indexOf("```java"));
        assertThat(changed.end()).isLessThanOrEqualTo(after.indexOf("```\n\nAfter") + 3);
        assertThat(changed.end()).isGreaterThan(after.indexOf("# not a heading"));
    }

    /** An unclosed fence runs to the end of the text, as in the preview. */
    @Test
    void anUnclosedFenceMakesTheRestCode() {
        String text = "Intro\n\n```\n# inside\n**still code**\n";
        Highlights h = renderer.highlight(text);
        assertThat(stylesOf(h, text, "# inside")).containsExactly(CODE_BLOCK);
        assertThat(stylesOf(h, text, "still code")).containsExactly(CODE_BLOCK);
        assertThat(stylesOf(h, text, "Intro")).isEmpty();
    }

    @Test
    void nothingChangedMeansAnEmptyRange() {
        Highlights h = renderer.highlight(DOC);
        assertThat(h.changedSince(renderer.highlight(DOC + "")).isEmpty()).isTrue();
        assertThat(h.changedSince(null)).isEqualTo(new Highlights.Range(0, DOC.length()));
    }

    /** The styles common to every character of the first occurrence of {@code part}. */
    private static Set<SyntaxStyle> stylesOf(Highlights h, String text, String part) {
        int start = text.indexOf(part);
        assertThat(start).as("'%s' in the text", part).isGreaterThanOrEqualTo(0);
        EnumSet<SyntaxStyle> common = EnumSet.allOf(SyntaxStyle.class);
        for (int i = start; i < start + part.length(); i++) {
            Set<SyntaxStyle> at = h.stylesAt(i);
            common.retainAll(at);
        }
        return common;
    }

    private static Set<SyntaxStyle> stylesAt(Highlights h, int offset) {
        return h.stylesAt(offset);
    }

    @Test
    void theRunsOfARangeAreCutAtItsEndsAndCoverItExactly() {
        Highlights h = renderer.highlight(DOC);
        for (int start = 0; start < DOC.length(); start += 7) {
            for (int end = start + 1; end <= DOC.length(); end += 13) {
                java.util.List<Highlights.Run> runs = h.runsIn(new Highlights.Range(start, end));
                assertThat(runs.stream().mapToInt(Highlights.Run::length).sum()).as("[%d, %d)", start, end)
                        .isEqualTo(end - start);
                int offset = start;
                for (Highlights.Run run : runs) {
                    assertThat(run.styles()).as("styles at %d", offset).isEqualTo(h.stylesAt(offset));
                    assertThat(run.styles()).as("styles at %d", offset + run.length() - 1)
                            .isEqualTo(h.stylesAt(offset + run.length() - 1));
                    offset += run.length();
                }
            }
        }
    }
}
