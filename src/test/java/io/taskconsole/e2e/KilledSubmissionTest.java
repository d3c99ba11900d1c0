package io.taskconsole.e2e;

import static io.taskconsole.badinput.BadInput.shows;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Secret;
import io.taskconsole.badinput.BadInputCase;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.testkube.FaultRule;
import io.taskconsole.testkube.HeldRequests;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of {@code task-console submit} (the real launcher, its own JVM) at each stage of
 * a submission, then a restart ({@code task-console attempts}, another JVM): the local history and
 * the cluster agree, and the half-made attempt is recorded as failed (or, when helm had installed
 * it, as submitted), never dropped. Each stage is reached by stopping the CLI where it can be
 * seen from outside: a request the test API server holds, a helm that hangs, the history's lock.
 */
@Timeout(240)
class KilledSubmissionTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path temp;

    private String namespace;
    private Path kubeconfig;
    private TaskDraft task;

    @BeforeEach
    void setUp() throws Exception {
        namespace = "killed-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        task = SampleTask.create(temp.resolve("tasks"));
    }

    @Test
    @BadInputCase(id = "kill-after-configmap", area = "Local faults",
            input = "`kill -9` of the submitting process after the attempt's ConfigMap was created, before the workspace claim",
            shows = "task-console: Attempt 1 was interrupted after creating its ConfigMap, before helm ran (Task Console stopped: "
                    + "killed or crashed); its release '<release>' was never installed. It is now recorded as failed: retry it "
                    + "(task-console retry, or Retry in the app).",
            outcome = "Told on stderr (the app's attempts status line) at the next listing; the history records attempt 1 as failed, "
                    + "matching its ConfigMap in the cluster; the next submission takes attempt 2.")
    void killedAfterTheConfigMap() throws Exception {
        Path helm = HangingHelm.writeInto(temp.resolve("bin"));
        // The preflight reads the claim first (is it there, or must the storage class be?); the second read is the submission's.
        try (HeldRequests claim = SERVER.holdWhen(FaultRule.forbid("get", "persistentvolumeclaims").inNamespace(namespace), 1)) {
            Submission cli = Submission.start(this, helm, "never");
            assertThat(claim.awaitHeld(Duration.ofSeconds(90))).as("the CLI asked for the claim: %s", cli).isTrue();
            cli.killHard();
        }
        assertThat(configMaps()).containsExactly("1");
        assertThat(SERVER.client().persistentVolumeClaims().inNamespace(namespace).list().getItems()).isEmpty();
        assertThat(new AttemptHistory(task.folder()).list()).as("nothing recorded before the restart").isEmpty();

        String told = restartAndCheckAgreement(AttemptResult.FAILED, "missing");
        shows(told);
    }

    @Test
    @BadInputCase(id = "kill-after-claim", area = "Local faults",
            input = "`kill -9` after the ConfigMap and the workspace claim, while helm starts (before it installs anything)",
            shows = "task-console: Attempt 1 was interrupted while helm ran (Task Console stopped: killed or crashed); its release "
                    + "'<release>' was never installed. It is now recorded as failed: retry it (task-console retry, or Retry in the app).",
            outcome = "As above: recorded as failed at the next listing, the ConfigMap and claim stay (the claim is the service's, reused).")
    void killedAfterTheClaim() throws Exception {
        Submission cli = Submission.start(this, HangingHelm.writeInto(temp.resolve("bin")), "installing");
        cli.awaitLine();
        cli.killHard();
        assertThat(configMaps()).containsExactly("1");
        assertThat(SERVER.client().persistentVolumeClaims().inNamespace(namespace).list().getItems()).hasSize(1);

        shows(restartAndCheckAgreement(AttemptResult.FAILED, "missing"));
    }

    @Test
    @BadInputCase(id = "kill-during-helm", area = "Local faults",
            input = "`kill -9` while helm is installing the release (helm itself killed too, as when the machine goes down)",
            shows = "task-console: Attempt 1 was interrupted while helm ran (Task Console stopped: killed or crashed); its release "
                    + "'<release>' is 'pending-install'. It is now recorded as failed: retry it (task-console retry, or Retry in the app).",
            outcome = "Recorded as failed with helm's own word for the release; a retry is a new attempt with a new release, so "
                    + "the stuck one does not block it.")
    void killedWhileHelmInstalls() throws Exception {
        Path helm = ToolBinaries.helm();
        try (HeldRequests job = SERVER.holdWhen(FaultRule.forbid("create", "jobs").inNamespace(namespace))) {
            Submission cli = Submission.start(this, helm, "never");
            assertThat(job.awaitHeld(Duration.ofSeconds(90))).as("helm is creating the Job: %s", cli).isTrue();
            cli.killHard();
        }
        assertThat(releaseStatus()).isEqualTo("pending-install");

        shows(restartAndCheckAgreement(AttemptResult.FAILED, "pending-install"));
    }

    @Test
    @BadInputCase(id = "kill-after-helm", area = "Local faults",
            input = "`kill -9` after helm installed the release, before the outcome was written to the history",
            shows = "task-console: Attempt 1 was interrupted after helm ended, before the outcome was recorded (Task Console stopped: "
                    + "killed or crashed), but helm had installed its release '<release>'. It is now recorded as submitted; "
                    + "its Job runs as usual.",
            outcome = "The attempt is completed in the history (succeeded, as the cluster has it), with its helm log and command.")
    void killedAfterHelmBeforeTheHistory() throws Exception {
        Path history = task.folder().resolve(AttemptHistory.FOLDER);
        Files.createDirectories(history);
        Submission cli;
        // Holding the history's lock stops the CLI right where it would record the outcome.
        try (FileChannel channel = FileChannel.open(history.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            cli = Submission.start(this, ToolBinaries.helm(), "==> Attempt 1 of task");
            cli.awaitLine();
            cli.killHard();
        }
        assertThat(releaseStatus()).isEqualTo("deployed");
        assertThat(new AttemptHistory(task.folder()).list()).isEmpty();

        shows(restartAndCheckAgreement(AttemptResult.SUCCEEDED, "deployed"));
        AttemptRecord record = new AttemptHistory(task.folder()).list().get(0);
        assertThat(record.command()).as("the helm command it ran").contains("upgrade --install");
        assertThat(new AttemptHistory(task.folder()).readLog(record)).as("helm's log up to the kill").contains("STATUS: deployed");
    }

    /**
     * Lists attempts in a new JVM, as a user would after the kill, and checks that the history and
     * the cluster now say the same of attempt 1; returns the sentence the CLI told on stderr.
     */
    private String restartAndCheckAgreement(AttemptResult expected, String helmStatus) throws Exception {
        Path pending = task.folder().resolve(AttemptHistory.FOLDER).resolve("pending");
        assertThat(listing(pending)).as("the kill left the submission pending").hasSize(1);

        Cli listed = Cli.run(temp, "attempts", task.folder().toString(), "--kubeconfig", kubeconfig.toString(),
                "-n", namespace, "-o", "json");
        assertThat(listed.exitCode()).as("%s", listed).isZero();
        JsonNode attempts = JSON.readTree(listed.out()).get("attempts");
        assertThat(attempts).hasSize(1);
        assertThat(attempts.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(attempts.get(0).get("submission").asString()).isEqualTo(expected.label());
        assertThat(attempts.get(0).get("helm_status").asString()).isEqualTo(helmStatus);

        List<AttemptRecord> records = new AttemptHistory(task.folder()).list();
        assertThat(records).singleElement().satisfies(r -> {
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.status()).isEqualTo(expected);
            assertThat(r.namespace()).isEqualTo(namespace);
        });
        assertThat(listing(pending)).as("settled").isEmpty();
        assertThat(configMaps()).as("the cluster's attempts").containsExactly("1");

        Cli again = Cli.run(temp, "attempts", task.folder().toString(), "--kubeconfig", kubeconfig.toString(), "-n", namespace);
        assertThat(again.err()).as("told once").doesNotContain("interrupted");
        return listed.err().strip();
    }

    private static List<Path> listing(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private List<String> configMaps() {
        return SERVER.client().configMaps().inNamespace(namespace).withLabel("taskconsole.io/task-id", "1001")
                .list().getItems().stream().map(cm -> cm.getMetadata().getLabels().get("taskconsole.io/attempt")).toList();
    }

    private String releaseStatus() {
        return SERVER.client().secrets().inNamespace(namespace).withLabel("owner", "helm").list().getItems().stream()
                .map(Secret::getMetadata).map(m -> m.getLabels().get("status")).findFirst().orElse("missing");
    }

    /** {@code task-console submit} running in its own JVM, its stdout watched for one line. */
    private static final class Submission {
        private final Process process;
        private final List<String> lines = new CopyOnWriteArrayList<>();
        private final CountDownLatch seen = new CountDownLatch(1);

        private Submission(Process process, String awaited) {
            this.process = process;
            read(process.getInputStream(), awaited);
            read(process.getErrorStream(), awaited);
        }

        static Submission start(KilledSubmissionTest test, Path helm, String awaited) throws IOException {
            Process p = Cli.builder(test.temp, "submit", test.task.folder().toString(), "--kubeconfig",
                    test.kubeconfig.toString(), "-n", test.namespace, "--helm", helm.toString()).start();
            p.getOutputStream().close();
            return new Submission(p, awaited);
        }

        private void read(InputStream stream, String awaited) {
            Thread reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        lines.add(line);
                        if (line.startsWith(awaited)) {
                            seen.countDown();
                        }
                    }
                } catch (IOException e) {
                    lines.add("(reading failed: " + e + ")");
                }
            }, "submit-output");
            reader.setDaemon(true);
            reader.start();
        }

        void awaitLine() throws InterruptedException {
            assertThat(seen.await(90, TimeUnit.SECONDS)).as("the CLI got there: %s", lines).isTrue();
        }

        /** SIGKILL to the JVM and, as when the machine goes down, to the helm it started. */
        void killHard() throws InterruptedException {
            List<ProcessHandle> children = process.descendants().toList();
            process.destroyForcibly(); // SIGKILL: no shutdown hook runs
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            children.forEach(ProcessHandle::destroyForcibly);
            for (ProcessHandle child : children) {
                child.onExit().orTimeout(60, TimeUnit.SECONDS).join();
            }
        }

        @Override
        public String toString() {
            return String.join("\n", lines);
        }
    }

    /** One run of the launcher in a new JVM with the test's user home. */
    private record Cli(int exitCode, String out, String err) {

        static ProcessBuilder builder(Path temp, String... args) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "-Duser.home=" + temp.resolve("home"),
                    "io.taskconsole.Launcher"));
            command.addAll(List.of(args));
            return new ProcessBuilder(command);
        }

        static Cli run(Path temp, String... args) throws Exception {
            Path out = Files.createTempFile(temp, "out", ".txt");
            Path err = Files.createTempFile(temp, "err", ".txt");
            Process p = builder(temp, args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            p.getOutputStream().close();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("attempts ended").isTrue();
            return new Cli(p.exitValue(), Files.readString(out), Files.readString(err));
        }
    }
}
