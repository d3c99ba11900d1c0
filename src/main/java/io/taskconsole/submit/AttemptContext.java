package io.taskconsole.submit;

import java.time.Instant;

/**
 * Who sends which attempt where: everything {@code metadata.yaml} records besides the files.
 *
 * @param previousAttempt the attempt this one retries, or {@code null} for a first submission of these files
 */
public record AttemptContext(int attempt, Integer previousAttempt, String submittedBy, Instant submittedAt,
                             String appVersion, String kubeContext, String namespace) {
}
