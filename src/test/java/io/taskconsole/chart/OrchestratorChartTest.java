package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * {@code charts/orchestrator}: lints strictly, renders only valid Kubernetes objects, runs the
 * service hardened (non-root, read-only root with every written path on an emptyDir), and its
 * values schema stops bad values before anything renders.
 */
class OrchestratorChartTest {

    @TempDir
    Path temp;

    private ChartFixture chart;

    @BeforeEach
    void setUp() {
        chart = new ChartFixture(temp);
    }

    @Test
    void lintsStrictlyWithDefaultAndExampleValues() {
        Path dir = ChartFixture.orchestratorChartDir();
        for (Helm.Result result : new Helm.Result[] {
                chart.helm().run("lint", "--strict", dir.toString()),
                chart.helm().run("lint", "--strict", dir.toString(), "--values", dir.resolve("ci/example-values.yaml").toString())}) {
            assertThat(result.exitCode()).as(result.toString()).isZero();
            assertThat(result.stdout()).contains("0 chart(s) failed").doesNotContain("[WARNING]").doesNotContain("[ERROR]");
        }
    }

    @Test
    void rendersAHardenedServiceWithItsRbacAndOnlyValidObjects() {
        List<JsonNode> docs = render(Map.of());
        StrictKubernetesModel model = new StrictKubernetesModel();
        docs.forEach(model::read);
        assertThat(docs).extracting(d -> d.path("kind").asString()).containsExactlyInAnyOrder("ServiceAccount", "Role",
                "RoleBinding", "ClusterRole", "ClusterRoleBinding", "ClusterRole", "Deployment", "Service",
                "PodDisruptionBudget", "NetworkPolicy");

        Deployment deployment = (Deployment) model.read(Manifests.single(docs, "Deployment"));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
        Container container = pod.getContainers().get(0);
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getArgs()).startsWith("serve").containsSequence("--namespace", ChartFixture.NAMESPACE)
                .containsSequence("--max-concurrent-helm", "4").doesNotContain("--tokens");

        List<String> emptyDirs = pod.getVolumes().stream().filter(v -> v.getEmptyDir() != null).map(v -> v.getName()).toList();
        List<String> writable = container.getVolumeMounts().stream().filter(m -> emptyDirs.contains(m.getName()))
                .map(VolumeMount::getMountPath).toList();
        List<String> written = new java.util.ArrayList<>(container.getEnv().stream()
                .filter(e -> e.getName().equals("HOME") || e.getName().startsWith("HELM_")).map(EnvVar::getValue).toList());
        written.add(container.getArgs().get(container.getArgs().indexOf("--data-dir") + 1));
        written.add("/tmp");
        assertThat(written).as("every path the service and helm write is on an emptyDir")
                .allSatisfy(path -> assertThat(writable).anySatisfy(mount -> assertThat(path).startsWith(mount)));

        ClusterRole pm = docs.stream().filter(d -> d.path("kind").asString().equals("ClusterRole"))
                .map(d -> (ClusterRole) model.read(d)).filter(r -> r.getMetadata().getName().equals("task-console-pm"))
                .findFirst().orElseThrow();
        assertThat(pm.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getNonResourceURLs()).containsExactly("/api/v1/pm/tasks");
            assertThat(rule.getVerbs()).containsExactlyInAnyOrder("create", "get");
        });
        JsonNode pdb = Manifests.single(docs, "PodDisruptionBudget");
        assertThat(pdb.path("spec").path("minAvailable").asInt()).isEqualTo(1);
    }

    @Test
    void withATokensSecretTheServiceReadsItAndNeedsNoReviewRights() {
        List<JsonNode> docs = render(Map.of("auth", Map.of("tokensSecret", "pm-tokens")));
        Deployment deployment = (Deployment) new StrictKubernetesModel().read(Manifests.single(docs, "Deployment"));
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(container.getArgs()).containsSequence("--tokens", "/etc/task-console/tokens/tokens");
        assertThat(deployment.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getSecret() != null).singleElement()
                .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("pm-tokens"));
        assertThat(Manifests.ofKind(docs, "ClusterRoleBinding")).as("no TokenReview rights").isEmpty();
    }

    @Test
    void theSchemaRefusesBadValuesNamingThem() {
        assertThat(rejection(Map.of("replicaCount", 0))).contains("replicaCount");
        assertThat(rejection(Map.of("replicas", 3))).contains("replicas");
        assertThat(rejection(Map.of("serve", Map.of("maxConcurrentHelm", "four")))).contains("maxConcurrentHelm");
        assertThat(rejection(Map.of("serve", Map.of("gracePeriod", "soon")))).contains("gracePeriod");
    }

    private List<JsonNode> render(Map<String, ?> values) {
        Helm.Result result = chart.template(ChartFixture.orchestratorChartDir(), "orchestrator", List.of(values));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Manifests.parse(result.stdout());
    }

    private String rejection(Map<String, ?> values) {
        Helm.Result result = chart.template(ChartFixture.orchestratorChartDir(), "orchestrator", List.of(values));
        assertThat(result.exitCode()).as("refused: " + values).isNotZero();
        return result.stderr();
    }
}
