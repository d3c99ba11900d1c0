package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.HelmResult;

/**
 * How one submission ended. A failed helm run still took its attempt number: the ConfigMap
 * exists and a retry takes the next number.
 *
 * @param error why it failed or was cancelled, or {@code null} on success
 */
public record AttemptOutcome(ResourceNames names, AttemptFiles files, String command, HelmResult helm,
                             AttemptRecord record, TaskConsoleException error) {

    public boolean succeeded() {
        return error == null;
    }

    public int attempt() {
        return names.attempt();
    }
}
