package io.taskconsole.follow;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.testkube.JobPods;
import io.taskconsole.testkube.PodLogs;
import io.taskconsole.testkube.TestKubeApiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Container logs followed across dropped connections and pod restarts, and kept in {@code .history/}. */
class LogFollowerTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static int namespaces;

    private final ResourceNames names = new ResourceNames(new ServiceName("auth-service"), new TaskId(1001), 2);
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final List<String> notes = new CopyOnWriteArrayList<>();
    private final LogFollower.Sink sink = new LogFollower.Sink() {
        @Override
        public void line(String text) {
            lines.add(text);
        }

        @Override
        public void note(String message) {
            notes.add(message);
        }
    };

    @TempDir
    Path history;
    private String ns;
    private JobPods kube;
    private PodLogs logs;

    @BeforeEach
    void namespace() {
        ns = "logs-" + (++namespaces) + "-" + ProcessHandle.current().pid();
        SERVER.createAttemptNamespace(ns);
        kube = new JobPods(SERVER, ns);
        logs = SERVER.podLogs();
        kube.createJob(names.jobName());
    }

    @AfterEach
    void clean() {
        logs.clear(ns);
        SERVER.deleteNamespace(ns);
    }

    private void awaitLines(int count) throws InterruptedException {
        for (int i = 0; i < 600 && lines.size() < count; i++) {
            Thread.sleep(50);
        }
        assertThat(lines).as("lines so far (hang guard)").hasSizeGreaterThanOrEqualTo(count);
    }

    /** Follows on another thread, as a face does; the future ends with the Job's phase. */
    private CompletableFuture<JobPhase> following(AttemptLogs follow) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return follow.read(true, sink);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private AttemptLogs attemptLogs() {
        return new AttemptLogs(SERVER.client(), ns, names, history, null);
    }

    @Test
    void aLogFollowedAcrossDroppedConnectionsHasEveryLineOnceAndIsKeptInTheHistory() throws Exception {
        String pod = names.jobName() + "-a1b2c";
        kube.startPod(names.jobName(), pod);
        kube.podStatus(pod, "Running", List.of(), List.of(JobPods.running("agent")));
        logs.append(ns, pod, "agent", "line 1", "line 2", "line 3");

        try (AttemptLogs follow = attemptLogs()) {
            CompletableFuture<JobPhase> done = following(follow);
            awaitLines(3);
            logs.append(ns, pod, "agent", "line 4 is a longer line that the connection drops in the middle of");
            logs.cutNextFollow(ns, pod, "agent");
            awaitLines(4);
            logs.append(ns, pod, "agent", "line 5");
            awaitLines(5);
            logs.append(ns, pod, "agent", "line 6, written as the agent ends");
            kube.podStatus(pod, "Succeeded", List.of(), List.of(JobPods.terminated("agent", "Completed", 0, null)));
            kube.jobStatus(names.jobName(), new JobStatusBuilder().withSucceeded(1).withConditions(
                    new JobConditionBuilder().withType("Complete").withStatus("True").build()).build());

            assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobPhase.SUCCEEDED);
        }
        List<String> expected = List.of("line 1", "line 2", "line 3",
                "line 4 is a longer line that the connection drops in the middle of", "line 5",
                "line 6, written as the agent ends");
        assertThat(lines).containsExactlyElementsOf(expected);

        LogCopy copy = LogCopy.in(history, ns, 2, pod, "agent");
        assertThat(copy.text()).containsExactlyElementsOf(expected);
        if (Files.getFileStore(copy.path()).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(copy.path()))).isEqualTo("rw-------");
        }

        lines.clear();
        attemptLogs().read(false, sink);
        assertThat(lines).as("read again").containsExactlyElementsOf(expected);
        assertThat(copy.text()).as("the copy gets no line twice").containsExactlyElementsOf(expected);

        SERVER.client().pods().inNamespace(ns).withName(pod).delete();
        lines.clear();
        attemptLogs().read(false, sink);
        assertThat(lines).as("from the copy once the pod is gone").containsExactlyElementsOf(expected);
        assertThat(notes).last().asString().contains("can no longer be fetched").contains(copy.path().toString());
    }

    @Test
    void aPodThatReplacedAFailedOneIsPickedUp() throws Exception {
        String first = names.jobName() + "-aaaaa";
        String second = names.jobName() + "-bbbbb";
        kube.startPod(names.jobName(), first);
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).build());
        logs.append(ns, first, "agent", "first try");
        kube.podStatus(first, "Failed", List.of(), List.of(JobPods.terminated("agent", "Error", 1, null)));

        try (AttemptLogs follow = attemptLogs()) {
            CompletableFuture<JobPhase> done = following(follow);
            awaitLines(1);
            kube.startPod(names.jobName(), second);
            kube.podStatus(second, "Running", List.of(), List.of(JobPods.running("agent")));
            logs.append(ns, second, "agent", "second try");
            awaitLines(2);
            kube.podStatus(second, "Succeeded", List.of(), List.of(JobPods.terminated("agent", "Completed", 0, null)));
            kube.jobStatus(names.jobName(), new JobStatusBuilder().withSucceeded(1).build());
            assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobPhase.SUCCEEDED);
        }
        assertThat(lines).containsExactly("first try", "second try");
        assertThat(notes).anyMatch(n -> n.contains("replaced by " + second));
    }

    @Test
    void linesLongerThanOneReadKeepEveryCharacter() throws Exception {
        String pod = names.jobName() + "-c3d4e";
        kube.startPod(names.jobName(), pod);
        kube.podStatus(pod, "Running", List.of(), List.of(JobPods.running("agent")));
        // Two-byte and four-byte characters across the follower's 8 KiB reads.
        String longLine = "{\"text\":\"" + "é".repeat(6_000) + "😀".repeat(3_000) + "\"}";
        logs.append(ns, pod, "agent", "before", longLine, "after");

        try (AttemptLogs follow = attemptLogs()) {
            CompletableFuture<JobPhase> done = following(follow);
            awaitLines(3);
            kube.podStatus(pod, "Succeeded", List.of(), List.of(JobPods.terminated("agent", "Completed", 0, null)));
            kube.jobStatus(names.jobName(), new JobStatusBuilder().withSucceeded(1).build());
            assertThat(done.get(30, TimeUnit.SECONDS)).isEqualTo(JobPhase.SUCCEEDED);
        }
        assertThat(lines).containsExactly("before", longLine, "after");
    }
}
