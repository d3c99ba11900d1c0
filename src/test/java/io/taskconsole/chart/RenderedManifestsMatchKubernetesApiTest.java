package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.nio.file.Path;
import io.taskconsole.task.Repository;
import io.taskconsole.task.SecretRef;
import io.taskconsole.task.TaskSettings;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** Every object either chart renders is a valid Kubernetes object: no unknown or mistyped field. */
class RenderedManifestsMatchKubernetesApiTest {

    @TempDir
    Path temp;

    private ChartFixture chart;
    private final StrictKubernetesModel model = new StrictKubernetesModel();

    @BeforeEach
    void setUp() {
        chart = new ChartFixture(temp);
    }

    static Stream<Arguments> valueSets() {
        AttemptValues usual = AttemptValues.of("auth-service", 1001, 2).following(1, "Login rate limit");
        AttemptValues longOne = AttemptValues.of("s".repeat(63), 9_007_199_254_740_991L, 999);
        return Stream.of(
                Arguments.of("defaults", usual, Map.of()),
                Arguments.of("long names", longOne, Map.of()),
                Arguments.of("required affinity", usual, Map.of("nodeAffinity", Map.of("nodes", List.of("node-a", "node-b")))),
                Arguments.of("preferred affinity", usual, Map.of("nodeAffinity", Map.of("mode", "preferred", "nodes", List.of("node-a")),
                        "affinity", Map.of("podAntiAffinity", Map.of("preferredDuringSchedulingIgnoredDuringExecution", List.of(Map.of(
                                "weight", 10, "podAffinityTerm", Map.of("topologyKey", "kubernetes.io/hostname",
                                        "labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "claude-code"))))))))),
                Arguments.of("affinity off", usual, Map.of("nodeAffinity", Map.of("mode", "none"))),
                Arguments.of("existing service account", usual, Map.of("serviceAccount", Map.of("create", false, "name", "agents"))),
                Arguments.of("repository and task settings", usual.with(new TaskSettings(
                        new Repository("git@github.com:acme/auth-service.git", "develop", "services/auth", "auth-git"), "acceptEdits", 3600,
                        Map.of("LOG_LEVEL", "debug"), Map.of("DB_PASSWORD", new SecretRef("auth-db", "password")))),
                        Map.of("git", Map.of("pushFromAgent", true, "continueFrom", "previous", "fetchDepth", 0))),
                Arguments.of("everything set", usual, Map.of(
                        "agent", Map.of("image", Map.of("repository", "r.example.com/claude", "tag", "9.9.9"),
                                "model", "claude-sonnet-4-5",
                                "extraEnv", List.of(Map.of("name", "HTTPS_PROXY", "value", "http://proxy:3128"))),
                        "job", Map.of("podAnnotations", Map.of("a", "b"), "podLabels", Map.of("team", "auth")),
                        "nodeSelector", Map.of("disk", "ssd"),
                        "tolerations", List.of(Map.of("key", "agents", "operator", "Exists", "effect", "NoSchedule")),
                        "imagePullSecrets", List.of(Map.of("name", "registry")),
                        "priorityClassName", "low",
                        "serviceAccount", Map.of("annotations", Map.of("x", "y")))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valueSets")
    void agentChartRendersOnlyValidObjects(String name, AttemptValues attempt, Map<String, ?> userValues) {
        List<JsonNode> docs = chart.render(attempt.release(), List.of(attempt.values(), userValues));

        assertThat(docs).isNotEmpty();
        for (JsonNode doc : docs) {
            HasMetadata object = model.read(doc);
            assertThat(object.getMetadata().getName()).hasSizeLessThanOrEqualTo(63);
            assertThat(object.getMetadata().getNamespace()).isEqualTo(ChartFixture.NAMESPACE);
        }
        Job job = (Job) model.read(Manifests.single(docs, "Job"));
        assertThat(job.getSpec().getTemplate().getSpec().getInitContainers()).extracting(c -> c.getName())
                .containsExactlyElementsOf(attempt.settings().repository() == null
                        ? List.of("prepare-workspace") : List.of("fetch-source", "prepare-workspace"));
    }

    @Test
    void submitterChartRendersOnlyValidObjects() {
        Path submitter = ChartFixture.submitterChartDir();
        Helm.Result result = chart.template(submitter, "task-console-submitter",
                List.of(Map.of("subjects", List.of(Map.of("kind", "User", "name", "alice"),
                        Map.of("kind", "ServiceAccount", "name", "ci", "namespace", "ci"))), Map.of("allowConfigMapCleanup", true)));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<JsonNode> docs = Manifests.parse(result.stdout());
        assertThat(docs).extracting(d -> d.path("kind").asString()).containsExactlyInAnyOrder("Role", "RoleBinding");
        docs.forEach(model::read);
    }

    @Test
    void aMisspeltFieldInAUsersOverrideIsCaught() {
        AttemptValues attempt = AttemptValues.of("auth-service", 1001, 2);
        List<JsonNode> docs = chart.render(attempt.release(), List.of(attempt.values(),
                Map.of("containerSecurityContext", Map.of("readOnlyRootFileSystem", true))));

        assertThatThrownBy(() -> model.read(Manifests.single(docs, "Job"))).hasMessageContaining("readOnlyRootFileSystem");
    }

    @Test
    void aMistypedFieldInAUsersOverrideIsCaught() {
        AttemptValues attempt = AttemptValues.of("auth-service", 1001, 2);
        List<JsonNode> docs = chart.render(attempt.release(), List.of(attempt.values(),
                Map.of("podSecurityContext", Map.of("runAsUser", "one thousand"))));

        assertThatThrownBy(() -> model.read(Manifests.single(docs, "Job"))).hasMessageContaining("runAsUser");
    }
}
