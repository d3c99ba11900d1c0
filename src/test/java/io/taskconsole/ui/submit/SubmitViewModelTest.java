package io.taskconsole.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.helm.OutputListener;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.ClusterTools;
import io.taskconsole.ui.core.SubmitTools;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogLine;
import io.taskconsole.ui.log.LogViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmitViewModelTest {

    @TempDir
    Path temp;
    RecordingSubmitTools tools = new RecordingSubmitTools();
    InMemoryTasks store = new InMemoryTasks();
    Notices notices;
    EditorViewModel editor;
    ClusterViewModel cluster;
    LogViewModel log;
    SubmitViewModel submit;
    TaskDraft draft;

    @BeforeEach
    void setUp() {
        BackgroundExecutor executor = BackgroundExecutor.sameThread();
        notices = new Notices(new AppLog(temp.resolve("log.txt")));
        editor = new EditorViewModel(store, executor, notices);
        cluster = new ClusterViewModel(new NoCluster(), executor);
        log = new LogViewModel(executor);
        submit = new SubmitViewModel(tools, executor, notices, editor, cluster, log);
        draft = store.add(42, "search", "Faster search", "# Faster search\n");
        editor.open(draft.folder(), "task.md", d -> { });
    }

    @Test
    void problemsAreListedAndNothingIsSent() {
        tools.problems = List.of(new SubmitTools.Problem("task.md", "has no acceptance criteria", "Add a checklist."),
                new SubmitTools.Problem("task.yaml", "title is empty", "Give the task a title."));

        submit.submit();

        assertThat(submit.problems()).hasSize(2);
        assertThat(tools.calls).containsExactly("validate");
        assertThat(notices.current().message()).contains("Not sent: 2 problem(s)");
        assertThat(submit.runningProperty().get()).isFalse();
    }

    @Test
    void submitSendsTheLatestTextToTheChosenTargetAndStreamsHelmOutput() {
        editor.document("task.md").orElseThrow().textProperty().set("# Faster search\n\nNew text.\n");
        cluster.contextProperty().set("staging");
        cluster.namespaceProperty().set("agents");
        Runnable[] refreshed = {null};
        submit.afterSubmission(() -> refreshed[0] = () -> { });

        submit.submit();

        assertThat(store.onDisk(draft.folder(), "task.md")).isEqualTo("# Faster search\n\nNew text.\n");
        assertThat(tools.calls).containsExactly("validate", "submit");
        assertThat(tools.lastTarget.kube().context()).isEqualTo("staging");
        assertThat(tools.lastTarget.kube().namespace()).isEqualTo("agents");
        assertThat(log.lines()).extracting(LogLine::plain).contains("STATUS: deployed");
        assertThat(log.lines().get(0).stream()).isEqualTo(OutputListener.Stream.INFO);
        assertThat(notices.current().level()).isEqualTo(Notice.Level.SUCCESS);
        assertThat(refreshed[0]).isNotNull();
    }

    @Test
    void dryRunShowsTheRenderedFilesWithoutSubmitting() {
        submit.dryRun();

        assertThat(submit.dryRunProperty().get().configMapYaml()).contains("kind: ConfigMap");
        assertThat(tools.calls).containsExactly("validate", "dryRun");
        assertThat(log.lines()).extracting(LogLine::plain).contains("kind: Job");
    }

    @Test
    void retryAsksAboutTheNamedAttemptAndSendsItsNumber() {
        tools.attempts.add(new SubmitTools.Attempt(1, Instant.now(), "kind-dev", "orchestrator", "search-task-42-run-1",
                "helm upgrade", 0, SubmitTools.JobStatus.FAILED, Duration.ofSeconds(3), "log", Map.of()));
        tools.attempts.add(new SubmitTools.Attempt(2, Instant.now(), "kind-dev", "orchestrator", "search-task-42-run-2",
                "helm upgrade", 0, SubmitTools.JobStatus.RUNNING, Duration.ofSeconds(3), "log", Map.of()));
        cluster.contextProperty().set("kind-dev");
        AttemptsViewModel attempts = new AttemptsViewModel(tools, BackgroundExecutor.sameThread(), editor, cluster, submit);
        attempts.refresh(true);

        assertThat(attempts.attempts()).extracting(SubmitTools.Attempt::number).containsExactly(2, 1);
        SubmitTools.Attempt first = attempts.attempts().get(1);
        assertThat(attempts.retryQuestion(first))
                .isEqualTo("Send attempt 1's files again as attempt 3 to context 'kind-dev', namespace 'orchestrator'?");

        attempts.retry(first);

        assertThat(tools.calls).containsExactly("validate", "retry 1");
    }

    @Test
    void theGeneratedFilesFollowTheDraft() {
        submit.generatedShownProperty().set(true);
        submit.refreshGenerated();

        assertThat(submit.generatedProperty().get().promptMd()).isEqualTo("# Prompt for 42");
    }

    @Test
    void theFilesAreGeneratedOnlyWhileAViewShowsThem() {
        editor.selectedProperty().get().textProperty().set("# Faster search\n\n- [ ] typed while the files are hidden\n");
        submit.refreshGenerated();
        assertThat(tools.generatedCount).isZero();
        assertThat(submit.generatedProperty().get()).isNull();

        submit.generatedShownProperty().set(true);
        assertThat(tools.generatedCount).isEqualTo(1);
        assertThat(submit.generatedProperty().get().promptMd()).isEqualTo("# Prompt for 42");

        submit.generatedShownProperty().set(false);
        editor.selectedProperty().get().textProperty().set("# Faster search\n\nEdited while hidden.\n");
        assertThat(tools.generatedCount).as("an edit while hidden").isEqualTo(1);

        submit.generatedShownProperty().set(true);
        assertThat(tools.generatedCount).as("opened again: the attempt number or the time may have changed too").isEqualTo(2);
    }

    /** The cluster part is not under test here. */
    private static final class NoCluster implements ClusterTools {
        @Override
        public KubeContexts contexts(Path kubeconfig) {
            return new KubeContexts(List.of(), null);
        }

        @Override
        public ServerInfo check(io.taskconsole.cluster.KubeTarget target, Duration timeout) {
            throw io.taskconsole.TaskConsoleException.failed("Cannot reach the API server https://127.0.0.1:1 of context 'x'",
                    "Check that the cluster is running.", null);
        }

        @Override
        public HelmInfo helm(String configured) {
            return new HelmInfo(Path.of("/usr/local/bin/helm"), "v3.18.0");
        }
    }
}
