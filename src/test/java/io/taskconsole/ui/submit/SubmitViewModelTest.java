package io.taskconsole.ui.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.ConfigMapLimits;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.submit.Problem;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.NoCluster;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.RecordingSubmitTools;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogLine;
import io.taskconsole.ui.log.LogViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
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
        tools.problems = List.of(new Problem("task.md", "has no acceptance criteria", "Add a checklist."),
                new Problem("task.yaml", "title is empty", "Give the task a title."));

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
    void dryRunValidatesFirstAndSendsNothing() {
        submit.dryRun();

        assertThat(tools.calls).containsExactly("validate", "dryRun");
        assertThat(submit.dryRunProperty().get()).isNotNull();
        assertThat(submit.lastOutcomeProperty().get()).isNull();
    }

    /** On the real core: the ConfigMap and helm's manifests hold what the editor holds now. */
    @Test
    void dryRunShowsTheRenderedFilesOfTheCurrentDraft() {
        RealCoreModels real = new RealCoreModels(temp, temp.resolve("no-kubeconfig"), "dev", "agents");
        real.cluster.helmPathProperty().set(ToolBinaries.helm().toString());
        real.editor.document("task.md").orElseThrow().textProperty().set(
                "# Dry run\n\n## Acceptance criteria\n\n- typed just now in the editor\n");

        real.submit.dryRun();

        DryRun.Result result = real.submit.dryRunProperty().get();
        assertThat(result).as(real.log.text()).isNotNull();
        assertThat(result.configMapYaml()).contains("typed just now in the editor").contains("namespace: agents");
        assertThat(result.files().text(AttemptFiles.ACCEPTANCE_CRITERIA_MD)).contains("AC-1").contains("typed just now");
        assertThat(result.manifests()).contains("kind: Job");
        assertThat(real.log.lines()).extracting(LogLine::plain).anyMatch(l -> l.startsWith("kind: Job"));
    }

    @Test
    void retryAsksAboutTheNamedAttemptAndSendsItsNumber() {
        tools.attempts.add(attempt(2, "kind-dev", JobPhase.RUNNING));
        tools.attempts.add(attempt(1, "kind-dev", JobPhase.FAILED));
        cluster.contextProperty().set("kind-dev");
        AttemptsViewModel attempts = new AttemptsViewModel(tools, BackgroundExecutor.sameThread(), editor, cluster, submit);
        attempts.refresh(true);

        assertThat(attempts.attempts()).extracting(AttemptSummary::number).containsExactly(2, 1);
        AttemptSummary first = attempts.attempts().get(1);
        AttemptsViewModel.RetryQuestion question = attempts.retryQuestion(first);
        assertThat(question.text()).isEqualTo("Send attempt 1's files again as attempt 3?\n"
                + "Attempt 1 went to kind-dev / orchestrator; the retry goes there too.\n"
                + "(What it changes from attempt 1's files could not be read yet.)");
        assertThat(question.selectedDiffers()).isFalse();

        attempts.retry(first, false);

        assertThat(tools.calls).containsExactly("validate", "retry 1");
        assertThat(tools.lastPlan.explicit()).isFalse();
    }

    /** The confirmation names both targets when the cluster pane points elsewhere than attempt N went. */
    @Test
    void retryQuestionNamesBothTargetsWhenTheyDiffer() {
        tools.attempts.add(attempt(1, "prod", JobPhase.FAILED));
        cluster.contextProperty().set("staging");
        AttemptsViewModel attempts = new AttemptsViewModel(tools, BackgroundExecutor.sameThread(), editor, cluster, submit);
        attempts.refresh(false);

        AttemptsViewModel.RetryQuestion question = attempts.retryQuestion(attempts.attempts().get(0));

        assertThat(question.selectedDiffers()).isTrue();
        assertThat(question.text()).contains("Attempt 1 went to prod / orchestrator")
                .contains("unless you choose the selected target: staging / orchestrator");
    }

    /** On the real core: prompt.md is rendered from what the editor holds now, not from disk. */
    @Test
    void theGeneratedFilesFollowTheDraft() {
        RealCoreModels real = new RealCoreModels(temp, temp.resolve("no-kubeconfig"), "dev", "agents");
        real.submit.generatedShownProperty().set(true);
        assertThat(real.submit.generatedProperty().get().promptMd()).doesNotContain("AC-8");
        real.editor.document("task.md").orElseThrow().textProperty().set(
                "# Generated\n\n## Acceptance criteria\n\n- one\n- two\n- three\n- four\n- five\n- six\n");
        real.submit.refreshGenerated();

        // Six typed in task.md, two in design-spec.md.
        assertThat(real.submit.generatedProperty().get().promptMd()).contains("AC-7, AC-8)");
        assertThat(real.submit.generatedProperty().get().metadataYaml()).contains("attempt: 1")
                .contains("namespace: agents");
    }

    /**
     * The meter and validation use one measure: a draft whose own text is under 1 MiB but whose
     * generated files (acceptance-criteria.md repeats every criterion) push it over shows red, and
     * Validate refuses it.
     */
    @Test
    void theSizeMeterShowsWhatValidationChecks() {
        RealCoreModels real = new RealCoreModels(temp, temp.resolve("no-kubeconfig"), "dev", "agents");
        String big = "# Big\n\n## Acceptance criteria\n\n"
                + ("- " + "a criterion long enough to matter ".repeat(3) + "\n").repeat(6_000);
        real.editor.document("task.md").orElseThrow().textProperty().set(big);
        long draftBytes = real.editor.snapshot().orElseThrow().files().stream().mapToLong(f -> f.bytes().length).sum();
        assertThat(draftBytes).isLessThan(ConfigMapLimits.MAX_BYTES);

        real.submit.measureNow();
        real.submit.validate();

        assertThat(real.submit.configMapSizeProperty().get()).isGreaterThan(ConfigMapLimits.MAX_BYTES);
        assertThat(real.submit.problems()).extracting(Problem::what)
                .anyMatch(w -> w.contains("over the 1 MiB ConfigMap limit"));
    }

    private static AttemptSummary attempt(int number, String context, JobPhase job) {
        return new AttemptSummary(number, Instant.now(), null, context, "orchestrator", "search-task-42-run-" + number,
                "helm upgrade", 0, AttemptResult.SUCCEEDED, null, "deployed", job, Duration.ofSeconds(3), null);
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
}
