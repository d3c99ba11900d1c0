package io.taskconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskconsole.TaskConsoleException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KubeconfigsTest {

    static final String TOKEN = "sEcReT-t0ken-do-not-show";
    static final String PASSWORD = "hunter2-pa55word";

    @TempDir
    Path dir;

    /** A kubeconfig with one cluster and user per context; the user carries a token and a password. */
    static String kubeconfig(String currentContext, String server, String... contexts) {
        StringBuilder y = new StringBuilder("apiVersion: v1\nkind: Config\n");
        if (currentContext != null) {
            y.append("current-context: ").append(currentContext).append('\n');
        }
        y.append("clusters:\n");
        for (String c : contexts) {
            y.append("- name: ").append(c).append("-cluster\n  cluster:\n    server: ").append(server).append('\n')
                    .append("    insecure-skip-tls-verify: true\n");
        }
        y.append("contexts:\n");
        for (String c : contexts) {
            y.append("- name: ").append(c).append("\n  context:\n    cluster: ").append(c).append("-cluster\n")
                    .append("    user: ").append(c).append("-user\n    namespace: ns-").append(c).append('\n');
        }
        y.append("users:\n");
        for (String c : contexts) {
            y.append("- name: ").append(c).append("-user\n  user:\n    token: ").append(TOKEN).append('\n')
                    .append("    username: admin\n    password: ").append(PASSWORD).append('\n');
        }
        return y.toString();
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    private Kubeconfigs kubeconfigs(Map<String, String> env) {
        return new Kubeconfigs(env, dir.resolve("home"));
    }

    @Test
    void readsContextsCurrentContextAndNamespacesButNoCredentials() throws IOException {
        Path file = write("config", kubeconfig("dev", "https://dev.example:6443", "dev", "prod"));

        KubeconfigInfo info = kubeconfigs(Map.of()).read(file);

        assertThat(info.files()).containsExactly(file);
        assertThat(info.contexts()).containsExactly("dev", "prod");
        assertThat(info.currentContext()).isEqualTo("dev");
        assertThat(info.namespaceByContext()).containsEntry("dev", "ns-dev").containsEntry("prod", "ns-prod");
        assertThat(info.toString()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
    }

    @Test
    void anExplicitFileThatDoesNotExistIsNamed() {
        Path missing = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> kubeconfigs(Map.of()).read(missing))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("Kubeconfig file " + missing + " does not exist");
                    assertThat(e.fix()).isEqualTo("Choose an existing kubeconfig file.");
                });
    }

    @Test
    void withoutKubeconfigTheHomeConfigIsUsedAndItsAbsenceExplained() {
        Path expected = dir.resolve("home").resolve(".kube").resolve("config");
        assertThat(kubeconfigs(Map.of()).files(null)).containsExactly(expected);
        assertThatThrownBy(() -> kubeconfigs(Map.of()).read(null))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Kubeconfig file " + expected + " does not exist");
                    assertThat(e.fix()).contains("choose a kubeconfig file");
                });
    }

    @Test
    void malformedYamlNamesTheFileAndHowToCheckIt() throws IOException {
        Path file = write("broken", "apiVersion: v1\nusers:\n- name: u\n  user:\n    token: " + TOKEN
                + "\n   password: [" + PASSWORD + "\n");
        TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                () -> kubeconfigs(Map.of()).read(file));
        assertThat(e).isNotNull();
        assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
        assertThat(e.getMessage()).isEqualTo("Kubeconfig file " + file
                + " could not be read: it is not valid YAML (line 6, column 4)");
        assertThat(e.fix()).contains("kubectl config view --kubeconfig " + file);
        assertNoSecret(e);
    }

    @Test
    void anEmptyFileIsExplained() throws IOException {
        Path file = write("empty", "");
        assertThatThrownBy(() -> kubeconfigs(Map.of()).read(file))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageStartingWith("Kubeconfig file " + file + " could not be read");
    }

    @Test
    void kubeconfigPathListMergesContextsFirstCurrentContextWinsAndMissingEntriesAreSkipped() throws IOException {
        Path first = write("a", kubeconfig("alpha", "https://a.example", "alpha", "shared"));
        Path second = write("b", kubeconfig("beta", "https://b.example", "beta", "shared"));
        Path missing = dir.resolve("missing");
        String list = String.join(File.pathSeparator, first.toString(), missing.toString(), second.toString());

        KubeconfigInfo info = kubeconfigs(Map.of("KUBECONFIG", list)).read(null);

        assertThat(info.files()).containsExactly(first, missing, second);
        assertThat(info.missing()).containsExactly(missing);
        assertThat(info.read()).containsExactly(first, second);
        assertThat(info.contexts()).containsExactly("alpha", "shared", "beta");
        assertThat(info.currentContext()).isEqualTo("alpha");
    }

    @Test
    void aLaterFileProvidesTheCurrentContextWhenTheFirstHasNone() throws IOException {
        Path first = write("a", kubeconfig(null, "https://a.example", "alpha"));
        Path second = write("b", kubeconfig("beta", "https://b.example", "beta"));
        KubeconfigInfo info = kubeconfigs(Map.of("KUBECONFIG", first + File.pathSeparator + second)).read(null);
        assertThat(info.currentContext()).isEqualTo("beta");
    }

    @Test
    void kubeconfigListWhereNoFileExistsIsExplained() {
        String list = dir.resolve("x") + File.pathSeparator + dir.resolve("y");
        assertThatThrownBy(() -> kubeconfigs(Map.of("KUBECONFIG", list)).read(null))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).startsWith("None of the kubeconfig files in $KUBECONFIG exist");
                    assertThat(e.fix()).contains("$KUBECONFIG");
                });
    }

    @Test
    void noCurrentContextAndNoChosenContextListsTheContexts() throws IOException {
        Path file = write("config", kubeconfig(null, "https://x.example", "dev", "prod"));
        assertThatThrownBy(() -> kubeconfigs(Map.of()).resolveContext(new KubeTarget(file, null, null)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("The kubeconfig " + file
                            + " has no current-context and no context was chosen");
                    assertThat(e.fix()).contains("dev, prod").contains("kubectl config use-context");
                    assertNoSecret(e);
                });
    }

    @Test
    void aChosenContextThatIsNotThereListsTheAvailableOnes() throws IOException {
        Path file = write("config", kubeconfig("dev", "https://x.example", "dev", "prod"));
        assertThatThrownBy(() -> kubeconfigs(Map.of()).resolveContext(new KubeTarget(file, "staging", null)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Context 'staging' is not in the kubeconfig " + file + ", which defines: dev, prod");
                    assertThat(e.fix()).isEqualTo("Choose one of: dev, prod.");
                    assertNoSecret(e);
                });
    }

    @Test
    void theChosenContextWinsOverTheCurrentOne() throws IOException {
        Path file = write("config", kubeconfig("dev", "https://x.example", "dev", "prod"));
        Kubeconfigs kubeconfigs = kubeconfigs(Map.of());
        assertThat(kubeconfigs.resolveContext(new KubeTarget(file, "prod", null))).isEqualTo("prod");
        assertThat(kubeconfigs.resolveContext(new KubeTarget(file, " ", null))).isEqualTo("dev");
    }

    /**
     * Listing the contexts reads only their names, so a file whose users are broken still lists them;
     * choosing one to connect reads the whole file and stops there, without showing the broken value.
     */
    @Test
    void brokenUsersStillListTheContextsButStopTheConnection() throws IOException {
        Path file = write("broken-user", "current-context: dev\ncontexts:\n- name: dev\n  context: {cluster: c, user: u, namespace: team}\n"
                + "clusters:\n- name: c\n  cluster: {server: https://x.example}\nusers:\n- name: u\n  user: " + PASSWORD + "\n");

        KubeconfigInfo info = kubeconfigs(Map.of()).read(file);
        assertThat(info.contexts()).containsExactly("dev");
        assertThat(info.namespaceByContext()).containsEntry("dev", "team");

        TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                () -> kubeconfigs(Map.of()).resolveContext(new KubeTarget(file, "dev", null)));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("Kubeconfig file " + file + " could not be read: a value has the wrong type or shape");
        assertNoSecret(e);
    }

    @Test
    void contextsOfTheWrongShapeAreNamed() throws IOException {
        Path file = write("contexts-scalar", "contexts: " + TOKEN + "\n");

        assertThatThrownBy(() -> kubeconfigs(Map.of()).read(file))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessage("Kubeconfig file " + file + " could not be read: a value has the wrong type or shape for a kubeconfig (contexts)")
                .satisfies(KubeconfigsTest::assertNoSecret);
    }

    @Test
    void noErrorAboutAKubeconfigEverShowsItsCredentials() throws IOException {
        List<TaskConsoleException> errors = new ArrayList<>();
        Path good = write("good", kubeconfig(null, "https://x.example", "dev"));
        List<String> broken = List.of(
                "users:\n- name: u\n  user:\n    token: " + TOKEN + "\n  - password: " + PASSWORD + "\n",
                "users: [ {name: u, user: {token: " + TOKEN + ", password: " + PASSWORD + "}\n",
                "users:\n- name: u\n  user:\n    token: " + TOKEN + "\n\tpassword: " + PASSWORD + "\n",
                "contexts: " + TOKEN + "\n",
                "users:\n- name: u\n  user: " + PASSWORD + "\n",
                "current-context: dev\ncontexts:\n- name: dev\n  context: {cluster: c, user: u}\nusers:\n- name: u\n"
                        + "  user:\n    token: *" + TOKEN + "\n");
        for (int i = 0; i < broken.size(); i++) {
            Path file = write("broken-" + i, broken.get(i));
            collect(errors, () -> kubeconfigs(Map.of()).read(file));
            collect(errors, () -> kubeconfigs(Map.of()).resolveContext(new KubeTarget(file, "dev", null)));
        }
        collect(errors, () -> kubeconfigs(Map.of()).resolveContext(new KubeTarget(good, null, null)));
        collect(errors, () -> kubeconfigs(Map.of()).resolveContext(new KubeTarget(good, "nope", null)));

        assertThat(errors).hasSizeGreaterThanOrEqualTo(broken.size() + 2);
        errors.forEach(KubeconfigsTest::assertNoSecret);
    }

    private static void collect(List<TaskConsoleException> errors, Runnable call) {
        try {
            call.run();
        } catch (TaskConsoleException e) {
            errors.add(e);
        }
    }

    /** Neither the message nor any cause (which --verbose and the log file show) holds a credential. */
    static void assertNoSecret(Throwable e) {
        if (e instanceof TaskConsoleException tce) {
            assertThat(tce.oneLine()).doesNotContain(TOKEN).doesNotContain(PASSWORD);
        }
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(TOKEN).doesNotContain(PASSWORD);
        }
    }

    /**
     * The orchestrator's default in a pod: the ServiceAccount only when nothing names a kubeconfig or a
     * context; a named context with no kubeconfig stays a kubeconfig target, whose missing file is the error.
     */
    @Test
    void inAPodWithoutAKubeconfigTheServiceDefaultIsInCluster() throws IOException {
        Map<String, String> pod = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443",
                "HOME", dir.resolve("pod-home").toString());
        Kubeconfigs inPod = new Kubeconfigs(pod, dir.resolve("user-home"));
        assertThat(inPod.inPod()).isTrue();
        assertThat(inPod.serviceTarget(null, null, "team")).isEqualTo(KubeTarget.inCluster("team"));

        KubeTarget named = inPod.serviceTarget(null, "prod", "team");
        assertThat(named.inCluster()).isFalse();
        assertThatThrownBy(() -> inPod.resolveContext(named)).isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining(dir.resolve("pod-home").resolve(".kube").resolve("config").toString());

        Path mounted = write("mounted", kubeconfig("dev", "https://x.example", "dev"));
        Kubeconfigs withList = new Kubeconfigs(Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBECONFIG",
                mounted.toString()), dir.resolve("user-home"));
        assertThat(withList.serviceTarget(null, null, "team")).isEqualTo(new KubeTarget(null, null, "team"));

        Kubeconfigs desktop = new Kubeconfigs(Map.of("HOME", dir.resolve("pod-home").toString()), dir.resolve("user-home"));
        assertThat(desktop.inPod()).isFalse();
        assertThat(desktop.serviceTarget(null, null, "team").inCluster()).as("never in-cluster outside a pod").isFalse();
    }

    /** kubectl's home: $HOME, then (Windows) %USERPROFILE%, then %HOMEDRIVE%%HOMEPATH%, then Java's user.home. */
    @Test
    void theHomeIsFoundAsKubectlFindsIt() {
        Path userHome = dir.resolve("user-home");
        assertThat(new Kubeconfigs(Map.of("HOME", "/h"), userHome).files(null)).containsExactly(Path.of("/h/.kube/config"));
        assertThat(new Kubeconfigs(Map.of("USERPROFILE", "/u"), userHome).files(null))
                .containsExactly(Path.of("/u/.kube/config"));
        assertThat(new Kubeconfigs(Map.of("HOMEDRIVE", "/d", "HOMEPATH", "/p"), userHome).files(null))
                .containsExactly(Path.of("/d/p/.kube/config"));
        assertThat(new Kubeconfigs(Map.of("HOME", " "), userHome).files(null))
                .containsExactly(userHome.resolve(".kube").resolve("config"));
    }

    /** Several files merged as kubectl merges them: the first file that names a context or cluster wins. */
    @Test
    void aListOfFilesIsMergedForTheClientInOrder() throws IOException {
        Path first = write("first", kubeconfig("dev", "https://first.example", "dev"));
        Path second = write("second", kubeconfig("prod", "https://second.example", "dev", "prod"));
        Kubeconfigs kubeconfigs = kubeconfigs(Map.of("KUBECONFIG", first + java.io.File.pathSeparator + second));

        assertThat(kubeconfigs.read(null).contexts()).containsExactly("dev", "prod");
        assertThat(kubeconfigs.read(null).currentContext()).as("the first current-context wins").isEqualTo("dev");
        assertThat(kubeconfigs.clientConfig(new KubeTarget(null, "dev", null), "dev").getMasterUrl())
                .startsWith("https://first.example");
        assertThat(kubeconfigs.clientConfig(new KubeTarget(null, "prod", null), "prod").getMasterUrl())
                .startsWith("https://second.example");
    }
}
