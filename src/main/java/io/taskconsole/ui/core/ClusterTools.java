package io.taskconsole.ui.core;

import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.helm.HelmBinary;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What the cluster pane needs of the application layer; an interface so its view-model tests can
 * answer without a kubeconfig or helm. Blocking.
 */
public interface ClusterTools {

    /** The contexts of a kubeconfig ({@code null}: kubectl's default lookup). */
    KubeconfigInfo contexts(Path kubeconfig);

    /** Talks to the API server; throws a {@code TaskConsoleException} naming the one thing that failed. */
    ConnectionCheck.Result check(KubeTarget target, Duration timeout);

    /** Finds helm ({@code configured} {@code null}: PATH and the usual folders) and asks its version. */
    HelmBinary helm(Path configured);
}
