package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.common.Notice;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A kubeconfig holds a bearer token, a client key, an exec plugin's environment and a password.
 * A dry run, a submission and a failed submission, from the CLI and from the console's view
 * models, against the test API server with the real helm: none of those secrets appears in any
 * place output goes (the CLI's stdout and stderr, the log panel, the dry-run view, the app's log
 * file with its error details, the task folder's {@code .history/}, the rendered values file,
 * {@code helm-command.txt}, the ConfigMap and the other objects in the namespace).
 */
class SecretsNeverShownTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    private static final String CLIENT_KEY = "-----BEGIN EC PRIVATE KEY-----\nclient-key-material-7f3a\n-----END EC PRIVATE KEY-----\n";
    private static final String EXEC_ENV = "exec-env-secret-91c2";
    private static final String PASSWORD = "basic-password-4d8e";

    @TempDir
    Path temp;

    @Test
    void noSecretOfTheKubeconfigReachesAnyOutput() throws Exception {
        String namespace = "secrets-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "sso", namespace);
        String token = withEverySecret(kubeconfig, namespace);
        List<String> secrets = List.of(token, CLIENT_KEY.strip(), "client-key-material-7f3a",
                base64(CLIENT_KEY), EXEC_ENV, PASSWORD, TestKubeApiServer.API_KEY_VALUE,
                base64(TestKubeApiServer.API_KEY_VALUE));
        Map<String, String> outputs = new LinkedHashMap<>();
        String helm = ToolBinaries.helm().toString();

        // The CLI: a dry run with helm template, a submission, and one refused by the cluster (401).
        TaskDraft cliTask = SampleTask.create(temp.resolve("cli-tasks"));
        Path rendered = temp.resolve("rendered");
        cli(outputs, "render", 0, "render", cliTask.folder().toString(), "--out", rendered.toString(),
                "--kubeconfig", kubeconfig.toString(), "-n", namespace, "--helm", helm, "--chart", CHART, "--template");
        cli(outputs, "submit", 0, "submit", cliTask.folder().toString(), "--kubeconfig", kubeconfig.toString(),
                "-n", namespace, "--helm", helm, "--chart", CHART, "--timeout", "60s");
        cli(outputs, "submit refused", 1, "submit", cliTask.folder().toString(), "--kubeconfig", kubeconfig.toString(),
                "--context", "basic", "-n", namespace, "--helm", helm, "--chart", CHART, "--timeout", "60s", "--verbose");
        addFiles(outputs, rendered);
        assertThat(outputs).containsKeys("file " + rendered.resolve("values.yaml"), "file " + rendered.resolve("helm-command.txt"));

        // The console's view models on the real core: dry run, submission, a refused submission.
        Path gui = temp.resolve("gui");
        RealCoreModels models = new RealCoreModels(gui, kubeconfig, "sso", namespace);
        models.cluster.helmPathProperty().set(helm);
        models.cluster.chartProperty().set(CHART);
        models.submit.dryRun();
        assertThat(models.submit.dryRunProperty().get()).as(models.log.text()).isNotNull();
        models.submit.dryRunProperty().get().outputs().forEach((name, text) -> outputs.put("dry-run view " + name, text));
        models.submit.submit();
        assertThat(models.submit.lastOutcomeProperty().get().succeeded()).as(models.log.text()).isTrue();
        models.cluster.contextProperty().set("basic");
        models.submit.submit();
        Notice refused = models.notices.current();
        assertThat(refused.level()).as(models.log.text()).isEqualTo(Notice.Level.ERROR);
        outputs.put("banner", refused.message() + "\n" + refused.details());
        outputs.put("log panel", models.log.text());
        Path appLog = gui.resolve("app.log");
        assertThat(appLog).as("the app's log file, with the error's details").exists();
        addFiles(outputs, appLog);
        addFiles(outputs, cliTask.folder().resolve(".history"));
        addFiles(outputs, models.task.folder().resolve(".history"));

        // The cluster: every ConfigMap (the attempts' files) and Job in the namespace.
        SERVER.client().configMaps().inNamespace(namespace).list().getItems()
                .forEach(cm -> outputs.put("ConfigMap " + cm.getMetadata().getName(), YAML.writeValueAsString(cm)));
        SERVER.client().batch().v1().jobs().inNamespace(namespace).list().getItems()
                .forEach(job -> outputs.put("Job " + job.getMetadata().getName(), YAML.writeValueAsString(job)));
        assertThat(outputs.keySet()).anyMatch(k -> k.startsWith("ConfigMap ")).anyMatch(k -> k.startsWith("Job "))
                .anyMatch(k -> k.contains(".history"));

        List<String> leaks = new ArrayList<>();
        outputs.forEach((where, text) -> secrets.stream().filter(text::contains)
                .forEach(secret -> leaks.add(where + " shows " + secret.substring(0, Math.min(12, secret.length())) + "…")));
        assertThat(leaks).as("%d places checked: %s", outputs.size(), outputs.keySet()).isEmpty();
    }

    /**
     * The current context logs in through an exec plugin (which reads a secret from its env and
     * prints the token); other users hold the same token, a client key, and a username and password
     * (context "basic", which the server refuses). Returns the token.
     */
    private String withEverySecret(Path kubeconfig, String namespace) throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(kubeconfig.toFile());
        ArrayNode users = (ArrayNode) config.get("users");
        ObjectNode tokenUser = (ObjectNode) users.get(0);
        String token = tokenUser.get("user").get("token").asString();
        Path plugin = temp.resolve("bin/sso-login");
        Files.createDirectories(plugin.getParent());
        Files.writeString(plugin, "#!/bin/sh\n[ \"$SSO_SECRET\" = '" + EXEC_ENV + "' ] || exit 3\n"
                + "printf '%s' '{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                + "\"kind\":\"ExecCredential\",\"status\":{\"token\":\"" + token + "\"}}'\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        users.add(YAML.valueToTree(Map.of("name", "sso-user", "user", Map.of("exec", Map.of(
                "apiVersion", "client.authentication.k8s.io/v1",
                "command", plugin.toString(),
                "env", List.of(Map.of("name", "SSO_SECRET", "value", EXEC_ENV)),
                "interactiveMode", "Never")))));
        users.add(YAML.valueToTree(Map.of("name", "key-user", "user", Map.of(
                "client-certificate-data", base64("-----BEGIN CERTIFICATE-----\nnot-secret\n-----END CERTIFICATE-----\n"),
                "client-key-data", base64(CLIENT_KEY)))));
        users.add(YAML.valueToTree(Map.of("name", "basic-user", "user", Map.of("username", "admin", "password", PASSWORD))));
        ArrayNode contexts = (ArrayNode) config.get("contexts");
        ObjectNode sso = (ObjectNode) contexts.get(0).get("context");
        sso.put("user", "sso-user");
        contexts.add(YAML.valueToTree(Map.of("name", "key", "context", Map.of("cluster", "testkube", "user", "key-user", "namespace", namespace))));
        contexts.add(YAML.valueToTree(Map.of("name", "basic", "context", Map.of("cluster", "testkube", "user", "basic-user", "namespace", namespace))));
        Files.writeString(kubeconfig, YAML.writeValueAsString(config));
        return token;
    }

    private static void cli(Map<String, String> outputs, String name, int expectedExit, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskConsoleCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        assertThat(code).as(name + "\n" + out + "\n" + err).isEqualTo(expectedExit);
        outputs.put("CLI " + name + " stdout", out.toString());
        outputs.put("CLI " + name + " stderr", err.toString());
    }

    private static void addFiles(Map<String, String> outputs, Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                outputs.put("file " + file, new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
            }
        }
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
