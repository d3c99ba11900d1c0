package io.taskconsole.ui.attempts;

import static io.taskconsole.ui.FxWait.onFx;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.taskconsole.TaskConsoleException;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.ui.NoCluster;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import io.taskconsole.ui.submit.SubmitViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Attempts pane as a user clicks it: a failed load of an attempt's files is tried again by Refresh. */
@ExtendWith(ApplicationExtension.class)
class AttemptsViewTest {

    /** Hang guard for a loaded machine, not a speed requirement. */
    private static final String COMMAND = "/usr/local/bin/helm upgrade --install search-task-42-run-2 /charts/claude-code";

    @TempDir
    static Path temp;
    final RecordingSubmitTools tools = new RecordingSubmitTools();
    AttemptsViewModel model;
    final RecordingDialogs dialogs = new RecordingDialogs();
    AttemptsView view;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        InMemoryTasks store = new InMemoryTasks();
        Notices notices = new Notices(new AppLog(temp.resolve("app.log")));
        EditorViewModel editor = new EditorViewModel(store, executor, notices);
        ClusterViewModel cluster = new ClusterViewModel(new NoCluster(), executor);
        SubmitViewModel submit = new SubmitViewModel(tools, executor, notices, editor, cluster, new LogViewModel(executor));
        editor.open(store.add(42, "search", "Faster search", "# Faster search\n").folder(), "task.md", d -> { });
        tools.logs.put(2, "[info] $ " + COMMAND + "\nSTATUS: deployed\n");
        tools.attempts.add(attempt(1, JobPhase.UNKNOWN));
        // While the cluster is unreachable the list comes back unchanged: Job status stays unknown.
        tools.attempts.add(attempt(2, JobPhase.UNKNOWN));
        model = new AttemptsViewModel(tools, executor, editor, cluster, submit);
        view = new AttemptsView(model, dialogs, notices, executor);
        stage.setScene(new Scene((Parent) view.node(), 800, 600));
        stage.show();
        model.refresh(true);
    }

    @Test
    void refreshTriesAgainAfterTheFilesCouldNotBeLoadedAndThenShowsThem(FxRobot robot) throws Exception {
        tools.filesProblem = TaskConsoleException.failed("Cannot reach the API server https://127.0.0.1:1 of context 'kind-dev'",
                "Check that the cluster is running.", null);
        waitFor("both attempts", () -> robot.lookup("#attempts").queryAs(TableView.class).getItems().size() == 2);

        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));

        Label status = robot.lookup("#attempt-files-status").queryAs(Label.class);
        waitFor("the reason", () -> status.isVisible() && status.getText().startsWith("Files unavailable: "));
        assertThat(status.getText()).contains("Check that the cluster is running.").contains("Refresh tries again.");
        io.taskconsole.ui.log.LogLinesView helmLog = robot.lookup("#attempt-log-list").queryAs(io.taskconsole.ui.log.LogLinesView.class);
        waitFor("the attempt's helm log in the log panel", () -> onFx(() -> !helmLog.getItems().isEmpty()));
        assertThat(onFx(() -> helmLog.getItems().stream().map(l -> ((io.taskconsole.ui.log.LogLine) l).plain())
                .collect(java.util.stream.Collectors.joining("\n")))).containsOnlyOnce(COMMAND);
        assertThat(robot.lookup("#attempt-log-clear").queryAs(javafx.scene.control.Button.class).isVisible())
                .as("no Clear for a record of the past").isFalse();

        tools.filesProblem = null;
        tools.attemptFiles.put(2, Map.of("prompt.md", "# Prompt 2", "task.md", "# Faster search"));
        robot.clickOn("Refresh");

        waitFor("attempt 2's files", () -> robot.lookup("#attempt-file-tab-prompt-md").tryQuery().isPresent());
        assertThat(robot.lookup("#attempt-file-prompt-md").tryQuery()).as("a file's text is made when its tab is shown").isEmpty();
        robot.clickOn("#attempt-file-tab-prompt-md");
        assertThat(robot.lookup("#attempt-file-prompt-md").queryAs(TextArea.class).getText()).isEqualTo("# Prompt 2");
        assertThat(robot.lookup("#attempt-files").queryAs(TabPane.class).getTabs()).as("helm log, container log, transcript, drafts diff and the two files").hasSize(6);
        assertThat(status.isVisible()).isFalse();
        assertThat(tools.calls).containsExactly("files 2", "files 2");

        robot.clickOn("Refresh");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(tools.calls).as("loaded files are not fetched again").containsExactly("files 2", "files 2");
        assertThat(robot.lookup("#attempt-file-prompt-md").tryQuery()).isPresent();
    }

    @Test
    void retryAsksFirstAndSendsNothingWhenTheUserCancels(FxRobot robot) {
        waitFor("both attempts", () -> robot.lookup("#attempts").queryAs(TableView.class).getItems().size() == 2);

        robot.interact(view::confirmRetry);
        assertThat(dialogs.asked).singleElement().asString().startsWith("choose retry-confirmation: ").contains("attempt 2");
        assertThat(tools.calls).noneMatch(c -> c.startsWith("retry"));

        dialogs.answer(0);
        robot.interact(view::confirmRetry);
        waitFor("the retry", () -> tools.calls.stream().anyMatch(c -> c.startsWith("retry 2")));
    }

    @Test
    void newJobStatusOrANewAttemptKeepsTheSelectedRowAndItsFiles(FxRobot robot) {
        tools.attemptFiles.put(2, Map.of("prompt.md", "# Prompt 2"));
        waitFor("both attempts", () -> robot.lookup("#attempts").queryAs(TableView.class).getItems().size() == 2);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitFor("attempt 2's files", () -> robot.lookup("#attempt-file-tab-prompt-md").tryQuery().isPresent());
        robot.clickOn("#attempt-file-tab-prompt-md");

        tools.attempts.set(1, attempt(2, JobPhase.RUNNING));
        robot.clickOn("Refresh");
        tools.attempts.add(attempt(3, JobPhase.PENDING));
        robot.clickOn("Refresh");
        WaitForAsyncUtils.waitForFxEvents();

        TableView<?> table = robot.lookup("#attempts").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(3);
        assertThat(((AttemptSummary) table.getSelectionModel().getSelectedItem()).number()).isEqualTo(2);
        assertThat(model.selectedProperty().get().job()).isEqualTo(JobPhase.RUNNING);
        assertThat(robot.lookup("#attempt-file-prompt-md").queryAs(TextArea.class).getText()).isEqualTo("# Prompt 2");
        assertThat(tools.calls).as("the same attempt's files are not fetched again").containsExactly("files 2");
    }

    private static AttemptSummary attempt(int n, JobPhase job) {
        return new AttemptSummary(n, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(n), null, "kind-dev",
                "orchestrator", "search-task-42-run-" + n, COMMAND, 0, AttemptResult.SUCCEEDED, null, null, job,
                Duration.ofSeconds(3), null);
    }

}
