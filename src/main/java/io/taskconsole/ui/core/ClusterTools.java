package io.taskconsole.ui.core;

import io.taskconsole.cluster.KubeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** What the console needs from {@code io.taskconsole.cluster} and {@code io.taskconsole.helm}. Blocking. */
public interface ClusterTools {

    /** The contexts of a kubeconfig ({@code null}: kubectl's default lookup). */
    KubeContexts contexts(Path kubeconfig);

    /** Talks to the API server; throws a {@code TaskConsoleException} naming the one thing that failed. */
    ServerInfo check(KubeTarget target, Duration timeout);

    /** Finds helm ({@code configured} may be blank for PATH) and asks its version. */
    HelmInfo helm(String configured);

    record KubeContexts(List<String> names, String current) {
        public KubeContexts {
            names = List.copyOf(names);
        }
    }

    record ServerInfo(String serverVersion, String user) {
    }

    record HelmInfo(Path path, String version) {
    }
}
