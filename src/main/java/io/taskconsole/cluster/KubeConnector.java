package io.taskconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.taskconsole.TaskConsoleException;
import java.time.Duration;

/**
 * Opens a fabric8 client for a {@link KubeTarget}, with the user's own kubeconfig (exec plugins
 * included) and short timeouts, so an unreachable cluster fails in seconds, not minutes.
 */
public final class KubeConnector {

    private final Kubeconfigs kubeconfigs;
    private final Duration connectTimeout;
    private final Duration requestTimeout;

    public KubeConnector(Kubeconfigs kubeconfigs, Duration connectTimeout, Duration requestTimeout) {
        this.kubeconfigs = kubeconfigs;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
    }

    public static KubeConnector fromSystem() {
        return new KubeConnector(Kubeconfigs.fromSystem(), Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    /** A connected target: the resolved context name and a client; close it when done. */
    public Connection connect(KubeTarget target) {
        String context = kubeconfigs.resolveContext(target);
        KubernetesClient client;
        try {
            Config base = target.kubeconfig() != null
                    ? Config.fromKubeconfig(context, target.kubeconfig().toFile())
                    : Config.autoConfigure(context);
            Config config = new ConfigBuilder(base)
                    .withNamespace(target.namespace())
                    .withConnectionTimeout((int) connectTimeout.toMillis())
                    .withRequestTimeout((int) requestTimeout.toMillis())
                    .withRequestRetryBackoffLimit(1)
                    .build();
            // Building the client reads the certificates and keys, so a broken one fails here.
            client = new KubernetesClientBuilder().withConfig(config).build();
        } catch (RuntimeException e) {
            throw new TaskConsoleException(TaskConsoleException.Kind.BAD_INPUT,
                    "The kubeconfig " + Kubeconfigs.describe(kubeconfigs.files(target.kubeconfig())) + " for context '"
                            + context + "' could not be used: " + KubeErrors.rootMessage(e),
                    "Check it with 'kubectl --context " + context + " get ns'.", e);
        }
        return new Connection(target, context, client);
    }

    /** A client bound to one target; {@link #close()} releases its HTTP resources. */
    public record Connection(KubeTarget target, String context, KubernetesClient client) implements AutoCloseable {

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
