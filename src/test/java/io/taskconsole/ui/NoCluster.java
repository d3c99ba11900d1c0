package io.taskconsole.ui;

import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.ui.core.ClusterTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Cluster tools for view-model tests where the cluster pane is not under test. */
public final class NoCluster implements ClusterTools {
    @Override
    public KubeconfigInfo contexts(Path kubeconfig) {
        return new KubeconfigInfo(List.of(), List.of(), null, Map.of());
    }

    @Override
    public ConnectionCheck.Result check(KubeTarget target, Duration timeout) {
        return new ConnectionCheck.Result("mock", "https://127.0.0.1", "v1.30", "pm", target.namespace());
    }

    @Override
    public String checkOrchestrator(io.taskconsole.app.OrchestratorTarget target) {
        return "The orchestrator at " + target.server() + " is ready";
    }

    @Override
    public HelmBinary helm(Path configured) {
        return new HelmBinary(Path.of("/usr/local/bin/helm"), "v3.18.0");
    }
}
