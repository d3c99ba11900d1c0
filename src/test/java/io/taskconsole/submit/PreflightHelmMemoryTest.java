package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskSettings;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long-lived preflight (the service's, the desktop app's) asks helm once for a burst of
 * submissions to the same place, and never remembers a failure: the next submission after helm
 * could not reach the API server asks again.
 */
@Timeout(120)
class PreflightHelmMemoryTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();

    @TempDir
    Path temp;

    private String namespace;
    private KubeConnector.Connection connection;
    private HelmBinary helm;

    @BeforeEach
    void connect() {
        namespace = "pfm-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "lab", namespace);
        connection = new KubeConnector(new Kubeconfigs(Map.of(), temp.resolve("home")), Duration.ofSeconds(3),
                Duration.ofSeconds(10)).connect(new KubeTarget(kubeconfig, null, namespace));
        helm = HelmLocator.forSystem().locate(ToolBinaries.helm());
    }

    @AfterEach
    void close() {
        connection.close();
        SERVER.clearFaults();
    }

    @Test
    void helmIsAskedOnceForABurstOfSubmissions() {
        Preflight preflight = new Preflight(new HelmRunner());

        assertThat(check(preflight)).isEmpty();
        assertThat(check(preflight)).isEmpty();
        assertThat(check(preflight)).isEmpty();

        assertThat(helmListings()).isEqualTo(1);
    }

    @Test
    void aFailureIsNotRemembered() {
        Preflight preflight = new Preflight(new HelmRunner());
        try (var fault = SERVER.failWhen(FaultRule.forbid("list", "secrets").inNamespace(namespace)
                .answering(503, "etcd is unavailable"))) {
            assertThat(check(preflight)).extracting(Problem::where).containsExactly("helm");
        }

        assertThat(check(preflight)).isEmpty();
        assertThat(helmListings()).isEqualTo(2);
    }

    @Test
    void anotherPreflightAsksAgain() {
        assertThat(check(new Preflight(new HelmRunner()))).isEmpty();
        assertThat(check(new Preflight(new HelmRunner()))).isEmpty();

        assertThat(helmListings()).isEqualTo(2);
    }

    private List<Problem> check(Preflight preflight) {
        return preflight.check(connection, helm, SampleTask.INFO.withSettings(TaskSettings.NONE),
                new SubmitSettings(connection.target(), null, null, null, false, List.of(), null, null), new Cancellation());
    }

    /** helm's {@code list} reads its release records: Secrets listed in the namespace by helm's client. */
    private long helmListings() {
        return SERVER.requests().stream().filter(c -> c.userAgent() != null && c.userAgent().startsWith("Helm/")
                && "list".equals(c.verb()) && "secrets".equals(c.resource()) && namespace.equals(c.namespace())).count();
    }
}
