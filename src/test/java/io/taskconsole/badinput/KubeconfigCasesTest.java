package io.taskconsole.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;

import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.TestKubeApiServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Kubeconfigs as users have them: missing, empty, half-edited, with logins that fail. Each is
 * checked the way the app's "Test connection" and every submission start: resolving the context,
 * then asking the test API server who it is.
 */
@Timeout(40)
class KubeconfigCasesTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    @TempDir
    Path temp;

    private String namespace;
    private Path kubeconfig;

    @BeforeEach
    void setUp() {
        namespace = "kc-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "lab", namespace);
    }

    private static KubeConnector connector(Path home) {
        return new KubeConnector(new Kubeconfigs(Map.of(), home), Duration.ofSeconds(3), Duration.ofSeconds(5));
    }

    private String check(Path config, String context) {
        return messageOf(() -> new ConnectionCheck(connector(temp.resolve("home")))
                .check(new KubeTarget(config, context, namespace)));
    }

    private void edit(Consumer<ObjectNode> change) throws IOException {
        ObjectNode config = (ObjectNode) YAML.readTree(kubeconfig.toFile());
        change.accept(config);
        Files.writeString(kubeconfig, YAML.writeValueAsString(config));
    }

    private static ObjectNode first(ObjectNode config, String list, String inner) {
        return (ObjectNode) ((ArrayNode) config.get(list)).get(0).get(inner);
    }

    private Path plugin(String body) throws IOException {
        Path plugin = temp.resolve("bin/login-plugin");
        Files.createDirectories(plugin.getParent());
        Files.writeString(plugin, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(plugin, PosixFilePermissions.fromString("rwx------"));
        edit(config -> first(config, "users", "user").removeAll().set("exec", YAML.valueToTree(Map.of(
                "apiVersion", "client.authentication.k8s.io/v1", "command", plugin.toString(),
                "args", List.of("get-token"), "interactiveMode", "Never"))));
        return plugin;
    }

    @Test
    @BadInputCase(id = "kubeconfig-missing", area = "Kubeconfig", input = "No ~/.kube/config and no $KUBECONFIG",
            shows = "Kubeconfig file <home>/.kube/config does not exist. Create it (your cluster's provider documents how, "
                    + "e.g. 'aws eks update-kubeconfig') or choose a kubeconfig file.")
    void missing() {
        shows(check(null, null));
    }

    @Test
    @BadInputCase(id = "kubeconfig-chosen-missing", area = "Kubeconfig", input = "`--kubeconfig` naming a file that does not exist",
            shows = "Kubeconfig file <path> does not exist. Choose an existing kubeconfig file.")
    void chosenMissing() {
        shows(check(temp.resolve("nope.yaml"), null));
    }

    @Test
    @BadInputCase(id = "kubeconfig-empty", area = "Kubeconfig", input = "An empty kubeconfig file",
            shows = "Kubeconfig file <path> could not be read: it is empty. Check it with 'kubectl config view --kubeconfig <path>' "
                    + "or choose another file.")
    void empty() throws IOException {
        Files.writeString(kubeconfig, "");
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "kubeconfig-broken-yaml", area = "Kubeconfig", input = "A kubeconfig with broken YAML (a tab in the indentation)",
            shows = "Kubeconfig file <path> could not be read: it is not valid YAML (line <n>, column <n>). Check it with "
                    + "'kubectl config view --kubeconfig <path>' or choose another file.",
            outcome = "The message quotes no value of the file, so no credential can leak through it.")
    void brokenYaml() throws IOException {
        Files.writeString(kubeconfig, Files.readString(kubeconfig) + "\tpassword: [x\n");
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "kubeconfig-no-current-context", area = "Kubeconfig", input = "No current-context and no context chosen",
            shows = "The kubeconfig <path> has no current-context and no context was chosen. Choose a context (one of lab), "
                    + "or run 'kubectl config use-context NAME'.")
    void noCurrentContext() throws IOException {
        edit(config -> config.remove("current-context"));
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "kubeconfig-unknown-context", area = "Kubeconfig", input = "`--context prod` that the file does not have",
            shows = "Context 'prod' is not in the kubeconfig <path>, which defines: lab. Choose one of: lab.")
    void unknownContext() {
        shows(check(kubeconfig, "prod"));
    }

    @Test
    @BadInputCase(id = "kubeconfig-missing-cluster", area = "Kubeconfig", input = "A context naming a cluster the file does not define",
            shows = "Context 'lab' names cluster 'gone', which is not in the kubeconfig <path>. Add the cluster "
                    + "('kubectl config set-cluster') or point the context at one that is there.")
    void missingCluster() throws IOException {
        edit(config -> first(config, "contexts", "context").put("cluster", "gone"));
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "kubeconfig-missing-user", area = "Kubeconfig", input = "A context naming a user the file does not define",
            shows = "Context 'lab' names user 'gone', which is not in the kubeconfig <path>. Log in again with your cluster's "
                    + "tool (it writes the user), or point the context at a user that is there.")
    void missingUser() throws IOException {
        edit(config -> first(config, "contexts", "context").put("user", "gone"));
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "token-expired", area = "Kubeconfig", input = "An expired or revoked token (the API server answers 401)",
            shows = "The cluster of context 'lab' rejected your credentials (401 Unauthorized) when trying to get version "
                    + "in namespace '<ns>'. Log in again (your token may have expired) and check with 'kubectl --context lab auth whoami'.")
    void expiredToken() throws IOException {
        edit(config -> first(config, "users", "user").put("token", "revoked-token"));
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "exec-plugin-fails", area = "Kubeconfig", input = "An exec-plugin login that exits 1 (\"SSO session expired\")",
            shows = "The cluster of context 'lab' rejected your credentials (401 Unauthorized) when trying to get version "
                    + "in namespace '<ns>': the user's login plugin '<path>/login-plugin' gave no usable token (it failed, is missing, "
                    + "or printed something other than an ExecCredential). Run it in a terminal to see why and log in, e.g. "
                    + "'kubectl --context lab auth whoami'.",
            outcome = "fabric8 sends the request without a token when the plugin fails; the 401 and the kubeconfig's exec entry are what is known.")
    void execPluginFails() throws IOException {
        plugin("echo 'error: SSO session expired, run aws sso login' >&2; exit 1");
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "exec-plugin-garbage", area = "Kubeconfig", input = "An exec-plugin login that prints something other than an ExecCredential",
            shows = "The cluster of context 'lab' rejected your credentials (401 Unauthorized) when trying to get version "
                    + "in namespace '<ns>': the user's login plugin '<path>/login-plugin' gave no usable token (it failed, is missing, "
                    + "or printed something other than an ExecCredential). Run it in a terminal to see why and log in, e.g. "
                    + "'kubectl --context lab auth whoami'.",
            outcome = "fabric8 sends the request without a token when the plugin fails; the 401 and the kubeconfig's exec entry are what is known.")
    void execPluginGarbage() throws IOException {
        plugin("echo 'Please open https://login.example/device and enter code ABCD'");
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "exec-plugin-hangs", area = "Kubeconfig", input = "An exec-plugin login that never ends (waiting for a browser login)",
            shows = "The login plugin '<path>/login-plugin' of context 'lab' (kubeconfig <path>) did not finish within 5 s; it may be "
                    + "waiting for a login no one can see. Run it in a terminal to log in (e.g. 'kubectl --context lab get ns'), then "
                    + "try again; or fix the users[].exec entry of the kubeconfig.",
            outcome = "After the request timeout instead of never; the plugin's processes are stopped, none is left behind.")
    void execPluginHangs() throws IOException {
        Path plugin = plugin("sleep 600");
        shows(check(kubeconfig, null));
        assertThat(ProcessHandle.current().descendants()
                .filter(p -> p.info().commandLine().orElse("").contains(plugin.toString()) || p.info().command().orElse("").endsWith("sleep")))
                .as("the plugin is stopped").isEmpty();
    }

    @Test
    @BadInputCase(id = "exec-plugin-missing", area = "Kubeconfig", input = "An exec-plugin whose command is not installed",
            shows = "The cluster of context 'lab' rejected your credentials (401 Unauthorized) when trying to get version "
                    + "in namespace '<ns>': the user's login plugin '<path>/login-plugin' gave no usable token (it failed, is missing, "
                    + "or printed something other than an ExecCredential). Run it in a terminal to see why and log in, e.g. "
                    + "'kubectl --context lab auth whoami'.",
            outcome = "fabric8 sends the request without a token when the plugin fails; the 401 and the kubeconfig's exec entry are what is known.")
    void execPluginMissing() throws IOException {
        Path plugin = plugin("exit 0");
        Files.delete(plugin);
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "tls-untrusted", area = "Kubeconfig", input = "The cluster's certificate is not signed by the kubeconfig's CA",
            shows = "The cluster of context 'lab' at https://127.0.0.1:<port>/ presented a certificate the kubeconfig does not trust "
                    + "(<reason>). Check the cluster's certificate-authority in the kubeconfig ('kubectl config view --minify "
                    + "--context lab'), or get a fresh kubeconfig from your cluster's provider.")
    void untrustedCertificate() throws IOException {
        edit(config -> first(config, "clusters", "cluster").remove("certificate-authority-data"));
        shows(check(kubeconfig, null));
    }

    @Test
    @BadInputCase(id = "cluster-forbids-everything", area = "Kubeconfig", input = "A user the cluster knows but allows nothing",
            shows = "The cluster of context 'lab' accepted your credentials but lets your user do nothing (403 Forbidden on /version). "
                    + "Ask a cluster admin to bind the task-console-submitter Role to you in '<ns>' (see docs/helm-deployment-flow.md, "
                    + "RBAC); check with 'kubectl --context lab auth whoami'.")
    void forbidsEverything() {
        try (var fault = SERVER.failWhen(FaultRule.forbidAll())) {
            shows(check(kubeconfig, null));
        }
    }
}
