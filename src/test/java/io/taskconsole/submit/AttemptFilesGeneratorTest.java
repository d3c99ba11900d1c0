package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.task.TaskFile;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class AttemptFilesGeneratorTest {

    private final AttemptFilesGenerator generator =
            new AttemptFilesGenerator(new CriteriaExtractor(), PromptTemplate.defaultTemplate());

    @Test
    void filesComeInTheOrderTheAgentReadsThem() {
        AttemptFiles files = generator.generate(Drafts.draft(Path.of("t"), new TaskFile("zeta.md", "z"),
                new TaskFile("alpha.md", "a")), Drafts.context(1, null));

        assertThat(files.files().keySet()).containsExactly("task.md", "design-spec.md", "zeta.md", "alpha.md",
                "acceptance-criteria.md", "prompt.md", "metadata.yaml");
        assertThat(files.text("task.md")).isEqualTo(Drafts.TASK_MD);
        assertThat(files.text("acceptance-criteria.md")).contains("AC-1").contains("HTTP 429")
                .contains("Limits are configurable");
    }

    @Test
    void theMainFilesComeFirstWhateverTheDraftsOrder() {
        var draft = Drafts.draft(Path.of("t"));
        draft = draft.withFiles(java.util.List.of(new TaskFile("extra.md", "e"), draft.files().get(1),
                draft.files().get(0)));
        assertThat(generator.generate(draft, Drafts.context(1, null)).files().keySet())
                .startsWith("task.md", "design-spec.md", "extra.md");
    }

    @Test
    void aRetryKeepsEveryFileByteForByteButMetadata() {
        var draft = Drafts.draft(Path.of("t"), new TaskFile("notes.md", "n"));
        AttemptFiles first = generator.generate(draft, Drafts.context(2, null));
        // The PM edits the draft after attempt 2: the retry still sends attempt 2's files.
        var edited = draft.withFiles(java.util.List.of(new TaskFile("task.md", "changed"),
                new TaskFile("design-spec.md", "changed")));

        AttemptFiles retry = AttemptFilesGenerator.forRetry(edited, first.files(), Drafts.context(5, 2));

        assertThat(retry.files().keySet()).containsExactlyElementsOf(first.files().keySet());
        for (Map.Entry<String, byte[]> e : first.files().entrySet()) {
            if (!e.getKey().equals("metadata.yaml")) {
                assertThat(retry.files().get(e.getKey())).as(e.getKey()).isEqualTo(e.getValue());
            }
        }
        JsonNode metadata = YAMLMapper.builder().build().readTree(retry.text("metadata.yaml"));
        assertThat(metadata.get("attempt").asInt()).isEqualTo(5);
        assertThat(metadata.get("previousAttempt").asInt()).isEqualTo(2);
        for (JsonNode entry : metadata.get("files")) {
            assertThat(entry.get("sha256").asString())
                    .isEqualTo(MetadataYamlTest.sha256(first.files().get(entry.get("name").asString())));
        }
    }

    @Test
    void thePromptDoesNotDependOnTheAttemptSoARetriedPromptStaysTrue() {
        var draft = Drafts.draft(Path.of("t"));
        AttemptFiles one = generator.generate(draft, Drafts.context(1, null));
        AttemptFiles seven = generator.generate(draft, Drafts.context(7, 3));

        assertThat(seven.files().get("prompt.md")).isEqualTo(one.files().get("prompt.md"));
        assertThat(one.text("prompt.md")).doesNotContainPattern("(?i)attempt\\s*#?\\s*1\\b")
                .doesNotContain("run-1");
    }

    @Test
    void theContentMadeOnceWithEachAttemptsMetadataIsExactlyWhatGenerateMakes() {
        var draft = Drafts.draft(Path.of("t"), new TaskFile("notes.md", "n"));
        Map<String, byte[]> content = generator.content(draft);
        assertThat(content).doesNotContainKey("metadata.yaml");

        for (int attempt : new int[] {1, 2, 12}) {
            AttemptFiles expected = generator.generate(draft, Drafts.context(attempt, null));
            AttemptFiles made = AttemptFilesGenerator.withMetadata(draft.info(), content, Drafts.context(attempt, null));
            assertThat(made.files().keySet()).containsExactlyElementsOf(expected.files().keySet());
            expected.files().forEach((name, bytes) -> assertThat(made.files().get(name)).as(name).isEqualTo(bytes));
        }
    }
}
