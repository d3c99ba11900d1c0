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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The OpenAPI description the service serves is the API it has: the same routes, and every answer
 * the service gives (provoked here over a socket, successes and each kind of error) is documented
 * for its operation, with a body that has the documented schema's fields and no others.
 */
class OpenApiDescriptionTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");
    private static final String TOKEN = "pm-token-of-grace";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;
    private OrchestratorServer server;
    private URI base;
    private JsonNode spec;
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> unchecked = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        String namespace = "orch-api-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        Path tokens = temp.resolve("tokens");
        Files.writeString(tokens, HexFormat.of().formatHex(TokenFile.sha256(TOKEN)) + " grace\n");
        KubeTarget target = new KubeTarget(kubeconfig, "test-context", namespace);
        server = new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                new SubmitSettings(target, ChartSource.parse(CHART), ToolBinaries.helm(), Duration.ofSeconds(60), false,
                        null, null, null), tokens, 2, 2, temp.resolve("data"), 64 * 1024), TaskService.forSystem());
        base = URI.create("http://127.0.0.1:" + server.start());
        HttpResponse<String> served = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/openapi.yaml")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(served.statusCode()).as("served without a token").isEqualTo(200);
        spec = YAMLMapper.builder().build().readTree(served.body());
    }

    @AfterEach
    void stop() {
        server.stop(Duration.ofSeconds(5));
    }

    @Test
    void theDescriptionHasExactlyTheServicesRoutes() {
        assertThat(spec.path("openapi").asString()).startsWith("3.1");
        Set<String> described = new LinkedHashSet<>();
        spec.path("paths").properties().forEach(path -> path.getValue().properties()
                .forEach(op -> described.add(op.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey())));
        assertThat(described).containsExactlyInAnyOrderElementsOf(server.routes());
    }

    @Test
    void everyAnswerTheServiceGivesIsDocumentedWithItsBody() throws Exception {
        String tasks = "/api/v1/pm/tasks";
        String attempts = tasks + "/{service}/{id}/attempts";
        String retry = tasks + "/{service}/{id}/retry";
        check("post", tasks, post(tasks, OrchestratorServerTest.ORIGINAL_REQUEST, "application/json", TOKEN, null), 201);
        check("post", tasks, post(tasks, OrchestratorServerTest.ORIGINAL_REQUEST, "application/json", TOKEN, "k"), 201);
        check("post", tasks, post(tasks, OrchestratorServerTest.ORIGINAL_REQUEST, "application/json", TOKEN, "k"), 201);
        check("post", tasks, post(tasks, "{}", "application/json", TOKEN, "k"), 400);
        check("post", tasks, post(tasks, OrchestratorServerTest.ORIGINAL_REQUEST.replace("Slow", "Stop"),
                "application/json", TOKEN, "k"), 422);
        check("post", tasks, post(tasks, "{\"id\": 1,", "application/json", TOKEN, null), 400);
        check("post", tasks, post(tasks, "{}", "text/plain", TOKEN, null), 415);
        check("post", tasks, post(tasks, "{\"x\": \"" + "y".repeat(70_000) + "\"}", "application/json", TOKEN, null), 413);
        check("post", tasks, post(tasks, "{}", "application/json", null, null), 401);
        check("post", tasks, post(tasks, "{}", "application/json", "wrong", null), 401);
        check("post", retry, post(tasks + "/auth-service/42/retry", "", "application/json", TOKEN, null), 201);
        check("post", retry, post(tasks + "/auth-service/42/retry", "{\"attempt\": 0}", "application/json", TOKEN, null), 400);
        check("post", retry, post(tasks + "/auth-service/42/retry", "{\"attempt\": 99}", "application/json", TOKEN, null), 404);
        check("post", retry, post(tasks + "/auth-service/43/retry", "", "application/json", TOKEN, null), 404);
        check("get", attempts, get(tasks + "/auth-service/42/attempts", TOKEN), 200);
        check("get", attempts, get(tasks + "/auth-service/43/attempts", TOKEN), 404);
        check("get", attempts, get(tasks + "/auth-service/42/attempts", null), 401);
        check("get", attempts + "/{attempt}", get(tasks + "/auth-service/42/attempts/1", TOKEN), 200);
        check("get", attempts + "/{attempt}", get(tasks + "/auth-service/42/attempts/9", TOKEN), 404);
        check("get", "/healthz", get("/healthz", null), 200);
        check("get", "/metrics", get("/metrics", null), 200);
        assertThat(unchecked).as("answers the description does not document").isEmpty();
    }

    private void check(String method, String path, HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(status);
        JsonNode responses = spec.path("paths").path(path).path(method).path("responses");
        JsonNode documented = responses.path(Integer.toString(status));
        if (documented.isMissingNode()) {
            unchecked.add(method + " " + path + " " + status);
            return;
        }
        documented = resolve(documented);
        String type = response.headers().firstValue("Content-Type").orElse("").split(";")[0].strip();
        JsonNode content = documented.path("content").path(type);
        assertThat(content.isMissingNode()).as(method + " " + path + " " + status + " documented as " + type
                + ", documented: " + documented.path("content").propertyNames()).isFalse();
        JsonNode schema = resolve(content.path("schema"));
        if (type.endsWith("json")) {
            conforms(JSON.readTree(response.body()), schema, method + " " + path + " " + status);
        }
        documented.path("headers").propertyNames().forEach(header -> {
            if (header.equals("Location")) {
                assertThat(response.headers().firstValue(header)).as(header).isPresent();
            }
        });
    }

    /** The body's fields are the schema's: every required one there, none the schema does not name. */
    private void conforms(JsonNode body, JsonNode schema, String what) {
        if (!schema.path("type").asString("").equals("object")) {
            return;
        }
        Set<String> fields = new LinkedHashSet<>(body.propertyNames());
        schema.path("required").forEach(r -> assertThat(fields).as(what + " has " + r.asString()).contains(r.asString()));
        if (schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean()) {
            assertThat(schema.path("properties").propertyNames()).as(what + ": fields not in the schema")
                    .containsAll(fields);
        }
        for (String field : fields) {
            JsonNode property = resolve(schema.path("properties").path(field));
            boolean array = property.path("type").asString("").equals("array") || property.path("type").isArray()
                    && property.path("type").valueStream().anyMatch(t -> t.asString().equals("array"));
            if (array && body.path(field).isArray()) {
                JsonNode items = resolve(property.path("items"));
                body.path(field).forEach(item -> conforms(item, items, what + " " + field + "[]"));
            }
        }
    }

    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            JsonNode target = spec;
            for (String part : node.path("$ref").asString().substring(2).split("/")) {
                target = target.path(part);
            }
            node = target;
        }
        return node;
    }

    private HttpResponse<String> post(String path, String body, String type, String token, String key) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
