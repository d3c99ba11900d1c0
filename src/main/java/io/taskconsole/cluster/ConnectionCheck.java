package io.taskconsole.cluster;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;

/**
 * Asks the cluster who it is and whether the namespace exists, so a user learns of a wrong
 * context, an expired login or a missing namespace before submitting anything.
 */
public final class ConnectionCheck {

    /** What a successful check found. {@code user} is the kubeconfig user name, never a credential. */
    public record Result(String context, String server, String serverVersion, String user, String namespace) {
    }

    private final KubeConnector connector;

    public ConnectionCheck(KubeConnector connector) {
        this.connector = connector;
    }

    public Result check(KubeTarget target) {
        try (KubeConnector.Connection connection = connector.connect(target)) {
            VersionInfo version;
            try {
                version = connection.client().getKubernetesVersion();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 0 || KubeErrors.isNetwork(e)) {
                    throw KubeErrors.unreachable(e, connection);
                }
                throw KubeErrors.translate(e, connection, "get", "version", null);
            } catch (RuntimeException e) {
                throw KubeErrors.unreachable(e, connection);
            }
            try {
                if (connection.client().namespaces().withName(target.namespace()).get() == null) {
                    throw KubeErrors.namespaceMissing(connection, null);
                }
            } catch (KubernetesClientException e) {
                // Submitters often may not read namespaces; a 403 here says nothing about the namespace.
                if (e.getCode() != 403) {
                    throw KubeErrors.translate(e, connection, "get", "namespaces", target.namespace());
                }
            }
            String user = connection.client().getConfiguration().getCurrentContext() == null ? null
                    : connection.client().getConfiguration().getCurrentContext().getContext().getUser();
            return new Result(connection.context(), connection.server(), version.getGitVersion(), user, target.namespace());
        }
    }
}
