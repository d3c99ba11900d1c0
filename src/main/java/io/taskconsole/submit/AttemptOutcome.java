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

    /**
     * A submission an orchestrator service made for this machine (team mode): its names only, since
     * the files, the helm run and the record are the service's.
     */
    public static AttemptOutcome throughService(ResourceNames names) {
        return new AttemptOutcome(names, null, null, null, null, null);
    }

    public boolean succeeded() {
        return error == null;
    }

    public int attempt() {
        return names.attempt();
    }

    /** The one sentence every face (and the attempt's log) shows when a submission or retry has ended. */
    public String describe() {
        return describe(names, error);
    }

    static String describe(ResourceNames names, TaskConsoleException error) {
        if (error == null) {
            return "Attempt " + names.attempt() + " of task " + names.taskId() + " submitted: release "
                    + names.releaseName() + ", Job " + names.jobName() + ".";
        }
        String why = error.oneLine();
        if (why.startsWith("Attempt " + names.attempt() + " ")) {
            return why; // the error already tells of the attempt ("Attempt 3 was cancelled while helm ran; …")
        }
        return "Attempt " + names.attempt() + (error.kind() == TaskConsoleException.Kind.CANCELLED ? " cancelled: "
                : " failed: ") + why;
    }

    /** The kubectl command that follows the agent's output, for people who live in a terminal. */
    public String followCommand() {
        return "kubectl logs -n " + record.namespace() + " --context " + record.context() + " job/" + names.jobName()
                + " -c agent -f";
    }
}
