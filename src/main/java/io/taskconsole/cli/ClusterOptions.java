package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every command that talks to a cluster shares. */
final class ClusterOptions {

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "Kubeconfig file (default: the files of $KUBECONFIG, merged, else $HOME/.kube/config).")
    Path kubeconfig;

    @Option(names = "--in-cluster",
            description = "Use the ServiceAccount of the pod this runs in, not a kubeconfig (only inside Kubernetes).")
    boolean inCluster;

    @Option(names = "--context", paramLabel = "NAME", description = "Kubeconfig context (default: current-context).")
    String context;

    @Option(names = {"-n", "--namespace"}, paramLabel = "NS", description = "Namespace (default: orchestrator).")
    String namespace;

    @Option(names = "--chart", paramLabel = "PATH|oci://REF",
            description = "Chart folder or OCI reference (default: the chart bundled in the app).")
    String chart;

    @Option(names = "--helm", paramLabel = "FILE", description = "The helm binary (default: found on PATH).")
    Path helm;

    @Option(names = {"-f", "--values"}, paramLabel = "FILE", description = "Extra values file for the chart (repeatable).")
    List<Path> values = new ArrayList<>();

    @Option(names = "--wait", description = "Let helm wait until the Job's resources are ready.")
    boolean waitForResources;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long helm may take, e.g. 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--storage-class", paramLabel = "NAME",
            description = "Storage class of a service's new workspace volume (default: local-path).")
    String storageClass;

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

    SubmitSettings settings() {
        return new SubmitSettings(target(), ChartSource.parse(chart), helm, parseDuration(timeout), waitForResources,
                values, storageClass, null);
    }

    /** Whether the user named any cluster option; a retry otherwise reuses the previous attempt's. */
    boolean targetGiven() {
        return kubeconfig != null || context != null || namespace != null || inCluster;
    }

    static Duration parseDuration(String text) {
        return SubmitSettings.parseTimeout(text, "--timeout");
    }
}
