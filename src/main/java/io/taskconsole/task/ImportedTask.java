package io.taskconsole.task;

import java.util.List;
import java.util.Objects;

/**
 * A Task Master task turned into the two Markdown files a Task Console task starts from.
 *
 * @param tag the Task Master tag it came from, or {@code null} for a file without tags
 */
public record ImportedTask(TaskId id, String title, String tag, String taskMarkdown, String designSpecMarkdown) {

    public ImportedTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(taskMarkdown, "taskMarkdown");
        Objects.requireNonNull(designSpecMarkdown, "designSpecMarkdown");
    }

    /** {@code task.md} and {@code design-spec.md}, ready for a {@link TaskDraft}. */
    public List<TaskFile> files() {
        return List.of(new TaskFile(TaskFile.TASK_MD, taskMarkdown), new TaskFile(TaskFile.DESIGN_SPEC_MD, designSpecMarkdown));
    }
}
