package io.taskconsole.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default auth: the test API server answers the service's TokenReview (who is this token?) and
 * SubjectAccessReview (may they create or get /api/v1/pm/tasks?), as a cluster with the chart's
 * {@code task-console-pm} ClusterRole bound to a PM would.
 */
class OrchestratorAuthTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;
    private String namespace;
    private OrchestratorServer server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();
    private final String suffix = Long.toHexString(System.nanoTime());
    private final String pmToken = "pm-token-" + suffix;
    private final String readerToken = "reader-token-" + suffix;

    @BeforeEach
    void start() {
        namespace = "orch-auth-" + suffix;
        SERVER.createAttemptNamespace(namespace);
        SERVER.addUserToken(pmToken, "carol-" + suffix, "pms-" + suffix);
        SERVER.addUserToken(readerToken, "dave-" + suffix);
        // As the chart's ClusterRole task-console-pm, bound to a group of PMs.
        SERVER.grantNonResource("pms-" + suffix, "create", OrchestratorServer.TASKS);
        SERVER.grantNonResource("pms-" + suffix, "get", OrchestratorServer.TASKS);
        SERVER.grantNonResource("dave-" + suffix, "get", OrchestratorServer.TASKS);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        KubeTarget target = new KubeTarget(kubeconfig, "test-context", namespace);
        server = new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                new SubmitSettings(target, ChartSource.parse(CHART), ToolBinaries.helm(), Duration.ofSeconds(60), false,
                        null, null, null), null, 2, 2, temp.resolve("data"), 64 * 1024), TaskService.forSystem());
        base = URI.create("http://127.0.0.1:" + server.start());
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    @Test
    void anAllowedPmSubmitsAndTheClusterNamedUserIsTheSubmitter() throws Exception {
        HttpResponse<String> created = post(pmToken);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(JSON.readTree(created.body()).path("submitted_by").asString()).isEqualTo("carol-" + suffix);
        assertThat(SERVER.client().configMaps().inNamespace(namespace).withName("auth-service-task-42-run-1-files")
                .get().getData().get("metadata.yaml")).contains("carol-" + suffix).doesNotContain(pmToken);
        assertThat(get(readerToken).statusCode()).as("a user granted get reads the attempts").isEqualTo(200);
    }

    @Test
    void aUserWithoutTheVerbIsForbiddenAndTheProblemSaysWhichRoleToBind() throws Exception {
        HttpResponse<String> refused = post(readerToken);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        JsonNode problem = JSON.readTree(refused.body());
        assertThat(problem.path("detail").asString()).contains("dave-" + suffix).contains("create")
                .contains("/api/v1/pm/tasks").contains("task-console-pm");
        assertThat(refused.body()).doesNotContain(readerToken);
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems())
                .as("a forbidden submit creates nothing").isEmpty();
    }

    @Test
    void aTokenTheClusterDoesNotKnowIsUnauthenticatedWithoutBeingEchoed() throws Exception {
        String unknown = "not-a-known-token-" + suffix;
        HttpResponse<String> refused = post(unknown);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(JSON.readTree(refused.body()).path("detail").asString()).contains("TokenReview");
        assertThat(refused.body()).doesNotContain(unknown);
        assertThat(get(unknown).statusCode()).isEqualTo(401);
    }

    private HttpResponse<String> post(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/pm/tasks"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(OrchestratorServerTest.ORIGINAL_REQUEST)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve("/api/v1/pm/tasks/auth-service/42/attempts"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
