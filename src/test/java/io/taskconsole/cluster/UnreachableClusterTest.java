package io.taskconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** A cluster that refuses or never answers gives one sentence naming the context and the server. */
class UnreachableClusterTest {

    @TempDir
    Path dir;

    private KubeConnector connector(Duration requestTimeout) {
        return new KubeConnector(new Kubeconfigs(Map.of(), dir.resolve("home")), Duration.ofSeconds(2), requestTimeout);
    }

    private Path kubeconfig(String server) throws IOException {
        Path file = dir.resolve("config");
        Files.writeString(file, KubeconfigsTest.kubeconfig("lab", server, "lab"));
        return file;
    }

    @Test
    @Timeout(60)
    void aRefusedConnectionNamesTheContextAndServer() throws IOException {
        Path config = kubeconfig("https://127.0.0.1:1");

        TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                () -> new ConnectionCheck(connector(Duration.ofSeconds(5))).check(new KubeTarget(config, null, "team-a")));

        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.FAILED);
        assertThat(e.getMessage()).startsWith("Cannot reach the cluster of context 'lab' at https://127.0.0.1:1")
                .contains("was refused or failed");
        assertThat(e.fix()).contains("kubectl --context lab");
        KubeconfigsTest.assertNoSecret(e);
    }

    @Test
    @Timeout(60)
    void aServerThatAcceptsButNeverAnswersTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "silent-api-server");
            acceptor.setDaemon(true);
            acceptor.start();
            Path config = kubeconfig("https://127.0.0.1:" + silent.getLocalPort());

            TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                    () -> new ConnectionCheck(connector(Duration.ofSeconds(2))).check(new KubeTarget(config, "lab", null)));

            assertThat(e).isNotNull();
            assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.FAILED);
            assertThat(e.getMessage()).startsWith("Cannot reach the cluster of context 'lab' at https://127.0.0.1:"
                    + silent.getLocalPort()).contains("timed out");
            KubeconfigsTest.assertNoSecret(e);
            for (Socket s : held) {
                s.close();
            }
        }
    }

    @Test
    @Timeout(60)
    void listingAttemptsOnARefusingClusterSaysTheSame() throws IOException {
        Path config = kubeconfig("https://127.0.0.1:1");
        try (KubeConnector.Connection connection = connector(Duration.ofSeconds(5))
                .connect(new KubeTarget(config, null, null))) {
            TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                    () -> new AttemptConfigMaps(connection).list(new io.taskconsole.task.ServiceName("auth"),
                            new io.taskconsole.task.TaskId(1)));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).startsWith("Cannot reach the cluster of context 'lab'");
            assertThat(connection.namespace()).isEqualTo(KubeTarget.DEFAULT_NAMESPACE);
        }
    }
}
