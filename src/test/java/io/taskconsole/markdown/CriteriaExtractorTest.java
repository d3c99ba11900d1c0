package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.TaskFile;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CriteriaExtractorTest {

    private final CriteriaExtractor extractor = new CriteriaExtractor();

    private String criteriaOf(String taskMd) {
        return CriteriaOutline.of(extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, taskMd))));
    }

    private String criteriaOfDesignSpec(String designSpecMd) {
        return CriteriaOutline.of(extractor.extract(List.of(new TaskFile(TaskFile.DESIGN_SPEC_MD, designSpecMd))));
    }

    @Test
    void numbersTaskMdBeforeDesignSpecWhateverTheOrderOfFiles() {
        TaskFile spec = new TaskFile(TaskFile.DESIGN_SPEC_MD, """
                ## Acceptance criteria
                - Spec one
                  - spec child
                """);
        TaskFile task = new TaskFile(TaskFile.TASK_MD, """
                ## Acceptance criteria
                - [ ] Task one
                - [x] Task two
                """);

        List<Criterion> criteria = extractor.extract(List.of(spec, task));

        assertThat(CriteriaOutline.of(criteria)).isEqualTo("""
                AC-1 [ ] task.md:2 Task one
                AC-2 [x] task.md:3 Task two
                AC-3 [ ] design-spec.md:2 Spec one
                  AC-3.1 [ ] design-spec.md:3 spec child
                """);
    }

    @Test
    void aCriterionCarriesItsInlineMarkdownAsThePreviewShowsIt() {
        List<Criterion> criteria = extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, """
                ## Acceptance criteria
                - [ ] Answers `429 Too Many Requests` after **five** tries <!-- from the RFC --> per [IP][limits]

                [limits]: https://example.com/limits
                """)));

        Criterion criterion = criteria.get(0);
        assertThat(criterion.text())
                .isEqualTo("Answers `429 Too Many Requests` after **five** tries per [IP][limits]");
        assertThat(criterion.spans()).extracting(Span::text)
                .containsExactly("Answers ", "429 Too Many Requests", " after ", "five", " tries per ", "IP");
        assertThat(criterion.spans().get(1).styles()).containsExactly(Span.Style.CODE);
        assertThat(criterion.spans().get(3).styles()).containsExactly(Span.Style.BOLD);
        assertThat(criterion.spans().get(5).link()).isEqualTo("https://example.com/limits");
    }

    @Test
    void ignoresOtherFiles() {
        TaskFile notes = new TaskFile("notes.md", "## Acceptance criteria\n- [ ] from notes\n");

        assertThat(extractor.extract(List.of(notes))).isEmpty();
    }

    @Test
    void designSpecTaskItemsAreNotCriteriaWithoutASection() {
        assertThat(criteriaOfDesignSpec("# Design\n\n- [ ] a to-do of the designer\n")).isEmpty();
    }

    @Test
    void designSpecLeadInParagraphGivesCriteria() {
        assertThat(criteriaOfDesignSpec("Acceptance criteria:\n\n- the API returns 404 for unknown ids\n"))
                .isEqualTo("AC-1 [ ] design-spec.md:3 the API returns 404 for unknown ids\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "## Acceptance criteria",
            "## Acceptance Criteria:",
            "# ACCEPTANCE CRITERIA :",
            "### **Acceptance criteria**",
            "#### Definition of Done",
            "###### success criteria:",
            "## Acceptance criteria (must pass before merge)",
            "Acceptance criteria:\n---",
            "Definition of done\n==================",
            "## `Acceptance` criteria ##"})
    void recognisesCriteriaHeadings(String heading) {
        String markdown = heading + "\n\n- [ ] the one criterion\n";

        assertThat(extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, markdown.replace("- [ ]", "-")))))
                .extracting(Criterion::text)
                .containsExactly("the one criterion");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"## Criteria", "## Acceptance", "## Our acceptance criteria", "## Done definition"})
    void otherHeadingsStartNoSection(String heading) {
        assertThat(criteriaOf(heading + "\n\n- a plain item\n")).isEmpty();
    }

    @Test
    void sectionEndsAtAHeadingOfTheSameLevelAndASecondSectionCountsToo() {
        String markdown = """
                ## Acceptance criteria
                - first
                ## Notes
                - not a criterion
                ## Definition of done
                - second
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("""
                AC-1 [ ] task.md:2 first
                AC-2 [ ] task.md:6 second
                """);
    }

    @Test
    void sectionEndsAtAHigherLevelHeading() {
        String markdown = """
                ## Acceptance criteria
                - first
                # Appendix
                - not a criterion
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:2 first\n");
    }

    @Test
    void aSectionWithoutItemsStillWinsOverTheFallbacks() {
        String markdown = """
                ## Acceptance criteria
                All existing tests pass.

                ## Plan
                - [ ] write the code
                """;

        assertThat(criteriaOf(markdown)).isEmpty();
    }

    @Test
    void leadInParagraphWinsOverTaskItems() {
        String markdown = """
                - [ ] a to-do, not a criterion

                **Acceptance criteria**:
                1. the real one
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:4 the real one\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"**Acceptance Criteria**", "Definition of done:", "_Success criteria:_ all of these"})
    void otherLeadInParagraphs(String leadIn) {
        assertThat(criteriaOf(leadIn + "\n- it works\n")).isEqualTo("AC-1 [ ] task.md:2 it works\n");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"Acceptance criteria are below", "Our acceptance criteria:", "Acceptance criteria: see below\n\n---"})
    void paragraphsThatAreNoLeadIn(String paragraph) {
        assertThat(criteriaOf(paragraph + "\n\n- not a criterion\n")).isEmpty();
    }

    @Test
    void leadInInsideAListItemTakesTheNestedList() {
        String markdown = """
                - Scope: the export button
                - acceptance criteria:
                  - file downloads
                  - name has the date
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("""
                AC-1 [ ] task.md:3 file downloads
                AC-2 [ ] task.md:4 name has the date
                """);
    }

    @Test
    void textKeepsInlineMarkupAsWritten() {
        String markdown = """
                ## Acceptance criteria
                - [ ] **Bold**, _italic_, `code`, ~~gone~~ and [a link](https://example.com/a_b) stay as written
                """;

        assertThat(extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, markdown))))
                .extracting(Criterion::text)
                .containsExactly("**Bold**, _italic_, `code`, ~~gone~~ and [a link](https://example.com/a_b) stay as written");
    }

    @Test
    void textIsOnlyTheFirstParagraph() {
        String markdown = """
                ## Acceptance criteria
                - Exports finish within a minute.

                  Measured on the staging data set.

                  ```
                  time ./export
                  ```
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:2 Exports finish within a minute.\n");
    }

    @Test
    void itemsInABlockQuoteLoseTheQuoteMarkersOfContinuationLines() {
        String markdown = """
                ## Acceptance criteria
                > - the quote marker
                >   is not part of the text
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:2 the quote marker is not part of the text\n");
    }

    @Test
    void linesCountFrontMatterAndCrlf() {
        String markdown = "---\r\ntitle: Export\r\nowner: pm\r\n---\r\n\r\n# Export\r\n\r\n## Acceptance criteria\r\n\r\n"
                + "- [ ] first\r\n  continued\r\n- [x] second\r\n";

        assertThat(criteriaOf(markdown)).isEqualTo("""
                AC-1 [ ] task.md:10 first continued
                AC-2 [x] task.md:12 second
                """);
    }

    @Test
    void lineOfALoneCarriageReturnFileIsCounted() {
        assertThat(criteriaOf("## Acceptance criteria\r\r- one\r- two\r")).isEqualTo("""
                AC-1 [ ] task.md:3 one
                AC-2 [ ] task.md:4 two
                """);
    }

    @ParameterizedTest(name = "byte order mark: {0}")
    @ValueSource(booleans = {false, true})
    void frontMatterListsAreNotCriteria(boolean byteOrderMark) {
        String markdown = (byteOrderMark ? "\uFEFF" : "") + "---\ntags:\n  - [ ] not this\n---\n- [ ] this one\n";

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:5 this one\n");
    }

    @Test
    void criteriaHeadingInsideACodeBlockStartsNoSection() {
        String markdown = """
                ```
                ## Acceptance criteria
                - in code
                ```
                - [ ] a task item, found by the fallback
                - a plain item after it
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:5 a task item, found by the fallback\n");
    }

    @Test
    void unfilledTemplateItemsWithOnlyACommentAreNoCriteria() {
        String markdown = """
                ## Acceptance criteria
                - [ ] <!-- first criterion -->
                - <!-- second criterion -->
                - [ ] Real <!-- note to self --> text, <!-- a comment
                  over two lines --> kept
                """;

        assertThat(criteriaOf(markdown)).isEqualTo("AC-1 [ ] task.md:4 Real text, kept\n");
    }

    @Test
    void orderedTaskItemsCountAsTaskItems() {
        assertThat(criteriaOf("1. [ ] first\n2. [x] second\n3. plain\n")).isEqualTo("""
                AC-1 [ ] task.md:1 first
                AC-2 [x] task.md:2 second
                """);
    }

    @Test
    void orderedListStartNumberDoesNotChangeIds() {
        String markdown = "## Acceptance criteria\n\n7. seventh\n8. eighth\n";

        assertThat(criteriaOf(markdown)).isEqualTo("""
                AC-1 [ ] task.md:3 seventh
                AC-2 [ ] task.md:4 eighth
                """);
    }

    @Test
    void emptyItemsAreSkipped() {
        assertThat(criteriaOf("## Acceptance criteria\n- real\n-\n- also real\n")).isEqualTo("""
                AC-1 [ ] task.md:2 real
                AC-2 [ ] task.md:4 also real
                """);
    }

    @Test
    void emptyAndBlankFilesHaveNoCriteria() {
        assertThat(criteriaOf("")).isEmpty();
        assertThat(criteriaOf("\n\n   \n")).isEmpty();
    }

    @Test
    void criteriaAreImmutable() {
        List<Criterion> criteria = extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, "- [ ] a\n  - [ ] b\n")));

        assertThat(criteria).isUnmodifiable();
        assertThat(criteria.get(0).children()).isUnmodifiable();
    }

    @Test
    void oneExtractorServesManyThreads() throws Exception {
        String markdown = CriteriaFixturesTest.resource("sub-headings.md");
        String expected = CriteriaFixturesTest.resource("sub-headings.expected");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(pool.submit(() -> criteriaOf(markdown)));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
