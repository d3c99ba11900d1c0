package io.taskconsole.submit;

import java.time.Instant;

/**
 * One attempt as the cluster shows it.
 *
 * @param releaseStatus helm's status of the attempt's release ({@code deployed}, {@code failed}, ...),
 *                      or {@code missing} where helm never recorded one
 * @param jobStatus     Pending, Running, Succeeded, Failed, or Missing where there is no Job
 */
public record AttemptStatus(int attempt, String configMap, Instant createdAt, String release, String releaseStatus,
                            String job, String jobStatus, Instant jobStarted, Instant jobFinished) {
}
