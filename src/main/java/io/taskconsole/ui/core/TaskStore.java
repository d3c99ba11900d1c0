package io.taskconsole.ui.core;

import io.taskconsole.app.TaskService;
import io.taskconsole.task.FolderStamp;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import java.nio.file.Path;
import java.util.List;

/**
 * What the console needs of task folders: the seam view models are written against, so their
 * tests can run without a disk. {@link CoreAdapters} is the real one. All calls block: run them
 * through the background executor.
 */
public interface TaskStore {

    List<Path> list(Path workspace);

    /**
     * Takes {@code workspace} for this window until the hold is closed (or the process ends), so two
     * Task Consoles never autosave into the same task files.
     *
     * @throws io.taskconsole.TaskConsoleException naming the other Task Console when one has it
     */
    WorkspaceHold holdWorkspace(Path workspace);

    /** A workspace taken by {@link #holdWorkspace}. */
    interface WorkspaceHold extends AutoCloseable {
        @Override
        void close();
    }

    TaskDraft load(Path folder);

    /**
     * The folder's entries as the directory shows them, to tell whether {@link #load} would read
     * anything new (see {@link FolderStamp}). A store that cannot tell keeps this default, which
     * never matches, so the folder is always read.
     */
    default FolderStamp stamp(Path folder) {
        return FolderStamp.unknown();
    }

    void saveFile(Path folder, TaskFile file);

    /**
     * Copies the Markdown file {@code source} into the task {@code folder} as an extra file (see
     * {@code TaskFolder.addExtraFile}: never replacing one, never over the ConfigMap limit).
     *
     * @throws io.taskconsole.TaskConsoleException saying why it was refused and what to do
     */
    TaskFile addExtraFile(Path folder, Path source);

    /** Writes {@code task.yaml}, keeping the comments and keys a user wrote there (see {@code TaskFolder.writeInfo}). */
    void saveInfo(Path folder, TaskInfo info);

    TaskDraft create(Path workspace, TaskInfo info, String taskMd, String designSpecMd);

    /** Creates the first-run sample task in {@code workspace}. */
    TaskDraft createSample(Path workspace);

    /** The tasks of a Task Master {@code tasks.json}, for the import picker. */
    List<TaskMasterImport.Entry> taskMasterTasks(Path tasksJson);

    /** Creates a task folder in {@code workspace} from one Task Master task (see {@link TaskService#importTask}). */
    TaskDraft importTaskMaster(Path tasksJson, TaskMasterImport.Entry task, ServiceName service, Path workspace);
}
