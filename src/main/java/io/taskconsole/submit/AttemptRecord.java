package io.taskconsole.submit;

import java.time.Instant;

/**
 * One attempt as the local history remembers it. {@code logFile} is relative to the history folder.
 *
 * @param status     how the submission (helm's run, not the agent's Job) ended
 * @param kubeconfig the kubeconfig file the user chose (a path, never its content), or {@code null}
 *                   for kubectl's default lookup; a retry goes where its attempt went
 */
public record AttemptRecord(int attempt, Integer previousAttempt, Instant submittedAt, String context, String namespace,
                            String release, String configMap, String command, Integer exitCode, long durationMillis,
                            AttemptResult status, String message, String logFile, String kubeconfig) {
}
