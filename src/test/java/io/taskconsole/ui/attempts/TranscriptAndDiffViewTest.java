package io.taskconsole.ui.attempts;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.transcript.TranscriptFixture;
import io.taskconsole.ui.DesktopSession;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.NoCluster;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import io.taskconsole.ui.submit.SubmitViewModel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The selected attempt's transcript (from the agent log kept on this machine) and the drafts compared
 * with what it sent, as a user sees them in the Attempts pane; Retry's question says what a retry changes.
 */
@ExtendWith(ApplicationExtension.class)
class TranscriptAndDiffViewTest {

    private static final String TASK_MD = "# Rate-limit failed logins\n\nUsers report credential stuffing.\n\n"
            + "## Acceptance criteria\n\n- [ ] After 5 failed logins for one account, answer 429.\n"
            + "- [ ] A successful login resets the counter.\n";

    @TempDir
    static Path temp;
    final RecordingSubmitTools tools = new RecordingSubmitTools();
    final RecordingDialogs dialogs = new RecordingDialogs();
    AttemptsViewModel model;
    AttemptsView view;
    Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        InMemoryTasks store = new InMemoryTasks();
        Notices notices = new Notices(new AppLog(temp.resolve("app.log")));
        EditorViewModel editor = new EditorViewModel(store, executor, notices);
        ClusterViewModel cluster = new ClusterViewModel(new NoCluster(), executor);
        SubmitViewModel submit = new SubmitViewModel(tools, executor, notices, editor, cluster, new LogViewModel(executor));
        editor.open(store.add(1001, "auth-service", "Rate-limit failed logins", TASK_MD).folder(), "task.md", d -> { });
        tools.attempts.add(attempt(1));
        tools.attempts.add(attempt(2));
        tools.agentLogs.put(2, TranscriptFixture.lines());
        tools.attemptFiles.put(2, new LinkedHashMap<>(Map.of("task.md", TASK_MD, "design-spec.md", "# Design\n\nRedis counters.\n",
                "metadata.yaml", "attempt: 2\n")));
        Map<String, byte[]> drafts = new LinkedHashMap<>();
        drafts.put("task.md", TASK_MD.replace("After 5 failed logins", "After 10 failed logins")
                .getBytes(StandardCharsets.UTF_8));
        drafts.put("design-spec.md", "# Design\n\nRedis counters.\n".getBytes(StandardCharsets.UTF_8));
        drafts.put("metadata.yaml", "attempt: 3\n".getBytes(StandardCharsets.UTF_8));
        tools.generatedFiles = new AttemptFiles(drafts);
        model = new AttemptsViewModel(tools, executor, editor, cluster, submit);
        view = new AttemptsView(model, dialogs, notices, executor);
        scene = new Scene((Parent) view.node(), 900, 640);
        scene.getStylesheets().add(DesktopSession.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.refresh(true);
    }

    private void selectNewest(FxRobot robot) {
        waitFor("both attempts", () -> model.attempts().size() == 2);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        waitFor("attempt 2's files", () -> robot.lookup("#attempt-file-tab-task-md").tryQuery().isPresent());
    }

    @Test
    void theTranscriptShowsTheSummaryTheReportAndEveryLine(FxRobot robot) {
        selectNewest(robot);
        robot.clickOn("transcript");

        waitFor("the summary", () -> robot.lookup("#transcript-summary").queryAs(Label.class).getText().startsWith("Succeeded"));
        assertThat(robot.lookup("#transcript-summary").queryAs(Label.class).getText()).isEqualTo("Succeeded: 19 turns, 3m 41s, $0.4821");
        // The draft has two criteria: the report's other ids are unknown to it and not counted.
        assertThat(robot.lookup("#transcript-report").queryAs(Label.class).getText())
                .startsWith("Acceptance report: 2/2 met; unknown ids AC-3, AC-4");
        ListView<?> entries = robot.lookup("#transcript-entries").queryAs(ListView.class);
        assertThat(entries.getItems()).hasSize(26);
        int error = 0;
        while (!(entries.getItems().get(error) instanceof io.taskconsole.transcript.TranscriptEntry.ToolResult r && r.error())) {
            error++;
        }
        int shown = error;
        robot.interact(() -> entries.scrollTo(shown - 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup(".transcript-error").queryAs(javafx.scene.control.ListCell.class).getItem())
                .as("the failed build is marked").isSameAs(entries.getItems().get(error));
        robot.interact(() -> Screenshots.save(scene, "transcript-light"));
        dark(robot, "transcript-dark");

        robot.clickOn("#transcript-raw");
        ListView<?> raw = robot.lookup("#transcript-raw-lines").queryAs(ListView.class);
        assertThat(raw.isVisible()).isTrue();
        assertThat(raw.getItems()).isEqualTo(TranscriptFixture.lines());
    }

    @Test
    void theDraftsDiffHighlightsTheChangedWordAndCollapsesUnchangedFiles(FxRobot robot) {
        selectNewest(robot);
        waitFor("the comparison made", () -> robot.lookup("#diff-summary").queryAs(Label.class).getText()
                .contains("drafts differs from attempt-2"));
        assertThat(robot.lookup("#diff-file-task-md").tryQuery()).as("no rows built behind another tab").isEmpty();
        robot.clickOn(robot.lookup(".tab").nth(3).queryAs(Node.class));

        waitFor("the comparison", () -> robot.lookup("#diff-file-task-md").tryQuery().isPresent());
        assertThat(robot.lookup("#diff-summary").queryAs(Label.class).getText())
                .contains("drafts differs from attempt-2 in 2 files:").contains("task.md: changed, +1 -1")
                .contains("metadata.yaml: changed, +1 -1");
        assertThat(robot.lookup("#diff-file-task-md").queryAs(TitledPane.class).isExpanded()).isTrue();
        assertThat(robot.lookup("#diff-file-design-spec-md").queryAs(TitledPane.class).isExpanded()).isFalse();
        assertThat(robot.lookup(".diff-word").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).containsExactlyInAnyOrder("5", "10", "2", "3");
        robot.interact(() -> Screenshots.save(scene, "drafts-diff-light"));
        dark(robot, "drafts-diff-dark");
    }

    @Test
    void retrySaysOnlyMetadataChanges(FxRobot robot) {
        selectNewest(robot);
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#retry");

        assertThat(dialogs.asked).hasSize(1);
        assertThat(dialogs.asked.get(0)).startsWith("choose retry-confirmation: ")
                .contains("Changed from attempt 2: metadata.yaml: changed, +2 -1; every other file is sent as it was.");
    }

    private void dark(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.saveDark(scene, name));
    }

    private static AttemptSummary attempt(int n) {
        return new AttemptSummary(n, Instant.parse("2026-12-04T06:00:00Z").plusSeconds(60L * n), null, "kind-dev",
                "orchestrator", "auth-service-task-1001-run-" + n, "helm upgrade --install", 0, AttemptResult.SUCCEEDED,
                null, "deployed", n == 2 ? JobPhase.SUCCEEDED : JobPhase.FAILED, Duration.ofSeconds(221), null);
    }
}
