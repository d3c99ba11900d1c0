package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.shows;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.submit.ConfigMapLimits;
import io.taskconsole.submit.Problem;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmissionValidator;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The 1 MiB ConfigMap limit, measured as it is sent: the user's files plus the generated
 * acceptance-criteria.md, prompt.md and metadata.yaml.
 */
class SizeCasesTest {

    private final SubmissionValidator validator = new SubmissionValidator();
    private final PromptTemplate template = PromptTemplate.defaultTemplate();

    private static TaskDraft draft(List<TaskFile> files) {
        return new TaskDraft(Path.of("/work/tasks/1001-x"),
                new TaskInfo(new TaskId(1001), new ServiceName("auth"), "Sizes", null, null), files);
    }

    private static TaskDraft withDesign(String designSpec) {
        return draft(List.of(new TaskFile("task.md", "# Task\n\n## Acceptance criteria\n\n- small\n"),
                new TaskFile("design-spec.md", designSpec)));
    }

    private String problems(TaskDraft draft) {
        List<Problem> found = validator.validate(draft, template);
        return found.isEmpty() ? "(no problem)" : found.stream().map(Problem::oneLine).collect(Collectors.joining("\n"));
    }

    /** The design spec's length that makes the ConfigMap, as sent, exactly {@code target} bytes. */
    private int designLengthFor(long target) {
        int length = 0;
        for (int i = 0; i < 5; i++) {
            // metadata.yaml records sizes, so its own length moves a little with the design spec's
            length += (int) (target - validator.configMapSize(withDesign("x".repeat(length)), template));
        }
        return length;
    }

    @Test
    @BadInputCase(id = "size-exactly-1mib", area = "Sizes", input = "Files that make the ConfigMap exactly 1 MiB, generated files included",
            shows = "(no problem)", outcome = "Submitting goes ahead.")
    void exactlyAtTheLimit() {
        TaskDraft draft = withDesign("x".repeat(designLengthFor(ConfigMapLimits.MAX_BYTES)));
        assertThat(validator.configMapSize(draft, template)).isEqualTo(ConfigMapLimits.MAX_BYTES);
        shows(problems(draft));
    }

    @Test
    @BadInputCase(id = "size-one-byte-over", area = "Sizes", input = "One byte more than 1 MiB",
            shows = "files: The task's files total 1.00 MiB, 1 B over the 1 MiB ConfigMap limit (design-spec.md <size>, "
                    + "<others>). Shorten the largest files or move big material (logs, data) into the repository and link to it",
            outcome = "The app lists it under Problems and the size meter turns red; the CLI exits 2; nothing is sent.")
    void oneByteOver() {
        shows(problems(withDesign("x".repeat(designLengthFor(ConfigMapLimits.MAX_BYTES + 1)))));
    }

    @Test
    @BadInputCase(id = "size-many-small-files", area = "Sizes", input = "2,000 small extra files of 600 bytes",
            shows = "files: The task's files total 1.49 MiB, 502.7 KiB over the 1 MiB ConfigMap limit (metadata.yaml <size>, "
                    + "prompt.md <size>, note-0000.md 600 B, note-0001.md 600 B, note-0002.md 600 B and 2000 more files). Shorten the largest files or move big material (logs, data) into the repository and link to it",
            outcome = "The message names the five largest files, not all 2,000.")
    void manySmallFiles() {
        List<TaskFile> files = new ArrayList<>(withDesign("# D\n").files());
        for (int i = 0; i < 2000; i++) {
            files.add(new TaskFile(String.format("note-%04d.md", i), "y".repeat(600)));
        }
        String seen = problems(draft(files));
        shows(seen);
        assertThat(seen.split(" KiB|B,").length).isLessThan(20);
    }

    @Test
    @BadInputCase(id = "size-generated-push-over", area = "Sizes",
            input = "The user's files fit under 1 MiB, but the generated prompt.md, acceptance-criteria.md and metadata.yaml push it over",
            shows = "files: The task's files total 1.00 MiB, <over> over the 1 MiB ConfigMap limit (design-spec.md <size>, "
                    + "prompt.md <size>, <others>). Shorten the largest files or move big material (logs, data) into the "
                    + "repository and link to it",
            outcome = "The size meter counts the generated files too, so it is red as well.")
    void generatedFilesPushItOver() {
        TaskDraft draft = withDesign("x".repeat(designLengthFor(ConfigMapLimits.MAX_BYTES + 100)));
        long usersOwn = draft.files().stream().mapToLong(f -> f.bytes().length).sum();
        assertThat(usersOwn + ConfigMapLimits.METADATA_ALLOWANCE).isLessThan(ConfigMapLimits.MAX_BYTES);
        shows(problems(draft));
    }
}
