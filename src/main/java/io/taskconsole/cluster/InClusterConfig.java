package io.taskconsole.cluster;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The cluster a pod runs in, as its ServiceAccount sees it: the API server from
 * {@code KUBERNETES_SERVICE_HOST}/{@code _PORT}, the CA and token files Kubernetes mounts. Used only
 * when asked for ({@code --in-cluster}): a kubeconfig context that is missing is an error, never a
 * reason to fall back to this. The token is read from its file on each request (Kubernetes rotates
 * it) and is never copied anywhere: helm gets a kubeconfig that names the file.
 */
public final class InClusterConfig {

    public static final Path SERVICE_ACCOUNT = Path.of("/var/run/secrets/kubernetes.io/serviceaccount");

    private final String server;
    private final Path tokenFile;
    private final Path caFile;

    private InClusterConfig(String server, Path tokenFile, Path caFile) {
        this.server = server;
        this.tokenFile = tokenFile;
        this.caFile = caFile;
    }

    /** Reads where the API server is and checks the ServiceAccount's files are there. */
    public static InClusterConfig of(Map<String, String> env, Path serviceAccount) {
        String host = env.get("KUBERNETES_SERVICE_HOST");
        String port = env.get("KUBERNETES_SERVICE_PORT");
        if (host == null || host.isBlank() || port == null || port.isBlank()) {
            throw TaskConsoleException.badInput("In-cluster config was asked for, but this process does not run in a "
                    + "Kubernetes pod (KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT are not set)",
                    "Leave out --in-cluster and use a kubeconfig (--kubeconfig, $KUBECONFIG or ~/.kube/config).");
        }
        Path token = serviceAccount.resolve("token");
        Path ca = serviceAccount.resolve("ca.crt");
        for (Path file : List.of(token, ca)) {
            if (!Files.isRegularFile(file)) {
                throw TaskConsoleException.badInput("In-cluster config was asked for, but the ServiceAccount file "
                        + file + " is missing",
                        "Run the pod with a ServiceAccount whose token is mounted (automountServiceAccountToken: true).");
            }
        }
        String hostPart = host.contains(":") ? "[" + host.strip() + "]" : host.strip();
        return new InClusterConfig("https://" + hostPart + ":" + port.strip(), token, ca);
    }

    public String server() {
        return server;
    }

    /** fabric8's config: the server, its CA, and the token read from its file for each request. */
    Config clientConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(server)
                .withCaCertFile(caFile.toString())
                .withOauthTokenProvider(this::readToken)
                .build();
    }

    private String readToken() {
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot read the ServiceAccount token " + tokenFile + ": " + e.getMessage(),
                    "Check the pod's ServiceAccount token mount.", e);
        }
    }

    /**
     * Writes a kubeconfig for helm that names the CA and token files (no secret in it), owner-only.
     * helm given this file and its one context talks to the same API server as fabric8.
     */
    public void writeKubeconfig(Path file) throws IOException {
        Map<String, Object> cluster = new LinkedHashMap<>();
        cluster.put("server", server);
        cluster.put("certificate-authority", caFile.toString());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("apiVersion", "v1");
        root.put("kind", "Config");
        root.put("clusters", List.of(Map.of("name", "in-cluster", "cluster", cluster)));
        root.put("users", List.of(Map.of("name", "service-account", "user", Map.of("tokenFile", tokenFile.toString()))));
        root.put("contexts", List.of(Map.of("name", CONTEXT, "context",
                Map.of("cluster", "in-cluster", "user", "service-account"))));
        root.put("current-context", CONTEXT);
        AtomicFiles.writeString(file, YAMLMapper.builder().build().writeValueAsString(root));
    }

    /** The context name the helm kubeconfig and the attempts' records use for the in-cluster target. */
    public static final String CONTEXT = "in-cluster";
}
