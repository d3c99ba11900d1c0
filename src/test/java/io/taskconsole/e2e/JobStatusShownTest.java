package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Job statuses written on the test API server, as the Job controller would write them, reach the
 * console's Attempts list and {@code task-console attempts} as Running, Succeeded and Failed.
 */
class JobStatusShownTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();

    @TempDir
    Path temp;

    @Test
    void runningSucceededAndFailedJobsAreShownInTheConsoleAndTheCli() {
        RealCoreModels console = RealCoreModels.onTestApiServer(temp, SERVER, "jobs");
        String namespace = console.namespace();
        Path kubeconfig = Path.of(console.cluster.kubeconfigProperty().get());
        for (int i = 0; i < 3; i++) {
            console.submit.submit();
            assertThat(console.submit.lastOutcomeProperty().get().succeeded()).as(console.log.text()).isTrue();
        }
        AttemptsViewModel attempts = new AttemptsViewModel(console.core.submit(), console.executor, console.editor,
                console.cluster, console.submit);
        attempts.refresh(true);
        assertThat(attempts.attempts()).extracting(AttemptSummary::job)
                .as("no controller has touched the Jobs yet").containsOnly(JobPhase.PENDING);

        writeStatus(namespace, 1, new JobStatusBuilder().withActive(1).withStartTime("2026-12-04T10:00:00Z").build());
        writeStatus(namespace, 2, new JobStatusBuilder().withSucceeded(1).withStartTime("2026-12-04T10:00:00Z")
                .withCompletionTime("2026-12-04T10:05:00Z").withConditions(new JobConditionBuilder()
                        .withType("Complete").withStatus("True").build()).build());
        writeStatus(namespace, 3, new JobStatusBuilder().withFailed(1).withConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded").build()).build());

        attempts.refresh(true);
        assertThat(attempts.attempts()).extracting(a -> a.number() + " " + a.job().label())
                .containsExactly("3 Failed", "2 Succeeded", "1 Running");

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskConsoleCli.run(new PrintWriter(out), new PrintWriter(err), "attempts",
                console.task.folder().toString(), "--kubeconfig", kubeconfig.toString(), "-n", namespace);
        assertThat(code).as(out + "\n" + err).isZero();
        List<String> rows = out.toString().lines().skip(1).toList();
        assertThat(rows).hasSize(3);
        // The JOB column, then REPORT: "-" while no agent log of the attempt is kept.
        assertThat(rows.get(0)).matches("3 .* Failed +-");
        assertThat(rows.get(1)).matches("2 .* Succeeded +-");
        assertThat(rows.get(2)).matches("1 .* Running +-");

        StringWriter jsonOut = new StringWriter();
        int jsonCode = TaskConsoleCli.run(new PrintWriter(jsonOut), new PrintWriter(new StringWriter()), "attempts",
                console.task.folder().toString(), "--kubeconfig", kubeconfig.toString(), "-n", namespace, "-o", "json");
        assertThat(jsonCode).isZero();
        tools.jackson.databind.JsonNode doc = tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(jsonOut.toString());
        assertThat(doc.path("task_id").asLong()).isEqualTo(1001);
        assertThat(doc.path("cluster_problem").isNull()).isTrue();
        assertThat(doc.path("attempts").valueStream().map(a -> a.path("attempt").asInt() + " " + a.path("job").asString()
                + " " + a.path("submission").asString() + " " + a.path("release").asString()))
                .containsExactly("3 failed succeeded auth-service-task-1001-run-3",
                        "2 succeeded succeeded auth-service-task-1001-run-2",
                        "1 running succeeded auth-service-task-1001-run-1");
    }

    @Test
    void theAttemptsListFollowsAJobLiveWhileItIsShown() throws Exception {
        RealCoreModels console = RealCoreModels.onTestApiServer(temp, SERVER, "jobs-live");
        String namespace = console.namespace();
        console.submit.submit();
        assertThat(console.submit.lastOutcomeProperty().get().succeeded()).as(console.log.text()).isTrue();
        AttemptsViewModel attempts = new AttemptsViewModel(console.core.submit(), console.executor, console.editor,
                console.cluster, console.submit);
        java.util.concurrent.LinkedBlockingQueue<io.taskconsole.follow.AttemptState> reported =
                new java.util.concurrent.LinkedBlockingQueue<>();
        attempts.liveStates().addListener((javafx.collections.MapChangeListener<Integer, io.taskconsole.follow.AttemptState>)
                change -> reported.add(change.getValueAdded()));
        attempts.visibleProperty().set(true);
        assertThat(reported.poll(30, java.util.concurrent.TimeUnit.SECONDS)).as("the watch's first report")
                .extracting(io.taskconsole.follow.AttemptState::phase).isEqualTo(JobPhase.PENDING);

        writeStatus(namespace, 1, new JobStatusBuilder().withFailed(1).withConditions(new JobConditionBuilder()
                .withType("Failed").withStatus("True").withReason("BackoffLimitExceeded").build()).build());

        io.taskconsole.follow.AttemptState state;
        do {
            state = reported.poll(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(state).as("a report of the failure (hang guard)").isNotNull();
        } while (state.phase() != JobPhase.FAILED);
        assertThat(attempts.attempts()).extracting(a -> a.number() + " " + a.job().label()).containsExactly("1 Failed");
        assertThat(state.problems()).anyMatch(p -> p.contains("`job.backoffLimit`"));
        attempts.visibleProperty().set(false);
    }

    private static void writeStatus(String namespace, int attempt, io.fabric8.kubernetes.api.model.batch.v1.JobStatus status) {
        Job job = SERVER.client().batch().v1().jobs().inNamespace(namespace)
                .withName("auth-service-task-1001-run-" + attempt).get();
        assertThat(job).as("attempt " + attempt + "'s Job").isNotNull();
        job.setStatus(status);
        SERVER.client().batch().v1().jobs().inNamespace(namespace).resource(job).updateStatus();
    }
}
