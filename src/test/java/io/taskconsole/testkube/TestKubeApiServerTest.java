package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The acceptance tests of the test API server: the real helm and kubectl binaries and the fabric8
 * client against it, the way Task Console's own tests will use it.
 *
 * <p>It runs a server of its own so that its namespace {@code orchestrator} and its fault rules
 * cannot disturb other test classes on the shared server.
 */
class TestKubeApiServerTest {

    private static final String NS = "orchestrator";
    private static final String CONTEXT = "test-context";
    private static final Duration HANG_GUARD = Duration.ofSeconds(150);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static TestKubeApiServer server;
    private static Path home;
    private static Path kubeconfig;
    private static Path chart;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer(@TempDir Path dir) throws URISyntaxException, IOException {
        server = TestKubeApiServer.start();
        server.createNamespace(NS);
        home = Files.createDirectories(dir.resolve("home"));
        kubeconfig = server.writeKubeconfig(dir.resolve("kube"), CONTEXT, NS);
        chart = Path.of(TestKubeApiServerTest.class.getResource("/testkube/charts/mini/Chart.yaml").toURI()).getParent();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void noFaultsLeft() {
        server.clearFaults();
    }

    @Test
    void helmInstallsTheChartAndFabric8SeesWhatItCreated() {
        ToolResult install = helm("upgrade", "--install", "alpha", chart.toString(), "-n", NS, "--timeout", "60s");

        assertThat(install.succeeded()).as("%s", install).isTrue();
        assertThat(install.output()).contains("STATUS: deployed").contains("REVISION: 1");
        KubernetesClient client = server.client();
        Job job = client.batch().v1().jobs().inNamespace(NS).withName("alpha-attempt-1").get();
        assertThat(job).as("Job created by helm").isNotNull();
        assertThat(job.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/instance", "alpha")
                .containsEntry("app.kubernetes.io/managed-by", "Helm")
                .containsEntry("mini/attempt", "1");
        assertThat(job.getSpec().getTemplate().getSpec().getServiceAccountName()).isEqualTo("alpha-runner");
        assertThat(client.configMaps().inNamespace(NS).withName("alpha-settings").get().getData())
                .containsEntry("greeting", "hello");
        assertThat(client.serviceAccounts().inNamespace(NS).withName("alpha-runner").get()).isNotNull();
        assertThat(server.requests()).anySatisfy(call -> {
            assertThat(call.verb()).isEqualTo("create");
            assertThat(call.apiGroup()).isEqualTo("batch");
            assertThat(call.resource()).isEqualTo("jobs");
            assertThat(call.namespace()).isEqualTo(NS);
            assertThat(call.userAgent()).startsWith("Helm/");
        });
    }

    @Test
    void helmListAndStatusShowAnInstalledRelease() {
        assertThat(helm("upgrade", "--install", "bravo", chart.toString(), "-n", NS, "--timeout", "60s").succeeded()).isTrue();

        ToolResult list = helm("list", "-n", NS, "-o", "json");
        ToolResult status = helm("status", "bravo", "-n", NS);

        assertThat(list.succeeded()).as("%s", list).isTrue();
        JsonNode release = release(list, "bravo");
        assertThat(release.path("status").asString()).isEqualTo("deployed");
        assertThat(release.path("revision").asString()).isEqualTo("1");
        assertThat(release.path("chart").asString()).isEqualTo("mini-0.1.0");
        assertThat(status.succeeded()).as("%s", status).isTrue();
        assertThat(status.output()).contains("NAME: bravo").contains("NAMESPACE: " + NS).contains("STATUS: deployed");
    }

    @Test
    void secondUpgradeOfTheSameReleaseIsRevisionTwoAndUpdatesItsObjects() {
        assertThat(helm("upgrade", "--install", "charlie", chart.toString(), "-n", NS, "--timeout", "60s").succeeded()).isTrue();

        ToolResult upgrade = helm("upgrade", "--install", "charlie", chart.toString(), "-n", NS, "--timeout", "60s",
                "--set", "greeting=bonjour", "--set", "attempt=2");

        assertThat(upgrade.succeeded()).as("%s", upgrade).isTrue();
        assertThat(upgrade.output()).contains("REVISION: 2");
        assertThat(release(helm("list", "-n", NS, "-o", "json"), "charlie").path("revision").asString()).isEqualTo("2");
        ToolResult history = helm("history", "charlie", "-n", NS);
        assertThat(history.output()).contains("superseded").contains("deployed");
        KubernetesClient client = server.client();
        assertThat(client.configMaps().inNamespace(NS).withName("charlie-settings").get().getData())
                .containsEntry("greeting", "bonjour")
                .containsEntry("attempt", "2");
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("charlie-attempt-2").get()).isNotNull();
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("charlie-attempt-1").get())
                .as("the Job of revision 1 is no longer in the manifest, so helm deletes it").isNull();
        assertThat(server.requests()).anySatisfy(call -> {
            assertThat(call.verb()).isEqualTo("patch");
            assertThat(call.resource()).isEqualTo("configmaps");
            assertThat(call.name()).isEqualTo("charlie-settings");
            assertThat(call.status()).isEqualTo(200);
        });
    }

    @Test
    void upgradePatchesAJobInPlaceKeepingWhatThePatchDoesNotMention() {
        assertThat(helm("upgrade", "--install", "india", chart.toString(), "-n", NS, "--timeout", "60s").succeeded()).isTrue();

        ToolResult upgrade = helm("upgrade", "--install", "india", chart.toString(), "-n", NS, "--timeout", "60s",
                "--set", "note=second");

        assertThat(upgrade.succeeded()).as("%s", upgrade).isTrue();
        Job job = server.client().batch().v1().jobs().inNamespace(NS).withName("india-attempt-1").get();
        assertThat(job.getMetadata().getAnnotations()).containsEntry("mini/note", "second");
        assertThat(job.getSpec().getTemplate().getSpec().getContainers()).singleElement().satisfies(container -> {
            assertThat(container.getImage()).isEqualTo("busybox:1.36");
            assertThat(container.getEnv()).singleElement()
                    .satisfies(env -> assertThat(env.getValueFrom().getConfigMapKeyRef().getKey()).isEqualTo("greeting"));
        });
        assertThat(server.requests()).anySatisfy(call -> {
            assertThat(call.verb()).isEqualTo("patch");
            assertThat(call.resource()).isEqualTo("jobs");
            assertThat(call.name()).isEqualTo("india-attempt-1");
        });
    }

    @Test
    void twoReleasesCoexistAndUninstallRemovesOnlyOne() {
        assertThat(helm("upgrade", "--install", "delta", chart.toString(), "-n", NS, "--timeout", "60s").succeeded()).isTrue();
        assertThat(helm("upgrade", "--install", "echo", chart.toString(), "-n", NS, "--timeout", "60s").succeeded()).isTrue();
        assertThat(names(helm("list", "-n", NS, "-o", "json"))).contains("delta", "echo");

        ToolResult uninstall = helm("uninstall", "delta", "-n", NS, "--timeout", "60s");

        assertThat(uninstall.succeeded()).as("%s", uninstall).isTrue();
        assertThat(names(helm("list", "-n", NS, "-o", "json"))).contains("echo").doesNotContain("delta");
        KubernetesClient client = server.client();
        assertThat(client.configMaps().inNamespace(NS).withName("delta-settings").get()).isNull();
        assertThat(client.batch().v1().jobs().inNamespace(NS).withName("delta-attempt-1").get()).isNull();
        assertThat(client.configMaps().inNamespace(NS).withName("echo-settings").get()).isNotNull();
    }

    @Test
    void helmCreatesTheNamespaceWhenAsked() {
        ToolResult install = helm("install", "foxtrot", chart.toString(), "-n", "fresh-ns", "--create-namespace", "--timeout", "60s");

        assertThat(install.succeeded()).as("%s", install).isTrue();
        assertThat(server.client().namespaces().withName("fresh-ns").get()).isNotNull();
        assertThat(names(helm("list", "-n", "fresh-ns", "-o", "json"))).containsExactly("foxtrot");
    }

    @Test
    void installIntoAMissingNamespaceFailsAsOnACluster() {
        ToolResult install = helm("install", "golf", chart.toString(), "-n", "no-such-ns", "--timeout", "60s");

        assertThat(install.succeeded()).as("%s", install).isFalse();
        assertThat(install.output()).contains("namespaces \"no-such-ns\" not found");
    }

    @Test
    void kubectlListsConfigMapsAsJson() {
        server.client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("listed").addToLabels("purpose", "listing").endMetadata()
                .addToData("key", "value").build()).create();

        ToolResult get = kubectl("get", "configmaps", "-n", NS, "-l", "purpose=listing", "-o", "json");

        assertThat(get.succeeded()).as("%s", get).isTrue();
        JsonNode items = JSON.readTree(get.output()).path("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).path("metadata").path("name").asString()).isEqualTo("listed");
        assertThat(items.get(0).path("data").path("key").asString()).isEqualTo("value");
    }

    @Test
    void kubectlCreatesAConfigMapFromAFile() throws IOException {
        Path file = tmp.resolve("prompt.md");
        String content = "# Prompt\n\nÜmlauts, emoji \uD83D\uDE80 and\nseveral lines.\n";
        Files.writeString(file, content);

        ToolResult create = kubectl("create", "configmap", "from-file", "-n", NS, "--from-file=" + file);

        assertThat(create.succeeded()).as("%s", create).isTrue();
        ConfigMap stored = server.client().configMaps().inNamespace(NS).withName("from-file").get();
        assertThat(stored.getData()).containsExactly(java.util.Map.entry("prompt.md", content));
    }

    @Test
    void kubectlCreatesASecretWhoseDataReadsBack() {
        ToolResult create = kubectl("create", "secret", "generic", "api-key", "-n", NS, "--from-literal=token=s3cr3t-value");

        assertThat(create.succeeded()).as("%s", create).isTrue();
        Secret secret = server.client().secrets().inNamespace(NS).withName("api-key").get();
        assertThat(new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8))
                .isEqualTo("s3cr3t-value");
    }

    @Test
    void kubectlApplyThenReapplyUpdatesTheObject() throws IOException {
        Path manifest = tmp.resolve("cm.yaml");
        Files.writeString(manifest, configMapYaml("applied", "first"));
        assertThat(kubectl("apply", "-n", NS, "-f", manifest.toString()).succeeded()).isTrue();
        Files.writeString(manifest, configMapYaml("applied", "second"));

        ToolResult reapply = kubectl("apply", "-n", NS, "-f", manifest.toString());

        assertThat(reapply.succeeded()).as("%s", reapply).isTrue();
        assertThat(server.client().configMaps().inNamespace(NS).withName("applied").get().getData())
                .containsEntry("value", "second");
    }

    @Test
    void kubectlServerSideApplyCreatesThenUpdates() throws IOException {
        Path manifest = tmp.resolve("ssa.yaml");
        Files.writeString(manifest, configMapYaml("server-applied", "first"));
        ToolResult first = kubectl("apply", "--server-side", "-n", NS, "-f", manifest.toString());
        assertThat(first.succeeded()).as("%s", first).isTrue();
        Files.writeString(manifest, configMapYaml("server-applied", "second"));

        ToolResult second = kubectl("apply", "--server-side", "-n", NS, "-f", manifest.toString());

        assertThat(second.succeeded()).as("%s", second).isTrue();
        assertThat(server.client().configMaps().inNamespace(NS).withName("server-applied").get().getData())
                .containsEntry("value", "second");
    }

    @Test
    void forbiddenCreateOfConfigMapsFailsForHelmAndFabric8() {
        ActiveFault fault = server.failWhen(FaultRule.forbid("create", "configmaps").inNamespace(NS));
        try (fault) {
            ToolResult helm = helm("install", "hotel", chart.toString(), "-n", NS, "--timeout", "60s");

            assertThat(helm.succeeded()).isFalse();
            assertThat(helm.output()).contains("is forbidden").contains("cannot create resource \"configmaps\"");
            assertThatThrownBy(() -> server.client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                    .withNewMetadata().withName("refused").endMetadata().build()).create())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
            assertThat(server.client().configMaps().inNamespace(NS).withName("refused").get())
                    .as("reads are still allowed").isNull();
        }
        assertThat(server.client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("allowed-again").endMetadata().build()).create())
                .as("closing the fault lifts it").isNotNull();
    }

    @Test
    void forbiddenCreateOfConfigMapsFailsForKubectl() {
        ActiveFault fault = server.failWhen(FaultRule.forbid("create", "configmaps").inNamespace(NS));
        try (fault) {
            ToolResult kubectl = kubectl("create", "configmap", "refused-kubectl", "-n", NS, "--from-literal=a=b");

            assertThat(kubectl.succeeded()).isFalse();
            assertThat(kubectl.output()).contains("is forbidden").contains("cannot create resource \"configmaps\"");
        }
        ToolResult afterwards = kubectl("create", "configmap", "refused-kubectl", "-n", NS, "--from-literal=a=b");
        assertThat(afterwards.succeeded()).as("closing the fault lifts it: %s", afterwards).isTrue();
    }

    @Test
    void forbidAllRefusesEvenDiscovery() {
        ActiveFault fault = server.failWhen(FaultRule.forbidAll());
        try (fault) {
            ToolResult list = helm("list", "-n", NS);

            assertThat(list.succeeded()).isFalse();
            assertThat(list.output()).as("helm words a refused /version so").contains("Kubernetes cluster unreachable");
            assertThat(server.requests()).anySatisfy(call -> {
                assertThat(call.path()).isEqualTo("/version");
                assertThat(call.status()).isEqualTo(403);
                assertThat(call.userAgent()).startsWith("Helm/");
            });
            assertThatThrownBy(() -> server.client().configMaps().inNamespace(NS).list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
        }
    }

    @Test
    void authCanIAnswersFromTheFaultRules() {
        assertThat(kubectl("auth", "can-i", "create", "configmaps", "-n", NS).output().strip()).isEqualTo("yes");
        ActiveFault fault = server.failWhen(FaultRule.forbid("create", "configmaps").inNamespace(NS));
        try (fault) {
            ToolResult denied = kubectl("auth", "can-i", "create", "configmaps", "-n", NS);

            assertThat(denied.exitCode()).isEqualTo(1);
            assertThat(denied.output().strip()).startsWith("no");
        }
    }

    @Test
    void requestsRecordWhatEachCallDid() {
        server.clearRequests();

        kubectl("get", "configmap", "not-there", "-n", NS);

        List<ApiCall> calls = server.requests();
        assertThat(calls).anySatisfy(call -> {
            assertThat(call.verb()).isEqualTo("get");
            assertThat(call.apiGroup()).isEmpty();
            assertThat(call.resource()).isEqualTo("configmaps");
            assertThat(call.namespace()).isEqualTo(NS);
            assertThat(call.name()).isEqualTo("not-there");
            assertThat(call.status()).isEqualTo(404);
            assertThat(call.userAgent()).startsWith("kubectl/");
        });
        assertThat(calls).filteredOn(call -> !call.isResourceCall()).allSatisfy(call -> {
            assertThat(call.verb()).isEqualTo("get");
            assertThat(call.resource()).isNull();
            assertThat(call.path()).matches("/(version|api|apis|openapi)(/.*)?");
        });
    }

    @Test
    void aResponseLatencyDelaysEachAnswerAndConcurrentCallsStillOverlap() throws Exception {
        server.client().configMaps().inNamespace(NS).list(); // connected before the clock starts
        ExecutorService callers = Executors.newFixedThreadPool(3);
        server.setResponseLatency(Duration.ofSeconds(1));
        try {
            long start = System.nanoTime();
            List<Future<ConfigMap>> calls = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                calls.add(callers.submit(() -> server.client().configMaps().inNamespace(NS).withName("not-there").get()));
            }
            for (Future<ConfigMap> call : calls) {
                call.get();
            }
            long elapsed = Duration.ofNanos(System.nanoTime() - start).toMillis();

            // Three delays one after another would take 3 s or more: the server's timer, not the
            // thread that answers, waits them out.
            assertThat(elapsed).isGreaterThanOrEqualTo(1000).isLessThan(3000);
        } finally {
            server.setResponseLatency(Duration.ZERO);
            callers.shutdownNow();
        }
    }

    @Test
    void aKubeconfigWithTheWrongTokenIsRefused() throws IOException {
        Path wrong = tmp.resolve("wrong-kubeconfig");
        Files.writeString(wrong, Files.readString(kubeconfig).replaceAll("token: \"?testkube-[0-9a-f]+\"?", "token: \"not-the-token\""));
        assertThat(Files.readString(wrong)).contains("not-the-token");

        ToolResult get = run(ToolBinaries.kubectl(), List.of("--kubeconfig", wrong.toString(), "get", "configmaps", "-n", NS));

        assertThat(get.succeeded()).isFalse();
        assertThat(get.output()).contains("Unauthorized").doesNotContain("not-the-token");
    }

    private static String configMapYaml(String name, String value) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\ndata:\n  value: " + value + "\n";
    }

    private static JsonNode release(ToolResult list, String name) {
        assertThat(list.succeeded()).as("%s", list).isTrue();
        for (JsonNode release : JSON.readTree(list.output())) {
            if (release.path("name").asString().equals(name)) {
                return release;
            }
        }
        throw new AssertionError("release " + name + " not in helm list: " + list);
    }

    private static List<String> names(ToolResult list) {
        assertThat(list.succeeded()).as("%s", list).isTrue();
        List<String> names = new ArrayList<>();
        JSON.readTree(list.output()).forEach(release -> names.add(release.path("name").asString()));
        return names;
    }

    private static ToolResult helm(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--kube-context", CONTEXT));
        return run(ToolBinaries.helm(), all);
    }

    private static ToolResult kubectl(String... args) {
        List<String> all = new ArrayList<>(List.of("--kubeconfig", kubeconfig.toString(), "--context", CONTEXT));
        all.addAll(List.of(args));
        return run(ToolBinaries.kubectl(), all);
    }

    private static ToolResult run(Path binary, List<String> args) {
        return ToolRun.of(binary, args)
                .env("HOME", home.toString())
                .env("HELM_CACHE_HOME", home.resolve("helm-cache").toString())
                .env("HELM_CONFIG_HOME", home.resolve("helm-config").toString())
                .env("HELM_DATA_HOME", home.resolve("helm-data").toString())
                .timeout(HANG_GUARD)
                .run();
    }
}
