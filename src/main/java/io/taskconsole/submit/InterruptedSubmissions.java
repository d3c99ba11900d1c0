package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settles submissions whose process ended before recording them ({@code kill -9}, a crash, a power
 * cut): the cluster says what was made, and the local history is brought to agree with it. An
 * attempt whose release helm deployed is recorded as submitted; any other attempt that has a
 * ConfigMap is recorded as failed, saying where it stopped; a submission that created nothing is
 * forgotten, and the user is told so. Nothing is settled while the cluster can't be asked: the
 * pending record waits for the next listing.
 */
public final class InterruptedSubmissions {

    private final KubeConnector connector;

    public InterruptedSubmissions(KubeConnector connector) {
        this.connector = connector;
    }

    /** Settles every pending submission of the task whose process has ended; one sentence per settled one. */
    public List<String> settleAll(TaskInfo task, AttemptHistory history) {
        List<String> told = new ArrayList<>();
        for (PendingSubmission pending : history.pending()) {
            if (pending.ownerRunning()) {
                continue; // still going on, in this process or another
            }
            try {
                settle(task, history, pending, null).ifPresent(told::add);
            } catch (TaskConsoleException e) {
                // The cluster can't be asked now: the record stays pending and is settled on a later listing.
            }
        }
        return told;
    }

    /**
     * Settles one pending submission.
     *
     * @param failure why it stopped when it failed in this process (rather than died), or {@code null}
     * @return what the user should be told, if anything
     */
    Optional<String> settle(TaskInfo task, AttemptHistory history, PendingSubmission pending, String failure) {
        KubeTarget target = new KubeTarget(pending.kubeconfig() == null ? null : Path.of(pending.kubeconfig()),
                pending.context(), pending.namespace());
        try (KubeConnector.Connection connection = connector.connect(target)) {
            Integer attempt = pending.attempt() != null ? pending.attempt()
                    : new AttemptConfigMaps(connection).attemptAnnotated(task.service(), task.id(),
                            PendingSubmission.ANNOTATION, pending.id()).orElse(null);
            if (attempt == null) {
                history.discard(pending);
                return failure != null ? Optional.empty() : Optional.of("A submission of task " + task.id()
                        + " started at " + pending.startedAt() + " was interrupted " + pending.stage().when()
                        + ", before anything was created in namespace '" + pending.namespace()
                        + "': nothing was sent. Submit again.");
            }
            int number = attempt;
            boolean recorded = history.list().stream().anyMatch(r -> r.attempt() == number
                    && r.namespace().equals(pending.namespace()) && Objects.equals(r.context(), pending.context()));
            if (recorded) {
                history.discard(pending); // the process died between recording it and removing this
                return Optional.empty();
            }
            ResourceNames names = new ResourceNames(task.service(), task.id(), number);
            String release = AttemptLister.releaseStatus(connection, names.releaseName());
            boolean deployed = "deployed".equals(release);
            String message = message(pending, number, names.releaseName(), release, failure);
            history.complete(new AttemptRecord(number, pending.previousAttempt(), pending.startedAt(),
                    pending.context(), pending.namespace(), names.releaseName(), names.configMapName(),
                    pending.command(), null, 0, deployed ? AttemptResult.SUCCEEDED : AttemptResult.FAILED, message,
                    pending.logFile(), pending.kubeconfig()), pending);
            return Optional.of(message);
        }
    }

    private static String message(PendingSubmission pending, int attempt, String release, String status,
                                  String failure) {
        if (failure != null) {
            return "Attempt " + attempt + " failed after its ConfigMap was created (" + failure
                    + "). It is recorded as failed; retry it (task-console retry, or Retry in the app).";
        }
        String stopped = "Attempt " + attempt + " was interrupted " + pending.stage().when()
                + " (Task Console stopped: killed or crashed)";
        if ("deployed".equals(status)) {
            return stopped + ", but helm had installed its release '" + release
                    + "'. It is now recorded as submitted; its Job runs as usual.";
        }
        return stopped + "; its release '" + release + "' " + ("missing".equals(status) ? "was never installed"
                : "is '" + status + "'") + ". It is now recorded as failed: retry it (task-console retry, or Retry in the app).";
    }
}
