package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.testkube.TestKubeApiServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pending records a killed submission leaves, settled against the cluster: the cases the
 * end-to-end kill tests can't stop the CLI at (between the ConfigMap's create and the record of
 * its number, or before anything was created), and a submission still running elsewhere.
 */
class InterruptedSubmissionsTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final TaskInfo TASK = SampleTask.INFO;

    @TempDir
    Path temp;

    private String namespace;
    private KubeConnector connector;
    private Path kubeconfig;
    private AttemptHistory history;

    @BeforeEach
    void setUp() {
        namespace = "settle-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        connector = new KubeConnector(new Kubeconfigs(Map.of(), temp.resolve("home")), Duration.ofSeconds(5), Duration.ofSeconds(10));
        history = new AttemptHistory(temp.resolve("task"));
    }

    /** A pending record of a process that has ended, as a kill leaves it. */
    private PendingSubmission leftByADeadProcess(Integer attempt, PendingSubmission.Stage stage) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        return new PendingSubmission(UUID.randomUUID().toString(), gone.pid(), gone.info().startInstant().orElse(Instant.now()),
                Instant.parse("2026-12-04T06:00:00Z"), "test-context", namespace, kubeconfig.toString(), null, attempt,
                null, null, null, null, stage);
    }

    @Test
    void killedRightAfterTheConfigMapWasCreatedIsFoundByItsAnnotation() throws Exception {
        PendingSubmission pending = leftByADeadProcess(null, PendingSubmission.Stage.CONFIGMAP);
        history.savePending(pending);
        try (KubeConnector.Connection c = connector.connect(new KubeTarget(kubeconfig, null, namespace))) {
            new AttemptConfigMaps(c).createIfAbsent(new ResourceNames(TASK.service(), TASK.id(), 1),
                    Map.of("task.md", "# T\n".getBytes(StandardCharsets.UTF_8)), Map.of(PendingSubmission.ANNOTATION, pending.id()));
        }

        List<String> told = new InterruptedSubmissions(connector).settleAll(TASK, history);

        assertThat(told).containsExactly("Attempt 1 was interrupted while creating its ConfigMap (Task Console stopped: killed "
                + "or crashed); its release 'auth-service-task-1001-run-1' was never installed. It is now recorded as failed: "
                + "retry it (task-console retry, or Retry in the app).");
        assertThat(history.list()).singleElement().satisfies(r -> {
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(AttemptResult.FAILED);
            assertThat(r.namespace()).isEqualTo(namespace);
        });
        assertThat(history.pending()).isEmpty();
    }

    @Test
    void killedBeforeAnythingWasCreatedIsDroppedWithASentence() throws Exception {
        history.savePending(leftByADeadProcess(null, PendingSubmission.Stage.CONFIGMAP));

        List<String> told = new InterruptedSubmissions(connector).settleAll(TASK, history);

        assertThat(told).singleElement().asString().startsWith("A submission of task 1001 started at 2026-12-04T06:00:00Z was "
                + "interrupted while creating its ConfigMap, before anything was created in namespace '" + namespace
                + "': nothing was sent. Submit again.");
        assertThat(history.list()).isEmpty();
        assertThat(history.pending()).isEmpty();
    }

    @Test
    void aSubmissionStillRunningIsLeftAlone() {
        PendingSubmission running = PendingSubmission.start(Instant.now(), "test-context", namespace, kubeconfig.toString(), null);
        history.savePending(running);

        assertThat(new InterruptedSubmissions(connector).settleAll(TASK, history)).isEmpty();
        assertThat(history.pending()).extracting(PendingSubmission::id).containsExactly(running.id());
    }

    @Test
    void whileTheClusterCantBeAskedTheRecordWaits() throws Exception {
        PendingSubmission pending = leftByADeadProcess(2, PendingSubmission.Stage.HELM);
        Path nowhere = io.taskconsole.testkube.UnreachableCluster.kubeconfig(temp.resolve("unreachable.yaml"), "test-context");
        history.savePending(new PendingSubmission(pending.id(), pending.pid(), pending.processStart(), pending.startedAt(),
                "test-context", namespace, nowhere.toString(), null, 2, null, null, null, null, PendingSubmission.Stage.HELM));

        assertThat(new InterruptedSubmissions(connector).settleAll(TASK, history)).isEmpty();

        assertThat(history.list()).as("nothing decided without the cluster").isEmpty();
        assertThat(history.pending()).as("kept for the next listing").hasSize(1);
    }
}
