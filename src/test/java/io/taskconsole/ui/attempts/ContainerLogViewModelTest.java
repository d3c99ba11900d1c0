package io.taskconsole.ui.attempts;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.common.UiThread;
import io.taskconsole.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the container log is read, and when a follow in progress is stopped: only while its panel is on
 * screen, again for another container, never after the attempt is deselected or the panel hidden.
 */
class ContainerLogViewModelTest {

    @TempDir
    Path temp;
    final RecordingSubmitTools tools = new RecordingSubmitTools();
    BackgroundExecutor executor;
    TaskDraft draft;
    ContainerLogViewModel log;

    @BeforeEach
    void setUp() {
        // Worker threads, as in the app: a follow blocks its thread until it is stopped.
        executor = BackgroundExecutor.forApp(UiThread.direct());
        InMemoryTasks store = new InMemoryTasks();
        BackgroundExecutor same = BackgroundExecutor.sameThread();
        EditorViewModel editor = new EditorViewModel(store, same, new Notices(new AppLog(temp.resolve("log.txt"))));
        editor.open(store.add(42, "search", "Faster search", "# Faster search\n").folder(), "task.md", d -> { });
        draft = editor.snapshot().orElseThrow();
        tools.followUntilCancelled = true;
        log = new ContainerLogViewModel(tools, executor);
    }

    @AfterEach
    void tearDown() {
        log.stop();
        executor.close();
    }

    @Test
    void aFollowRunsWhileItsPanelIsShownAndStopsWhenTheAttemptTheContainerOrThePanelChanges() {
        log.show(draft, attempt(2, JobPhase.RUNNING));
        assertThat(tools.logReads).as("the panel is not on screen").isEmpty();

        log.activeProperty().set(true);
        await("the agent's log followed", () -> tools.logReads.equals(List.of("logs 2 agent -f")));

        log.show(draft, attempt(2, JobPhase.RUNNING));
        log.containerProperty().set("prepare-workspace");
        await("the agent's follow stopped, prepare-workspace's followed", () -> tools.logReads.size() >= 3);
        // The two threads report in either order.
        assertThat(tools.logReads).containsExactlyInAnyOrder("logs 2 agent -f", "stopped 2 agent",
                "logs 2 prepare-workspace -f");

        log.show(draft, null);
        await("stopped on deselection", () -> tools.logReads.size() == 4);
        assertThat(tools.logReads.get(3)).isEqualTo("stopped 2 prepare-workspace");
        assertThat(log.log().lines()).isEmpty();

        log.show(draft, attempt(2, JobPhase.RUNNING));
        await("followed again", () -> tools.logReads.size() == 5);
        log.activeProperty().set(false);
        await("stopped when the panel is hidden", () -> tools.logReads.size() == 6);
        assertThat(tools.logReads.get(5)).isEqualTo("stopped 2 prepare-workspace");

        log.activeProperty().set(true);
        log.show(draft, attempt(1, JobPhase.FAILED));
        await("an ended attempt's log read whole, not followed", () -> tools.logReads.contains("logs 1 prepare-workspace"));
        await("its status", () -> log.statusProperty().get().startsWith("The attempt's Job has no pod yet"));
    }

    private static void await(String what, BooleanSupplier condition) {
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("Timed out waiting for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static AttemptSummary attempt(int n, JobPhase job) {
        return new AttemptSummary(n, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(n), null, "kind-dev",
                "orchestrator", "search-task-42-run-" + n, "helm upgrade --install", 0, AttemptResult.SUCCEEDED, null,
                null, job, Duration.ofSeconds(3), null);
    }
}
