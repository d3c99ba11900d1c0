package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A complete example task, so a first run shows preview, criteria and a dry run without any setup. */
public final class SampleTask {

    public static final TaskInfo INFO = new TaskInfo(new TaskId(1001), new ServiceName("auth-service"),
            "Rate-limit failed logins", null, null);

    private SampleTask() {
    }

    /** Creates the sample under {@code workspace}, or returns it unchanged where it already exists. */
    public static TaskDraft create(Path workspace) {
        Path folder = workspace.resolve(TaskFolder.folderName(INFO));
        if (java.nio.file.Files.isRegularFile(folder.resolve(TaskFolder.TASK_YAML))) {
            return TaskFolder.load(folder);
        }
        return TaskFolder.create(workspace, INFO, resource("task.md"), resource("design-spec.md"));
    }

    static String resource(String name) {
        try (InputStream in = SampleTask.class.getResourceAsStream("sample/" + name)) {
            if (in == null) {
                throw new IllegalStateException("sample/" + name + " is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read the sample task: " + e.getMessage(), null, e);
        }
    }
}
