package io.taskconsole.submit;

import io.taskconsole.cluster.KubeConnector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kubeconfig files helm gets so it talks to the cluster fabric8 talked to: the files the
 * connection read, or in a pod a temporary one for its ServiceAccount, deleted on close.
 */
final class HelmKubeconfig implements AutoCloseable {

    private final List<Path> files;
    private final Path temporary;

    private HelmKubeconfig(List<Path> files, Path temporary) {
        this.files = files;
        this.temporary = temporary;
    }

    static HelmKubeconfig of(KubeConnector.Connection connection) throws IOException {
        if (connection.inCluster() == null) {
            return new HelmKubeconfig(connection.kubeconfigFiles(), null);
        }
        Path file = Files.createTempFile("task-console-in-cluster", ".kubeconfig");
        try {
            connection.inCluster().writeKubeconfig(file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        return new HelmKubeconfig(List.of(file), file);
    }

    List<Path> files() {
        return files;
    }

    @Override
    public void close() throws IOException {
        if (temporary != null) {
            Files.deleteIfExists(temporary);
        }
    }
}
