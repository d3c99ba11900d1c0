package io.taskconsole.ui.core;

import io.taskconsole.app.OrchestratorTarget;
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

    /**
     * Reads the token (from the target's file or {@code TASK_CONSOLE_TOKEN}) and asks the service if
     * it is ready; one sentence back, or a {@code TaskConsoleException} naming what failed.
     */
    String checkOrchestrator(OrchestratorTarget target);

    /** Finds helm ({@code configured} {@code null}: PATH and the usual folders) and asks its version. */
    HelmBinary helm(Path configured);
}
