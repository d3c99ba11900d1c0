package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The submitter Role grants what submitting and following an attempt needs, and no more. */
class SubmitterChartTest {

    @TempDir
    Path temp;

    private ChartFixture chart;

    @BeforeEach
    void setUp() {
        chart = new ChartFixture(temp);
    }

    @Test
    void roleGrantsExactlyTheVerbsSubmittingNeeds() {
        Map<String, Set<String>> grants = grants(render(Map.of()));

        Map<String, Set<String>> expected = new LinkedHashMap<>();
        expected.put("configmaps", Set.of("create", "get", "list"));
        expected.put("persistentvolumeclaims", Set.of("create", "get", "list"));
        expected.put("batch/jobs", Set.of("create", "get", "list", "watch", "patch", "delete"));
        expected.put("serviceaccounts", Set.of("create", "get", "patch", "delete"));
        expected.put("secrets", Set.of("create", "get", "list", "update", "delete"));
        expected.put("pods", Set.of("get", "list", "watch"));
        expected.put("pods/log", Set.of("get"));
        expected.put("events", Set.of("list", "watch"));
        assertThat(grants).isEqualTo(expected);
    }

    @Test
    void cleanupAddsOnlyConfigMapDeletion() {
        Map<String, Set<String>> grants = grants(render(Map.of("allowConfigMapCleanup", true)));

        assertThat(grants.get("configmaps")).containsExactlyInAnyOrder("create", "get", "list", "delete");
        assertThat(grants.get("secrets")).doesNotContain("watch", "patch", "*");
    }

    @Test
    void roleLivesInTheReleaseNamespaceAndBindsTheGivenSubjects() {
        List<JsonNode> docs = render(Map.of("subjects", List.of(
                Map.of("kind", "User", "name", "alice@example.com"),
                Map.of("kind", "Group", "name", "product-managers"),
                Map.of("kind", "ServiceAccount", "name", "ci-submitter", "namespace", "ci"))));

        JsonNode role = Manifests.single(docs, "Role");
        JsonNode binding = Manifests.single(docs, "RoleBinding");
        assertThat(role.at("/metadata/namespace").asString()).isEqualTo("orchestrator");
        assertThat(binding.at("/metadata/namespace").asString()).isEqualTo("orchestrator");
        assertThat(binding.at("/roleRef/kind").asString()).isEqualTo("Role");
        assertThat(binding.at("/roleRef/name").asString()).isEqualTo(role.at("/metadata/name").asString());
        assertThat(binding.path("subjects")).hasSize(3);
        assertThat(binding.at("/subjects/0/apiGroup").asString()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(binding.at("/subjects/2/namespace").asString()).isEqualTo("ci");
    }

    @Test
    void withoutSubjectsOnlyTheRoleIsCreated() {
        assertThat(render(Map.of())).extracting(d -> d.path("kind").asString()).containsExactly("Role");
    }

    @Test
    void serviceAccountSubjectWithoutNamespaceIsRejected() {
        Helm.Result result = chart.template(ChartFixture.submitterChartDir(), "s",
                List.of(Map.of("subjects", List.of(Map.of("kind", "ServiceAccount", "name", "ci")))));

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("namespace is required");
    }

    private List<JsonNode> render(Map<String, ?> values) {
        Helm.Result result = chart.template(ChartFixture.submitterChartDir(), "task-console-submitter", List.of(values));
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return Manifests.parse(result.stdout());
    }

    /** "group/resource" (core group without prefix) to verbs, across all rules. */
    private static Map<String, Set<String>> grants(List<JsonNode> docs) {
        Map<String, Set<String>> grants = new LinkedHashMap<>();
        for (JsonNode rule : Manifests.single(docs, "Role").path("rules")) {
            List<String> verbs = new ArrayList<>();
            rule.path("verbs").forEach(v -> verbs.add(v.asString()));
            assertThat(rule.has("resourceNames")).isFalse();
            for (JsonNode group : rule.path("apiGroups")) {
                for (JsonNode resource : rule.path("resources")) {
                    String key = group.asString().isEmpty() ? resource.asString() : group.asString() + "/" + resource.asString();
                    grants.computeIfAbsent(key, k -> new TreeSet<>()).addAll(verbs);
                }
            }
        }
        return grants;
    }
}
