package io.taskconsole.ui.core;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.task.TaskDraft;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the console needs from {@code io.taskconsole.submit}. {@link #submit} and {@link #retry}
 * block until helm is done; the console calls them on a worker thread and streams output through
 * the listener.
 */
public interface SubmitTools {

    List<Problem> validate(TaskDraft draft, Target target);

    /** Everything a submission would send, rendered without a cluster. */
    DryRun dryRun(TaskDraft draft, Target target);

    /** {@code prompt.md} and {@code metadata.yaml} as they would be sent. */
    Generated generated(TaskDraft draft, Target target);

    Outcome submit(TaskDraft draft, Target target, OutputListener output, CancelSignal cancel);

    /** Sends attempt {@code attempt}'s files again as the next attempt. */
    Outcome retry(TaskDraft draft, int attempt, Target target, OutputListener output, CancelSignal cancel);

    /** The workspace's prompt template: its override file if there is one, else the default. */
    String promptTemplate(Path workspace);

    String defaultPromptTemplate();

    /** Where the workspace's override of the prompt template lives. */
    Path promptTemplateFile(Path workspace);

    /** This task's attempts: local history merged with what the cluster reports (Job status). */
    Attempts attempts(TaskDraft draft, Target target, boolean askCluster);

    /**
     * The files attempt {@code attempt} sent, read back from its ConfigMap in the context and
     * namespace it went to; throws a {@code TaskConsoleException} when the cluster can't say.
     */
    Map<String, String> attemptFiles(TaskDraft draft, Target target, Attempt attempt);

    /**
     * The attempts found, and why the cluster's part is missing when it could not be asked
     * (the local history is still listed then).
     */
    record Attempts(List<Attempt> list, String clusterProblem) {
        public Attempts {
            list = List.copyOf(list);
        }
    }

    /** Where and how to submit: the cluster, the helm binary, the chart, the workspace's prompt template. */
    record Target(KubeTarget kube, String helm, Path chart, String promptTemplate) {
    }

    /** One thing wrong with a draft: where, what, and how to fix it. */
    record Problem(String where, String what, String fix) {
    }

    record DryRun(String configMapYaml, String valuesYaml, String helmCommand, String templateOutput) {
    }

    record Generated(String promptMd, String metadataYaml) {
    }

    record Outcome(int attempt, boolean succeeded, String summary) {
    }

    /** A Job's state as Kubernetes reports it; UNKNOWN when the cluster was not asked or not reachable. */
    enum JobStatus { PENDING, RUNNING, SUCCEEDED, FAILED, UNKNOWN }

    record Attempt(int number, Instant time, String context, String namespace, String release,
                   String command, Integer exitCode, JobStatus jobStatus, Duration duration,
                   String log, Map<String, String> files) {
        public Attempt {
            files = files == null ? Map.of() : Map.copyOf(files);
            log = log == null ? "" : log;
        }
    }
}
