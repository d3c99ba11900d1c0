package io.taskconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the API server answers, turned into sentences that name the verb, resource, namespace and context. */
class KubeErrorsTest {

    @TempDir
    Path dir;

    KubeConnector.Connection connection;

    @BeforeEach
    void connect() throws IOException {
        Path config = dir.resolve("config");
        Files.writeString(config, KubeconfigsTest.kubeconfig("lab", "https://cluster.example:6443", "lab"));
        connection = new KubeConnector(new Kubeconfigs(Map.of(), dir), Duration.ofSeconds(1), Duration.ofSeconds(1))
                .connect(new KubeTarget(config, null, "team-a"));
    }

    @AfterEach
    void close() {
        connection.close();
    }

    private static KubernetesClientException status(int code, String message, String kind, String name) {
        Status status = new StatusBuilder().withCode(code).withMessage(message)
                .withNewDetails().withKind(kind).withName(name).endDetails().build();
        return new KubernetesClientException(status);
    }

    @Test
    void unauthorizedSaysToLogInAgain() {
        TaskConsoleException e = KubeErrors.translate(status(401, "Unauthorized", null, null), connection,
                "create", "configmaps", "x-files");
        assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.FAILED);
        assertThat(e.getMessage()).isEqualTo("The cluster of context 'lab' rejected your credentials (401 Unauthorized)"
                + " when trying to create configmaps 'x-files' in namespace 'team-a'");
        assertThat(e.fix()).contains("kubectl --context lab auth whoami");
        KubeconfigsTest.assertNoSecret(e);
    }

    @Test
    void forbiddenNamesTheVerbResourceAndNamespaceAndTheRoleToAskFor() {
        TaskConsoleException e = KubeErrors.translate(status(403, "configmaps is forbidden", null, null), connection,
                "create", "configmaps", "x-files");
        assertThat(e.getMessage()).isEqualTo(
                "Permission denied: you may not create configmaps in namespace 'team-a' (context 'lab')");
        assertThat(e.fix()).contains("task-console-submitter")
                .contains("kubectl auth can-i create configmaps -n team-a --context lab");
    }

    @Test
    void aMissingNamespaceIsToldApartFromAMissingObject() {
        TaskConsoleException ns = KubeErrors.translate(status(404, "namespaces \"team-a\" not found", "namespaces",
                "team-a"), connection, "create", "configmaps", "x-files");
        assertThat(ns.getMessage()).isEqualTo("Namespace 'team-a' does not exist in the cluster of context 'lab'");
        assertThat(ns.fix()).contains("kubectl create namespace team-a");

        TaskConsoleException object = KubeErrors.translate(status(404, "configmaps \"x-files\" not found", "configmaps",
                "x-files"), connection, "get", "configmaps", "x-files");
        assertThat(object.getMessage()).startsWith("Could not get configmaps 'x-files' in namespace 'team-a' (HTTP 404)");
    }

    @Test
    void invalidObjectsQuoteTheServersReason() {
        TaskConsoleException e = KubeErrors.translate(status(422, "ConfigMap \"x\" is invalid: data: Too long",
                null, null), connection, "create", "configmaps", "x");
        assertThat(e.getMessage()).isEqualTo(
                "The cluster refused to create configmaps 'x' in namespace 'team-a': ConfigMap \"x\" is invalid: data: Too long");
    }

    @Test
    void networkFailuresSayWhetherTheyTimedOut() {
        TaskConsoleException refused = KubeErrors.translate(
                new KubernetesClientException("request failed", new ConnectException("Connection refused")),
                connection, "list", "configmaps", null);
        assertThat(refused.getMessage()).isEqualTo("Cannot reach the cluster of context 'lab' at "
                + connection.server() + ": the connection was refused or failed (Connection refused)");

        TaskConsoleException slow = KubeErrors.translate(
                new KubernetesClientException("request failed", new SocketTimeoutException("Read timed out")),
                connection, "list", "configmaps", null);
        assertThat(slow.getMessage()).contains("the connection timed out (Read timed out)");
        assertThat(slow.fix()).contains("kubectl --context lab cluster-info");
    }
}
