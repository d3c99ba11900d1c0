package io.taskconsole.bench;

import io.taskconsole.app.TaskService;
import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.server.OrchestratorServer;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submissions through the orchestrator service (a real socket, the JDK client, the same sample
 * task as the original request shape) at 1, 4 and 16 concurrent clients, against the same
 * submissions made by the in-process CLI path one after another, in one run against one test API
 * server with the real helm. The service runs in this JVM with its default helm pool of 4.
 */
final class ServiceBenchmark {

    private static final String TOKEN = "bench-token";
    private static final int CORES = Runtime.getRuntime().availableProcessors();
    /** Rounds of one CLI and one service submission before anything is measured. */
    private static final int WARM_UP_ROUNDS = 8;
    /** No latency (this machine's CPU decides), then one like a real API server's. */
    private static final List<Duration> LATENCIES = List.of(Duration.ZERO, Duration.ofMillis(10));
    private final int submissions;

    /** @param submissions how many submissions each level makes (split across its clients) */
    ServiceBenchmark(int submissions) {
        this.submissions = submissions;
    }

    void run(StringBuilder report) throws Exception {
        Path helm = ToolBinaries.find("helm", "taskconsole.helm").orElseThrow(() -> new IllegalStateException("helm not found"));
        Path chart = Path.of(System.getProperty("taskconsole.chart.dir", "charts/claude-code")).toAbsolutePath();
        try (TestKubeApiServer server = TestKubeApiServer.start()) {
            Path dir = Files.createTempDirectory("taskconsole-bench-service");
            server.createAttemptNamespace("orchestrator");
            Path kubeconfig = server.writeKubeconfig(dir, "bench", "orchestrator");
            TaskDraft draft = SampleTask.create(dir.resolve("workspace"));
            Path tokens = dir.resolve("tokens");
            Files.writeString(tokens, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(TOKEN.getBytes(StandardCharsets.UTF_8))) + " bench\n");
            KubeTarget target = new KubeTarget(kubeconfig, "bench", "orchestrator");
            OrchestratorServer service = new OrchestratorServer(new OrchestratorServer.Settings("127.0.0.1", 0, target,
                    new SubmitSettings(target, ChartSource.parse(chart.toString()), helm, Duration.ofMinutes(2), false,
                            null, null, null), tokens, 4, 64, dir.resolve("service-data"), 4L << 20),
                    TaskService.forSystem(), line -> { });
            URI base = URI.create("http://127.0.0.1:" + service.start());
            String body = request(draft);
            Runnable cliSubmission = () -> submitWithCli(draft, kubeconfig, chart, helm);
            try {
                // Both paths run the same code (the application layer, fabric8, helm's process), so
                // one warm-up serves both: it takes the JIT past the first compilations, which
                // otherwise cost the first row the most CPU and make the rows unequal.
                HttpClient warm = HttpClient.newHttpClient();
                for (int i = 0; i < WARM_UP_ROUNDS; i++) {
                    cliSubmission.run();
                    post(warm, base, body);
                }
                report.append(submissions).append(" submissions of the sample task per row against `TestKubeApiServer`, real ")
                        .append("helm, chart from `charts/claude-code`; the service in this JVM (helm pool 4), called over ")
                        .append("127.0.0.1 with the JDK client, the clients splitting the submissions between them; the CLI ")
                        .append("path is `task-console submit` in-process, one after another; ").append(WARM_UP_ROUNDS)
                        .append(" submissions of each path before the first row. Latency in ms. *CPU per ")
                        .append("submission* is this JVM's CPU time and its children's (helm) over the row, divided by the ")
                        .append("submissions (*of which helm*: the children's alone; the rest is this JVM: the service or CLI, the test ")
                        .append("API server and the JDK client): with ").append(CORES).append(" cores, no row's wall time can fall below ")
                        .append("its CPU total / ").append(CORES).append(" (*CPU floor*).\n\n");
                for (Duration latency : LATENCIES) {
                    server.setResponseLatency(latency);
                    report.append(latency.isZero()
                            ? "**The test API server answering at once** (microseconds per call, and its CPU on this machine's cores).\n\n"
                            : "**Every API call answered after " + latency.toMillis() + " ms**, as a real API server's network round "
                            + "trip and etcd write take time (`TestKubeApiServer.setResponseLatency`).\n\n");
                    measure(report, cliSubmission, base, body);
                }
            } finally {
                server.setResponseLatency(Duration.ZERO);
                service.stop(Duration.ofSeconds(10));
            }
        }
    }

    /** The CLI row and the service's rows at one API latency, and the two ratios the goals name. */
    private void measure(StringBuilder report, Runnable cliSubmission, URI base, String body) throws Exception {
        List<Long> cli = new ArrayList<>();
        long cliCpu = ProcessCpu.millis();
        long cliHelm = ProcessCpu.childMillis();
        long cliStart = System.nanoTime();
        for (int i = 0; i < submissions; i++) {
            long start = System.nanoTime();
            cliSubmission.run();
            cli.add(ms(System.nanoTime() - start));
        }
        long cliWall = ms(System.nanoTime() - cliStart);
        cliCpu = ProcessCpu.millis() - cliCpu;
        cliHelm = ProcessCpu.childMillis() - cliHelm;

        Map<Integer, List<Long>> latencies = new LinkedHashMap<>();
        Map<Integer, Long> walls = new LinkedHashMap<>();
        Map<Integer, Long> cpus = new LinkedHashMap<>();
        Map<Integer, Long> helmCpus = new LinkedHashMap<>();
        for (int clients : new int[] {1, 4, 16}) {
            List<Long> times = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            HttpClient http = HttpClient.newHttpClient();
            long cpu = ProcessCpu.millis();
            long helmCpu = ProcessCpu.childMillis();
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int share = submissions / clients + (c < submissions % clients ? 1 : 0);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < share; i++) {
                        times.add(post(http, base, body));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            walls.put(clients, ms(System.nanoTime() - start));
            cpus.put(clients, ProcessCpu.millis() - cpu);
            helmCpus.put(clients, ProcessCpu.childMillis() - helmCpu);
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
            List<Long> sorted = new ArrayList<>(times);
            sorted.sort(Long::compare);
            latencies.put(clients, sorted);
            System.out.printf("Service, %d clients: %d submissions in %d ms%n", clients, sorted.size(), walls.get(clients));
        }
        cli.sort(Long::compare);
        report.append("| | submissions/s | p50 | p99 | wall (ms) | CPU per submission (ms) | of which helm | CPU floor (ms) |\n")
                .append("|---|---|---|---|---|---|---|---|\n");
        report.append(row("In-process CLI, sequential", cli, cliWall, cliCpu, cliHelm));
        for (Map.Entry<Integer, List<Long>> level : latencies.entrySet()) {
            report.append(row("Service, " + level.getKey() + " client" + (level.getKey() == 1 ? "" : "s"),
                    level.getValue(), walls.get(level.getKey()), cpus.get(level.getKey()), helmCpus.get(level.getKey())));
        }
        report.append(String.format(Locale.ROOT, "%nService p50 at 1 client / CLI p50: %.2f× (goal ≤ 1.10×). "
                + "%d sequential CLI submissions / the service at 16 clients, wall time: %.2f× faster (goal ≥ 3×).%n%n",
                (double) p(latencies.get(1), 50) / p(cli, 50), submissions, (double) cliWall / walls.get(16)));
    }

    private static String row(String name, List<Long> sorted, long wall, long cpu, long helmCpu) {
        return String.format(Locale.ROOT, "| %s | %.2f | %d | %d | %d | %s | %s | %s |%n", name, sorted.size() * 1000.0 / wall,
                p(sorted, 50), p(sorted, 99), wall, cpu < 0 ? "n/a" : String.valueOf(cpu / sorted.size()),
                helmCpu < 0 ? "n/a" : String.valueOf(helmCpu / sorted.size()),
                cpu < 0 ? "n/a" : String.valueOf(cpu / CORES));
    }

    private static long p(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void submitWithCli(TaskDraft draft, Path kubeconfig, Path chart, Path helm) {
        StringWriter out = new StringWriter();
        int exit = TaskConsoleCli.run(new PrintWriter(out, true), new PrintWriter(out, true), "submit",
                draft.folder().toString(), "--kubeconfig", kubeconfig.toString(), "--chart", chart.toString(),
                "--helm", helm.toString());
        if (exit != 0) {
            throw new IllegalStateException("task-console submit failed (" + exit + "): " + out);
        }
    }

    private static long post(HttpClient http, URI base, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve("/api/v1/pm/tasks"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("the service answered " + response.statusCode() + ": " + response.body());
        }
        return ms(System.nanoTime() - start);
    }

    /** The sample task as the original orchestrator's clients send it. */
    private static String request(TaskDraft draft) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", draft.info().id().value());
        body.put("service_name", draft.info().service().value());
        body.put("title", draft.info().title());
        List<Map<String, String>> files = new ArrayList<>();
        for (TaskFile file : draft.files()) {
            files.add(Map.of("filename", file.name(), "content", file.content()));
        }
        body.put("markdown_files", files);
        return JsonMapper.builder().build().writeValueAsString(body);
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
