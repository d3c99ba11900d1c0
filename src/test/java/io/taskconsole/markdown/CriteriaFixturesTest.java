package io.taskconsole.markdown;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.TaskFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Real-world shaped task files under {@code src/test/resources/markdown/criteria/}: each
 * {@code NAME.md} is read as {@code task.md} and must give exactly the criteria in {@code NAME.expected}.
 */
class CriteriaFixturesTest {

    private final CriteriaExtractor extractor = new CriteriaExtractor();

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "taskmaster-generated",
            "github-issue-feature",
            "github-bug-report",
            "sub-headings",
            "lookalikes-in-code",
            "lead-in-paragraph",
            "task-items-anywhere",
            "loose-multi-paragraph",
            "no-criteria",
            "unicode"})
    void findsExactlyTheExpectedCriteria(String fixture) throws IOException {
        String markdown = resource(fixture + ".md");

        List<Criterion> criteria = extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, markdown)));

        assertThat(CriteriaOutline.of(criteria)).isEqualTo(resource(fixture + ".expected"));
    }

    @ParameterizedTest(name = "{0} with CRLF line ends")
    @ValueSource(strings = {"taskmaster-generated", "github-issue-feature", "sub-headings", "loose-multi-paragraph"})
    void crlfLineEndsGiveTheSameCriteriaAndLines(String fixture) throws IOException {
        String markdown = resource(fixture + ".md").replace("\n", "\r\n");

        List<Criterion> criteria = extractor.extract(List.of(new TaskFile(TaskFile.TASK_MD, markdown)));

        assertThat(CriteriaOutline.of(criteria)).isEqualTo(resource(fixture + ".expected"));
    }

    static String resource(String name) throws IOException {
        try (InputStream in = CriteriaFixturesTest.class.getResourceAsStream("/markdown/criteria/" + name)) {
            if (in == null) {
                throw new IOException("missing test resource markdown/criteria/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
