package io.taskconsole.submit;

import java.time.Instant;

/**
 * One attempt as the local history remembers it. {@code logFile} is relative to the history folder.
 *
 * @param status     SUCCEEDED, FAILED or CANCELLED (of the helm run, not the agent's Job)
 * @param kubeconfig the kubeconfig file the user chose (a path, never its content), or {@code null}
 *                   for kubectl's default lookup; a retry goes where its attempt went
 */
public record AttemptRecord(int attempt, Integer previousAttempt, Instant submittedAt, String context, String namespace,
                            String release, String configMap, String command, Integer exitCode, long durationMillis,
                            String status, String message, String logFile, String kubeconfig) {
}
