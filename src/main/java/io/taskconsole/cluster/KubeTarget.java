package io.taskconsole.cluster;

import java.nio.file.Path;

/**
 * Where a submission goes: a kubeconfig file (or {@code null} for kubectl's lookup, see
 * {@link Kubeconfigs}), a context (or {@code null} for the current-context) and a namespace; or,
 * only when asked for, the cluster this process runs in, with its ServiceAccount.
 *
 * @param inCluster use the pod's ServiceAccount and the API server it is given, never a kubeconfig
 */
public record KubeTarget(Path kubeconfig, String context, String namespace, boolean inCluster) {

    public static final String DEFAULT_NAMESPACE = "orchestrator";

    public KubeTarget {
        context = context == null || context.isBlank() ? null : context.strip();
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.strip();
        if (inCluster && (kubeconfig != null || context != null)) {
            throw new IllegalArgumentException("an in-cluster target names no kubeconfig or context");
        }
    }

    public KubeTarget(Path kubeconfig, String context, String namespace) {
        this(kubeconfig, context, namespace, false);
    }

    /** The cluster this process runs in (a pod's ServiceAccount), in {@code namespace}. */
    public static KubeTarget inCluster(String namespace) {
        return new KubeTarget(null, null, namespace, true);
    }
}
