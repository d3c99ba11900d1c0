package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.KubeTarget;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which cluster and namespace: the options of every command that reads or writes a cluster. */
final class TargetOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: the files of $KUBECONFIG, merged, else $HOME/.kube/config).")
    Path kubeconfig;

    @Option(names = "--in-cluster",
            description = "Use the ServiceAccount of the pod this runs in, not a kubeconfig (only inside Kubernetes).")
    boolean inCluster;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: current-context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
            description = "Namespace (default: " + KubeTarget.DEFAULT_NAMESPACE + ").")
    String namespace;

    KubeTarget target() {
        if (inCluster) {
            if (kubeconfig != null || context != null) {
                throw TaskConsoleException.badInput("--in-cluster cannot be combined with --kubeconfig or --context",
                        "Use either the pod's ServiceAccount (--in-cluster) or a kubeconfig context.");
            }
            return KubeTarget.inCluster(namespace);
        }
        return new KubeTarget(kubeconfig, context, namespace);
    }

    /** Whether the user named any target option; a retry otherwise goes where the retried attempt went. */
    boolean given() {
        return kubeconfig != null || context != null || namespace != null || inCluster;
    }
}
