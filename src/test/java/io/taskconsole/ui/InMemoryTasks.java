package io.taskconsole.ui;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.ui.core.TaskStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A task store in memory, for view-model tests that need no disk; records every write. */
public final class InMemoryTasks implements TaskStore {

    public final Map<Path, TaskDraft> drafts = new LinkedHashMap<>();
    public final List<TaskFile> writes = new ArrayList<>();
    public boolean failWrites;

    public TaskDraft add(long id, String service, String title, String taskMd) {
        Path folder = Path.of("/ws/" + id + "-" + service);
        TaskDraft draft = new TaskDraft(folder, new TaskInfo(new TaskId(id), new ServiceName(service), title, null, null),
                List.of(new TaskFile(TaskFile.TASK_MD, taskMd), new TaskFile(TaskFile.DESIGN_SPEC_MD, "# Design\n")));
        drafts.put(folder, draft);
        return draft;
    }

    /** Another program changes a file on "disk". */
    public void changeOnDisk(Path folder, String name, String content) {
        TaskDraft d = drafts.get(folder);
        List<TaskFile> files = new ArrayList<>(d.files().stream().filter(f -> !f.name().equals(name)).toList());
        files.add(new TaskFile(name, content));
        drafts.put(folder, d.withFiles(files));
    }

    public String onDisk(Path folder, String name) {
        return drafts.get(folder).file(name).map(TaskFile::content).orElse(null);
    }

    @Override
    public List<Path> list(Path workspace) {
        return new ArrayList<>(drafts.keySet());
    }

    @Override
    public TaskDraft load(Path folder) {
        TaskDraft d = drafts.get(folder);
        if (d == null) {
            throw TaskConsoleException.badInput("Task folder " + folder + " does not exist", "Pick another folder.");
        }
        return d;
    }

    @Override
    public void saveFile(Path folder, TaskFile file) {
        if (failWrites) {
            throw TaskConsoleException.failed("Cannot write " + folder.resolve(file.name()) + ": disk full", "Free some space.", null);
        }
        writes.add(file);
        changeOnDisk(folder, file.name(), file.content());
    }

    /** A dropped file is on a real disk: the drop is tested through the real core (EditorDropTest). */
    @Override
    public TaskFile addExtraFile(Path folder, Path source) {
        throw new UnsupportedOperationException("in-memory tasks read no files from disk");
    }

    @Override
    public void saveInfo(Path folder, TaskInfo info) {
        if (failWrites) {
            throw TaskConsoleException.failed("Cannot write " + folder.resolve("task.yaml") + ": disk full", "Free some space.", null);
        }
        TaskDraft d = drafts.get(folder);
        drafts.put(folder, new TaskDraft(folder, info, d.files()));
    }

    @Override
    public TaskDraft create(Path workspace, TaskInfo info, String taskMd, String designSpecMd) {
        TaskDraft draft = add(info.id().value(), info.service().value(), info.title(), taskMd);
        return draft;
    }

    /** Workspaces another (pretend) Task Console has: holding one fails as the real lock does. */
    public final java.util.Set<Path> heldElsewhere = new java.util.HashSet<>();
    public final java.util.Set<Path> held = new java.util.HashSet<>();

    @Override
    public WorkspaceHold holdWorkspace(Path workspace) {
        if (heldElsewhere.contains(workspace)) {
            throw TaskConsoleException.badInput("The workspace " + workspace + " is open in another Task Console",
                    "Switch to that window, or close it first.");
        }
        held.add(workspace);
        return () -> held.remove(workspace);
    }

    @Override
    public TaskDraft createSample(Path workspace) {
        return add(1001, "auth-service", "Sample", "# Sample\n");
    }

    @Override
    public List<TaskMasterImport.Entry> taskMasterTasks(Path tasksJson) {
        return List.of();
    }

    @Override
    public TaskDraft importTaskMaster(Path tasksJson, TaskMasterImport.Entry task, ServiceName service, Path workspace) {
        return add(task.id().value(), service.value(), task.title(), "# " + task.title() + "\n");
    }
}
