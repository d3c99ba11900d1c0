package io.taskconsole.ui.tasks;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.TaskStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The task folders of the workspace, filtered by the text the user types. Creating and importing
 * go through the core's {@link TaskStore}; this class only keeps the list and the selection.
 */
public final class TaskListViewModel {

    private final TaskStore store;
    private final BackgroundExecutor executor;
    private final Notices notices;
    private final ObjectProperty<Path> workspace = new SimpleObjectProperty<>(this, "workspace");
    private final ObservableList<TaskEntry> tasks = FXCollections.observableArrayList();
    private final FilteredList<TaskEntry> visible = new FilteredList<>(tasks);
    private final StringProperty filter = new SimpleStringProperty(this, "filter", "");
    private final ObjectProperty<TaskEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final BooleanProperty loading = new SimpleBooleanProperty(this, "loading");

    public TaskListViewModel(TaskStore store, BackgroundExecutor executor, Notices notices) {
        this.store = store;
        this.executor = executor;
        this.notices = notices;
        filter.addListener((o, a, text) -> visible.setPredicate(entry -> entry.matches(text)));
    }

    public ObjectProperty<Path> workspaceProperty() {
        return workspace;
    }

    public ObservableList<TaskEntry> visibleTasks() {
        return visible;
    }

    public ObservableList<TaskEntry> allTasks() {
        return tasks;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<TaskEntry> selectedProperty() {
        return selected;
    }

    public BooleanProperty loadingProperty() {
        return loading;
    }

    /** Re-reads the workspace, keeps the selection by folder, then calls {@code done} on the UI thread. */
    public void refresh(Consumer<List<TaskEntry>> done) {
        Path dir = workspace.get();
        if (dir == null) {
            return;
        }
        loading.set(true);
        executor.task(() -> readAll(dir))
                .onSuccess(entries -> {
                    Path keep = selected.get() == null ? null : selected.get().folder();
                    tasks.setAll(entries);
                    if (keep != null) {
                        select(keep);
                    }
                    done.accept(entries);
                })
                .onFailure(notices.failed("Reading the workspace " + dir))
                .onFinally(() -> loading.set(false))
                .start();
    }

    public void refresh() {
        refresh(entries -> { });
    }

    private List<TaskEntry> readAll(Path dir) {
        List<TaskEntry> entries = new ArrayList<>();
        for (Path folder : store.list(dir)) {
            try {
                entries.add(TaskEntry.of(store.load(folder)));
            } catch (TaskConsoleException e) {
                entries.add(TaskEntry.unreadable(folder, e.oneLine()));
            }
        }
        return entries;
    }

    public void select(Path folder) {
        tasks.stream().filter(t -> t.folder().equals(folder)).findFirst().ifPresent(selected::set);
    }

    /**
     * Creates a task folder from the template; input errors (bad id or service name) come back as
     * a notice naming the field and the fix.
     */
    public void create(String id, String service, String title, Consumer<TaskDraft> created) {
        Path dir = workspace.get();
        TaskInfo info;
        try {
            info = new TaskInfo(TaskId.parse(id), ServiceName.parse(service), title, null, null);
        } catch (TaskConsoleException e) {
            notices.accept(Notice.error("Creating the task", e));
            return;
        }
        String heading = info.title().isBlank() ? "Task " + info.id() : info.title();
        executor.task(() -> store.create(dir, info, TaskTemplates.taskMd(heading), TaskTemplates.designSpecMd(heading)))
                .onSuccess(draft -> refresh(entries -> {
                    select(draft.folder());
                    created.accept(draft);
                }))
                .onFailure(notices.failed("Creating task " + info.id()))
                .start();
    }

    /** Reads the tasks of a Task Master file for the picker. */
    public void readTaskMaster(Path tasksJson, Consumer<List<TaskMasterImport.Entry>> then) {
        executor.task(() -> store.taskMasterTasks(tasksJson))
                .onSuccess(then)
                .onFailure(notices.failed("Reading " + tasksJson))
                .start();
    }

    /** Creates one task folder per chosen Task Master task, all for {@code service}. */
    public void importTaskMaster(Path tasksJson, List<TaskMasterImport.Entry> chosen, String service) {
        Path dir = workspace.get();
        ServiceName name;
        try {
            name = ServiceName.parse(service);
        } catch (TaskConsoleException e) {
            notices.accept(Notice.error("Importing", e));
            return;
        }
        executor.task(() -> {
            List<Path> created = new ArrayList<>();
            for (TaskMasterImport.Entry task : chosen) {
                created.add(store.importTaskMaster(tasksJson, task, name, dir).folder());
            }
            return created;
        }).onSuccess(folders -> refresh(entries -> {
            notices.accept(Notice.success("Imported " + folders.size() + " task(s) from " + tasksJson.getFileName() + "."));
            if (!folders.isEmpty()) {
                select(folders.get(0));
            }
        })).onFailure(notices.failed("Importing from " + tasksJson)).start();
    }

    /** The next free id: one more than the highest in the workspace, or 1001 in an empty one. */
    public String suggestedId() {
        return Long.toString(tasks.stream()
                .map(TaskEntry::id)
                .filter(s -> s.matches("[0-9]{1,18}"))
                .mapToLong(Long::parseLong)
                .max().orElse(1000) + 1);
    }
}
