package io.taskconsole.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskListViewModelTest {

    @TempDir
    Path temp;
    InMemoryTasks store = new InMemoryTasks();
    Notices notices;
    TaskListViewModel tasks;

    @BeforeEach
    void setUp() {
        store.add(1001, "auth-service", "Rate-limit failed logins", "#");
        store.add(1002, "billing", "Monthly invoices", "#");
        notices = new Notices(new AppLog(temp.resolve("log.txt")));
        tasks = new TaskListViewModel(store, BackgroundExecutor.sameThread(), notices);
        tasks.workspaceProperty().set(Path.of("/ws"));
        tasks.refresh();
    }

    @Test
    void filterMatchesIdServiceAndTitle() {
        assertThat(tasks.visibleTasks()).hasSize(2);
        tasks.filterProperty().set("invoice");
        assertThat(tasks.visibleTasks()).extracting(TaskEntry::id).containsExactly("1002");
        tasks.filterProperty().set("AUTH");
        assertThat(tasks.visibleTasks()).extracting(TaskEntry::id).containsExactly("1001");
        tasks.filterProperty().set("");
        assertThat(tasks.visibleTasks()).hasSize(2);
    }

    @Test
    void aNewTaskGetsTheNextIdAndIsSelected() {
        assertThat(tasks.suggestedId()).isEqualTo("1003");
        TaskEntry[] created = {null};

        tasks.create("1003", "search", "Faster search", draft -> created[0] = tasks.selectedProperty().get());

        assertThat(created[0].id()).isEqualTo("1003");
        assertThat(store.onDisk(created[0].folder(), "task.md")).contains("# Faster search").contains("## Acceptance criteria");
    }

    @Test
    void aBadServiceNameIsExplainedWithASuggestion() {
        tasks.create("1003", "Search_Service", "", draft -> { });

        assertThat(notices.current().level()).isEqualTo(Notice.Level.ERROR);
        assertThat(notices.current().message()).contains("Search_Service").contains("search-service");
        assertThat(tasks.allTasks()).hasSize(2);
    }
}
