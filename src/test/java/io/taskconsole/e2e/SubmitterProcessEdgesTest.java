package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.submit.AttemptResult;
import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.submit.Submitter;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.TestKubeApiServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a user sees when helm hangs, is cancelled or is missing. A scripted stand-in for helm
 * plays the hang, which the real helm can't do on demand; the cluster is the test API server.
 */
class SubmitterProcessEdgesTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();

    @TempDir
    Path temp;

    private String namespace;
    private KubeTarget target;
    private TaskDraft task;
    private Path fakeHelm;

    @BeforeEach
    void setUp() throws Exception {
        namespace = "edge-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        target = new KubeTarget(SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace), null, namespace);
        task = SampleTask.create(temp.resolve("tasks"));
        fakeHelm = HangingHelm.writeInto(temp.resolve("bin"));
    }

    @Test
    void cancelStopsAHangingHelmAndRecordsTheAttemptAsCancelled() throws Exception {
        Submitter submitter = submitter(new HelmRunner(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(5)));
        Cancellation cancel = new Cancellation();
        CountDownLatch helmStarted = new CountDownLatch(1);
        List<String> lines = new CopyOnWriteArrayList<>();
        OutputListener output = (stream, line) -> {
            lines.add(line);
            if (line.startsWith("installing")) {
                helmStarted.countDown();
            }
        };

        CompletableFuture<AttemptOutcome> running = CompletableFuture.supplyAsync(() ->
                submitter.submit(task, settings(Duration.ofMinutes(5)), PromptTemplate.defaultTemplate(), output, cancel));
        assertThat(helmStarted.await(60, TimeUnit.SECONDS)).as("helm started: %s", lines).isTrue();
        cancel.cancel();
        AttemptOutcome outcome = running.get(60, TimeUnit.SECONDS);

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.error().kind()).isEqualTo(TaskConsoleException.Kind.CANCELLED);
        assertThat(outcome.error().oneLine()).contains("Attempt 1 was cancelled", "next submission takes attempt 2");
        assertThat(outcome.helm().cancelled()).isTrue();
        assertThat(new AttemptHistory(task.folder()).list()).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo(AttemptResult.CANCELLED));
        assertThat(SERVER.client().configMaps().inNamespace(namespace).withName("auth-service-task-1001-run-1-files").get())
                .as("the cancelled attempt keeps its files, so numbers stay consistent").isNotNull();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(fakeHelm.toString())))
                .as("no helm process is left running").isEmpty();
    }

    @Test
    void aHelmThatHangsPastItsTimeoutIsStoppedAndReported() {
        Submitter submitter = submitter(new HelmRunner(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMinutes(5)));

        AttemptOutcome outcome = submitter.submit(task, settings(Duration.ofSeconds(1)), PromptTemplate.defaultTemplate(),
                (stream, line) -> { }, new Cancellation());

        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.helm().timedOut()).isTrue();
        assertThat(outcome.error().oneLine()).contains("did not finish in time");
        assertThat(outcome.record().status()).isEqualTo(AttemptResult.FAILED);
    }

    @Test
    void aMissingHelmIsReportedBeforeAnythingIsCreated() {
        Submitter submitter = submitter(new HelmRunner());
        SubmitSettings settings = new SubmitSettings(target, chart(), temp.resolve("nowhere/helm"), null, false,
                null, null, null);

        assertThatThrownBy(() -> submitter.submit(task, settings, PromptTemplate.defaultTemplate(), (s, l) -> { },
                new Cancellation()))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining(temp.resolve("nowhere/helm").toString());
        assertThat(SERVER.client().configMaps().inNamespace(namespace).list().getItems()).isEmpty();
    }

    private Submitter submitter(HelmRunner runner) {
        return new Submitter(KubeConnector.fromSystem(), HelmLocator.forSystem(), runner, Clock.systemUTC(), "tester", "test");
    }

    private SubmitSettings settings(Duration timeout) {
        return new SubmitSettings(target, chart(), fakeHelm, timeout, false, null, null, null);
    }

    private static ChartSource chart() {
        return ChartSource.parse(System.getProperty("taskconsole.chart.dir", "charts/claude-code"));
    }
}
