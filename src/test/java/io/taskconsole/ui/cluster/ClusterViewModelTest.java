package io.taskconsole.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.core.ClusterTools;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterViewModelTest {

    private final class Tools implements ClusterTools {
        boolean reachable = true;
        KubeTarget asked;

        @Override
        public KubeconfigInfo contexts(Path kubeconfig) {
            return new KubeconfigInfo(List.of(), List.of("kind-dev", "prod"), "kind-dev", Map.of());
        }

        @Override
        public ConnectionCheck.Result check(KubeTarget target, Duration timeout) {
            asked = target;
            if (!reachable) {
                throw TaskConsoleException.failed("Cannot reach the API server of context 'prod'", "Check the VPN.", null);
            }
            return new ConnectionCheck.Result(target.context(), "https://127.0.0.1", "v1.31.0", "dev-user",
                    target.namespace());
        }

        @Override
        public String checkOrchestrator(io.taskconsole.app.OrchestratorTarget target) {
            return "The orchestrator at " + target.server() + " is ready";
        }

        @Override
        public HelmBinary helm(Path configured) {
            return new HelmBinary(Path.of("/usr/local/bin/helm"), "v3.18.0");
        }
    }

    @Test
    void contextsComeFromTheKubeconfigAndTheCurrentOneIsPicked() {
        ClusterViewModel cluster = new ClusterViewModel(new Tools(), BackgroundExecutor.sameThread());

        cluster.loadContexts();

        assertThat(cluster.contexts()).containsExactly("kind-dev", "prod");
        assertThat(cluster.contextProperty().get()).isEqualTo("kind-dev");
        assertThat(cluster.namespaceProperty().get()).isEqualTo("orchestrator");
    }

    @Test
    void aCheckShowsServerVersionAndUserOrTheOneReasonItFailed() {
        Tools tools = new Tools();
        ClusterViewModel cluster = new ClusterViewModel(tools, BackgroundExecutor.sameThread());
        cluster.contextProperty().set("prod");
        cluster.namespaceProperty().set("agents");

        cluster.checkConnection();
        assertThat(tools.asked).isEqualTo(new KubeTarget(null, "prod", "agents"));
        assertThat(cluster.statusProperty().get()).isEqualTo(ClusterViewModel.Status.CONNECTED);
        assertThat(cluster.statusTextProperty().get()).contains("v1.31.0").contains("dev-user");

        tools.reachable = false;
        cluster.checkConnection();
        assertThat(cluster.statusProperty().get()).isEqualTo(ClusterViewModel.Status.FAILED);
        assertThat(cluster.statusTextProperty().get()).isEqualTo("Cannot reach the API server of context 'prod'. Check the VPN.");

        cluster.namespaceProperty().set("other");
        assertThat(cluster.statusProperty().get()).isEqualTo(ClusterViewModel.Status.UNKNOWN);
    }

    @Test
    void helmIsFoundWithItsVersion() {
        ClusterViewModel cluster = new ClusterViewModel(new Tools(), BackgroundExecutor.sameThread());
        cluster.locateHelm();
        assertThat(cluster.helmVersionProperty().get()).isEqualTo("helm v3.18.0 at /usr/local/bin/helm");
    }

    /** The pane says which kubeconfig file(s) it reads, in merge order, and which $KUBECONFIG entries it skipped. */
    @Test
    void theFilesLineNamesWhatIsReadAndWhatIsSkipped() {
        Path a = Path.of("/k/a");
        Path gone = Path.of("/k/gone");
        Path b = Path.of("/k/b");
        assertThat(ClusterViewModel.describeFiles(new KubeconfigInfo(List.of(a), List.of("x"), "x", Map.of())))
                .isEqualTo("Reads " + a);
        assertThat(ClusterViewModel.describeFiles(new KubeconfigInfo(List.of(a, gone, b), List.of("x"), "x", Map.of(),
                List.of(gone)))).isEqualTo("Reads, merged in order: " + a + ", " + b + "; skips " + gone + " (not found)");
    }
}
