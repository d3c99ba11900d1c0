package io.taskconsole.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.ui.common.AppSettings;
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

    /** Orchestrator mode is remembered with its URL and the token file's path; the check asks the service. */
    @Test
    void theOrchestratorTargetIsRememberedByPathAndChecked(@org.junit.jupiter.api.io.TempDir Path config) throws Exception {
        ClusterViewModel cluster = new ClusterViewModel(new Tools(), BackgroundExecutor.sameThread());
        cluster.kindProperty().set(ClusterViewModel.Kind.ORCHESTRATOR);
        cluster.orchestratorUrlProperty().set("https://orchestrator.example.com");
        cluster.tokenFileProperty().set("/home/pm/.task-console-token");
        cluster.checkConnection();
        assertThat(cluster.statusProperty().get()).isEqualTo(ClusterViewModel.Status.CONNECTED);
        assertThat(cluster.statusTextProperty().get()).isEqualTo("The orchestrator at https://orchestrator.example.com is ready");
        assertThat(cluster.describeTarget()).isEqualTo("the orchestrator at https://orchestrator.example.com");

        AppSettings settings = AppSettings.load(config);
        cluster.remember(settings);
        settings.save();
        ClusterViewModel again = new ClusterViewModel(new Tools(), BackgroundExecutor.sameThread());
        again.restore(AppSettings.load(config));
        assertThat(again.kindProperty().get()).isEqualTo(ClusterViewModel.Kind.ORCHESTRATOR);
        assertThat(again.orchestrator()).get().isEqualTo(new io.taskconsole.app.OrchestratorTarget(
                java.net.URI.create("https://orchestrator.example.com"), Path.of("/home/pm/.task-console-token")));

        again.kindProperty().set(ClusterViewModel.Kind.KUBERNETES);
        assertThat(again.orchestrator()).isEmpty();
    }

    @Test
    void aBadOrchestratorUrlIsToldWithoutRepeatingAPassword() {
        ClusterViewModel cluster = new ClusterViewModel(new Tools(), BackgroundExecutor.sameThread());
        cluster.kindProperty().set(ClusterViewModel.Kind.ORCHESTRATOR);

        cluster.checkConnection();
        assertThat(cluster.statusTextProperty().get()).isEqualTo("No orchestrator URL is given. Enter the service's base "
                + "URL, e.g. https://orchestrator.example.com.");
        cluster.orchestratorUrlProperty().set("ftp://orchestrator.example.com");
        cluster.checkConnection();
        assertThat(cluster.statusProperty().get()).isEqualTo(ClusterViewModel.Status.FAILED);
        assertThat(cluster.statusTextProperty().get()).startsWith("The orchestrator URL 'ftp://orchestrator.example.com' "
                + "is not an http(s) URL with a host.");
        cluster.orchestratorUrlProperty().set("https://pm:hunter2@orchestrator.example.com");
        cluster.checkConnection();
        assertThat(cluster.statusTextProperty().get()).startsWith("The orchestrator URL holds a user name or password")
                .doesNotContain("hunter2");
        cluster.orchestratorUrlProperty().set("http://orchestrator example");
        cluster.checkConnection();
        assertThat(cluster.statusTextProperty().get()).startsWith("The orchestrator URL 'http://orchestrator example' has "
                + "a space at character 20");
        cluster.orchestratorUrlProperty().set("http://orchestrator.example.com:port");
        cluster.checkConnection();
        assertThat(cluster.statusTextProperty().get()).startsWith("The orchestrator URL 'http://orchestrator.example.com:port' "
                + "is not");
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
