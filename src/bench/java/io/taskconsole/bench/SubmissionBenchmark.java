package io.taskconsole.bench;

import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * What the app adds to a submission: Task Console's {@code submit} (in-process, as the GUI calls it:
 * validation, attempt files, attempt numbering, workspace claim, ConfigMap, then the real
 * {@code helm upgrade --install}) against doing the two steps by hand, {@code kubectl create
 * configmap --from-file} and {@code helm upgrade --install}, against the same test API server.
 */
final class SubmissionBenchmark {

    private final int runs;

    SubmissionBenchmark(int runs) {
        this.runs = runs;
    }

    void run(StringBuilder report) throws IOException, InterruptedException {
        Path helm = ToolBinaries.find("helm", "taskconsole.helm").orElseThrow(() -> new IllegalStateException("helm not found"));
        Path kubectl = ToolBinaries.find("kubectl", "taskconsole.kubectl")
                .orElseThrow(() -> new IllegalStateException("kubectl not found"));
        Path chart = Path.of(System.getProperty("taskconsole.chart.dir", "charts/claude-code")).toAbsolutePath();
        try (TestKubeApiServer server = TestKubeApiServer.start()) {
            Path dir = Files.createTempDirectory("taskconsole-bench-submit");
            server.createAttemptNamespace("orchestrator");
            Path kubeconfig = server.writeKubeconfig(dir, "bench", "orchestrator");
            TaskDraft draft = SampleTask.create(dir.resolve("workspace"));
            Path byHandFiles = Files.createDirectories(dir.resolve("by-hand"));
            for (TaskFile file : draft.files()) {
                Files.writeString(byHandFiles.resolve(file.name()), file.content());
            }

            List<Long> app = new ArrayList<>();
            List<Long> byHand = new ArrayList<>();
            int attempt = 1000;
            for (int i = 0; i <= runs; i++) {
                long appMs = timeApp(draft, kubeconfig, chart, helm);
                long handMs = timeByHand(draft, ++attempt, kubeconfig, chart, helm, kubectl, byHandFiles);
                if (i > 0) {
                    app.add(appMs);
                    byHand.add(handMs);
                }
                System.out.printf("Submission run %d/%d%s: app %d ms, by hand %d ms%n", i, runs,
                        i == 0 ? " (warm-up, not counted)" : "", appMs, handMs);
            }
            app.sort(Long::compare);
            byHand.sort(Long::compare);
            report.append("One attempt of the sample task against `TestKubeApiServer` (HTTPS on 127.0.0.1), real helm ")
                    .append("and kubectl, chart from `charts/claude-code`; ").append(runs)
                    .append(" runs each after one uncounted warm-up, alternately; median (min–max) in ms. ")
                    .append("The app's figure is `task-console submit` run in-process (a warm JVM, as in the GUI).\n\n");
            report.append("| | Time (ms) |\n|---|---|\n");
            report.append("| Task Console `submit` (ConfigMap + claim + `helm upgrade --install`) | ").append(summary(app)).append(" |\n");
            report.append("| By hand: `kubectl create configmap` + `helm upgrade --install` | ").append(summary(byHand)).append(" |\n");
            report.append("| Ratio (medians) | ").append(String.format(Locale.ROOT, "%.2f×",
                    (double) app.get(app.size() / 2) / byHand.get(byHand.size() / 2))).append(" |\n\n");
        }
    }

    private static long timeApp(TaskDraft draft, Path kubeconfig, Path chart, Path helm) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        long start = System.nanoTime();
        int exit = TaskConsoleCli.run(new PrintWriter(out, true), new PrintWriter(err, true), "submit",
                draft.folder().toString(), "--kubeconfig", kubeconfig.toString(), "--chart", chart.toString(),
                "--helm", helm.toString());
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (exit != 0) {
            throw new IllegalStateException("task-console submit failed (" + exit + "): " + err + out);
        }
        return ms;
    }

    private static long timeByHand(TaskDraft draft, int attempt, Path kubeconfig, Path chart, Path helm, Path kubectl,
                                   Path files) throws IOException, InterruptedException {
        ResourceNames names = new ResourceNames(draft.info().service(), draft.info().id(), attempt);
        List<String> createConfigMap = new ArrayList<>(List.of(kubectl.toString(), "--kubeconfig", kubeconfig.toString(),
                "-n", "orchestrator", "create", "configmap", names.configMapName()));
        for (TaskFile file : draft.files()) {
            createConfigMap.add("--from-file=" + file.name() + "=" + files.resolve(file.name()));
        }
        List<String> install = List.of(helm.toString(), "upgrade", "--install", names.releaseName(), chart.toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", "orchestrator",
                "--set", "task.id=" + draft.info().id().value(),
                "--set", "task.service=" + draft.info().service().value(),
                "--set", "task.attempt=" + attempt,
                "--set", "task.configMap=" + names.configMapName());
        long start = System.nanoTime();
        exec(createConfigMap);
        exec(install);
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed: " + output);
        }
    }

    private static String summary(List<Long> sorted) {
        return sorted.get(sorted.size() / 2) + " (" + sorted.get(0) + "–" + sorted.get(sorted.size() - 1) + ")";
    }
}
