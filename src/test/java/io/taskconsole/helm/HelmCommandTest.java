package io.taskconsole.helm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HelmCommandTest {

    private static final HelmBinary HELM = new HelmBinary(Path.of("/usr/local/bin/helm"), "v3.18.0");

    @Test
    void upgradeInstallPassesEveryValueAsItsOwnArgument() {
        HelmCommand command = HelmCommand.upgradeInstall(HELM, "task-1001-a1", "/charts/claude-code",
                Path.of("/home/pm/My Configs/kube.yaml"), "prod ctx", "orchestrator", Path.of("/tmp/values.yaml"),
                List.of(Path.of("/tmp/extra one.yaml")), Duration.ofMinutes(5), true);

        assertThat(command.commandLine()).containsExactly("/usr/local/bin/helm",
                "upgrade", "--install", "task-1001-a1", "/charts/claude-code", "--namespace", "orchestrator",
                "--kubeconfig", "/home/pm/My Configs/kube.yaml", "--kube-context", "prod ctx",
                "--values", "/tmp/values.yaml", "--values", "/tmp/extra one.yaml", "--timeout", "300s", "--wait");
        assertThat(command.timeout()).contains(Duration.ofSeconds(300));
        assertThat(command.subcommand()).isEqualTo("upgrade");
        assertThat(command.arguments()).doesNotContain("--create-namespace");
    }

    @Test
    void upgradeInstallLeavesOutKubeconfigContextAndWaitWhenNotGiven() {
        HelmCommand command = HelmCommand.upgradeInstall(HELM, "rel", "chart", List.of(), null, "ns", Path.of("v.yaml"),
                List.of(), Duration.ofMillis(1500), false);

        assertThat(command.arguments()).containsExactly("upgrade", "--install", "rel", "chart", "--namespace", "ns",
                "--values", "v.yaml", "--timeout", "2s");
    }

    @Test
    void templateStatusAndListHaveTheirOwnShapes() {
        assertThat(HelmCommand.template(HELM, "rel", "chart", "ns", Path.of("v.yaml"), List.of(Path.of("w.yaml"))).arguments())
                .containsExactly("template", "rel", "chart", "--namespace", "ns", "--values", "v.yaml", "--values", "w.yaml");
        assertThat(HelmCommand.status(HELM, "rel", Path.of("k.yaml"), "ctx", "ns").arguments())
                .containsExactly("status", "rel", "--namespace", "ns", "--kubeconfig", "k.yaml", "--kube-context", "ctx");
        assertThat(HelmCommand.list(HELM, null, null, "ns").with("--output", "json").arguments())
                .containsExactly("list", "--namespace", "ns", "--output", "json");
    }

    @Test
    void displayQuotesWhatAShellWouldSplit() {
        HelmCommand command = HelmCommand.upgradeInstall(HELM, "rel", "chart", Path.of("/home/pm/it's here/kube"),
                null, "ns", Path.of("/tmp/v.yaml"), List.of(), Duration.ofSeconds(300), false);

        assertThat(command.display()).isEqualTo("/usr/local/bin/helm upgrade --install rel chart --namespace ns"
                + " --kubeconfig '/home/pm/it'\\''s here/kube' --values /tmp/v.yaml --timeout 300s");
    }

    @Test
    void displayMasksCredentials() {
        HelmCommand command = HelmCommand.of(HELM, List.of("repo", "add", "r", "https://charts", "--username", "pm",
                "--password", "hunter2", "--registry-token=abc123",
                "--set", "image.tag=1.2,anthropic.apiKey=sk-ant-secret", "--set-string=db.password=pw1"));

        String shown = command.display();

        assertThat(shown).doesNotContain("hunter2", "abc123", "sk-ant-secret", "pw1")
                .contains("--username pm --password REDACTED --registry-token=REDACTED"
                        + " --set image.tag=1.2,anthropic.apiKey=REDACTED --set-string=db.password=REDACTED");
        assertThat(command.arguments()).contains("hunter2");
    }

    @Test
    void rejectsReleaseNamesHelmWouldReject() {
        assertThatThrownBy(() -> HelmCommand.status(HELM, "Task_1", null, null, "ns"))
                .isInstanceOfSatisfying(TaskConsoleException.class,
                        e -> assertThat(e.getMessage()).contains("'Task_1'"));
        assertThatThrownBy(() -> HelmCommand.status(HELM, "a".repeat(54), null, null, "ns"))
                .isInstanceOf(TaskConsoleException.class);
    }

    @Test
    void rejectsATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> HelmCommand.upgradeInstall(HELM, "rel", "chart", List.of(), null, "ns", Path.of("v.yaml"),
                List.of(), Duration.ZERO, false))
                .isInstanceOfSatisfying(TaskConsoleException.class,
                        e -> assertThat(e.oneLine()).contains("timeout", "at least one second"));
    }

    @Test
    void rejectsAChartOrNamespaceThatWouldReadAsAFlag() {
        assertThatThrownBy(() -> HelmCommand.template(HELM, "rel", "--post-renderer=x", "ns", Path.of("v"), List.of()))
                .isInstanceOf(TaskConsoleException.class).hasMessageContaining("not a chart");
        assertThatThrownBy(() -> HelmCommand.list(HELM, null, null, "-n"))
                .isInstanceOf(TaskConsoleException.class).hasMessageContaining("namespace");
    }

    /** helm takes one --kubeconfig; the list the app resolved from $KUBECONFIG goes in its environment. */
    @Test
    void oneKubeconfigIsAFlagAndAListIsHelmsEnvironment() {
        HelmCommand one = HelmCommand.upgradeInstall(HELM, "rel", "chart", List.of(Path.of("/k/a")), "ctx", "ns",
                Path.of("v.yaml"), List.of(), Duration.ofSeconds(60), false);
        HelmCommand two = HelmCommand.upgradeInstall(HELM, "rel", "chart", List.of(Path.of("/k/a"), Path.of("/k/b")),
                "ctx", "ns", Path.of("v.yaml"), List.of(), Duration.ofSeconds(60), false);

        assertThat(one.arguments()).containsSequence("--kubeconfig", "/k/a");
        assertThat(one.environment()).isEmpty();
        assertThat(two.arguments()).doesNotContain("--kubeconfig");
        assertThat(two.environment()).containsEntry("KUBECONFIG", "/k/a" + java.io.File.pathSeparator + "/k/b");
        assertThat(two.display()).startsWith("KUBECONFIG=/k/a" + java.io.File.pathSeparator + "/k/b ");
    }
}
