package io.taskconsole.ui.criteria;

import static io.taskconsole.ui.FxWait.WAIT_SECONDS;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.task.TaskFile;
import io.taskconsole.transcript.TranscriptFixture;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Application;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TreeCell;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Beside each criterion, what the agent of each attempt said of it; under the count, each attempt's
 * report in one line. The reports are the recorded Claude Code session's, read by the production parser.
 */
@ExtendWith(ApplicationExtension.class)
class CriteriaReportsViewTest {

    @TempDir
    static Path temp;
    final BackgroundExecutor executor = BackgroundExecutor.forApp(new FxThread());
    final InMemoryTasks tasks = new InMemoryTasks();
    final RecordingSubmitTools tools = new RecordingSubmitTools();
    final ObservableList<AttemptSummary> attempts = FXCollections.observableArrayList();
    CriteriaViewModel model;
    Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Notices notices = new Notices(new AppLog(temp.resolve("app.log")));
        EditorViewModel editor = new EditorViewModel(tasks, executor, notices);
        model = new CriteriaViewModel(CoreAdapters.real().markdown(), executor, notices, editor);
        model.followReports(tools, attempts);
        scene = new Scene(new StackPane(new CriteriaView(model).node()), 640, 560);
        scene.getStylesheets().add(Objects.requireNonNull(
                CriteriaView.class.getResource("/io/taskconsole/ui/console.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        // Six criteria, the fourth with two: the session reports AC-7 too, which this task does not have.
        editor.show(tasks.add(1001, "auth-service", "Rate limit logins", """
                # Rate limit logins

                ## Acceptance criteria
                - [ ] The 6th failed login for one account gets `429` with `Retry-After`
                - [ ] 20 failed logins from one IP get `429`
                - [ ] A successful login resets the account's counter
                - [ ] Both limits are configurable
                  - [ ] `LOGIN_MAX_FAILURES_PER_ACCOUNT`, default 5
                  - [ ] `LOGIN_MAX_FAILURES_PER_IP`, default 20
                - [ ] Integration tests run against a real Redis
                - [ ] The limiter is an interface, so handlers can be tested without Redis
                """), TaskFile.TASK_MD);
        model.extractNow();
        // Attempt 1's agent ended without the report block; attempt 2's is the recorded session as it was.
        tools.agentLogs.put(1, TranscriptFixture.lines().stream()
                .map(line -> line.replace("```acceptance-report", "```text")).toList());
        tools.agentLogs.put(2, TranscriptFixture.lines());
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /** Each drawn criterion's id with the marks beside it, as "#1 – | #2 ✓". */
    private Map<String, String> marks(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Map<String, String> seen = new LinkedHashMap<>();
            for (TreeCell<?> cell : robot.lookup("#criteria-tree .tree-cell").queryAllAs(TreeCell.class)) {
                if (cell.getItem() instanceof io.taskconsole.markdown.Criterion c && cell.getGraphic() != null) {
                    seen.put(c.id(), cell.getGraphic().lookupAll(".criterion-mark").stream()
                            .map(n -> ((Label) n).getText()).collect(Collectors.joining(" | ")));
                }
            }
            return seen;
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private String tooltip(FxRobot robot, String id) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#criteria-tree .tree-cell").queryAllAs(TreeCell.class).stream()
                .filter(cell -> cell.getItem() instanceof io.taskconsole.markdown.Criterion c && c.id().equals(id))
                .map(cell -> cell.getTooltip() == null ? "" : cell.getTooltip().getText())
                .findFirst().orElse("")).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private String reportLines(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            Label label = robot.lookup("#criteria-reports").queryAs(Label.class);
            return label.isVisible() ? label.getText() : "";
        }).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void eachCriterionShowsWhatEachAttemptReportedAndTheCountSaysNoReportAndUnknownIds(FxRobot robot) throws Exception {
        waitFor("criteria drawn", () -> marks(robot).containsKey("AC-6"));
        assertThat(marks(robot).values()).as("no attempts yet: no marks").allMatch(String::isEmpty);
        assertThat(reportLines(robot)).isEmpty();

        // What the Attempts pane's list does after a submission: the reports are read again.
        robot.interact(() -> attempts.setAll(attempt(1), attempt(2)));
        waitFor("attempt 2's marks", () -> marks(robot).getOrDefault("AC-1", "").contains("#2"));

        Map<String, String> marks = marks(robot);
        assertThat(marks).containsEntry("AC-1", "#1 – | #2 ✓")
                .containsEntry("AC-4", "#1 – | #2 ◐")
                .containsEntry("AC-4.1", "#1 – | #2 ✓")
                .containsEntry("AC-5", "#1 – | #2 ✗")
                .containsEntry("AC-6", "#1 – | #2 ✓");
        assertThat(reportLines(robot)).isEqualTo("""
                Attempt 1: no report: the agent's final message has no acceptance-report block
                Attempt 2: 6/8 met; unknown id AC-7""");
        assertThat(tooltip(robot, "AC-5")).isEqualTo("""
                Attempt 1: no report
                Attempt 2: not met - integration tests need a Redis the sandbox lacks; unit tests only""");
        robot.interact(() -> Screenshots.save(scene, "criteria-reports-light"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> Screenshots.save(scene, "criteria-reports-dark"));

        // A third attempt whose agent log was not kept (yet): it has no report, and says why.
        robot.interact(() -> attempts.add(attempt(3)));
        waitFor("attempt 3's marks", () -> marks(robot).getOrDefault("AC-1", "").contains("#3"));
        assertThat(marks(robot)).containsEntry("AC-1", "#1 – | #2 ✓ | #3 –");
        assertThat(reportLines(robot)).endsWith("Attempt 3: no report: no agent log with a final result was kept");
    }

    private static AttemptSummary attempt(int n) {
        return new AttemptSummary(n, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(n), null, "kind-dev",
                "orchestrator", "auth-service-1001-run-" + n, "helm upgrade --install", 0, AttemptResult.SUCCEEDED,
                null, null, JobPhase.SUCCEEDED, Duration.ofSeconds(3), null);
    }
}
