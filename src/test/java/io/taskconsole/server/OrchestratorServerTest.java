package io.taskconsole.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The orchestrator service over a real socket, called with the JDK's HTTP client and curl, the
 * request shape the original orchestrator's clients send, against the test API server and real helm.
 */
class OrchestratorServerTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");
    private static final String TOKEN = "pm-token-of-alice";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the original orchestrator's PM clients post: Task Master fields plus the Markdown files. */
    static final String ORIGINAL_REQUEST = """
            {
              "id": 42,
              "title": "Rate-limit failed logins",
              "description": "Slow down credential stuffing.",
              "details": "Per account and per IP.",
              "test_strategy": "- After 5 failures the account gets 429\\n- After 20 failures the IP gets 429",
              "priority": "high",
              "dependencies": [7],
              "status": "pending",
              "subtasks": [{"id": 1, "title": "Counter in Redis", "description": "", "dependencies": [],
                            "details": "", "status": "pending", "test_strategy": ""}],
              "service_name": "auth-service",
              "agent_name": "claude-code",
              "markdown_files": [{"filename": "design-spec.md", "content": "# Design\\n\\nA Redis counter.\\n",
                                  "file_type": "design"}],
              "repository": {"url": "https://github.com/example/auth-service.git", "branch": "main"},
              "agent_tools": {"bash": true},
              "some_future_field": "ignored"
            }
            """;

    @TempDir
    Path temp;
    private String namespace;
    private OrchestratorServer server;
    private URI base;
    private final HttpClient http = HttpClient.newHttpClient();

    private Path tokens;
    private KubeTarget target;

    @BeforeEach
    void start() throws Exception {
        namespace = "orch-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        tokens = temp.resolve("tokens");
        Files.writeString(tokens, "# PMs\n" + HexFormat.of().formatHex(TokenFile.sha256(TOKEN)) + " alice\n");
        target = new KubeTarget(kubeconfig, "test-context", namespace);
        server = replica(temp.resolve("data"));
        base = URI.create("http://127.0.0.1:" + server.start());
    }

    /** A service on this test's namespace and tokens with its own data folder: another replica. */
    private OrchestratorServer replica(Path dataDir) {
        return new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                new SubmitSettings(target, ChartSource.parse(CHART), ToolBinaries.helm(), Duration.ofSeconds(60), false,
                        null, null, null), tokens, 2, 2, dataDir, 64 * 1024), TaskService.forSystem());
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    @Test
    void theOriginalRequestShapeSubmitsAnAttemptAndRetryMakesTheNext() throws Exception {
        HttpResponse<String> created = post("/api/v1/pm/tasks", ORIGINAL_REQUEST, "application/json", TOKEN);

        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location"))
                .contains("/api/v1/pm/tasks/auth-service/42/attempts/1");
        JsonNode body = JSON.readTree(created.body());
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("attempt").asInt()).isEqualTo(1);
        assertThat(body.path("config_map").asString()).isEqualTo("auth-service-task-42-run-1-files");
        assertThat(body.path("release").asString()).isEqualTo("auth-service-task-42-run-1");
        assertThat(body.path("submitted_by").asString()).isEqualTo("alice");
        Map<String, String> files = SERVER.client().configMaps().inNamespace(namespace)
                .withName("auth-service-task-42-run-1-files").get().getData();
        assertThat(files.get("task.md")).as("written from the Task Master fields, as import-taskmaster writes it")
                .contains("# Rate-limit failed logins").contains("After 5 failures the account gets 429");
        assertThat(files.get("design-spec.md")).isEqualTo("# Design\n\nA Redis counter.\n");
        assertThat(files.get("metadata.yaml")).contains("alice");

        HttpResponse<String> retried = post("/api/v1/pm/tasks/auth-service/42/retry", "{\"attempt\": 1}",
                "application/json", TOKEN);
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(201);
        assertThat(JSON.readTree(retried.body()).path("attempt").asInt()).isEqualTo(2);
        assertThat(SERVER.client().configMaps().inNamespace(namespace).withName("auth-service-task-42-run-2-files")
                .get().getData().get("task.md")).isEqualTo(files.get("task.md"));

        HttpResponse<String> attempts = get("/api/v1/pm/tasks/auth-service/42/attempts", TOKEN);
        assertThat(attempts.statusCode()).as(attempts.body()).isEqualTo(200);
        assertThat(JSON.readTree(attempts.body()).path("attempts")).hasSize(2);
        byte[] taskMd = files.get("task.md").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String taskMdSha = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(taskMd));
        for (JsonNode listed : JSON.readTree(attempts.body()).path("attempts")) {
            assertThat(listed.path("files").valueStream().map(f -> f.path("name").asString()))
                    .as("attempt " + listed.path("attempt")).contains("task.md", "design-spec.md", "prompt.md", "metadata.yaml");
            JsonNode task = listed.path("files").valueStream().filter(f -> f.path("name").asString().equals("task.md"))
                    .findFirst().orElseThrow();
            assertThat(task.path("size").asInt()).isEqualTo(taskMd.length);
            assertThat(task.path("sha256").asString()).as("retry sent attempt 1's exact task.md").isEqualTo(taskMdSha);
        }
        JsonNode one = JSON.readTree(get("/api/v1/pm/tasks/auth-service/42/attempts/1", TOKEN).body());
        assertThat(one.path("files").valueStream().map(f -> f.path("name").asString())).contains("task.md");
        assertThat(get("/api/v1/pm/tasks/auth-service/42/attempts/7", TOKEN).statusCode()).isEqualTo(404);
    }

    @Test
    void curlCanSubmitWithTheRequestAsItIs() throws Exception {
        Optional<Path> curl = ToolBinaries.onPath("curl");
        org.junit.jupiter.api.Assumptions.assumeTrue(curl.isPresent(), "curl is not installed");
        Path request = temp.resolve("request.json");
        Files.writeString(request, ORIGINAL_REQUEST);

        ToolResult result = ToolRun.of(curl.get(), "-sS", "-w", "\n%{http_code}", "-H", "Authorization: Bearer " + TOKEN,
                "-H", "Content-Type: application/json", "--data-binary", "@" + request, base + "/api/v1/pm/tasks").run();

        assertThat(result.output().strip()).as(result.toString()).endsWith("201").contains("\"success\":true");
    }

    @Test
    void everyErrorIsProblemJsonThatSaysWhatIsWrong() throws Exception {
        HttpResponse<String> noToken = post("/api/v1/pm/tasks", ORIGINAL_REQUEST, "application/json", null);
        assertProblem(noToken, 401, "Authorization: Bearer");
        HttpResponse<String> badToken = post("/api/v1/pm/tasks", ORIGINAL_REQUEST, "application/json", "nope");
        assertProblem(badToken, 401, "not known");
        assertThat(badToken.body()).doesNotContain("nope");

        assertProblem(post("/api/v1/pm/tasks", "{\"id\": 42,\n \"title\": }", "application/json", TOKEN), 400,
                "line 2, column");
        assertProblem(post("/api/v1/pm/tasks", ORIGINAL_REQUEST, "text/plain", TOKEN), 415, "application/json");
        assertProblem(post("/api/v1/pm/tasks", ORIGINAL_REQUEST.replace("\"priority\"",
                "\"padding\": \"" + "x".repeat(70_000) + "\", \"priority\""), "application/json", TOKEN), 413, "limit");
        assertProblem(get("/api/v1/pm/nothing-here", TOKEN), 404, "No such endpoint");

        HttpResponse<String> invalid = post("/api/v1/pm/tasks", """
                {"id": 0, "service_name": "Auth Service", "markdown_files": [{"filename": "../x.md", "content": ""}],
                 "repository": {"url": "https://github.com/x/y.git", "token": "ghp_secret"}}
                """, "application/json", TOKEN);
        assertProblem(invalid, 400, "see errors");
        JsonNode errors = JSON.readTree(invalid.body()).path("errors");
        assertThat(errors.valueStream().map(e -> e.path("pointer").asString()))
                .contains("/id", "/service_name", "/markdown_files/0/filename", "/repository/token", "/markdown_files");
        assertThat(invalid.body()).contains("auth-service").doesNotContain("ghp_secret");
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems())
                .as("nothing was created by a refused request").isEmpty();
    }

    @Test
    void theSameIdempotencyKeyTwiceTakesOneAttemptAndAnswersTheFirstAnswerEvenFromAnotherReplica() throws Exception {
        HttpResponse<String> first = postOnce("/api/v1/pm/tasks", ORIGINAL_REQUEST, TOKEN, "key-1");
        HttpResponse<String> again = postOnce("/api/v1/pm/tasks", ORIGINAL_REQUEST, TOKEN, "key-1");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Location")).isEqualTo(first.headers().firstValue("Location"));
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).as("one attempt").hasSize(1);
        assertThat(SERVER.client().secrets().inNamespace(namespace).list().getItems())
                .as("one helm release").filteredOn(s -> s.getMetadata().getName().startsWith("sh.helm.release")).hasSize(1);

        try (OrchestratorServer other = replica(temp.resolve("other-data"))) {
            URI otherBase = URI.create("http://127.0.0.1:" + other.start());
            HttpResponse<String> elsewhere = send(HttpRequest.newBuilder(otherBase.resolve("/api/v1/pm/tasks")),
                    ORIGINAL_REQUEST, TOKEN, "key-1");
            assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(201);
            assertThat(elsewhere.body()).as("the record is in the cluster, not in a replica").isEqualTo(first.body());
        }

        HttpResponse<String> otherBody = postOnce("/api/v1/pm/tasks", ORIGINAL_REQUEST.replace("Slow down", "Stop"), TOKEN,
                "key-1");
        assertProblem(otherBody, 422, "another request");
        HttpResponse<String> newKey = postOnce("/api/v1/pm/tasks", ORIGINAL_REQUEST, TOKEN, "key-2");
        assertThat(JSON.readTree(newKey.body()).path("attempt").asInt()).as("a new key is a new attempt").isEqualTo(2);

        HttpResponse<String> retry = postOnce("/api/v1/pm/tasks/auth-service/42/retry", "{\"attempt\": 1}", TOKEN, "key-3");
        HttpResponse<String> retryAgain = postOnce("/api/v1/pm/tasks/auth-service/42/retry", "{\"attempt\": 1}", TOKEN, "key-3");
        assertThat(JSON.readTree(retry.body()).path("attempt").asInt()).as(retry.body()).isEqualTo(3);
        assertThat(retryAgain.body()).isEqualTo(retry.body());
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).hasSize(3);
        assertProblem(postOnce("/api/v1/pm/tasks", ORIGINAL_REQUEST, TOKEN, "has spaces"), 400, "Idempotency-Key");
    }

    private static void assertProblem(HttpResponse<String> response, int status, String detail) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("title").asString()).isNotBlank();
        assertThat(body.path("detail").asString()).contains(detail);
    }

    private HttpResponse<String> postOnce(String path, String body, String token, String idempotencyKey) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)), body, token, idempotencyKey);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String body, String token, String idempotencyKey)
            throws Exception {
        return http.send(request.header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String type, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", type).POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", "Bearer " + token).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
