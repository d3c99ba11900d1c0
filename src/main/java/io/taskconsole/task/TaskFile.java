package io.taskconsole.task;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/** One Markdown file of a task, by its file name (which becomes its ConfigMap key). */
public record TaskFile(String name, String content) {

    public static final String TASK_MD = "task.md";
    public static final String DESIGN_SPEC_MD = "design-spec.md";

    public TaskFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }

    public byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }
}
