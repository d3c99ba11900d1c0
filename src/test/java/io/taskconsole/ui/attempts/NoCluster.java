package io.taskconsole.ui.attempts;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.ui.core.ClusterTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Cluster tools for tests of the Attempts pane, where the cluster panel is not under test. */
final class NoCluster implements ClusterTools {
    @Override
    public KubeContexts contexts(Path kubeconfig) {
        return new KubeContexts(List.of(), null);
    }

    @Override
    public ServerInfo check(KubeTarget target, Duration timeout) {
        return new ServerInfo("v1.30", "pm");
    }

    @Override
    public HelmInfo helm(String configured) {
        return new HelmInfo(Path.of("/usr/local/bin/helm"), "v3.18.0");
    }
}
