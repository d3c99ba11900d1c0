package io.taskconsole.ui.core;

import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
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

    /** The tasks of a Task Master {@code tasks.json}, for the import picker. */
    List<TaskMasterTask> taskMasterTasks(Path tasksJson);

    /** Creates a task folder in {@code workspace} from one Task Master task. */
    TaskDraft importTaskMaster(Path tasksJson, TaskMasterTask task, ServiceName service, Path workspace);

    /** One task of a Task Master file. */
    record TaskMasterTask(TaskId id, String title, String status, String tag) {
        @Override
        public String toString() {
            return "#" + id + "  " + title + (status == null || status.isBlank() ? "" : "  [" + status + "]")
                    + (tag == null || tag.isBlank() ? "" : "  (" + tag + ")");
        }
    }
}
