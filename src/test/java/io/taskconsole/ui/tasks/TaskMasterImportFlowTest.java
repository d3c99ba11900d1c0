package io.taskconsole.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.dialogs.ImportDialog;
import io.taskconsole.task.TaskMasterImport;
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
        Path json = legacyTasks(temp.resolve("tasks.json"));
        TaskListViewModel tasks = tasks();
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
        Path json = legacyTasks(temp.resolve("tasks.json"));
        TaskListViewModel tasks = tasks();
        List<TaskMasterImport.Entry> found = new ArrayList<>();
        tasks.readTaskMaster(json, found::addAll);

        tasks.importTaskMaster(json, found, "Payments API");

        assertThat(notices.current().message()).contains("payments-api");
        assertThat(Files.exists(temp.resolve("ws"))).isFalse();
    }

    /**
     * The CLI and the console guess the service by one rule and write the folder one way: the same
     * tasks.json imported both ways gives the same task.yaml and files.
     */
    @Test
    void theCliAndTheConsoleImportTheSameTaskAlike() throws Exception {
        Path json = legacyTasks(temp.resolve("billing-api").resolve(".taskmaster").resolve("tasks").resolve("tasks.json"));
        TaskListViewModel tasks = tasks();
        List<TaskMasterImport.Entry> found = new ArrayList<>();
        tasks.readTaskMaster(json, found::addAll);
        String suggested = ImportDialog.guessService(json);
        assertThat(suggested).isEqualTo("billing-api");

        tasks.importTaskMaster(json, List.of(found.get(0)), suggested);
        Path byConsole = tasks.selectedProperty().get().folder();
        Path byCli = temp.resolve("cli-task");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = io.taskconsole.cli.TaskConsoleCli.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                "import-taskmaster", json.toString(), "--id", found.get(0).id().toString(), "--out", byCli.toString());

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("service billing-api, from the project folder's name");
        for (String file : List.of("task.yaml", "task.md", "design-spec.md")) {
            assertThat(Files.readString(byCli.resolve(file))).as(file).isEqualTo(Files.readString(byConsole.resolve(file)));
        }
    }

    /** Where the folders name no service, the CLI asks for one instead of inventing it. */
    @Test
    void theCliAsksForAServiceWhenNoneCanBeGuessed() throws Exception {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        // Under a folder whose name makes no service name ("___"; the temp folder's own would).
        Path odd = legacyTasks(temp.resolve("___").resolve(".taskmaster").resolve("tasks").resolve("tasks.json"));

        int code = io.taskconsole.cli.TaskConsoleCli.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                "import-taskmaster", odd.toString(), "--id", "1", "--out", temp.resolve("x").toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("Cannot tell which service").contains("--service");
        assertThat(ImportDialog.guessService(odd)).as("the console leaves the field for the user").isEmpty();
        assertThat(Files.exists(temp.resolve("x"))).isFalse();
    }

    private Notices notices;

    /** The import flow's view model on the real core, with a workspace in the temp folder. */
    private TaskListViewModel tasks() {
        notices = new Notices(new AppLog(temp.resolve("log.txt")));
        TaskListViewModel tasks = new TaskListViewModel(CoreAdapters.real().tasks(), BackgroundExecutor.sameThread(),
                notices);
        tasks.workspaceProperty().set(temp.resolve("ws"));
        return tasks;
    }

    /** Task Master's tasks.json of the test resources, copied to {@code file}. */
    private static Path legacyTasks(Path file) throws java.io.IOException {
        Files.createDirectories(file.getParent());
        Files.copy(Path.of("src/test/resources/taskmaster/legacy-tasks.json"), file);
        return file;
    }
}
