package io.taskconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.taskconsole.TaskConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Opens a fabric8 client for a {@link KubeTarget}, with the user's own kubeconfig (exec plugins
 * included) and short timeouts, so an unreachable cluster fails in seconds, not minutes.
 */
public final class KubeConnector {

    private final Kubeconfigs kubeconfigs;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Path serviceAccount;

    public KubeConnector(Kubeconfigs kubeconfigs, Duration connectTimeout, Duration requestTimeout) {
        this(kubeconfigs, connectTimeout, requestTimeout, InClusterConfig.SERVICE_ACCOUNT);
    }

    /** @param serviceAccount where a pod's ServiceAccount files are (a test's own folder in tests) */
    public KubeConnector(Kubeconfigs kubeconfigs, Duration connectTimeout, Duration requestTimeout,
                         Path serviceAccount) {
        this.kubeconfigs = kubeconfigs;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.serviceAccount = serviceAccount;
    }

    public static KubeConnector fromSystem() {
        return new KubeConnector(Kubeconfigs.fromSystem(), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /**
     * A connected target: the resolved context name and a client; close it when done. The client
     * reads exactly the kubeconfig files {@link Kubeconfigs} resolves (or, for an in-cluster target,
     * the pod's ServiceAccount); a context that is not in them is an error naming the files.
     */
    public Connection connect(KubeTarget target) {
        if (target.inCluster()) {
            InClusterConfig inCluster = InClusterConfig.of(kubeconfigs.environment(), serviceAccount);
            return new Connection(target, InClusterConfig.CONTEXT, client(inCluster.clientConfig(), target,
                    "the pod's ServiceAccount", InClusterConfig.CONTEXT), List.of(), inCluster);
        }
        String context = kubeconfigs.resolveContext(target);
        List<Path> files = kubeconfigs.files(target.kubeconfig()).stream().filter(Files::isRegularFile).toList();
        Config base;
        try {
            java.util.Optional<String> login = kubeconfigs.execCommand(target, context);
            base = login.isEmpty() ? kubeconfigs.clientConfig(target, context)
                    : LoginPlugin.withTimeout(() -> kubeconfigs.clientConfig(target, context), login.get(), context,
                            Kubeconfigs.describe(files), requestTimeout);
        } catch (TaskConsoleException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unusable(Kubeconfigs.describe(files), context, e);
        }
        return new Connection(target, context, client(base, target, Kubeconfigs.describe(files), context), files, null);
    }

    private KubernetesClient client(Config base, KubeTarget target, String source, String context) {
        try {
            Config config = new ConfigBuilder(base)
                    .withNamespace(target.namespace())
                    .withConnectionTimeout((int) connectTimeout.toMillis())
                    .withRequestTimeout((int) requestTimeout.toMillis())
                    .withRequestRetryBackoffLimit(1)
                    .build();
            // Building the client reads the certificates and keys, so a broken one fails here.
            return new KubernetesClientBuilder().withConfig(config).build();
        } catch (RuntimeException e) {
            throw unusable(source, context, e);
        }
    }

    private static TaskConsoleException unusable(String source, String context, RuntimeException e) {
        return new TaskConsoleException(TaskConsoleException.Kind.BAD_INPUT,
                "The kubeconfig " + source + " for context '" + context + "' could not be used: "
                        + KubeErrors.rootMessage(e),
                "Check it with 'kubectl --context " + context + " get ns'.", e);
    }

    /**
     * A client bound to one target; {@link #close()} releases its HTTP resources.
     *
     * @param kubeconfigFiles the files the client read, for helm to read the same (empty in-cluster)
     * @param inCluster       the pod's ServiceAccount, for an in-cluster target; else {@code null}
     */
    public record Connection(KubeTarget target, String context, KubernetesClient client, List<Path> kubeconfigFiles,
                             InClusterConfig inCluster) implements AutoCloseable {

        public Connection {
            kubeconfigFiles = List.copyOf(kubeconfigFiles);
        }

        public String namespace() {
            return target.namespace();
        }

        public String server() {
            return client.getConfiguration().getMasterUrl();
        }

        @Override
        public void close() {
            client.close();
        }
    }
}
