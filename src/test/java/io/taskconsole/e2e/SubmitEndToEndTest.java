package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI against the test API server with the real helm and the project's chart: what a user
 * scripting Task Console sees, checked with fabric8, kubectl and helm.
 */
class SubmitEndToEndTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    @TempDir
    Path temp;

    private String namespace;
    private Path kubeconfig;
    private Path helm;
    private TaskDraft task;

    @BeforeEach
    void setUp() {
        helm = ToolBinaries.helm();
        namespace = "e2e-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        task = SampleTask.create(temp.resolve("tasks"));
    }

    @AfterEach
    void tearDown() {
        SERVER.clearFaults();
    }

    @Test
    void submitCreatesTheConfigMapWithAllFilesAndInstallsTheRelease() {
        Run run = cli("submit", task.folder().toString());

        assertThat(run.code).as(run.toString()).isZero();
        assertThat(run.out).contains("Attempt 1 of task 1001 submitted");
        ConfigMap cm = client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-1-files").get();
        assertThat(cm).isNotNull();
        assertThat(cm.getImmutable()).isTrue();
        assertThat(cm.getData()).containsOnlyKeys("task.md", "design-spec.md", "acceptance-criteria.md", "prompt.md",
                "metadata.yaml");
        assertThat(cm.getData().get("task.md")).isEqualTo(task.file("task.md").orElseThrow().content());
        assertThat(cm.getData().get("acceptance-criteria.md")).contains("AC-1", "AC-4.1");
        assertThat(cm.getData().get("metadata.yaml")).contains("attempt: 1", "kubeContext: test-context",
                "namespace: " + namespace);
        assertThat(cm.getMetadata().getLabels()).containsEntry("taskconsole.io/attempt", "1")
                .containsEntry("taskconsole.io/task-id", "1001").containsEntry("taskconsole.io/service", "auth-service");

        Job job = client().batch().v1().jobs().inNamespace(namespace).withName("auth-service-task-1001-run-1").get();
        assertThat(job).as("the chart's Job").isNotNull();
        assertThat(job.getSpec().getTemplate().getSpec().getVolumes())
                .anySatisfy(v -> assertThat(v.getConfigMap() == null ? null : v.getConfigMap().getName())
                        .isEqualTo("auth-service-task-1001-run-1-files"));
        assertThat(client().persistentVolumeClaims().inNamespace(namespace).withName("auth-service-workspace").get())
                .as("the service's workspace volume, created outside any release").isNotNull();

        ToolResult list = ToolRun.of(helm, "list", "--kubeconfig", kubeconfig.toString(), "-n", namespace, "-q")
                .timeout(Duration.ofSeconds(60)).run();
        assertThat(list.output()).contains("auth-service-task-1001-run-1");
        ToolResult status = ToolRun.of(helm, "status", "auth-service-task-1001-run-1", "--kubeconfig",
                kubeconfig.toString(), "-n", namespace).timeout(Duration.ofSeconds(60)).run();
        assertThat(status.output()).contains("STATUS: deployed");
        ToolResult kubectl = ToolRun.of(ToolBinaries.kubectl(), "--kubeconfig", kubeconfig.toString(), "-n", namespace,
                "get", "configmaps", "-l", "taskconsole.io/task-id=1001", "-o", "name").timeout(Duration.ofSeconds(60)).run();
        assertThat(kubectl.output()).contains("configmap/auth-service-task-1001-run-1-files");
        assertThat(run.out + run.err).doesNotContain(tokenOf(kubeconfig));
    }

    @Test
    void retryMakesAttemptTwoFromAttemptOnesFilesAndLeavesAttemptOneUntouched() {
        assertThat(cli("submit", task.folder().toString()).code).isZero();
        ConfigMap first = client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-1-files").get();
        Job firstJob = client().batch().v1().jobs().inNamespace(namespace).withName("auth-service-task-1001-run-1").get();

        Run retry = cli("retry", task.folder().toString());

        assertThat(retry.code).as(retry.toString()).isZero();
        ConfigMap second = client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-2-files").get();
        assertThat(second).isNotNull();
        for (String file : List.of("task.md", "design-spec.md", "acceptance-criteria.md", "prompt.md")) {
            assertThat(second.getData().get(file)).as(file).isEqualTo(first.getData().get(file));
        }
        assertThat(second.getData().get("metadata.yaml")).contains("attempt: 2", "previousAttempt: 1");
        ConfigMap firstAfter = client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-1-files").get();
        assertThat(firstAfter.getMetadata().getResourceVersion()).isEqualTo(first.getMetadata().getResourceVersion());
        Job firstJobAfter = client().batch().v1().jobs().inNamespace(namespace).withName("auth-service-task-1001-run-1").get();
        assertThat(firstJobAfter.getMetadata().getResourceVersion()).isEqualTo(firstJob.getMetadata().getResourceVersion());
        assertThat(client().batch().v1().jobs().inNamespace(namespace).withName("auth-service-task-1001-run-2").get())
                .isNotNull();
        ToolResult history = ToolRun.of(helm, "history", "auth-service-task-1001-run-1", "--kubeconfig",
                kubeconfig.toString(), "-n", namespace).timeout(Duration.ofSeconds(60)).run();
        assertThat(history.output().lines().filter(l -> l.matches("^\\d+\\s.*")).count())
                .as("attempt 1's release still has one revision").isEqualTo(1);

        Run attempts = cli("attempts", task.folder().toString());
        assertThat(attempts.out).contains("auth-service-task-1001-run-1", "auth-service-task-1001-run-2", "deployed");
    }

    @Test
    void retryWithoutClusterOptionsGoesWhereTheAttemptWent() {
        assertThat(cli("submit", task.folder().toString()).code).isZero();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = TaskConsoleCli.run(new PrintWriter(out), new PrintWriter(err), "retry", task.folder().toString(),
                "--helm", helm.toString(), "--chart", CHART, "--timeout", "60s");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Retry the latest attempt where it went: test-context / " + namespace
                + " (kubeconfig " + kubeconfig.toAbsolutePath() + ")");
        assertThat(client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-2-files").get())
                .isNotNull();
    }

    @Test
    void twoRetriesAtOnceTakeDistinctAttemptNumbers() throws Exception {
        assertThat(cli("submit", task.folder().toString()).code).isZero();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Run>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> cli("retry", task.folder().toString(), "--attempt", "1")));
            }
            for (Future<Run> run : runs) {
                Run r = run.get(3, TimeUnit.MINUTES);
                assertThat(r.code).as(r.toString()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> names = client().configMaps().inNamespace(namespace).withLabel("taskconsole.io/task-id", "1001")
                .list().getItems().stream().map(cm -> cm.getMetadata().getName()).sorted().toList();
        assertThat(names).containsExactly("auth-service-task-1001-run-1-files", "auth-service-task-1001-run-2-files",
                "auth-service-task-1001-run-3-files");
    }

    @Test
    void helmFailureIsReportedWithHelmsErrorAndARetryThenWorks() throws Exception {
        Path badValues = temp.resolve("bad-values.yaml");
        Files.writeString(badValues, "agent:\n  permissionMode: yolo\n");

        Run failed = cli("submit", task.folder().toString(), "--values", badValues.toString());

        assertThat(failed.code).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err).contains("helm upgrade").contains("permissionMode");
        assertThat(client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-1-files").get())
                .as("the failed attempt keeps its number and files").isNotNull();
        String history = Files.readString(task.folder().resolve(".history/attempts.json"));
        assertThat(history).contains("\"status\" : \"FAILED\"");

        Run retry = cli("retry", task.folder().toString());
        assertThat(retry.code).as(retry.toString()).isZero();
        assertThat(retry.out).contains("Attempt 2 of task 1001 submitted");
    }

    @Test
    void forbiddenConfigMapCreateNamesTheVerbResourceAndNamespace() {
        SERVER.failWhen(FaultRule.forbid("create", "configmaps").inNamespace(namespace));

        Run run = cli("submit", task.folder().toString());

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("Permission denied: you may not create configmaps in namespace '" + namespace + "'")
                .contains("kubectl auth can-i create configmaps -n " + namespace);
        assertThat(client().batch().v1().jobs().inNamespace(namespace).list().getItems()).isEmpty();
    }

    @Test
    void missingNamespaceIsNamed() {
        Path otherConfig = SERVER.writeKubeconfig(temp.resolve("kube2"), "test-context", "no-such-ns");

        Run run = cliWith(otherConfig, "submit", task.folder().toString(), "-n", "no-such-ns");

        assertThat(run.code).isEqualTo(1);
        assertThat(run.err).contains("Namespace 'no-such-ns' does not exist");
    }

    @Test
    void submitListsEveryMissingPieceOfTheClusterWithItsFixAndCreatesNothing() throws Exception {
        client().secrets().inNamespace(namespace).withName(TestKubeApiServer.API_KEY_SECRET).delete();
        Files.writeString(task.folder().resolve("task.yaml"), Files.readString(task.folder().resolve("task.yaml"))
                + "secrets:\n  DB_PASSWORD: {secret: db, key: password}\n");

        Run run = cli("submit", task.folder().toString(), "--storage-class", "fast-ssd");

        assertThat(run.code).as(run.toString()).isEqualTo(1);
        assertThat(run.err).contains("The cluster is not ready for this task (3 problems; nothing was created)")
                .contains("kubectl create secret generic anthropic-api-key --namespace " + namespace
                        + " --from-file=api-key=<file holding the API key>")
                .contains("kubectl create secret generic db --namespace " + namespace
                        + " --from-file=password=<file holding the value>")
                .contains("Storage class 'fast-ssd' does not exist")
                .contains("--skip-preflight");
        assertThat(client().configMaps().inNamespace(namespace).list().getItems()).as("nothing was created").isEmpty();
        assertThat(client().persistentVolumeClaims().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(new AttemptHistory(task.folder()).list()).as("no attempt was taken").isEmpty();

        Run skipped = cli("submit", task.folder().toString(), "--skip-preflight");
        assertThat(skipped.code).as("--skip-preflight sends it anyway: %s", skipped).isZero();
        Run retried = cli("retry", task.folder().toString(), "--skip-preflight");
        assertThat(retried.code).as(retried.toString()).isZero();
        Run checkedRetry = cli("retry", task.folder().toString());
        assertThat(checkedRetry.code).isEqualTo(1);
        assertThat(checkedRetry.err).contains("(2 problems; nothing was created)");
    }

    @Test
    void unknownContextListsTheContextsThereAre() {
        Run run = cli("submit", task.folder().toString(), "--context", "prod");

        assertThat(run.code).isEqualTo(2);
        assertThat(run.err).contains("Context 'prod' is not in the kubeconfig").contains("test-context");
    }

    private KubernetesClient client() {
        return SERVER.client();
    }

    private Run cli(String... args) {
        return cliWith(kubeconfig, args);
    }

    private Run cliWith(Path config, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("-n")) {
            all.addAll(List.of("-n", namespace));
        }
        all.addAll(List.of("--kubeconfig", config.toString()));
        if (!args[0].equals("attempts")) { // attempts reads the cluster only: it takes no helm options
            all.addAll(List.of("--helm", helm.toString(), "--chart", CHART, "--timeout", "60s"));
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskConsoleCli.run(new PrintWriter(out), new PrintWriter(err), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    /** The bearer token the kubeconfig holds: it must never reach the user's screen. */
    private static String tokenOf(Path kubeconfig) {
        try {
            return Files.readAllLines(kubeconfig).stream().map(String::strip).filter(l -> l.startsWith("token:"))
                    .map(l -> l.substring("token:".length()).strip().replace("\"", "")).findFirst().orElseThrow();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
