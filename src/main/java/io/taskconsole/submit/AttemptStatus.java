package io.taskconsole.submit;

import java.time.Instant;

/**
 * One attempt as the cluster shows it.
 *
 * @param releaseStatus helm's status of the attempt's release ({@code deployed}, {@code failed}, ...),
 *                      or {@code missing} where helm never recorded one
 * @param jobStatus     where the attempt's Job is; {@link JobPhase#MISSING} where there is none
 */
public record AttemptStatus(int attempt, String configMap, Instant createdAt, String release, String releaseStatus,
                            String job, JobPhase jobStatus, Instant jobStarted, Instant jobFinished) {
}
