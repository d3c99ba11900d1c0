package io.taskconsole.follow;

import java.util.Set;

/**
 * Turns a Kubernetes reason into one sentence a PM can act on: what happened, and the chart value or
 * object most likely at fault. A reason this catalogue does not know is shown as Kubernetes wrote it,
 * with its message: never dropped.
 */
public final class Reasons {

    /**
     * What a reason is about.
     *
     * @param container the container's name, or {@code null} for a Job, pod or claim reason
     * @param image     the container's image, or {@code null}
     * @param exitCode  the container's exit code, or {@code null}
     * @param message   Kubernetes' own message, or {@code null}
     */
    public record Subject(String container, String image, Integer exitCode, String message) {

        public static Subject of(ContainerState c) {
            return new Subject(c.name(), c.image(), c.exitCode(), c.message());
        }

        public static Subject message(String message) {
            return new Subject(null, null, null, message);
        }
    }

    /** Reasons that say all is well or on its way; not problems. */
    private static final Set<String> ROUTINE = Set.of("ContainerCreating", "PodInitializing", "Completed",
            "Scheduled", "Pulling", "Pulled", "Created", "Started", "SuccessfulCreate", "SuccessfulDelete",
            "Provisioning", "ExternalProvisioning", "WaitForFirstConsumer", "Killing", "Sync");

    private Reasons() {
    }

    /** Whether the reason is part of a normal start or end, not worth a sentence of its own. */
    public static boolean routine(String reason) {
        return reason == null || ROUTINE.contains(reason);
    }

    /** Whether the catalogue has a sentence of its own for the reason. */
    public static boolean known(String reason) {
        return !explain(reason, new Subject(null, null, null, null)).startsWith(reason + ": ");
    }

    /** The sentence for {@code reason}; for an unknown one, the reason and message as Kubernetes wrote them. */
    public static String explain(String reason, Subject s) {
        String who = s.container() == null ? "The pod" : "Container " + s.container();
        String detail = s.message() == null || s.message().isBlank() ? "" : " (" + s.message().strip() + ")";
        String imageValue = imageValue(s.container());
        return switch (reason == null ? "" : reason) {
            case "ImagePullBackOff", "ErrImagePull" -> "The image " + (s.image() == null ? "of " + who.toLowerCase()
                    : s.image()) + " could not be pulled" + detail + ": check `" + imageValue
                    + "` and `imagePullSecrets`.";
            case "InvalidImageName" -> "The image name " + (s.image() == null ? "" : s.image() + " ")
                    + "is not valid" + detail + ": check `" + imageValue + "`.";
            case "CreateContainerConfigError" -> who + " could not be configured" + detail
                    + ": a Secret or ConfigMap it names is missing; check `agent.apiKeySecret` and `git.credentialsSecret`.";
            case "CrashLoopBackOff" -> who + " keeps crashing and Kubernetes waits before restarting it"
                    + detail + ": its log says why.";
            case "OOMKilled" -> who + " ran out of memory and was killed at its limit: raise `"
                    + resourcesValue(s.container()) + ".limits.memory`.";
            case "DeadlineExceeded" -> "The attempt ran longer than `job.activeDeadlineSeconds` allows and was "
                    + "stopped" + detail + ": raise it, or split the task.";
            case "BackoffLimitExceeded" -> "The Job gave up after its pod failed (`job.backoffLimit` reached)"
                    + detail + ": the failed container above says why.";
            case "Error" -> exited(who, s.exitCode()) + detail + ": " + (s.container() == null ? "its log says why."
                    : "its log (`task-console logs --container " + s.container() + "`) says why.");
            case "Evicted" -> "The node evicted the pod" + detail + ": it ran short of memory or disk; run again, "
                    + "or lower `agent.resources`.";
            case "FailedScheduling" -> "No node can run the pod" + detail + ": check `agent.resources` requests, "
                    + "`nodeSelector`, `tolerations` and the workspace's node affinity.";
            case "FailedMount", "FailedAttachVolume" -> "A volume could not be mounted" + detail
                    + ": check that the attempt's ConfigMap, the workspace claim and the Secrets it names exist.";
            case "ProvisioningFailed" -> "The workspace claim could not be provisioned" + detail
                    + ": check its storage class with your cluster admin.";
            case "FailedCreate" -> "The Job could not create its pod" + detail
                    + ": check the namespace's quotas and the ServiceAccount.";
            case "FailedCreatePodSandBox" -> "The node could not set up the pod's sandbox" + detail
                    + ": a node or network problem; ask your cluster admin.";
            case "BackOff" -> who + " failed and Kubernetes waits before trying again" + detail + ".";
            default -> (reason == null || reason.isEmpty() ? "Unknown" : reason)
                    + ": " + (s.message() == null || s.message().isBlank() ? "(no message)" : s.message().strip());
        };
    }

    private static String exited(String who, Integer code) {
        if (code == null) {
            return who + " failed";
        }
        return who + " exited with code " + code + switch (code) {
            case 137 -> " (killed: out of memory or stopped)";
            case 143 -> " (stopped by Kubernetes)";
            default -> "";
        };
    }

    private static String imageValue(String container) {
        if ("fetch-source".equals(container)) {
            return "git.image";
        }
        if ("prepare-workspace".equals(container)) {
            return "initContainer.image";
        }
        return "agent.image";
    }

    private static String resourcesValue(String container) {
        if ("fetch-source".equals(container)) {
            return "git.resources";
        }
        if ("prepare-workspace".equals(container)) {
            return "initContainer.resources";
        }
        return "agent.resources";
    }
}
