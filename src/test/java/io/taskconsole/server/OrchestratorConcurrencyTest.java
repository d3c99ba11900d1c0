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
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * Many PMs at once on one task: the cluster decides attempt numbers, so 20 concurrent POSTs take 20
 * different numbers and make 20 releases, through a helm pool of 4; the metrics and the access log
 * tell what happened without a token or a file's content in them.
 */
class OrchestratorConcurrencyTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");
    private static final String TOKEN = "pm-token-of-erin";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    @Timeout(600)
    void twentyConcurrentSubmissionsOfOneTaskTakeTwentyNumbersAndMakeTwentyReleases() throws Exception {
        String namespace = "orch-many-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        Path tokens = temp.resolve("tokens");
        Files.writeString(tokens, HexFormat.of().formatHex(TokenFile.sha256(TOKEN)) + " erin\n");
        KubeTarget target = new KubeTarget(kubeconfig, "test-context", namespace);
        List<String> accessLog = new CopyOnWriteArrayList<>();
        OrchestratorServer server = new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                new SubmitSettings(target, ChartSource.parse(CHART), ToolBinaries.helm(), Duration.ofSeconds(120), false,
                        null, null, null), tokens, 4, 16, temp.resolve("data"), 64 * 1024), TaskService.forSystem(),
                accessLog::add);
        URI base = URI.create("http://127.0.0.1:" + server.start());
        HttpClient http = HttpClient.newHttpClient();
        try {
            List<CompletableFuture<HttpResponse<String>>> posts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                posts.add(http.sendAsync(HttpRequest.newBuilder(base.resolve("/api/v1/pm/tasks"))
                        .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(OrchestratorServerTest.ORIGINAL_REQUEST)).build(),
                        HttpResponse.BodyHandlers.ofString()));
            }
            List<Integer> attempts = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> post : posts) {
                HttpResponse<String> response = post.get();
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
                attempts.add(JSON.readTree(response.body()).path("attempt").asInt());
            }

            assertThat(attempts).as("every POST its own attempt number").doesNotHaveDuplicates()
                    .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
            assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).hasSize(20);
            assertThat(SERVER.client().secrets().inNamespace(namespace).list().getItems())
                    .filteredOn(s -> s.getMetadata().getName().startsWith("sh.helm.release.v1.auth-service-task-42-run-"))
                    .as("20 helm releases").hasSize(20);

            HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(base.resolve("/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body())
                    .contains("taskconsole_submissions_total{outcome=\"created\"} 20.0")
                    .contains("taskconsole_helm_duration_seconds_count 20")
                    .contains("taskconsole_helm_duration_seconds_bucket{le=")
                    .contains("taskconsole_helm_queue_depth 0.0")
                    .doesNotContain(TOKEN);
        } finally {
            server.stop(Duration.ofSeconds(5));
        }
        assertThat(accessLog).as("one line per request").filteredOn(l -> l.startsWith("POST /api/v1/pm/tasks 201 "))
                .hasSize(20).allSatisfy(l -> assertThat(l).endsWith(" user=erin"));
        assertThat(accessLog).filteredOn(l -> l.startsWith("GET /metrics 200 ")).hasSize(1);
        assertThat(String.join("\n", accessLog)).doesNotContain(TOKEN).doesNotContain("Redis").doesNotContain("Bearer");
    }
}
