package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PodLogsTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String NS = "podlogs";
    private static JobPods pods;

    @BeforeAll
    static void pod() {
        SERVER.createNamespace(NS);
        pods = new JobPods(SERVER, NS);
        pods.createJob("t-run-1");
        pods.startPod("t-run-1", "t-run-1-abcde");
    }

    @AfterAll
    static void clean() {
        SERVER.podLogs().clear(NS);
        SERVER.deleteNamespace(NS);
    }

    private static KubernetesClient client() {
        return SERVER.client();
    }

    @Test
    void aPodOfTheJobCarriesBothJobLabelsAndTheTemplatesContainers() {
        List<Pod> byOld = client().pods().inNamespace(NS).withLabel("job-name", "t-run-1").list().getItems();
        List<Pod> byNew = client().pods().inNamespace(NS).withLabel("batch.kubernetes.io/job-name", "t-run-1").list().getItems();
        assertThat(byOld).extracting(p -> p.getMetadata().getName()).containsExactly("t-run-1-abcde");
        assertThat(byNew).hasSize(1);
        assertThat(byOld.get(0).getSpec().getInitContainers()).extracting("name").containsExactly("fetch-source", "prepare-workspace");
    }

    @Test
    void statusWritesReachThePod() {
        pods.podStatus("t-run-1-abcde", "Pending", List.of(JobPods.terminated("fetch-source", "Completed", 0, null)),
                List.of(JobPods.waiting("agent", "ImagePullBackOff", "Back-off pulling image")));
        Pod pod = client().pods().inNamespace(NS).withName("t-run-1-abcde").get();
        assertThat(pod.getStatus().getContainerStatuses().get(0).getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
        assertThat(pod.getSpec().getContainers()).as("a status write leaves the spec").hasSize(1);
    }

    @Test
    void servesAContainersLogWholeOrItsTailOrSinceATime() {
        SERVER.podLogs().append(NS, "t-run-1-abcde", "prepare-workspace", "one", "two", "three");
        var pod = client().pods().inNamespace(NS).withName("t-run-1-abcde");

        assertThat(pod.inContainer("prepare-workspace").getLog()).isEqualTo("one\ntwo\nthree\n");
        assertThat(pod.inContainer("prepare-workspace").tailingLines(1).getLog()).isEqualTo("three\n");
        assertThat(pod.inContainer("prepare-workspace").usingTimestamps().getLog().lines().toList())
                .allSatisfy(line -> assertThat(Instant.parse(line.substring(0, line.indexOf(' ')))).isBeforeOrEqualTo(Instant.now()));
        assertThat(pod.inContainer("prepare-workspace").sinceTime(Instant.now().plusSeconds(5).toString()).getLog()).isEmpty();
    }

    @Test
    void refusesWhatTheApiServerRefuses() {
        var pod = client().pods().inNamespace(NS).withName("t-run-1-abcde");
        assertThatThrownBy(() -> pod.inContainer("nope").getLog()).isInstanceOf(KubernetesClientException.class)
                .hasMessageContaining("container nope is not valid for pod t-run-1-abcde");
        assertThatThrownBy(() -> client().pods().inNamespace(NS).withName("gone").inContainer("agent").getLog())
                .hasMessageContaining("not found");
    }

    @Test
    void aFollowCanBeCutInTheMiddleOfALine() {
        SERVER.podLogs().append(NS, "t-run-1-abcde", "fetch-source", "cloning repository");
        SERVER.podLogs().cutNextFollow(NS, "t-run-1-abcde", "fetch-source");
        var pod = client().pods().inNamespace(NS).withName("t-run-1-abcde").inContainer("fetch-source");
        try (var watch = pod.watchLog(); var in = watch.getOutput()) {
            assertThat(new String(in.readAllBytes())).as("half the line, no newline").isEqualTo("cloning r");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(pod.getLog()).isEqualTo("cloning repository\n");
    }
}
