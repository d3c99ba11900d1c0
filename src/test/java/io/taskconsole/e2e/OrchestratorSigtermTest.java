package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.testkube.TestKubeApiServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code task-console serve} as its own process, with a helm that hangs ignoring SIGTERM and a helm
 * pool of one with no queue: a second submission is refused with 503 and Retry-After; SIGTERM
 * lets the running helm have its grace period, then cancels it, answers its caller and records
 * the attempt as cancelled (history and ConfigMap), and no helm is left running.
 */
class OrchestratorSigtermTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String TOKEN = "pm-token-of-frank";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String REQUEST = """
            {"id": 7, "service_name": "billing", "title": "Invoices in PDF",
             "markdown_files": [{"filename": "task.md", "content": "# Invoices in PDF\\n\\n## Acceptance Criteria\\n- a PDF per invoice\\n"},
                                {"filename": "design-spec.md", "content": "# Design\\n\\nUse a template.\\n"}]}
            """;

    @TempDir
    Path temp;

    @Test
    @Timeout(240)
    void sigtermGivesHelmItsGraceThenCancelsAndRecordsTheAttemptAsCancelled() throws Exception {
        String namespace = "orch-term-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        Path helm = HangingHelm.writeInto(temp.resolve("bin"));
        Path tokens = temp.resolve("tokens");
        Files.writeString(tokens, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(TOKEN.getBytes(StandardCharsets.UTF_8))) + " frank\n");
        Path data = temp.resolve("data");

        Process service = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
                "io.taskconsole.Launcher", "serve", "--bind", "127.0.0.1", "--port", "0", "--tokens", tokens.toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", namespace, "--helm", helm.toString(),
                "--max-concurrent-helm", "1", "--queue", "0", "--grace-period", "2s", "--data-dir", data.toString())
                .start();
        service.getOutputStream().close();
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        collect(service.getInputStream(), out);
        collect(service.getErrorStream(), err);
        try {
            URI base = URI.create("http://127.0.0.1:" + awaitPort(out, err));
            HttpClient http = HttpClient.newHttpClient();
            CompletableFuture<HttpResponse<String>> first = http.sendAsync(post(base), HttpResponse.BodyHandlers.ofString());
            awaitHelmRunning(helm, out, err);

            HttpResponse<String> busy = http.send(post(base), HttpResponse.BodyHandlers.ofString());
            assertThat(busy.statusCode()).as(busy.body()).isEqualTo(503);
            assertThat(busy.headers().firstValue("Retry-After")).isPresent();
            assertThat(JSON.readTree(busy.body()).path("detail").asString()).contains("helm is already running");

            service.toHandle().destroy(); // SIGTERM
            HttpResponse<String> answered = first.get(120, TimeUnit.SECONDS);
            assertThat(answered.statusCode()).as(answered.body()).isEqualTo(503);
            JsonNode problem = JSON.readTree(answered.body());
            assertThat(problem.path("detail").asString()).contains("Attempt 1 was cancelled");
            assertThat(service.waitFor(90, TimeUnit.SECONDS)).as("the service ended: %s %s", out, err).isTrue();
        } finally {
            service.destroyForcibly();
        }

        assertThat(SERVER.client().configMaps().inNamespace(namespace).withName("billing-task-7-run-1-files").get()
                .getMetadata().getAnnotations()).containsEntry("task-console.io/result", "cancelled");
        assertThat(new AttemptHistory(data.resolve("billing").resolve("7")).list()).singleElement()
                .extracting(AttemptRecord::status).isEqualTo(AttemptResult.CANCELLED);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(helm.toString())))
                .as("no helm process is left running").isEmpty();
        assertThat(out).as("one access-log line per request").filteredOn(l -> l.startsWith("POST /api/v1/pm/tasks "))
                .hasSize(2).anySatisfy(l -> assertThat(l).startsWith("POST /api/v1/pm/tasks 503 ").endsWith(" user=frank"));
        assertThat(String.join("\n", out) + String.join("\n", err)).doesNotContain(TOKEN).doesNotContain("Use a template");
    }

    private static HttpRequest post(URI base) {
        return HttpRequest.newBuilder(base.resolve("/api/v1/pm/tasks")).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(REQUEST)).build();
    }

    private static int awaitPort(List<String> out, List<String> err) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            for (String line : out) {
                var m = java.util.regex.Pattern.compile("Listening on [^ ]+:(\\d+)").matcher(line);
                if (m.find()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not say where it listens: " + out + " " + err);
    }

    private static void awaitHelmRunning(Path helm, List<String> out, List<String> err) throws InterruptedException {
        for (int i = 0; i < 900; i++) {
            if (ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(helm.toString())
                    && p.info().commandLine().orElse("").contains("upgrade"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("helm never started: " + out + " " + err);
    }

    private static void collect(InputStream stream, List<String> lines) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        }, "serve-output");
        reader.setDaemon(true);
        reader.start();
    }
}
