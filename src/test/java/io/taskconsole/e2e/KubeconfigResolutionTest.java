package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.InClusterConfig;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.submit.Submitter;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.ApiCall;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import io.taskconsole.testkube.UnreachableCluster;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One kubeconfig resolution for listing, fabric8 and helm, checked with the real launcher in its own
 * JVM (so HOME, user.home and KUBECONFIG are the process's own) against the test API server.
 */
class KubeconfigResolutionTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    @TempDir
    Path temp;
    private String namespace;
    private TaskDraft task;

    @BeforeEach
    void setUp() {
        namespace = "kc-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        task = SampleTask.create(temp.resolve("tasks"));
    }

    /** HOME and user.home differ (sudo, some launchers): like kubectl, HOME's kubeconfig is the one. */
    @Test
    void homeWinsOverUserHomeForListingAndSubmitting() throws Exception {
        Path home = temp.resolve("home");
        Path userHome = temp.resolve("user-home");
        Path ours = SERVER.writeKubeconfig(home.resolve(".kube"), "from-home", namespace);
        Files.move(ours, home.resolve(".kube").resolve("config"));
        UnreachableCluster.kubeconfig(userHome.resolve(".kube").resolve("config"), "from-user-home");

        ToolResult submit = cli(home, userHome, Map.of(), "submit", task.folder().toString(), "-n", namespace);

        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.output()).contains("(context from-home)")
                .contains("--kubeconfig " + home.resolve(".kube").resolve("config"));
        assertThat(configMap(1)).isTrue();

        ToolResult attempts = cli(home, userHome, Map.of(), "attempts", task.folder().toString(), "-n", namespace);
        assertThat(attempts.exitCode()).as(attempts.toString()).isZero();
        assertThat(attempts.output()).as("the attempts are listed from HOME's cluster too")
                .contains("auth-service-task-1001-run-1").doesNotContain("127.0.0.1:1");
    }

    /**
     * A $KUBECONFIG list is merged in order, for fabric8 and for helm (which gets the list in its
     * environment). fabric8's own overrides ({@code KUBERNETES_MASTER}, {@code KUBERNETES_AUTH_TOKEN})
     * are not read: they would send the ConfigMap somewhere helm does not go.
     */
    @Test
    void aKubeconfigListIsMergedForFabric8AndHelm() throws Exception {
        Path first = UnreachableCluster.kubeconfig(temp.resolve("a").resolve("config"), "elsewhere");
        Path second = SERVER.writeKubeconfig(temp.resolve("b"), "test-context", namespace);
        String list = first + java.io.File.pathSeparator + second;

        ToolResult submit = cli(temp.resolve("home"), temp.resolve("user-home"), Map.of("KUBECONFIG", list,
                        "KUBERNETES_MASTER", UnreachableCluster.SERVER, "KUBERNETES_AUTH_TOKEN", "not-the-token"),
                "submit", task.folder().toString(), "--context", "test-context", "-n", namespace);

        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.output()).contains("KUBECONFIG=" + list + " ").doesNotContain("--kubeconfig");
        assertThat(configMap(1)).isTrue();
        assertThat(helmCalls()).as("helm reached the namespace through the merged list").isNotEmpty();
    }

    /**
     * A context that is not there is an error naming the files and the contexts; nothing is asked of
     * any server. The CLI runs as if in a pod whose in-cluster config (API server, ServiceAccount token
     * and CA) leads to the test API server, so a silent fallback to in-cluster config would show up
     * there as requests in the namespace.
     */
    @Test
    void aMissingContextIsAnErrorNotAFallback() throws Exception {
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        Path serviceAccount = SERVER.writeServiceAccount(temp.resolve("serviceaccount"));
        URI url = URI.create(SERVER.url());
        SERVER.clearRequests();

        ToolResult submit = cli(temp.resolve("home"), temp.resolve("user-home"), Map.of(
                        "KUBERNETES_SERVICE_HOST", url.getHost(), "KUBERNETES_SERVICE_PORT", Integer.toString(url.getPort()),
                        "KUBERNETES_AUTH_SERVICEACCOUNT_TOKEN", serviceAccount.resolve("token").toString(),
                        "KUBERNETES_CERTS_CA_FILE", serviceAccount.resolve("ca.crt").toString()),
                "submit", task.folder().toString(), "--kubeconfig", kubeconfig.toString(), "--context", "mock",
                "-n", namespace);

        assertThat(submit.exitCode()).as(submit.toString()).isEqualTo(2);
        assertThat(submit.output()).contains("Context 'mock' is not in the kubeconfig " + kubeconfig
                + ", which defines: test-context").doesNotContain("kubernetes.default.svc");
        assertThat(SERVER.requests()).filteredOn(c -> namespace.equals(c.namespace())).isEmpty();
    }

    /** HELM_KUBE* in the user's environment would point helm elsewhere than fabric8: they are not passed on. */
    @Test
    void helmKubeVariablesInTheEnvironmentDoNotRedirectHelm() throws Exception {
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        SERVER.clearRequests();

        ToolResult submit = cli(temp.resolve("home"), temp.resolve("user-home"), Map.of(
                        "HELM_KUBECONTEXT", "elsewhere", "HELM_KUBEAPISERVER", UnreachableCluster.SERVER,
                        "HELM_KUBETOKEN", "a-token-that-must-not-show"),
                "submit", task.folder().toString(), "--kubeconfig", kubeconfig.toString(), "-n", namespace);

        assertThat(submit.exitCode()).as(submit.toString()).isZero();
        assertThat(submit.output()).contains("Not passing HELM_KUBEAPISERVER, HELM_KUBECONTEXT, HELM_KUBETOKEN from "
                + "your environment to helm").doesNotContain("a-token-that-must-not-show");
        assertThat(helmCalls()).as("helm's requests reached the test API server").isNotEmpty()
                .allSatisfy(c -> assertThat(c.status()).isLessThan(500));
    }

    /** --in-cluster uses the pod's ServiceAccount for fabric8 and helm alike, and only when asked. */
    @Test
    void inClusterUsesTheServiceAccountWhenAskedFor() {
        URI url = URI.create(SERVER.url());
        Path serviceAccount = SERVER.writeServiceAccount(temp.resolve("serviceaccount"));
        Kubeconfigs kubeconfigs = new Kubeconfigs(Map.of("KUBERNETES_SERVICE_HOST", url.getHost(),
                "KUBERNETES_SERVICE_PORT", Integer.toString(url.getPort())), temp.resolve("user-home"));
        KubeConnector connector = new KubeConnector(kubeconfigs, Duration.ofSeconds(10), Duration.ofSeconds(30),
                serviceAccount);
        Submitter submitter = new Submitter(connector, HelmLocator.forSystem(), new HelmRunner(), Clock.systemUTC(),
                "pm", "test");
        List<String> log = new ArrayList<>();

        AttemptOutcome outcome = submitter.submit(task, new SubmitSettings(KubeTarget.inCluster(namespace),
                        ChartSource.parse(CHART), ToolBinaries.helm(), null, false, null, null, null),
                PromptTemplate.defaultTemplate(), (stream, line) -> log.add(line), Cancellation.none());

        assertThat(outcome.succeeded()).as(String.join("\n", log)).isTrue();
        assertThat(outcome.record().context()).isEqualTo(InClusterConfig.CONTEXT);
        assertThat(configMap(1)).isTrue();
        assertThat(String.join("\n", log)).doesNotContain(Files.exists(serviceAccount.resolve("token"))
                ? read(serviceAccount.resolve("token")) : "?");
    }

    private ToolResult cli(Path home, Path userHome, Map<String, String> env, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("-cp", System.getProperty("java.class.path"),
                "-Duser.home=" + userHome, "io.taskconsole.Launcher"));
        all.addAll(List.of(args));
        if (!args[0].equals("attempts")) { // attempts reads the cluster only: it takes no helm options
            all.addAll(List.of("--helm", ToolBinaries.helm().toString(), "--chart", CHART, "--timeout", "60s"));
        }
        Files.createDirectories(home);
        ToolRun run = ToolRun.of(Path.of(System.getProperty("java.home"), "bin", "java"), all)
                .env("HOME", home.toString()).timeout(Duration.ofSeconds(120));
        for (Map.Entry<String, String> e : env.entrySet()) {
            run = run.env(e.getKey(), e.getValue());
        }
        return run.run();
    }

    private boolean configMap(int attempt) {
        return SERVER.client().configMaps().inNamespace(namespace)
                .withName("auth-service-task-1001-run-" + attempt + "-files").get() != null;
    }

    private List<ApiCall> helmCalls() {
        return SERVER.requests().stream().filter(c -> namespace.equals(c.namespace()))
                .filter(c -> c.userAgent() != null && c.userAgent().toLowerCase(java.util.Locale.ROOT).contains("helm"))
                .toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
