package io.taskconsole.cluster;

import java.nio.file.Path;

/**
 * Where a submission goes: a kubeconfig file (or {@code null} for kubectl's default lookup of
 * {@code $KUBECONFIG} then {@code ~/.kube/config}), a context (or {@code null} for the
 * current-context) and a namespace.
 */
public record KubeTarget(Path kubeconfig, String context, String namespace) {

    public static final String DEFAULT_NAMESPACE = "orchestrator";

    public KubeTarget {
        context = context == null || context.isBlank() ? null : context.strip();
        namespace = namespace == null || namespace.isBlank() ? DEFAULT_NAMESPACE : namespace.strip();
    }
}
