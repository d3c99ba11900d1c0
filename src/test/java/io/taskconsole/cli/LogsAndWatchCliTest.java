package io.taskconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.follow.Reasons;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.JobPods;
import io.taskconsole.testkube.TestKubeApiServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code task-console logs} and {@code attempts --watch} against the test API server, with attempts as
 * a submission leaves them (the ConfigMap built by the product, the chart's Job) and pods, logs and
 * statuses written as the controllers would.
 */
class LogsAndWatchCliTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static int namespaces;

    @TempDir
    Path temp;
    private String ns;
    private Path kubeconfig;
    private TaskDraft task;
    private JobPods kube;

    @BeforeEach
    void cluster() {
        ns = "cli-logs-" + (++namespaces) + "-" + ProcessHandle.current().pid();
        SERVER.createAttemptNamespace(ns);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "lab", ns);
        task = SampleTask.create(temp.resolve("tasks"));
        kube = new JobPods(SERVER, ns);
    }

    @AfterEach
    void clean() {
        SERVER.podLogs().clear(ns);
        SERVER.deleteNamespace(ns);
    }

    private ResourceNames attempt(int n) {
        ResourceNames names = new ResourceNames(task.info().service(), task.info().id(), n);
        SERVER.client().configMaps().inNamespace(ns).resource(AttemptConfigMaps.build(names, ns,
                Map.of("task.md", "# task\n".getBytes(StandardCharsets.UTF_8)))).create();
        kube.createJob(names.jobName());
        return names;
    }

    private CliRun logs(String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("logs", task.folder().toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", ns));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void logsPrintsTheAgentsLogAndExitsZeroWhenTheAttemptSucceededAndOneWhenItFailed() throws Exception {
        ResourceNames ok = attempt(1);
        String okPod = ok.jobName() + "-ok123";
        kube.startPod(ok.jobName(), okPod);
        SERVER.podLogs().append(ns, okPod, "agent", "{\"type\":\"system\",\"subtype\":\"init\"}", "done");
        kube.podStatus(okPod, "Succeeded", List.of(), List.of(JobPods.terminated("agent", "Completed", 0, null)));
        kube.jobStatus(ok.jobName(), new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).build());

        ResourceNames bad = attempt(2);
        String badPod = bad.jobName() + "-bad45";
        kube.startPod(bad.jobName(), badPod);
        SERVER.podLogs().append(ns, badPod, "agent", "cannot reach the repository");
        kube.podStatus(badPod, "Failed", List.of(), List.of(JobPods.terminated("agent", "Error", 2, null)));
        kube.jobStatus(bad.jobName(), new JobStatusBuilder().withFailed(1).withConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded")
                .withMessage("Job has reached the specified backoff limit").build()).build());

        CliRun succeeded = logs("--attempt", "1", "--raw");
        assertThat(succeeded.exitCode()).as(succeeded.toString()).isZero();
        assertThat(succeeded.out()).isEqualTo("{\"type\":\"system\",\"subtype\":\"init\"}\ndone\n");

        CliRun failed = logs("--raw");
        assertThat(failed.exitCode()).as("the latest attempt, 2, failed: " + failed).isEqualTo(1);
        assertThat(failed.out()).isEqualTo("cannot reach the repository\n");
        assertThat(failed.err()).contains("attempt 2 failed")
                .contains(Reasons.explain("Error", new Reasons.Subject("agent", null, 2, null)))
                .contains("`job.backoffLimit`");

        CliRun wrong = logs("--attempt", "2", "--container", "agnet");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(wrong.err()).contains("no container 'agnet'").contains("fetch-source, prepare-workspace, agent");

        Path copy = task.folder().resolve(".history/logs/" + ns + "-run-1-" + okPod + "-agent.log");
        assertThat(Files.readAllLines(copy)).hasSize(2).last().asString().endsWith(" done");

        SERVER.client().pods().inNamespace(ns).withName(okPod).delete();
        CliRun afterTtl = logs("--attempt", "1", "--raw");
        assertThat(afterTtl.out()).as("the copy, once the pod is gone").isEqualTo(succeeded.out());
        assertThat(afterTtl.err()).contains("can no longer be fetched").contains(copy.toString());
    }

    /** The agent's log followed by 'logs' is the one the acceptance report is read from, after the pod is gone too. */
    @Test
    void theFollowedAgentLogGivesTheAttemptsItsAcceptanceReport() throws Exception {
        ResourceNames first = attempt(1);
        String pod = first.jobName() + "-ok77";
        kube.startPod(first.jobName(), pod);
        SERVER.podLogs().append(ns, pod, "agent", io.taskconsole.transcript.TranscriptFixture.lines().toArray(String[]::new));
        kube.podStatus(pod, "Succeeded", List.of(), List.of(JobPods.terminated("agent", "Completed", 0, null)));
        kube.jobStatus(first.jobName(), new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).build());
        CliRun transcript = logs("--attempt", "1");
        assertThat(transcript.exitCode()).as(transcript.toString()).isZero();
        List<io.taskconsole.transcript.TranscriptEntry> entries = io.taskconsole.transcript.TranscriptParser.parseAll(
                io.taskconsole.transcript.TranscriptFixture.lines());
        assertThat(transcript.out()).as("the readable transcript, not stream-json")
                .startsWith(io.taskconsole.transcript.TranscriptText.header(entries.get(0)))
                .contains(io.taskconsole.transcript.TranscriptText.header(entries.get(entries.size() - 1)));
        SERVER.client().pods().inNamespace(ns).withName(pod).delete();

        CliRun attempts = CliRun.of("attempts", task.folder().toString(), "--kubeconfig", kubeconfig.toString(), "-n", ns);

        assertThat(attempts.out().lines().skip(1).findFirst().orElseThrow()).as(attempts.toString()).endsWith("6/9 met");
    }

    @Test
    void logsFollowWaitsForTheAttemptToEnd() throws Exception {
        ResourceNames names = attempt(1);
        String pod = names.jobName() + "-run01";
        kube.startPod(names.jobName(), pod);
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).build());
        kube.podStatus(pod, "Running", List.of(), List.of(JobPods.running("agent")));
        SERVER.podLogs().append(ns, pod, "agent", "working");

        CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(() -> logs("-f", "--raw"));
        SERVER.podLogs().append(ns, pod, "agent", "still working");
        assertThat(run).as("still following").isNotDone();
        SERVER.podLogs().append(ns, pod, "agent", "finished");
        kube.podStatus(pod, "Succeeded", List.of(), List.of(JobPods.terminated("agent", "Completed", 0, null)));
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withSucceeded(1).build());

        CliRun done = run.get(60, TimeUnit.SECONDS);
        assertThat(done.exitCode()).as(done.toString()).isZero();
        assertThat(done.out()).isEqualTo("working\nstill working\nfinished\n");
    }

    @Test
    void attemptsWatchUpdatesTheTableUntilEveryAttemptIsFinished() throws Exception {
        ResourceNames first = attempt(1);
        ResourceNames second = attempt(2);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> TaskConsoleCli.run(new PrintWriter(out, true),
                new PrintWriter(err, true), "attempts", task.folder().toString(), "--kubeconfig", kubeconfig.toString(),
                "-n", ns, "--watch"));
        await(() -> out.toString().lines().count() >= 3, out);
        assertThat(out.toString().lines().toList()).element(1).asString().startsWith("* 2 ").contains("Pending");

        String pod = first.jobName() + "-pull1";
        kube.startPod(first.jobName(), pod);
        kube.jobStatus(first.jobName(), new JobStatusBuilder().withActive(1).withStartTime("2026-12-04T10:00:00Z").build());
        kube.podStatus(pod, "Pending", List.of(), List.of(JobPods.waiting("agent", "ErrImagePull", "pull access denied")));
        await(() -> out.toString().contains("agent: ErrImagePull"), out);

        kube.jobStatus(first.jobName(), new JobStatusBuilder().withFailed(1).withStartTime("2026-12-04T10:00:00Z")
                .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True").withReason("DeadlineExceeded")
                        .withLastTransitionTime("2026-12-04T12:00:00Z").build()).build());
        kube.jobStatus(second.jobName(), new JobStatusBuilder().withSucceeded(1).withStartTime("2026-12-04T10:00:00Z")
                .withCompletionTime("2026-12-04T10:05:30Z").withConditions(new JobConditionBuilder().withType("Complete")
                        .withStatus("True").build()).build());

        assertThat(run.get(60, TimeUnit.SECONDS)).as(out + "\n" + err).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines.stream().filter(l -> l.matches("\\*? *1 .*")).map(String::strip).toList())
                .as(out.toString())
                .satisfies(rows -> assertThat(rows.get(0)).contains("Pending"))
                .anySatisfy(row -> assertThat(row).contains("Running").contains("agent: ErrImagePull"))
                .satisfies(rows -> assertThat(rows.get(rows.size() - 1)).startsWith("1 ")
                        .contains("2026-12-04 10:00:00Z").contains("2h00m").contains("Failed"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("  2 ").contains("5m30s").contains("Succeeded"));
        assertThat(out.toString()).contains(Reasons.explain("ErrImagePull",
                new Reasons.Subject("agent", "ghcr.io/example/claude-code:1", null, "pull access denied")));
    }

    private static void await(BooleanSupplier condition, StringWriter out) throws InterruptedException {
        for (int i = 0; i < 600 && !condition.getAsBoolean(); i++) {
            Thread.sleep(50);
        }
        assertThat(condition.getAsBoolean()).as("waited for (hang guard):\n" + out).isTrue();
    }
}
