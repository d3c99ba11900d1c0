package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.UnreachableCluster;
import java.io.File;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The helm command a dry run shows names the kubeconfig files and context a submission would hand helm. */
class DryRunKubeconfigTest {

    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    @TempDir
    Path temp;

    private String shownCommand(Map<String, String> env) {
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        DryRun dryRun = new DryRun(HelmLocator.forSystem(), new HelmRunner(), Clock.systemUTC(), "pm", "test",
                new Kubeconfigs(env, temp.resolve("user-home")));
        SubmitSettings settings = new SubmitSettings(new KubeTarget(null, null, "orchestrator"), ChartSource.parse(CHART),
                null, null, false, null, null, null);
        return dryRun.render(task, 1, settings, null, PromptTemplate.defaultTemplate(), false).helmCommand();
    }

    @Test
    void aKubeconfigListGoesToHelmAsKubeconfigWithTheCurrentContext() {
        Path first = UnreachableCluster.kubeconfig(temp.resolve("a").resolve("config"), "alpha");
        Path second = UnreachableCluster.kubeconfig(temp.resolve("b").resolve("config"), "beta");

        String command = shownCommand(Map.of("KUBECONFIG", first + File.pathSeparator + temp.resolve("missing")
                + File.pathSeparator + second, "HOME", temp.resolve("home").toString()));

        assertThat(command).startsWith("KUBECONFIG=" + first + File.pathSeparator + second + " ")
                .contains("--kube-context alpha").doesNotContain("--kubeconfig");
    }

    @Test
    void homesKubeconfigIsNamedWithKubeconfig() {
        Path home = temp.resolve("home");
        Path config = UnreachableCluster.kubeconfig(home.resolve(".kube").resolve("config"), "from-home");
        UnreachableCluster.kubeconfig(temp.resolve("user-home").resolve(".kube").resolve("config"), "from-user-home");

        String command = shownCommand(Map.of("HOME", home.toString()));

        assertThat(command).contains("--kubeconfig " + config, "--kube-context from-home")
                .doesNotContain("from-user-home", "KUBECONFIG=");
    }

    @Test
    void withoutAnyKubeconfigTheDryRunStillShowsACommand() {
        String command = shownCommand(Map.of("HOME", temp.resolve("home").toString()));

        assertThat(command).contains("helm upgrade --install").doesNotContain("--kubeconfig", "--kube-context");
    }
}
