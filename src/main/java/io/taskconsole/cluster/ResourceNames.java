package io.taskconsole.cluster;

import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The names of everything one attempt creates. They are deterministic, so the app, the chart and a
 * person with kubectl agree on them, and each attempt gets its own ConfigMap, release and Job:
 * attempt N+1 never upgrades attempt N's release (a Job's pod template is immutable).
 *
 * <p>Where a name would pass its limit, the {@code {service}-task-{id}} part is cut and a stable
 * hash of the full name keeps it unique; the {@code -run-{n}} suffix always stays readable.
 */
public record ResourceNames(ServiceName service, TaskId taskId, int attempt) {

    /** Helm keeps release names to 53 characters (its Secrets add a suffix). */
    public static final int RELEASE_NAME_LIMIT = 53;
    /** Job names become a pod label value, so 63 is the practical limit; release names keep well inside it. */
    public static final int JOB_NAME_LIMIT = 63;
    /** ConfigMap names are DNS-1123 subdomains. */
    public static final int CONFIGMAP_NAME_LIMIT = 253;

    public static final String LABEL_APP = "app.kubernetes.io/name";
    public static final String LABEL_PART_OF = "app.kubernetes.io/part-of";
    public static final String LABEL_MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String LABEL_TASK_ID = "taskconsole.io/task-id";
    public static final String LABEL_SERVICE = "taskconsole.io/service";
    public static final String LABEL_ATTEMPT = "taskconsole.io/attempt";
    public static final String APP = "task-console";
    public static final String AGENT_APP = "claude-code";

    public ResourceNames {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be 1 or more: " + attempt);
        }
    }

    public String configMapName() {
        return fit(base(), "-run-" + attempt + "-files", CONFIGMAP_NAME_LIMIT);
    }

    /** The helm release of this attempt; the chart names the Job after it. */
    public String releaseName() {
        return fit(base(), "-run-" + attempt, RELEASE_NAME_LIMIT);
    }

    /** The chart names the Job after the release, so it is the release name (53 fits the Job's 63). */
    public String jobName() {
        return releaseName();
    }

    /** The service's workspace volume, shared by all its attempts and owned by no release. */
    public String pvcName() {
        return workspaceClaimName(service);
    }

    public static String workspaceClaimName(ServiceName service) {
        return service.value() + "-workspace";
    }

    /** Where the init container puts this attempt's files, relative to {@code /workspace/{service}}. */
    public String taskDirRelative() {
        return ".task/" + taskId + "/run-" + attempt;
    }

    private String base() {
        return service.value() + "-task-" + taskId;
    }

    static String fit(String base, String suffix, int limit) {
        String full = base + suffix;
        if (full.length() <= limit) {
            return full;
        }
        String hash = shortHash(full);
        int keep = limit - suffix.length() - hash.length() - 1;
        String cut = base.substring(0, Math.max(0, keep)).replaceAll("-+$", "");
        return cut + "-" + hash + suffix;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
