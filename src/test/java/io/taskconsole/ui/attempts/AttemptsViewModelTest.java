package io.taskconsole.ui.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptsViewModelTest {

    @TempDir
    Path temp;
    RecordingSubmitTools tools = new RecordingSubmitTools();
    InMemoryTasks store = new InMemoryTasks();
    AttemptsViewModel attempts;

    @BeforeEach
    void setUp() {
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        Notices notices = new Notices(new AppLog(temp.resolve("log.txt")));
        EditorViewModel editor = new EditorViewModel(store, executor, notices);
        ClusterViewModel cluster = new ClusterViewModel(new NoCluster(), executor);
        SubmitViewModel submit = new SubmitViewModel(tools, executor, notices, editor, cluster, new LogViewModel(executor));
        editor.open(store.add(42, "search", "Faster search", "# Faster search\n").folder(), "task.md", d -> { });
        tools.attempts.add(attempt(2));
        tools.attempts.add(attempt(1));
        tools.logs.put(1, "[info] $ helm upgrade\nlog of 1");
        tools.logs.put(2, "[info] $ helm upgrade\nlog of 2");
        attempts = new AttemptsViewModel(tools, executor, editor, cluster, submit);
        attempts.refresh(false);
    }

    @Test
    void selectingAnAttemptLoadsTheFilesItSent() {
        tools.attemptFiles.put(1, Map.of("prompt.md", "# Prompt 1", "task.md", "# Faster search"));
        tools.attemptFiles.put(2, Map.of("prompt.md", "# Prompt 2"));

        attempts.selectedProperty().set(attempts.attempts().get(1));

        assertThat(attempts.filesProperty().get()).containsEntry("prompt.md", "# Prompt 1").containsKey("task.md");
        assertThat(attempts.filesStatusProperty().get()).isEmpty();

        attempts.selectedProperty().set(attempts.attempts().get(0));

        assertThat(attempts.filesProperty().get()).containsOnlyKeys("prompt.md").containsEntry("prompt.md", "# Prompt 2");
        assertThat(tools.calls).containsExactly("files 1", "files 2");
    }

    @Test
    void anUnreachableClusterGivesOneLineInsteadOfTheFilesAndTheLogStays() {
        tools.attemptFiles.put(1, Map.of("prompt.md", "# Prompt 1"));
        attempts.selectedProperty().set(attempts.attempts().get(1));
        tools.filesProblem = TaskConsoleException.failed("Cannot reach the API server https://127.0.0.1:1 of context 'kind-dev'",
                "Check that the cluster is running.", null);

        attempts.selectedProperty().set(attempts.attempts().get(0));

        assertThat(attempts.filesProperty().get()).isEmpty();
        assertThat(attempts.filesStatusProperty().get())
                .startsWith("Files unavailable: ").contains("Cannot reach the API server").doesNotContain("\n");
        assertThat(attempts.logProperty().get()).as("the local log does not need the cluster").isEqualTo("[info] $ helm upgrade\nlog of 2");
    }

    @Test
    void theHelmLogReachesTheLogPanelWithItsStreamsToldApart() {
        tools.logs.put(1, "[info] $ helm upgrade\nRelease \"run-1\" installed\n[stderr] Error: timed out");
        attempts.selectedProperty().set(attempts.attempts().get(1));

        assertThat(attempts.helmLog().lines()).extracting(l -> l.stream() + " " + l.plain()).containsExactly(
                "INFO $ helm upgrade", "STDOUT Release \"run-1\" installed", "STDERR Error: timed out");

        attempts.selectedProperty().set(attempts.attempts().get(0));
        assertThat(attempts.helmLog().lines()).extracting(l -> l.plain()).as("only the newly selected attempt's lines")
                .containsExactly("$ helm upgrade", "log of 2");
    }

    @Test
    void clearingTheSelectionClearsTheFiles() {
        tools.attemptFiles.put(1, Map.of("prompt.md", "# Prompt 1"));
        attempts.selectedProperty().set(attempts.attempts().get(1));

        attempts.selectedProperty().set(null);

        assertThat(attempts.filesProperty().get()).isEmpty();
        assertThat(attempts.filesStatusProperty().get()).isEmpty();
    }

    @Test
    void afterAFailureRefreshTriesAgainAndShowsTheFilesOnceTheClusterAnswers() {
        tools.filesProblem = TaskConsoleException.failed("Cannot reach the API server https://127.0.0.1:1 of context 'kind-dev'",
                "Check that the cluster is running and the kubeconfig points at it.", null);
        attempts.selectedProperty().set(attempts.attempts().get(0));
        assertThat(attempts.filesStatusProperty().get())
                .isEqualTo("Files unavailable: Cannot reach the API server https://127.0.0.1:1 of context 'kind-dev'. "
                        + "Check that the cluster is running and the kubeconfig points at it. Refresh tries again.");

        attempts.refresh(true);

        assertThat(tools.calls).containsExactly("files 2", "files 2");
        assertThat(attempts.filesStatusProperty().get()).as("still failing: the reason stays")
                .startsWith("Files unavailable: Cannot reach the API server");

        tools.filesProblem = null;
        tools.attemptFiles.put(2, Map.of("prompt.md", "# Prompt 2"));
        attempts.refresh(true);

        assertThat(attempts.filesProperty().get()).containsEntry("prompt.md", "# Prompt 2");
        assertThat(attempts.filesStatusProperty().get()).isEmpty();

        attempts.refresh(true);
        assertThat(tools.calls).as("once loaded, refresh leaves the files alone").containsExactly("files 2", "files 2", "files 2");
    }

    /** A refresh hands back the same attempt with new Job status; after a failure that is a new try too. */
    @Test
    void reselectingAnAttemptWhoseFilesFailedTriesAgain() {
        tools.filesProblem = TaskConsoleException.failed("Cannot reach the API server", "Check that the cluster is running.", null);
        attempts.selectedProperty().set(attempts.attempts().get(0));
        tools.filesProblem = null;
        tools.attemptFiles.put(2, Map.of("prompt.md", "# Prompt 2"));

        attempts.selectedProperty().set(attempt(2));

        assertThat(tools.calls).containsExactly("files 2", "files 2");
        assertThat(attempts.filesProperty().get()).containsKey("prompt.md");
        assertThat(attempts.filesStatusProperty().get()).isEmpty();
    }

    /** A refresh re-selects the same attempt: its files are not fetched again. */
    @Test
    void refreshingKeepsTheLoadedFilesWithoutAskingAgain() {
        tools.attemptFiles.put(2, Map.of("prompt.md", "# Prompt 2"));
        attempts.selectedProperty().set(attempts.attempts().get(0));

        attempts.refresh(false);

        assertThat(attempts.selectedProperty().get().number()).isEqualTo(2);
        assertThat(attempts.filesProperty().get()).containsKey("prompt.md");
        assertThat(tools.calls).containsExactly("files 2");
    }

    @Test
    void theLogTabShowsHelmsCommandOnceWhetherOrNotHelmStarted() {
        String command = "/usr/local/bin/helm upgrade --install search-task-42-run-1 /charts/claude-code";
        AttemptSummary started = summary(1, command, 0);
        String startedLog = "[info] Creating ConfigMap search-task-42-run-1-files\n[info] $ " + command + "\nSTATUS: deployed\n";
        AttemptSummary neverStarted = summary(2, command, null);
        String failedLog = "[info] Attempt 2 failed: Could not start helm at /usr/local/bin/helm\n";

        assertThat(AttemptsViewModel.logText(started, startedLog)).isEqualTo(startedLog);
        assertThat(AttemptsViewModel.logText(neverStarted, failedLog)).startsWith("[info] $ " + command + "\n")
                .endsWith(failedLog).containsOnlyOnce(command);
    }

    @Test
    void unfinishedAttemptsAreWatchedWhileShownAndTheirReportsChangeTheListLive() throws Exception {
        tools.attempts.clear();
        tools.attempts.add(withJob(summary(3, "helm upgrade", 0), JobPhase.RUNNING));
        tools.attempts.add(withJob(summary(2, "helm upgrade", 0), JobPhase.SUCCEEDED));

        attempts.visibleProperty().set(true);
        assertThat(tools.calls).contains("watch 3").doesNotContain("watch 2");
        attempts.visibleProperty().set(false);
        assertThat(tools.calls).as("hidden: no watch stays open").contains("unwatch 3");
        attempts.visibleProperty().set(true);
        attempts.selectedProperty().set(attempts.attempts().get(0));
        assertThat(AttemptsViewModel.running(attempts.attempts().get(0))).isTrue();

        Thread watchThread = new Thread(() -> tools.watching.get(3).accept(new io.taskconsole.follow.AttemptState(3,
                "search-task-42-run-3", JobPhase.FAILED, "BackoffLimitExceeded", null, null, null, null,
                java.util.List.of(), java.util.List.of(), Map.of())), "watch");
        watchThread.start();
        watchThread.join();

        AttemptSummary row = attempts.attempts().get(0);
        assertThat(row.number()).isEqualTo(3);
        assertThat(row.job()).isEqualTo(JobPhase.FAILED);
        assertThat(AttemptsViewModel.running(row)).isFalse();
        assertThat(attempts.selectedProperty().get()).as("the attempt stays selected").isSameAs(row);
        assertThat(attempts.liveStates().get(3).problems()).anyMatch(p -> p.contains("`job.backoffLimit`"));
    }

    private static AttemptSummary withJob(AttemptSummary a, JobPhase job) {
        return new AttemptSummary(a.number(), a.submittedAt(), a.kubeconfig(), a.context(), a.namespace(), a.release(),
                a.command(), a.exitCode(), a.result(), a.message(), "deployed", job, a.duration(), a.logFile());
    }

    private static AttemptSummary attempt(int n) {
        return summary(n, "helm upgrade", 0);
    }

    private static AttemptSummary summary(int n, String command, Integer exitCode) {
        return new AttemptSummary(n, Instant.now(), null, "kind-dev", "orchestrator", "search-task-42-run-" + n,
                command, exitCode, exitCode == null ? AttemptResult.FAILED : AttemptResult.SUCCEEDED, null, null,
                JobPhase.UNKNOWN, Duration.ofSeconds(3), null);
    }
}
