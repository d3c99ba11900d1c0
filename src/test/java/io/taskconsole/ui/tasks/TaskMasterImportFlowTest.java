package io.taskconsole.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.ui.core.TaskStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import from Task Master through the real core, as the Import… button drives it. */
class TaskMasterImportFlowTest {

    @TempDir
    Path temp;

    @Test
    void chosenTasksBecomeTaskFoldersAndTheFirstIsSelected() throws Exception {
        Path json = temp.resolve("tasks.json");
        Files.copy(Path.of("src/test/resources/taskmaster/legacy-tasks.json"), json);
        Notices notices = new Notices(new AppLog(temp.resolve("log.txt")));
        TaskStore store = CoreAdapters.real().tasks();
        TaskListViewModel tasks = new TaskListViewModel(store, BackgroundExecutor.sameThread(), notices);
        tasks.workspaceProperty().set(temp.resolve("ws"));
        List<TaskMasterImport.Entry> found = new ArrayList<>();

        tasks.readTaskMaster(json, found::addAll);
        assertThat(found).isNotEmpty();
        tasks.importTaskMaster(json, List.of(found.get(0)), "payments");

        assertThat(notices.current().level()).as(notices.current().message()).isEqualTo(Notice.Level.SUCCESS);
        assertThat(tasks.allTasks()).hasSize(1);
        TaskEntry entry = tasks.selectedProperty().get();
        assertThat(entry.id()).isEqualTo(found.get(0).id().toString());
        assertThat(entry.service()).isEqualTo("payments");
        assertThat(Files.readString(entry.folder().resolve("task.md"))).isNotBlank();
    }

    @Test
    void aBadServiceNameStopsTheImportWithAFix() throws Exception {
        Path json = temp.resolve("tasks.json");
        Files.copy(Path.of("src/test/resources/taskmaster/legacy-tasks.json"), json);
        Notices notices = new Notices(new AppLog(temp.resolve("log.txt")));
        TaskListViewModel tasks = new TaskListViewModel(CoreAdapters.real().tasks(), BackgroundExecutor.sameThread(), notices);
        tasks.workspaceProperty().set(temp.resolve("ws"));
        List<TaskMasterImport.Entry> found = new ArrayList<>();
        tasks.readTaskMaster(json, found::addAll);

        tasks.importTaskMaster(json, found, "Payments API");

        assertThat(notices.current().message()).contains("payments-api");
        assertThat(Files.exists(temp.resolve("ws"))).isFalse();
    }
}
