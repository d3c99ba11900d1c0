package io.taskconsole.app;

import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.JobPhase;
import java.time.Duration;
import java.time.Instant;

/**
 * One attempt as every face shows it: what the local history recorded of its submission, joined
 * with what the cluster says of its release and Job.
 *
 * @param submittedAt when it was submitted (the ConfigMap's creation time for an attempt sent elsewhere)
 * @param kubeconfig  the kubeconfig file the attempt named, or {@code null} for the default lookup
 * @param command     helm's command line, or {@code null} when it never ran or ran elsewhere
 * @param result      how the submission ended, or {@code null} for an attempt sent from elsewhere
 * @param helmStatus  helm's status of the release ({@code deployed}, {@code failed}, {@code missing}),
 *                    or {@code null} when the cluster was not asked
 * @param duration    how long the submission took, else how long the Job ran, else {@code null}
 * @param logFile     the local helm log, relative to the history folder, or {@code null}
 */
public record AttemptSummary(int number, Instant submittedAt, String kubeconfig, String context, String namespace,
                             String release, String command, Integer exitCode, AttemptResult result,
                             String message, String helmStatus, JobPhase job, Duration duration, String logFile) {

    /** Whether this machine submitted it (and so has its helm log). */
    public boolean local() {
        return result != null;
    }
}
