package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Users of managed clusters log in through kubeconfig exec plugins (aws, gcloud, kubelogin):
 * both the app's own client and helm must run the plugin, and its token must never be shown.
 */
class ExecPluginLoginTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TempDir
    Path temp;

    @Test
    void submitWorksWithAnExecPluginLoginAndNeverShowsItsToken() throws Exception {
        String namespace = "exec-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "sso", namespace);
        ObjectNode config = (ObjectNode) YAML.readTree(kubeconfig.toFile());
        ObjectNode user = (ObjectNode) ((ArrayNode) config.get("users")).get(0);
        String token = user.get("user").get("token").asString();
        Path plugin = temp.resolve("bin/fake-sso-login");
        Files.createDirectories(plugin.getParent());
        Files.writeString(plugin, "#!/bin/sh\nprintf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"" + token + "\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        user.set("user", YAML.valueToTree(Map.of("exec", Map.of(
                "apiVersion", "client.authentication.k8s.io/v1",
                "command", plugin.toString(),
                "args", List.of("get-token"),
                "interactiveMode", "Never"))));
        Files.writeString(kubeconfig, YAML.writeValueAsString(config));
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int code = TaskConsoleCli.run(new PrintWriter(out), new PrintWriter(err), "submit", task.folder().toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", namespace, "--helm", ToolBinaries.helm().toString(),
                "--chart", System.getProperty("taskconsole.chart.dir", "charts/claude-code"), "--timeout", "60s");

        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(Files.readString(kubeconfig)).doesNotContain(token);
        assertThat(SERVER.client().batch().v1().jobs().inNamespace(namespace).withName("auth-service-task-1001-run-1").get())
                .as("helm, logged in through the plugin, installed the Job").isNotNull();
        assertThat(out.toString() + err).doesNotContain(token);
        assertThat(Files.readString(task.folder().resolve(".history/attempts.json"))).doesNotContain(token);
    }
}
