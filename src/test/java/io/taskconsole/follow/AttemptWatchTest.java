package io.taskconsole.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.testkube.ActiveFault;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.JobPods;
import io.taskconsole.testkube.TestKubeApiServer;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An attempt's Job, pods and Events, changed as the controllers would change them, reach a watch live. */
class AttemptWatchTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static int namespaces;

    private final LinkedBlockingQueue<AttemptState> states = new LinkedBlockingQueue<>();
    private final ResourceNames names = new ResourceNames(new ServiceName("auth-service"), new TaskId(1001), 1);
    private String ns;
    private JobPods kube;
    private AttemptWatch watch;

    @BeforeEach
    void namespace() {
        ns = "watch-" + (++namespaces) + "-" + ProcessHandle.current().pid();
        SERVER.createAttemptNamespace(ns);
        kube = new JobPods(SERVER, ns);
    }

    @AfterEach
    void clean() {
        if (watch != null) {
            watch.close();
        }
        SERVER.podLogs().clear(ns);
        SERVER.deleteNamespace(ns);
    }

    private AttemptState awaitState(String what, Predicate<AttemptState> wanted) throws InterruptedException {
        AttemptState state;
        AttemptState last = null;
        // A hang guard, not a timing assertion: a state that never comes fails instead of stalling.
        while ((state = states.poll(30, TimeUnit.SECONDS)) != null) {
            last = state;
            if (wanted.test(state)) {
                return state;
            }
        }
        throw new AssertionError("no state " + what + " arrived; last: " + last);
    }

    @Test
    void statusChangesArriveLiveUntilTheAttemptIsOver() throws Exception {
        kube.createJob(names.jobName());
        watch = AttemptWatch.start(SERVER.client(), ns, names, states::add);
        assertThat(awaitState("pending", s -> s.phase() == JobPhase.PENDING).pods()).isEmpty();

        kube.startPod(names.jobName(), names.jobName() + "-x7k2p");
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).withStartTime("2026-12-04T10:00:00Z").build());
        kube.podStatus(names.jobName() + "-x7k2p", "Pending",
                List.of(JobPods.terminated("fetch-source", "Completed", 0, null),
                        JobPods.terminated("prepare-workspace", "Completed", 0, null)),
                List.of(JobPods.waiting("agent", "ImagePullBackOff", "Back-off pulling image \"ghcr.io/example/claude-code:1\"")));

        AttemptState stuck = awaitState("with the image problem", s -> !s.problems().isEmpty());
        assertThat(stuck.phase()).isEqualTo(JobPhase.RUNNING);
        assertThat(stuck.started()).hasToString("2026-12-04T10:00:00Z");
        assertThat(stuck.currentPod().orElseThrow().container("agent").orElseThrow().label())
                .isEqualTo("Waiting: ImagePullBackOff");
        assertThat(stuck.problems()).singleElement().asString()
                .startsWith("The image ghcr.io/example/claude-code:1 could not be pulled")
                .contains("check `agent.image` and `imagePullSecrets`");

        kube.jobStatus(names.jobName(), new JobStatusBuilder().withFailed(1).withStartTime("2026-12-04T10:00:00Z")
                .withConditions(new JobConditionBuilder().withType("Failed").withStatus("True")
                        .withReason("DeadlineExceeded").withMessage("Job was active longer than specified deadline")
                        .withLastTransitionTime("2026-12-04T12:00:00Z").build()).build());
        AttemptState over = awaitState("failed", AttemptState::over);
        assertThat(over.phase()).isEqualTo(JobPhase.FAILED);
        assertThat(over.finished()).hasToString("2026-12-04T12:00:00Z");
        assertThat(over.duration(null)).hasHours(2);
        assertThat(over.problems()).anyMatch(p -> p.contains("`job.activeDeadlineSeconds`"));
        assertThat(watch.closed()).as("the watch stops once the attempt is over").isTrue();
    }

    @Test
    void aFailedInitContainerShowsItsLastLogLineAndEventsOfPodAndClaimAreTold() throws Exception {
        kube.createJob(names.jobName());
        String pod = names.jobName() + "-q9d4m";
        kube.startPod(names.jobName(), pod);
        SERVER.podLogs().append(ns, pod, "prepare-workspace", "copying task files",
                "prepare-workspace: task.md does not match its checksum in metadata.yaml: the ConfigMap was changed");
        kube.podStatus(pod, "Failed", List.of(JobPods.terminated("fetch-source", "Completed", 0, null),
                JobPods.terminated("prepare-workspace", "Error", 3, null)), List.of());
        kube.event("Pod", pod, "Warning", "FailedMount", "MountVolume.SetUp failed for volume \"task-files\"");
        kube.event("PersistentVolumeClaim", names.pvcName(), "Warning", "ProvisioningFailed", "storageclass \"fast\" not found");
        kube.event("Pod", "someone-else-abcde", "Warning", "FailedMount", "not ours");
        kube.event("Pod", pod, "Warning", "NetworkNotReady", "network is not ready");

        watch = AttemptWatch.start(SERVER.client(), ns, names, states::add);
        AttemptState state = awaitState("with four problems", s -> s.problems().size() >= 4);

        assertThat(state.problems()).containsExactly(
                "Container prepare-workspace exited with code 3: its log (`task-console logs --container "
                        + "prepare-workspace`) says why. Its last log line: prepare-workspace: task.md does not match its "
                        + "checksum in metadata.yaml: the ConfigMap was changed",
                Reasons.explain("FailedMount", Reasons.Subject.message("MountVolume.SetUp failed for volume \"task-files\"")),
                Reasons.explain("ProvisioningFailed", Reasons.Subject.message("storageclass \"fast\" not found")),
                "NetworkNotReady: network is not ready");
        assertThat(state.events()).extracting(AttemptEvent::object).doesNotContain("someone-else-abcde");
    }

    @Test
    void changesMadeWhileWatchesWereDroppedOrExpiredStillArrive() throws Exception {
        kube.createJob(names.jobName());
        watch = AttemptWatch.start(SERVER.client(), ns, names, states::add);
        awaitState("pending", s -> s.phase() == JobPhase.PENDING);
        awaitOpenWatch();

        try (ActiveFault refused = SERVER.failWhen(FaultRule.forbid("watch", "jobs").inNamespace(ns)
                .answering(410, "too old resource version"))) {
            assertThat(SERVER.expireWatches("jobs", ns)).isEqualTo(1);
            waitForRefusedWatch();
            kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).build());
        }
        assertThat(awaitState("running", s -> s.phase() == JobPhase.RUNNING).phase()).isEqualTo(JobPhase.RUNNING);

        awaitOpenWatch();
        try (ActiveFault down = SERVER.failWhen(FaultRule.forbid("*", "jobs").inNamespace(ns)
                .answering(503, "the API server is restarting"))) {
            assertThat(SERVER.dropWatches("jobs", ns)).isEqualTo(1);
            waitForRefused(503);
        }
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).build());
        assertThat(awaitState("succeeded", AttemptState::over).phase()).isEqualTo(JobPhase.SUCCEEDED);
    }

    private void awaitOpenWatch() throws InterruptedException {
        for (int i = 0; i < 600 && SERVER.openWatches("jobs", ns) == 0; i++) {
            Thread.sleep(50);
        }
    }

    private void waitForRefusedWatch() throws InterruptedException {
        waitForRefused(410);
    }

    private void waitForRefused(int code) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (SERVER.requests().stream().anyMatch(c -> "jobs".equals(c.resource())
                    && ns.equals(c.namespace()) && c.status() == code)) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the client never asked again for the Job (no " + code + " answer)");
    }
}
