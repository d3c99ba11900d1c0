package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.taskconsole.markdown.Nesting.Level;
import io.taskconsole.markdown.Nesting.Task;
import io.taskconsole.markdown.PreviewBlock.Alignment;
import io.taskconsole.markdown.PreviewBlock.Code;
import io.taskconsole.markdown.PreviewBlock.Heading;
import io.taskconsole.markdown.PreviewBlock.Paragraph;
import io.taskconsole.markdown.PreviewBlock.Rule;
import io.taskconsole.markdown.PreviewBlock.Table;
import io.taskconsole.markdown.Span.Style;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MarkdownRendererTest {

    private static final Nesting TOP = Nesting.TOP;
    private static final List<String> BULLETS = List.of("•", "◦", "▪");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    private List<PreviewBlock> blocks(String markdown) {
        return renderer.render(markdown).blocks();
    }

    private PreviewBlock only(String markdown) {
        List<PreviewBlock> blocks = blocks(markdown);
        assertThat(blocks).hasSize(1);
        return blocks.get(0);
    }

    private List<Span> spans(String markdown) {
        PreviewBlock block = only(markdown);
        assertThat(block).isInstanceOf(Paragraph.class);
        return ((Paragraph) block).spans();
    }

    private static Span plain(String text) {
        return Span.plain(text);
    }

    private static Span styled(String text, Style... styles) {
        return new Span(text, Set.of(styles), "");
    }

    private static Span link(String text, String target) {
        return new Span(text, Set.of(Style.LINK), target);
    }

    /** An item of a bullet list {@code listDepth} lists deep, in {@code quoteDepth} quotes. */
    private static Nesting item(int quoteDepth, int listDepth, String marker, Task task) {
        List<Level> levels = new ArrayList<>(Collections.nCopies(quoteDepth, Level.QUOTE));
        levels.addAll(Collections.nCopies(listDepth, Level.LIST));
        List<String> bullets = IntStream.rangeClosed(1, listDepth).mapToObj(depth -> BULLETS.get(Math.min(depth, 3) - 1)).toList();
        return new Nesting(levels, marker, task, bullets);
    }

    private static Nesting item(int listDepth, String marker, Task task) {
        return item(0, listDepth, marker, task);
    }

    private static Nesting inItem(int listDepth) {
        return item(listDepth, "", Task.NONE);
    }

    /** An item of a top-level numbered list whose last item shows {@code widest}. */
    private static Nesting numbered(String marker, Task task, String widest) {
        return new Nesting(List.of(Level.LIST), marker, task, List.of(widest));
    }

    private static Paragraph paragraph(int line, Nesting nesting, Span... spans) {
        return new Paragraph(line, nesting, List.of(spans));
    }

    @Test
    void aTaskFileBecomesTheBlocksAReaderSees() {
        String markdown = """
                # Rate-limit failed logins

                Users report **credential stuffing** against `POST /api/login`.

                ## Acceptance criteria

                - [ ] After 5 failures, answer `429`
                  with a *Retry-After* header.
                - [x] A successful login resets the counter.
                - Limits are configurable:
                  - `MAX_PER_ACCOUNT`

                    Defaults to 5.

                | Variable | Default |
                |:---------|--------:|
                | `MAX_PER_IP` | 20 |

                ```go
                limit := 5
                ```

                > Keep the API unchanged.

                ***
                """;

        assertThat(blocks(markdown)).containsExactly(
                new Heading(1, TOP, 1, List.of(plain("Rate-limit failed logins"))),
                paragraph(3, TOP, plain("Users report "), styled("credential stuffing", Style.BOLD), plain(" against "),
                        styled("POST /api/login", Style.CODE), plain(".")),
                new Heading(5, TOP, 2, List.of(plain("Acceptance criteria"))),
                paragraph(7, item(1, "•", Task.OPEN), plain("After 5 failures, answer "), styled("429", Style.CODE),
                        plain(" with a "), styled("Retry-After", Style.ITALIC), plain(" header.")),
                paragraph(9, item(1, "•", Task.DONE), plain("A successful login resets the counter.")),
                paragraph(10, item(1, "•", Task.NONE), plain("Limits are configurable:")),
                paragraph(11, item(2, "◦", Task.NONE), styled("MAX_PER_ACCOUNT", Style.CODE)),
                paragraph(13, inItem(2), plain("Defaults to 5.")),
                new Table(15, TOP, List.of(Alignment.LEFT, Alignment.RIGHT),
                        List.of(List.of(plain("Variable")), List.of(plain("Default"))),
                        List.of(List.of(List.of(styled("MAX_PER_IP", Style.CODE)), List.of(plain("20"))))),
                new Code(19, TOP, "go", "limit := 5"),
                paragraph(23, new Nesting(List.of(Level.QUOTE), "", Task.NONE, List.of()), plain("Keep the API unchanged.")),
                new Rule(25, TOP));
    }

    @Test
    void aScriptInAParagraphIsShownAsText() {
        assertThat(spans("Text <script>alert(1)</script> inline"))
                .containsExactly(plain("Text <script>alert(1)</script> inline"));
    }

    @Test
    void htmlBlocksAndCommentsAreShownAsTheirSource() {
        assertThat(blocks("<script>alert(1)</script>\n\n<div onclick=\"alert(1)\">\nhi\n</div>\n\n<!-- note -->\n"))
                .containsExactly(
                        new Code(1, TOP, "html", "<script>alert(1)</script>"),
                        new Code(3, TOP, "html", "<div onclick=\"alert(1)\">\nhi\n</div>"),
                        new Code(7, TOP, "html", "<!-- note -->"));
    }

    @Test
    void linksKeepTheirTargetAsDataWhileTheTextIsWhatIsRead() {
        Paragraph paragraph = (Paragraph) only("See [the **docs**](https://example.com/docs \"Docs\"), <https://example.org>"
                + " or <me@example.org>.");

        assertThat(paragraph.spans()).containsExactly(
                plain("See "),
                link("the ", "https://example.com/docs"),
                new Span("docs", Set.of(Style.LINK, Style.BOLD), "https://example.com/docs"),
                plain(", "),
                link("https://example.org", "https://example.org"),
                plain(" or "),
                link("me@example.org", "mailto:me@example.org"),
                plain("."));
        assertThat(paragraph.plainText()).isEqualTo("See the docs, https://example.org or me@example.org.");
    }

    @Test
    void aDangerousLinkIsOnlyData() {
        assertThat(spans("[x](javascript:alert(1))")).containsExactly(link("x", "javascript:alert(1)"));
    }

    @Test
    void referenceLinksTakeTheirTargetFromTheDefinition() {
        assertThat(blocks("Read [the guide][g] and [g].\n\n[g]: https://example.com/guide \"Guide\"\n"))
                .containsExactly(paragraph(1, TOP, plain("Read "), link("the guide", "https://example.com/guide"),
                        plain(" and "), link("g", "https://example.com/guide"), plain(".")));
    }

    @Test
    void referencesToNothingStayTextWithTheirBrackets() {
        assertThat(spans("Press [Enter] or [Esc][keys] to *continue*"))
                .containsExactly(plain("Press [Enter] or [Esc][keys] to "), styled("continue", Style.ITALIC));
    }

    @Test
    void imagesAreTheirDescriptionWithTheAddressAsData() {
        assertThat(spans("![Architecture diagram](https://example.com/x.png) ![](y.png) ![ref][i]\n\n[i]: z.png\n"))
                .containsExactly(
                        new Span("Architecture diagram", Set.of(Style.IMAGE), "https://example.com/x.png"),
                        plain(" "),
                        new Span("image", Set.of(Style.IMAGE), "y.png"),
                        plain(" "),
                        new Span("ref", Set.of(Style.IMAGE), "z.png"));
    }

    @Test
    void anImageInsideALinkGoesWhereTheLinkGoes() {
        assertThat(spans("[![build](https://ci.example/badge.svg)](https://ci.example)"))
                .containsExactly(new Span("build", Set.of(Style.LINK, Style.IMAGE), "https://ci.example"));
    }

    @Test
    void inlineStylesCombineAsTheyNest() {
        assertThat(spans("***both*** ~~gone~~ **bold *and italic***"))
                .containsExactly(
                        styled("both", Style.BOLD, Style.ITALIC),
                        plain(" "),
                        styled("gone", Style.STRIKE),
                        plain(" "),
                        styled("bold ", Style.BOLD),
                        styled("and italic", Style.BOLD, Style.ITALIC));
    }

    @Test
    void lineBreaksEntitiesAndEscapesReadAsTheyWouldPrinted() {
        assertThat(spans("soft\nbreak &amp; &copy; \\*not emphasis\\*  \nnext ` a\nb `"))
                .containsExactly(plain("soft break & © *not emphasis*"), plain("\n"), plain("next "),
                        styled("a b", Style.CODE));
    }

    @Test
    void headingsOfBothKindsKeepTheirLevelAndSpans() {
        assertThat(blocks("# One *x* #\n\nTwo\n===\n\nThree\n---\n"))
                .containsExactly(
                        new Heading(1, TOP, 1, List.of(plain("One "), styled("x", Style.ITALIC))),
                        new Heading(3, TOP, 1, List.of(plain("Two"))),
                        new Heading(6, TOP, 2, List.of(plain("Three"))));
    }

    @Test
    void codeBlocksFrontMatterAndRulesAreLiteral() {
        String markdown = "---\ntitle: Export\ntags: [a]\n---\n\n```java  title=\"x\"\nint x = 1;\n\n  y();\n```\n\n"
                + "    indented\n      more\n\n---\n";

        assertThat(blocks(markdown)).containsExactly(
                new Code(1, TOP, "yaml", "title: Export\ntags: [a]"),
                new Code(6, TOP, "java", "int x = 1;\n\n  y();"),
                new Code(12, TOP, "", "indented\n  more"),
                new Rule(15, TOP));
    }

    @Test
    void nestedListsAndQuotesGoDeeper() {
        String markdown = """
                - one
                  - two
                    - three
                      - four

                > quoted
                > > twice
                > > - listed in a quote
                """;

        assertThat(blocks(markdown)).containsExactly(
                paragraph(1, item(1, "•", Task.NONE), plain("one")),
                paragraph(2, item(2, "◦", Task.NONE), plain("two")),
                paragraph(3, item(3, "▪", Task.NONE), plain("three")),
                paragraph(4, item(4, "▪", Task.NONE), plain("four")),
                paragraph(6, new Nesting(List.of(Level.QUOTE), "", Task.NONE, List.of()), plain("quoted")),
                paragraph(7, new Nesting(List.of(Level.QUOTE, Level.QUOTE), "", Task.NONE, List.of()), plain("twice")),
                paragraph(8, item(2, 1, "•", Task.NONE), plain("listed in a quote")));
    }

    @Test
    void orderedListsCountFromTheirStartWithTheirDelimiter() {
        assertThat(blocks("3. three\n7. four\n\n1) [x] done\n1) [ ] open\n"))
                .extracting(PreviewBlock::nesting)
                .containsExactly(numbered("3.", Task.NONE, "4."), numbered("4.", Task.NONE, "4."),
                        numbered("1)", Task.DONE, "2)"), numbered("2)", Task.OPEN, "2)"));
    }

    @Test
    void everyBlockOfAListKnowsTheListsWidestMarkerSoTheirTextCanLineUp() {
        assertThat(blocks("98. a\n99. b\n100. c\n\n     more of c\n101. d\n     - inner\n"))
                .extracting(PreviewBlock::nesting)
                .containsExactly(numbered("98.", Task.NONE, "101."), numbered("99.", Task.NONE, "101."),
                        numbered("100.", Task.NONE, "101."), numbered("", Task.NONE, "101."),
                        numbered("101.", Task.NONE, "101."),
                        new Nesting(List.of(Level.LIST, Level.LIST), "◦", Task.NONE, List.of("101.", "◦")));
    }

    @Test
    void anEmptyLastItemKeepsItsMarkerAndTheTextAfterTheListKeepsNone() {
        assertThat(blocks("- a\n-\n\nafter\n")).containsExactly(
                paragraph(1, item(1, "•", Task.NONE), plain("a")),
                paragraph(2, item(1, "•", Task.NONE)),
                paragraph(4, TOP, plain("after")));
    }

    @Test
    void anItemThatStartsWithAQuoteMarksTheQuotedBlock() {
        assertThat(blocks("1. > quoted\n   > more\n"))
                .containsExactly(paragraph(1, new Nesting(List.of(Level.LIST, Level.QUOTE), "1.", Task.NONE, List.of("1.")),
                        plain("quoted more")));
    }

    @Test
    void quotesAndListsAreKeptInTheOrderTheyEnclose() {
        assertThat(blocks("- item\n\n  > a note in the item\n\n> - an item in a quote\n"))
                .extracting(PreviewBlock::nesting)
                .containsExactly(
                        new Nesting(List.of(Level.LIST), "•", Task.NONE, List.of("•")),
                        new Nesting(List.of(Level.LIST, Level.QUOTE), "", Task.NONE, List.of("•")),
                        new Nesting(List.of(Level.QUOTE, Level.LIST), "•", Task.NONE, List.of("•")));
    }

    @Test
    void anItemWithNothingOrAListFirstStillShowsItsMarker() {
        assertThat(blocks("-\n- [ ]\n- - inner\n\n1. ```\n   code\n   ```\n"))
                .containsExactly(
                        paragraph(1, item(1, "•", Task.NONE)),
                        paragraph(2, item(1, "•", Task.OPEN)),
                        paragraph(3, item(1, "•", Task.NONE)),
                        paragraph(3, item(2, "◦", Task.NONE), plain("inner")),
                        new Code(5, numbered("1.", Task.NONE, "1."), "", "code"));
    }

    @Test
    void tablesArePaddedToTheirColumnsAndCopyAsTabSeparatedRows() {
        PreviewBlock table = only("| Name | Done | Note |\n|:-----|:----:|------|\n| export | ~~no~~ yes |\n| a | b | c | d |\n");

        assertThat(table).isEqualTo(new Table(1, TOP, List.of(Alignment.LEFT, Alignment.CENTER, Alignment.NONE),
                List.of(List.of(plain("Name")), List.of(plain("Done")), List.of(plain("Note"))),
                List.of(List.of(List.of(plain("export")), List.of(styled("no", Style.STRIKE), plain(" yes")), List.of()),
                        List.of(List.of(plain("a")), List.of(plain("b")), List.of(plain("c"))))));
        assertThat(table.plainText()).isEqualTo("Name\tDone\tNote\nexport\tno yes\t\na\tb\tc");
    }

    @Test
    void aTableCaptionIsAParagraphAfterTheTable() {
        assertThat(blocks("| a |\n|---|\n| 1 |\n[Limits *per* IP]\n"))
                .last().isEqualTo(paragraph(4, TOP, plain("Limits "), styled("per", Style.ITALIC), plain(" IP")));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheText() {
        assertThat(blocks("\uFEFF# Title\n\ntext\n")).isEqualTo(blocks("# Title\n\ntext\n"))
                .first().isEqualTo(new Heading(1, TOP, 1, List.of(plain("Title"))));
    }

    @Test
    void windowsLineEndingsGiveTheSameBlocksOnTheSameLines() {
        String markdown = """
                ---
                title: x
                ---
                # Export

                Intro paragraph
                over two lines.  
                Hard break.

                - item one
                - [x] item two

                ```java
                int x = 1;
                int y = 2;
                ```

                <div>
                raw
                </div>

                | a | b |
                |---|---|
                | 1 | 2 |
                """;

        List<PreviewBlock> unix = blocks(markdown);
        assertThat(blocks(markdown.replace("\n", "\r\n"))).isEqualTo(unix);
        assertThat(unix).extracting(PreviewBlock::line).containsExactly(1, 4, 6, 10, 11, 13, 18, 22);
    }

    @Test
    void theSameBlockElsewhereLooksAlikeButChangedTextDoesNot() {
        List<PreviewBlock> before = blocks("# Title\n\nSome *text*\n");
        List<PreviewBlock> after = blocks("# Title\n\nNew line\n\nSome *text*\n\nSome *texts*\n");

        assertThat(after.get(2).line()).isNotEqualTo(before.get(1).line());
        assertThat(after.get(2).looksLike(before.get(1))).isTrue();
        assertThat(after.get(3).looksLike(before.get(1))).isFalse();
        assertThat(after.get(1).looksLike(before.get(1))).isFalse();
        assertThat(before.get(0).looksLike(null)).isFalse();
    }

    @Test
    void renderGivesBlocksOutlineAndWordsFromOneCall() {
        RenderedMarkdown rendered = renderer.render("# Title\n\nThree words here.\n\n## Next\n");

        assertThat(rendered.blocks()).extracting(PreviewBlock::plainText).containsExactly("Title", "Three words here.", "Next");
        assertThat(rendered.outline().headings()).extracting(OutlineHeading::text).containsExactly("Title", "Next");
        assertThat(rendered.wordCount()).isEqualTo(5);
    }

    @Test
    void aMegabyteDocumentRendersWithCorrectLinesAtTheEnd() {
        StringBuilder markdown = new StringBuilder();
        int line = 0;
        while (markdown.length() < 1_000_000) {
            markdown.append("## Section ").append(line).append("\r\n\r\n")
                    .append("- [ ] item with **bold** and `code` ").append(line).append("\r\n\r\n");
            line += 4;
        }
        markdown.append("Last paragraph\r\n");
        int lastLine = line + 1;

        List<PreviewBlock> blocks = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> blocks(markdown.toString()));

        assertThat(blocks).hasSize(line / 2 + 1).last().isEqualTo(paragraph(lastLine, TOP, plain("Last paragraph")));
        assertThat(blocks.get(blocks.size() - 2).line()).isEqualTo(lastLine - 2);
    }

    @Test
    void oneRendererServesSeveralThreadsAtOnceWithTheSameBlocksAsAlone() throws Exception {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            documents.add("# Doc " + i + "\n\n" + "- [ ] item " + i + " with [a link](https://example.com/" + i + ")\n".repeat(i + 1)
                    + "\n| a | b |\n|---|---|\n| " + i + " | <b>x</b> |\n\n```\ncode " + i + "\n```\n");
        }
        List<List<PreviewBlock>> alone = documents.stream().map(d -> new MarkdownRenderer().render(d).blocks()).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<PreviewBlock>>> results = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (String document : documents) {
                    results.add(pool.submit(() -> blocks(document)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS)).isEqualTo(alone.get(i % documents.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
