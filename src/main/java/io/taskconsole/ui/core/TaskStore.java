package io.taskconsole.ui.core;

import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Path;
import java.util.List;

/**
 * What the console needs from {@code io.taskconsole.task}: the seam view models are written
 * against, so their tests can run without a disk. {@link CoreAdapters} is the real one. All calls
 * block: run them through the background executor.
 */
public interface TaskStore {

    List<Path> list(Path workspace);

    TaskDraft load(Path folder);

    void saveFile(Path folder, TaskFile file);

    TaskDraft create(Path workspace, TaskInfo info, String taskMd, String designSpecMd);

    /** Creates the first-run sample task in {@code workspace}. */
    TaskDraft createSample(Path workspace);

    /** Imports every task of a Task Master {@code tasks.json} into the workspace; returns the new folders. */
    List<Path> importTaskMaster(Path tasksJson, Path workspace);
}
