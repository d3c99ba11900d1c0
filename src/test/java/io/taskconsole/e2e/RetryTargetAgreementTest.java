package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.ui.RealCoreModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI and the console follow one rule for where a retry goes: where attempt N went, unless
 * the user explicitly picks another target. Here the console's cluster pane points at another
 * namespace than the attempt went to, as it does after a PM looks at another cluster.
 */
class RetryTargetAgreementTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    @TempDir
    Path temp;
    private String wentTo;
    private String elsewhere;
    private RealCoreModels console;

    @BeforeEach
    void setUp() {
        wentTo = "went-" + Long.toHexString(System.nanoTime());
        elsewhere = "else-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(wentTo);
        SERVER.createAttemptNamespace(elsewhere);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", wentTo);
        console = new RealCoreModels(temp, kubeconfig, "test-context", wentTo);
        console.cluster.helmPathProperty().set(ToolBinaries.helm().toString());
        console.cluster.chartProperty().set(CHART);
        console.cluster.timeoutProperty().set("60s");
        console.submit.submit();
        assertThat(console.submit.lastOutcomeProperty().get().succeeded()).as(console.log.text()).isTrue();
        console.cluster.namespaceProperty().set(elsewhere);
    }

    @Test
    void theConsoleAndTheCliBothRetryWhereTheAttemptWent() {
        console.submit.retry(1, false);
        assertThat(console.submit.lastOutcomeProperty().get().attempt()).as(console.log.text()).isEqualTo(2);
        assertThat(console.log.text()).contains("Retry attempt 1 where it went: test-context / " + wentTo);

        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskConsoleCli.run(new PrintWriter(out), new PrintWriter(err), "retry",
                console.task.folder().toString(), "--attempt", "1", "--helm", ToolBinaries.helm().toString(),
                "--chart", CHART, "--timeout", "60s");
        assertThat(code).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("Retry attempt 1 where it went: test-context / " + wentTo);

        assertThat(configMap(wentTo, 2)).as("the console's retry").isTrue();
        assertThat(configMap(wentTo, 3)).as("the CLI's retry").isTrue();
        assertThat(configMap(elsewhere, 1)).as("nothing went to the selected namespace").isFalse();
    }

    @Test
    void choosingTheSelectedTargetSendsTheRetryThere() {
        console.submit.retry(1, true);

        assertThat(console.submit.lastOutcomeProperty().get().succeeded()).as(console.log.text()).isTrue();
        assertThat(console.log.text()).contains("Retry attempt 1 (sent to test-context / " + wentTo
                + ") in test-context / " + elsewhere + " (kubeconfig " + temp.resolve("kube").resolve("kubeconfig") + ") instead.");
        assertThat(configMap(elsewhere, 1)).as("a new sequence in the selected namespace").isTrue();
    }

    private boolean configMap(String namespace, int attempt) {
        return SERVER.client().configMaps().inNamespace(namespace)
                .withName("auth-service-task-1001-run-" + attempt + "-files").get() != null;
    }
}
