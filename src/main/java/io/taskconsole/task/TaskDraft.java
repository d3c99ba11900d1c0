package io.taskconsole.task;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A task as it stands in its folder: {@code task.yaml} plus its Markdown files, {@code task.md}
 * and {@code design-spec.md} first, then extra files by name.
 */
public record TaskDraft(Path folder, TaskInfo info, List<TaskFile> files) {

    public TaskDraft {
        files = List.copyOf(files);
    }

    public Optional<TaskFile> file(String name) {
        return files.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public TaskDraft withInfo(TaskInfo newInfo) {
        return new TaskDraft(folder, newInfo, files);
    }

    public TaskDraft withFiles(List<TaskFile> newFiles) {
        return new TaskDraft(folder, info, newFiles);
    }
}
