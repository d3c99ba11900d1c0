package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownRendererTest {

    private static final Pattern START_TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>");
    private static final Pattern ATTRIBUTE = Pattern.compile("([^\\s=/]+)(?:=\"([^\"]*)\")?");
    private static final Set<String> ALLOWED_TAGS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li",
            "blockquote", "pre", "code", "em", "strong", "del", "a", "span", "img", "input", "table", "thead", "tbody",
            "tr", "th", "td", "hr", "br");

    private final MarkdownRenderer renderer = new MarkdownRenderer();

    /** Every element the renderer produced, as tag name and attributes. */
    private record Tag(String name, List<String[]> attributes) {
        String attribute(String name) {
            return attributes.stream().filter(a -> a[0].equalsIgnoreCase(name)).map(a -> a[1]).findFirst().orElse(null);
        }
    }

    private static List<Tag> tags(String html) {
        List<Tag> tags = new ArrayList<>();
        Matcher tag = START_TAG.matcher(html);
        while (tag.find()) {
            List<String[]> attributes = new ArrayList<>();
            Matcher attribute = ATTRIBUTE.matcher(tag.group(2));
            while (attribute.find()) {
                attributes.add(new String[] {attribute.group(1), attribute.group(2)});
            }
            tags.add(new Tag(tag.group(1).toLowerCase(), attributes));
        }
        return tags;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "Text <script>alert(1)</script> inline",
            "<img src=x onerror=alert(1)>",
            "inline <img src=x onerror=alert(1)> image",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<div onclick=\"alert(1)\">\n\n*markdown inside*\n\n</div>",
            "<svg><script>alert(1)</script></svg>",
            "<a href=\"javascript:alert(1)\">x</a>",
            "<!-- <script>alert(1)</script> -->",
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](java\tscript:alert(1))",
            "[x](&#106;avascript:alert(1))",
            "[x](vbscript:msgbox(1))",
            "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
            "[x][ref]\n\n[ref]: javascript:alert(1)",
            "<javascript:alert(1)>",
            "![](https://evil/x.png)",
            "![alt](http://evil/x.png \"title\")",
            "![](//evil/x.png)",
            "![](file:///etc/passwd)",
            "![x][img]\n\n[img]: https://evil/x.png",
            "![x](javascript:alert(1))",
            "[x](<https://a.example/\"onmouseover=alert(1)>)",
            "```\"><script>alert(1)</script>\ncode\n```",
            "| a | <script>alert(1)</script> |\n|---|---|\n| <img src=x onerror=alert(1)> | b |",
            "- [ ] <b onmouseover=alert(1)>task</b>"})
    void hostileInputNeverBecomesActiveHtml(String markdown) {
        String html = renderer.toHtml(markdown);

        for (Tag tag : tags(html)) {
            assertThat(ALLOWED_TAGS).as("tag <%s> in %s", tag.name(), html).contains(tag.name());
            for (String[] attribute : tag.attributes()) {
                assertThat(attribute[0].toLowerCase()).as("attribute in %s", html)
                        .doesNotStartWith("on").isNotIn("href", "style", "srcdoc", "formaction");
            }
            if (tag.name().equals("img")) {
                assertThat(tag.attribute("src")).as(html).startsWith("data:image/");
            }
            String target = tag.attribute("data-href");
            if (target != null) {
                assertThat(target.toLowerCase()).as(html).doesNotContain("script:").doesNotStartWith("data:");
            }
        }
        assertThat(html.toLowerCase()).doesNotContain("<script", "<iframe", "<svg", "<div");
    }

    @Test
    void rawHtmlIsShownAsEscapedSource() {
        String html = renderer.toHtml("<script>alert(1)</script>\n\nHello <b>bold</b>\n");

        assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("Hello &lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void unsafeLinksKeepTheirTextButLoseTheTarget() {
        String html = renderer.toHtml("Click [here please](javascript:alert(1)) now");

        assertThat(html).contains(">here please</span>").doesNotContain("alert");
    }

    @Test
    void safeLinksAreInertAnchorsThatShowTheirTarget() {
        String html = renderer.toHtml("See [the docs](https://example.com/docs \"Docs\") and <https://example.org>.");

        List<Tag> anchors = tags(html).stream().filter(t -> t.name().equals("a")).toList();
        assertThat(anchors).hasSize(2);
        assertThat(anchors.get(0).attribute("href")).isNull();
        assertThat(anchors.get(0).attribute("data-href")).isEqualTo("https://example.com/docs");
        assertThat(anchors.get(0).attribute("title")).contains("Docs").contains("https://example.com/docs");
        assertThat(anchors.get(1).attribute("data-href")).isEqualTo("https://example.org");
        assertThat(html).contains(">the docs</a>");
    }

    @Test
    void remoteImagesBecomeAPlaceholderNamingAltAndAddress() {
        String html = renderer.toHtml("![Architecture diagram](https://evil.example/x.png)");

        assertThat(tags(html)).extracting(Tag::name).doesNotContain("img");
        assertThat(html).contains("[image: Architecture diagram]").contains("Image not loaded: https://evil.example/x.png");
    }

    @Test
    void inlineDataImagesAreShown() {
        String html = renderer.toHtml("![dot](data:image/png;base64,iVBORw0KGgo=)");

        assertThat(tags(html)).filteredOn(t -> t.name().equals("img"))
                .singleElement()
                .satisfies(img -> {
                    assertThat(img.attribute("src")).isEqualTo("data:image/png;base64,iVBORw0KGgo=");
                    assertThat(img.attribute("alt")).isEqualTo("dot");
                });
    }

    @Test
    void referenceLinksResolveToInertAnchors() {
        String html = renderer.toHtml("Read [the guide][g].\n\n[g]: https://example.com/guide \"Guide\"\n");

        assertThat(tags(html)).filteredOn(t -> t.name().equals("a")).singleElement()
                .satisfies(a -> assertThat(a.attribute("data-href")).isEqualTo("https://example.com/guide"));
        assertThat(html).contains(">the guide</a>").doesNotContain("[g]");
    }

    @Test
    void undefinedReferencesStayText() {
        assertThat(renderer.toHtml("Press [Enter] to continue")).contains("Press [Enter] to continue");
    }

    @Test
    void blocksCarryTheirSourceLine() {
        String markdown = """
                ---
                title: Export
                ---
                # Export

                Intro paragraph
                over two lines.

                Setext heading
                --------------

                - item one
                - [x] item two

                > quoted

                ```java
                int x = 1;
                ```

                    indented code

                | a | b |
                |---|---|
                | 1 | 2 |
                """.replace("\n", "\r\n");

        String html = renderer.toHtml(markdown);

        assertThat(html)
                .contains("<h1 data-source-line=\"4\">Export</h1>")
                .contains("<p data-source-line=\"6\">Intro paragraph")
                .contains("<h2 data-source-line=\"9\">Setext heading</h2>")
                .contains("<li data-source-line=\"12\">item one</li>")
                .containsPattern("<li class=\"task-list-item\" data-source-line=\"13\">")
                .contains("<blockquote data-source-line=\"15\">")
                .contains("<pre data-source-line=\"17\"><code class=\"language-java\">")
                .contains("<pre data-source-line=\"21\"><code>")
                .contains("<table data-source-line=\"23\">")
                .contains("<tr data-source-line=\"25\"><td>1</td>")
                .doesNotContain("title: Export");
    }

    @Test
    void tablesAndStrikethroughRender() {
        String html = renderer.toHtml("| Name | Done |\n|:-----|-----:|\n| export | ~~no~~ yes |\n");

        assertThat(html).contains("<table").contains("<th align=\"left\">Name</th>")
                .contains("<td align=\"right\"><del>no</del> yes</td>");
    }

    @Test
    void taskItemsAreVisibleDisabledCheckboxes() {
        String html = renderer.toHtml("- [ ] open\n- [x] done\n- [X] also done\n");

        List<Tag> boxes = tags(html).stream().filter(t -> t.name().equals("input")).toList();
        assertThat(boxes).hasSize(3).allSatisfy(box -> {
            assertThat(box.attribute("type")).isEqualTo("checkbox");
            assertThat(box.attribute("disabled")).isNotNull();
        });
        assertThat(boxes).extracting(box -> box.attribute("checked") != null).containsExactly(false, true, true);
    }

    @Test
    void renderGivesHtmlOutlineAndWordsFromOneCall() {
        RenderedMarkdown rendered = renderer.render("# Title\n\nThree words here.\n\n## Next\n");

        assertThat(rendered.html()).isEqualTo(renderer.toHtml("# Title\n\nThree words here.\n\n## Next\n"));
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

        String html = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> renderer.toHtml(markdown.toString()));

        assertThat(html).endsWith("<p data-source-line=\"" + lastLine + "\">Last paragraph</p>\n");
    }

    @Test
    void oneRendererServesSeveralThreadsAtOnceWithTheSameHtmlAsAlone() throws Exception {
        List<String> documents = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            documents.add("# Doc " + i + "\n\n" + "- [ ] item " + i + " with [a link](https://example.com/" + i + ")\n".repeat(i + 1)
                    + "\n| a | b |\n|---|---|\n| " + i + " | <b>x</b> |\n\n```\ncode " + i + "\n```\n");
        }
        List<String> alone = documents.stream().map(new MarkdownRenderer()::toHtml).toList();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int round = 0; round < 25; round++) {
                for (String document : documents) {
                    results.add(pool.submit(() -> renderer.toHtml(document)));
                }
            }
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get(60, TimeUnit.SECONDS))
                        .isEqualTo(alone.get(i % documents.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
