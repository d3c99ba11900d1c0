package io.taskconsole.testkube;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A Kubernetes API server for tests, on 127.0.0.1 over HTTPS, that the real {@code helm} v3
 * and {@code kubectl} binaries and the fabric8 client all work against.
 *
 * <p>HTTPS because client-go sends a kubeconfig's credentials only over TLS; the certificate is
 * the mock web server's self-signed one (valid for 127.0.0.1), written into the kubeconfig as
 * {@code certificate-authority-data}, and every request must carry the bearer token from it.
 *
 * <p>It is fabric8's {@link KubernetesMockServer} in CRUD mode behind a {@link KubeApiDispatcher}
 * that adds what those clients need (discovery, protobuf bodies, list kinds, strategic-merge
 * patches, content types) and what tests need: a record of every call ({@link #requests()}) and
 * fault rules ({@link #failWhen(FaultRule)}). See the package documentation for what it does
 * not check.
 *
 * <pre>{@code
 * TestKubeApiServer server = TestKubeApiServer.shared();
 * server.createNamespace("orchestrator");
 * Path kubeconfig = server.writeKubeconfig(tempDir, "test-context", "orchestrator");
 * }</pre>
 *
 * <p>The shared server lives as long as the test JVM; tests keep out of each other's way by
 * using their own namespaces (or {@link #deleteNamespace(String) deleting} what they made),
 * and by closing the {@link ActiveFault} a fault rule returns. A test that needs a server of
 * its own uses {@link #start()} and closes it.
 */
public final class TestKubeApiServer implements AutoCloseable {

    /** Keeps the mock web server from logging every request at INFO; held so the level sticks. */
    private static final Logger MOCK_WEB_SERVER_LOG = Logger.getLogger(MockWebServer.class.getName());

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    /** The chart's default API key Secret and key ({@code agent.apiKeySecret}). */
    public static final String API_KEY_SECRET = "anthropic-api-key";
    public static final String API_KEY_KEY = "api-key";
    /** The dummy API key {@link #createAttemptNamespace} stores: no output may ever show it. */
    public static final String API_KEY_VALUE = "sk-ant-test-not-a-real-key-5e1d";
    /** The storage class every test server has (task-console's default). */
    public static final String DEFAULT_STORAGE_CLASS = "local-path";

    private final KubernetesMockServer server;
    private final KubeApiDispatcher dispatcher;
    private final ApiResourceCatalog catalog = new ApiResourceCatalog();
    private final String token;
    private final String url;
    private final String caData;
    private final Object clientLock = new Object();
    private KubernetesClient client;

    private TestKubeApiServer() {
        MOCK_WEB_SERVER_LOG.setLevel(Level.WARNING);
        this.token = randomToken();
        KubernetesCrudDispatcher crud = new KubernetesCrudDispatcher();
        this.dispatcher = new KubeApiDispatcher(crud, catalog, token);
        MockWebServer web = new MockWebServer();
        this.server = new KubernetesMockServer(new Context(), web,
                new HashMap<>(), dispatcher, true);
        server.init(loopback(), 0);
        this.url = "https://127.0.0.1:" + server.getPort();
        this.caData = base64Of(Path.of(web.getSelfSignedCertificate().certificatePath()));
        // Like a k3s or kind cluster, which come with the storage class task-console defaults to.
        client().storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName(DEFAULT_STORAGE_CLASS).endMetadata().withProvisioner("rancher.io/local-path").build()).create();
    }

    /** The one server of this JVM, started on first use and stopped when the JVM exits. */
    public static TestKubeApiServer shared() {
        return SharedHolder.INSTANCE;
    }

    /** A server of the caller's own; close it when done. */
    public static TestKubeApiServer start() {
        return new TestKubeApiServer();
    }

    private static final class SharedHolder {
        private static final TestKubeApiServer INSTANCE = startShared();

        private static TestKubeApiServer startShared() {
            TestKubeApiServer server = new TestKubeApiServer();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "testkube-shutdown"));
            return server;
        }
    }

    /** The server's URL, such as {@code https://127.0.0.1:40123}. */
    public String url() {
        return url;
    }

    /**
     * Writes a kubeconfig file named {@code kubeconfig} into {@code dir} with one cluster, one
     * token user and one context of the given name and namespace, which is also the
     * current-context. It is the file the product reads with its normal code.
     */
    public Path writeKubeconfig(Path dir, String contextName, String namespace) {
        Map<String, Object> cluster = Map.of("name", "testkube", "cluster", Map.of("server", url, "certificate-authority-data", caData));
        Map<String, Object> user = Map.of("name", KubeApiDispatcher.USER, "user", Map.of("token", token));
        Map<String, Object> context = Map.of("name", contextName, "context",
                Map.of("cluster", "testkube", "user", KubeApiDispatcher.USER, "namespace", namespace));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("apiVersion", "v1");
        config.put("kind", "Config");
        config.put("clusters", List.of(cluster));
        config.put("users", List.of(user));
        config.put("contexts", List.of(context));
        config.put("current-context", contextName);
        config.put("preferences", Map.of());
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("kubeconfig");
            Files.writeString(file, YAML.writeValueAsString(config));
            restrictToOwner(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a kubeconfig into " + dir, e);
        }
    }

    /**
     * Writes what Kubernetes mounts into a pod for its ServiceAccount ({@code token}, {@code ca.crt})
     * into {@code dir}, for this server: a test's stand-in for {@code /var/run/secrets/kubernetes.io/serviceaccount}.
     */
    public Path writeServiceAccount(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("token"), token);
            Files.write(dir.resolve("ca.crt"), java.util.Base64.getDecoder().decode(caData));
            restrictToOwner(dir.resolve("token"));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a ServiceAccount into " + dir, e);
        }
    }

    /** A fabric8 client on this server, for a test's own setup and assertions. */
    public KubernetesClient client() {
        synchronized (clientLock) {
            if (client == null) {
                Config config = new ConfigBuilder(Config.empty())
                        .withMasterUrl(url)
                        .withOauthToken(token)
                        .withCaCertData(caData)
                        .withNamespace("default")
                        .withRequestRetryBackoffLimit(0)
                        .build();
                client = new KubernetesClientBuilder().withConfig(config).build();
            }
            return client;
        }
    }

    /** Every call answered since the start or the last {@link #clearRequests()}, oldest first. */
    public List<ApiCall> requests() {
        return dispatcher.calls();
    }

    public void clearRequests() {
        dispatcher.clearCalls();
    }

    /** Makes the requests {@code rule} matches fail until the returned handle is closed. */
    public ActiveFault failWhen(FaultRule rule) {
        return dispatcher.addFault(rule);
    }

    /**
     * Keeps requests matching {@code rule} waiting until the returned hold is closed: stops a client
     * at exactly that call. Use it in try-with-resources.
     */
    public HeldRequests holdWhen(FaultRule rule) {
        return dispatcher.addHold(rule, 0);
    }

    /** As {@link #holdWhen(FaultRule)}, letting the first {@code letThrough} matching requests pass. */
    public HeldRequests holdWhen(FaultRule rule, int letThrough) {
        return dispatcher.addHold(rule, letThrough);
    }

    public void clearFaults() {
        dispatcher.clearFaults();
    }

    /**
     * Delays every answer (but a watch) by {@code latency}, as a real API server's network round
     * trip and etcd write take time where this one answers in microseconds; {@link Duration#ZERO}
     * for none (the default). The delay runs on the server's timer, so concurrent calls overlap.
     */
    public void setResponseLatency(Duration latency) {
        dispatcher.latency(latency);
    }

    /**
     * Makes a TokenReview of {@code token} answer authenticated as {@code user} in {@code groups};
     * a token never added is not authenticated.
     */
    public void addUserToken(String token, String user, String... groups) {
        dispatcher.reviews().addUserToken(token, user, List.of(groups));
    }

    /**
     * Makes a SubjectAccessReview for {@code verb} on the non-resource URL {@code path} allowed for
     * {@code subject} (a user or a group name); anything not granted is denied.
     */
    public void grantNonResource(String subject, String verb, String path) {
        dispatcher.reviews().grantNonResource(subject, verb, path);
    }

    public void revokeNonResource(String subject, String verb, String path) {
        dispatcher.reviews().revokeNonResource(subject, verb, path);
    }

    /**
     * Creates the namespace as docs/helm-deployment-flow.md has an admin set it up for attempts:
     * the namespace and the API key Secret ({@value #API_KEY_SECRET}, key {@value #API_KEY_KEY},
     * holding a dummy key), so a submission's preflight finds what it needs.
     */
    public void createAttemptNamespace(String name) {
        createNamespace(name);
        createSecret(name, API_KEY_SECRET, Map.of(API_KEY_KEY, API_KEY_VALUE));
    }

    /** Creates (or replaces) a Opaque Secret with these keys and values in {@code namespace}. */
    public void createSecret(String namespace, String name, Map<String, String> data) {
        client().secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name)
                .withNamespace(namespace).endMetadata().withType("Opaque").withStringData(data).build()).createOr(r -> r.update());
    }

    /**
     * Drops the open watches of {@code resource} (plural, such as {@code pods}) in {@code namespace}, as a
     * restarted API server or a proxy's timeout does; the client must watch again. Returns how many.
     */
    public int dropWatches(String resource, String namespace) {
        return dispatcher.watches().drop(resource, namespace, false);
    }

    /** How many watches of {@code resource} in {@code namespace} are open now. */
    public int openWatches(String resource, String namespace) {
        return dispatcher.watches().count(resource, namespace);
    }

    /**
     * Ends the open watches of {@code resource} in {@code namespace} with {@code 410 Gone} (their resource
     * version expired, as after a compaction); the client must list again. Returns how many.
     */
    public int expireWatches(String resource, String namespace) {
        return dispatcher.watches().drop(resource, namespace, true);
    }

    /** The containers' logs this server serves; write to them to have a container log something. */
    public PodLogs podLogs() {
        return dispatcher.podLogs();
    }

    /** Creates the namespace unless it exists. */
    public void createNamespace(String name) {
        try {
            client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw e;
            }
        }
    }

    /**
     * Deletes the namespace and every namespaced object in it at once (no finalizers, no
     * Terminating phase), so a test can start from an empty namespace again.
     */
    public void deleteNamespace(String name) {
        for (ApiResourceType type : catalog.all()) {
            if (type.namespaced()) {
                client().genericKubernetesResources(type.groupVersion(), type.kind()).inNamespace(name).delete();
            }
        }
        client().namespaces().withName(name).delete();
    }

    @Override
    public void close() {
        synchronized (clientLock) {
            if (client != null) {
                client.close();
                client = null;
            }
        }
        server.destroy();
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByName("127.0.0.1");
        } catch (UnknownHostException e) {
            throw new IllegalStateException("127.0.0.1 does not resolve", e);
        }
    }

    private static String base64Of(Path file) {
        try {
            return Base64.getEncoder().encodeToString(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the test API server's certificate " + file, e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return "testkube-" + HexFormat.of().formatHex(bytes);
    }

    private static void restrictToOwner(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the file stays as the platform made it.
        }
    }
}
