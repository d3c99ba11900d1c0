package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.server.OrchestratorServer;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.testkube.ApiCall;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Every API call the orchestrator service makes (its own through fabric8, and helm's) while it
 * authenticates callers, submits, retries with an Idempotency-Key, lists attempts and answers
 * readiness is allowed by what {@code charts/orchestrator} grants its ServiceAccount: the
 * namespaced Role for calls in its namespace, its ClusterRole for the access reviews.
 */
class OrchestratorRoleCoversTheServiceTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final Path CHARTS = Path.of(System.getProperty("taskconsole.chart.dir", "charts/claude-code")).getParent();
    private static final String TASKS = "/api/v1/pm/tasks";

    @TempDir
    Path temp;

    @Test
    void everyCallOfTheServiceIsGrantedByTheChartsRoles() throws Exception {
        Path helm = ToolBinaries.helm();
        String namespace = "orch-rbac-" + Long.toHexString(System.nanoTime());
        String token = "pm-token-" + namespace;
        SERVER.createAttemptNamespace(namespace);
        SERVER.addUserToken(token, "pm-" + namespace);
        SERVER.grantNonResource("pm-" + namespace, "create", TASKS);
        SERVER.grantNonResource("pm-" + namespace, "get", TASKS);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        KubeTarget target = new KubeTarget(kubeconfig, "test-context", namespace);
        OrchestratorServer server = new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                new SubmitSettings(target, ChartSource.parse(CHARTS.resolve("claude-code").toString()), helm,
                        Duration.ofSeconds(60), false, null, null, null), null, 2, 2, temp.resolve("data"), 1 << 20),
                TaskService.forSystem());
        URI base = URI.create("http://127.0.0.1:" + server.start());
        HttpClient http = HttpClient.newHttpClient();
        SERVER.clearRequests();
        try {
            assertThat(send(http, HttpRequest.newBuilder(base.resolve(TASKS)).header("Idempotency-Key", "one")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST)), token)).isEqualTo(201);
            assertThat(send(http, HttpRequest.newBuilder(base.resolve(TASKS + "/billing/7/retry"))
                    .POST(HttpRequest.BodyPublishers.ofString("")), token)).isEqualTo(201);
            assertThat(send(http, HttpRequest.newBuilder(base.resolve(TASKS + "/billing/7/attempts")).GET(), token))
                    .isEqualTo(200);
            assertThat(send(http, HttpRequest.newBuilder(base.resolve("/readyz")).GET(), token)).isEqualTo(200);
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
        List<ApiCall> calls = SERVER.requests().stream().filter(ApiCall::isResourceCall)
                // Reading the namespace object itself is optional (the connection check works without it).
                .filter(c -> !"namespaces".equals(c.resource())).toList();

        List<Rule> role = rules(helm, namespace, "Role");
        List<Rule> clusterRole = rules(helm, namespace, "ClusterRole");
        List<ApiCall> namespaced = calls.stream().filter(c -> namespace.equals(c.namespace())).toList();
        List<ApiCall> clusterScoped = calls.stream().filter(c -> c.namespace() == null).toList();
        assertThat(namespaced).allSatisfy(call ->
                assertThat(role.stream().anyMatch(r -> r.allows(call))).as("the Role allows %s", call).isTrue());
        assertThat(clusterScoped).allSatisfy(call ->
                assertThat(clusterRole.stream().anyMatch(r -> r.allows(call))).as("a ClusterRole allows %s", call).isTrue());
        assertThat(namespaced.stream().map(ApiCall::rbacResource).distinct())
                .contains("configmaps", "persistentvolumeclaims", "jobs", "secrets");
        assertThat(clusterScoped.stream().map(ApiCall::rbacResource).distinct())
                .contains("tokenreviews", "subjectaccessreviews");
    }

    private static final String REQUEST = """
            {"id": 7, "service_name": "billing", "title": "Invoices in PDF",
             "markdown_files": [{"filename": "task.md", "content": "# Invoices in PDF\\n\\n## Acceptance Criteria\\n- a PDF\\n"},
                                {"filename": "design-spec.md", "content": "# Design\\n"}]}
            """;

    private static int send(HttpClient http, HttpRequest.Builder request, String token) throws Exception {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private record Rule(Set<String> groups, Set<String> resources, Set<String> verbs) {
        boolean allows(ApiCall call) {
            return groups.contains(call.apiGroup()) && resources.contains(call.rbacResource()) && verbs.contains(call.verb());
        }
    }

    private List<Rule> rules(Path helm, String namespace, String kind) {
        ToolResult rendered = ToolRun.of(helm, "template", "orchestrator", CHARTS.resolve("orchestrator").toString(),
                "--namespace", namespace).timeout(Duration.ofSeconds(60)).run();
        assertThat(rendered.succeeded()).as(rendered.toString()).isTrue();
        List<Rule> rules = new ArrayList<>();
        YAMLMapper yaml = YAMLMapper.builder().build();
        for (JsonNode doc : yaml.readValues(yaml.createParser(rendered.output()), JsonNode.class).readAll()) {
            if (doc != null && kind.equals(doc.path("kind").asString())) {
                for (JsonNode rule : doc.path("rules")) {
                    rules.add(new Rule(strings(rule.path("apiGroups")), strings(rule.path("resources")),
                            strings(rule.path("verbs"))));
                }
            }
        }
        assertThat(rules).as("the chart renders a " + kind).isNotEmpty();
        return rules;
    }

    private static Set<String> strings(JsonNode array) {
        return Set.copyOf(StreamSupport.stream(array.spliterator(), false).map(JsonNode::asString).toList());
    }
}
