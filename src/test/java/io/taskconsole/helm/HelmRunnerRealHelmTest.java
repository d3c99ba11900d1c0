package io.taskconsole.helm;

import io.taskconsole.testkube.UnreachableCluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.helm.OutputListener.Stream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real helm binary, so the arguments HelmCommand builds are checked by helm itself. */
class HelmRunnerRealHelmTest {

    private static final Duration HANG_GUARD = Duration.ofMinutes(2);

    private static HelmBinary helm;

    @TempDir
    Path tmp;

    private final HelmRunner runner = new HelmRunner();

    @BeforeAll
    static void findHelm() {
        helm = TestHelm.real();
    }

    @Test
    void templateStreamsTheRenderedManifestAndExitsZero() throws Exception {
        Path values = Files.writeString(tmp.resolve("values file.yaml"), "greeting: from-task-console\n");
        HelmCommand command = HelmCommand.template(helm, "task-7-a1", TestHelm.chartDir().toString(), "orchestrator",
                values, List.of());
        RecordingListener listener = new RecordingListener();

        HelmResult result = runner.start(command, listener).await(HANG_GUARD).orElseThrow();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.exitCode()).isZero();
        assertThat(listener.lines(Stream.STDOUT)).containsSubsequence(
                "kind: ConfigMap", "  name: task-7-a1-greeting", "  namespace: orchestrator",
                "  greeting: \"from-task-console\"");
        assertThat(listener.lines(Stream.INFO).get(0)).isEqualTo("$ " + command.display());
    }

    @Test
    void aChartPathThatDoesNotExistFailsWithHelmsError() throws Exception {
        Path values = Files.writeString(tmp.resolve("values.yaml"), "{}\n");
        HelmCommand command = HelmCommand.template(helm, "rel", tmp.resolve("no-chart").toString(), "ns", values, List.of());
        RecordingListener listener = new RecordingListener();

        HelmResult result = runner.start(command, listener).await(HANG_GUARD).orElseThrow();

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.stderrTail()).anySatisfy(line -> assertThat(line).contains("not found").contains("no-chart"));
        assertThat(listener.lines(Stream.STDERR)).isEqualTo(result.stderrTail());
        TaskConsoleException error = HelmFailure.exception(command, result);
        assertThat(error.getMessage()).startsWith("helm template failed (exit 1): Error: path").contains("no-chart");
        assertThat(error.fix()).contains("chart path");
    }

    @Test
    void upgradeAgainstARefusedPortReportsTheUnreachableCluster() throws Exception {
        Path kubeconfig = deadClusterKubeconfig();
        Path values = Files.writeString(tmp.resolve("values.yaml"), "{}\n");
        HelmCommand command = HelmCommand.upgradeInstall(helm, "task-7-a1", TestHelm.chartDir().toString(), kubeconfig,
                "dead", "orchestrator", values, List.of(), Duration.ofSeconds(20), false);
        RecordingListener listener = new RecordingListener();

        HelmProcess process = runner.start(command, listener);

        assertThat(process.await(HANG_GUARD)).hasValueSatisfying(result -> {
            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.timedOut()).isFalse();
            assertThat(result.stderrTail()).anySatisfy(line -> assertThat(line).contains("connection refused"));
        });
        TaskConsoleException error = org.assertj.core.api.Assertions.catchThrowableOfType(
                TaskConsoleException.class, process::awaitSuccess);
        assertThat(error.oneLine()).contains("helm upgrade failed (exit 1): Error: Kubernetes cluster unreachable")
                .contains("127.0.0.1:1").contains("kubectl get namespaces").doesNotContain(UnreachableCluster.TOKEN);
    }

    private Path deadClusterKubeconfig() {
        return UnreachableCluster.kubeconfig(tmp.resolve("kubeconfig"), "dead");
    }
}
