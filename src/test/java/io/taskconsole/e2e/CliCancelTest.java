package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.TestKubeApiServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on {@code task-console submit}: the real launcher in its own JVM, stopped by a signal
 * while a helm that ignores SIGTERM (as helm does while it waits for resources) is running.
 */
class CliCancelTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();

    @TempDir
    Path temp;

    @Test
    @Timeout(180)
    void aSignalStopsHelmRecordsTheAttemptAsCancelledAndSaysSo() throws Exception {
        String namespace = "cli-cancel-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        Path kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        TaskDraft task = SampleTask.create(temp.resolve("tasks"));
        Path helm = HangingHelm.writeInto(temp.resolve("bin"));

        Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
                "io.taskconsole.Launcher", "submit", task.folder().toString(), "--kubeconfig", kubeconfig.toString(),
                "-n", namespace, "--helm", helm.toString()).start();
        cli.getOutputStream().close();
        List<String> out = new CopyOnWriteArrayList<>();
        List<String> err = new CopyOnWriteArrayList<>();
        CountDownLatch helmRunning = new CountDownLatch(1);
        Thread outReader = collect(cli.getInputStream(), out, helmRunning);
        Thread errReader = collect(cli.getErrorStream(), err, new CountDownLatch(1));
        try {
            assertThat(helmRunning.await(90, TimeUnit.SECONDS)).as("helm started: %s %s", out, err).isTrue();

            // SIGTERM, as on Ctrl-C the JVM runs its shutdown hooks; Process.destroy would also close our pipes.
            cli.toHandle().destroy();
            assertThat(cli.waitFor(90, TimeUnit.SECONDS)).as("the CLI ended: %s %s", out, err).isTrue();
            outReader.join(10_000);
            errReader.join(10_000);
        } finally {
            cli.destroyForcibly();
        }

        assertThat(err).as("stderr").contains("task-console: cancelling; stopping helm");
        assertThat(String.join("\n", out)).as("stdout").contains("==> Attempt 1 was cancelled while helm ran; its ConfigMap stays");
        assertThat(new AttemptHistory(task.folder()).list()).as("the history records the cancelled attempt")
                .singleElement().extracting(AttemptRecord::status).isEqualTo(AttemptResult.CANCELLED);
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(helm.toString())))
                .as("no helm process is left running").isEmpty();
    }

    private static Thread collect(InputStream stream, List<String> lines, CountDownLatch helmRunning) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                    if (line.startsWith("installing")) {
                        helmRunning.countDown();
                    }
                }
            } catch (IOException e) {
                lines.add("(reading failed: " + e + ")");
            }
        }, "cli-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
