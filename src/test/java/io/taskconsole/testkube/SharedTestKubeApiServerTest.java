package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shared server as other test classes use it: one per JVM, reached through the kubeconfig it
 * writes, with a namespace of the test's own that it deletes again.
 */
class SharedTestKubeApiServerTest {

    private static final String NS = "testkube-shared";

    @BeforeAll
    static void namespace() {
        TestKubeApiServer.shared().createNamespace(NS);
    }

    @AfterAll
    static void cleanUp() {
        TestKubeApiServer.shared().deleteNamespace(NS);
    }

    @Test
    void isOneServerPerJvm() {
        assertThat(TestKubeApiServer.shared()).isSameAs(TestKubeApiServer.shared());
        assertThat(TestKubeApiServer.shared().url()).startsWith("https://127.0.0.1:");
    }

    @Test
    void fabric8ReadsTheWrittenKubeconfigAndReachesTheServer(@TempDir Path dir) throws IOException {
        TestKubeApiServer server = TestKubeApiServer.shared();
        Path kubeconfig = server.writeKubeconfig(dir, "shared-context", NS);
        server.client().configMaps().inNamespace(NS).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("seen-through-kubeconfig").endMetadata().addToData("k", "v").build()).create();

        Config config = Config.fromKubeconfig("shared-context", kubeconfig.toFile());
        try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
            assertThat(client.getNamespace()).isEqualTo(NS);
            assertThat(client.configMaps().withName("seen-through-kubeconfig").get().getData()).containsEntry("k", "v");
        }
        assertThat(Files.getPosixFilePermissions(kubeconfig))
                .as("the kubeconfig holds a token").containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }

    @Test
    void deletingANamespaceRemovesWhatIsInIt() {
        TestKubeApiServer server = TestKubeApiServer.shared();
        String ns = "testkube-doomed";
        server.createNamespace(ns);
        server.client().configMaps().inNamespace(ns).resource(new ConfigMapBuilder()
                .withNewMetadata().withName("doomed").endMetadata().build()).create();

        server.deleteNamespace(ns);

        assertThat(server.client().namespaces().withName(ns).get()).isNull();
        assertThat(server.client().configMaps().inNamespace(ns).list().getItems()).isEmpty();
    }

    @Test
    void aFaultHandleLiftsItsRuleWhenClosed() {
        TestKubeApiServer server = TestKubeApiServer.shared();
        ActiveFault fault = server.failWhen(FaultRule.forbid("list", "configmaps").inNamespace(NS).answering(500, "etcd is down"));
        try (fault) {
            assertThatThrownBy(() -> server.client().configMaps().inNamespace(NS).list())
                    .hasMessageContaining("etcd is down");
        }
        assertThat(server.client().configMaps().inNamespace(NS).list().getItems()).isNotNull();
    }
}
