package io.taskconsole.ui.core;

import io.taskconsole.compare.Comparison;
import java.util.Optional;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.OrchestratorTarget;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.Problem;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.follow.AttemptState;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.List;
import java.util.Map;

/**
 * The application layer's use cases as the console calls them ({@link CoreAdapters} passes each to
 * {@link io.taskconsole.app.TaskService}); an interface so cancel and view-model tests can stand in
 * a submission that blocks or fails on cue. {@link #submit} and {@link #retry} block until helm is
 * done; the console calls them on a worker thread and streams output through the listener.
 */
public interface SubmitTools {

    /** Every problem that would stop a submission (the draft, then the files as sent). */
    List<Problem> validate(TaskDraft draft, Target target);

    /** The size of the ConfigMap the draft would be sent in: what validation measures. */
    long configMapSize(TaskDraft draft, Target target);

    /** Everything a submission would send, rendered without a cluster. */
    DryRun.Result dryRun(TaskDraft draft, Target target);

    /** The files the next attempt would send, {@code prompt.md} and {@code metadata.yaml} among them. */
    AttemptFiles generated(TaskDraft draft, Target target);

    AttemptOutcome submit(TaskDraft draft, Target target, OutputListener output, Cancellation cancel);

    /** Where a retry of {@code attempt} goes: where it went, unless {@code explicit} picks the target's. */
    RetryPlan planRetry(TaskDraft draft, int attempt, Target target, boolean explicit);

    /** Sends the planned attempt's files again as the next attempt. */
    AttemptOutcome retry(TaskDraft draft, RetryPlan plan, Target target, OutputListener output, Cancellation cancel);

    /** The workspace's prompt template: its override file if there is one, else the default. */
    String promptTemplate(Path workspace);

    String defaultPromptTemplate();

    /** Where the workspace's override of the prompt template lives. */
    Path promptTemplateFile(Path workspace);

    /** Keeps {@code text} as the workspace's template (the default's text or a blank one removes the override). */
    void savePromptTemplate(Path workspace, String text) throws java.io.IOException;

    /** This task's attempts: local history merged with what the cluster reports. */
    AttemptsOverview attempts(TaskDraft draft, Target target, boolean askCluster);

    /** The files {@code attempt} sent, read back from its ConfigMap where it went. */
    Map<String, String> attemptFiles(TaskDraft draft, AttemptSummary attempt);

    /** What a retry of {@code attempt} would send against what it sent (reads its ConfigMap). */
    Comparison previewRetry(TaskDraft draft, AttemptSummary attempt);

    /** The agent's log of {@code attempt} as kept in the task's history, or empty when none was kept. */
    Optional<List<String>> agentLog(TaskDraft draft, AttemptSummary attempt);

    /**
     * What the agent of {@code attempt} reported, criterion by criterion, read from its kept log against
     * the draft's criteria; empty while no log with a final result was kept. Reads files: call it off the FX thread.
     */
    Optional<io.taskconsole.transcript.AcceptanceReport> acceptanceReport(TaskDraft draft, AttemptSummary attempt);

    /** The attempt's local helm log, or a line saying why there is none. */
    String attemptLog(TaskDraft draft, AttemptSummary attempt);

    /**
     * Watches {@code attempt}'s Job, pods and Events: {@code listener} gets each new state on a watch
     * thread until the attempt is over or the returned handle is closed. Blocks while it connects.
     */
    AutoCloseable watchAttempt(TaskDraft draft, AttemptSummary attempt, Consumer<AttemptState> listener);

    /**
     * Reads one container's log of {@code attempt} ({@code container} {@code null}: the agent's) to
     * {@code sink}, from the cluster and the copy kept in the task's history; with {@code follow}, until
     * the attempt is over or {@code cancel} is cancelled. Blocks: call it off the FX thread.
     */
    io.taskconsole.submit.JobPhase readLogs(TaskDraft draft, AttemptSummary attempt, String container, boolean follow,
                                            io.taskconsole.follow.LogFollower.Sink sink, Cancellation cancel);

    /** What the drafts would send now (to {@code target}) against what {@code attempt} sent (reads its ConfigMap). */
    Comparison compareDrafts(TaskDraft draft, AttemptSummary attempt, Target target);

    /**
     * Where and how to submit (every setting the CLI has), and the workspace's prompt template; with
     * {@code team} set, submit, retry and the attempts go through that orchestrator service instead
     * (the CLI's {@code --server}), while the dry run and the generated files stay on this machine.
     */
    record Target(SubmitSettings settings, String promptTemplate, OrchestratorTarget team) {

        public Target(SubmitSettings settings, String promptTemplate) {
            this(settings, promptTemplate, null);
        }

        public KubeTarget kube() {
            return settings.target();
        }

        public PromptTemplate template() {
            return promptTemplate == null ? PromptTemplate.defaultTemplate() : new PromptTemplate(promptTemplate);
        }
    }
}
