package io.taskconsole.cluster;

import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeConnectorTest {

    @TempDir
    Path dir;

    @Test
    void aKubeconfigWithBrokenCertificateDataIsAOneLineErrorNamingTheFileWithoutItsContent() throws IOException {
        // Valid YAML that names its context, so only building the client finds the key data unusable.
        Path file = dir.resolve("kubeconfig");
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                current-context: dev
                clusters:
                - name: c
                  cluster:
                    server: https://127.0.0.1:1
                    certificate-authority-data: %1$s
                contexts:
                - name: dev
                  context: {cluster: c, user: u}
                users:
                - name: u
                  user:
                    client-certificate-data: %1$s
                    client-key-data: %1$s
                """.formatted(KubeconfigsTest.TOKEN));
        KubeConnector connector = new KubeConnector(new Kubeconfigs(Map.of(), dir), Duration.ofSeconds(2),
                Duration.ofSeconds(2));

        TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                () -> connector.connect(new KubeTarget(file, null, "orchestrator")).close());

        assertThat(e).as("a broken certificate must be reported as the user's kubeconfig problem").isNotNull();
        assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
        assertThat(e.oneLine()).contains(file.toString()).contains("'dev'").contains("kubectl --context dev");
        KubeconfigsTest.assertNoSecret(e);
    }
}
