package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmCommand;
import io.taskconsole.helm.HelmFailure;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmResult;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.helm.HelmSearchPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * helm as users have it (missing, the wrong major version, not helm at all) and as it fails. A
 * scripted stand-in prints what the real helm prints for each failure, which the real one only
 * does against clusters in those states; the runner and the message are the app's own.
 */
@Timeout(120)
class HelmCasesTest {

    @TempDir
    Path tmp;

    private Path script(String name, String body) throws IOException {
        Files.createDirectories(tmp.resolve("bin"));
        Path file = tmp.resolve("bin").resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    private HelmLocator locator(Duration versionTimeout) {
        return new HelmLocator(new HelmSearchPath(List.of(tmp.resolve("bin")), List.of(tmp.resolve("usual")), false), versionTimeout);
    }

    private String locate() {
        return messageOf(() -> locator(Duration.ofSeconds(20)).locate(null));
    }

    /** Runs helm upgrade --install with a stand-in that ends as {@code body} says; the message a submission shows. */
    private String upgradeEnding(String body, Duration watchdog) throws Exception {
        Path helm = script("helm", body);
        HelmCommand command = HelmCommand.upgradeInstall(new HelmBinary(helm, "v3.18.0"), "auth-service-task-1001-run-1",
                "charts/claude-code", (Path) null, "lab", "orchestrator", tmp.resolve("values.yaml"), List.of(), Duration.ofSeconds(60), false);
        HelmRunner runner = new HelmRunner(Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMinutes(5));
        HelmResult result = (watchdog == null ? runner.start(command, (s, l) -> { }) : runner.start(command, (s, l) -> { }, watchdog))
                .await();
        return HelmFailure.exception(command, result).oneLine();
    }

    private String helmSays(String error) throws Exception {
        return upgradeEnding("echo 'WARNING: Kubernetes configuration file is group-readable.' >&2\necho '" + error + "' >&2\nexit 1", null);
    }

    @Test
    @BadInputCase(id = "helm-missing", area = "helm", input = "No helm on PATH or in the usual install folders",
            shows = "helm was not found on PATH or in <folder>/usual. Install helm v3 (https://helm.sh/docs/intro/install/) or set "
                    + "its path in Settings / --helm.", outcome = "Checked before anything is created in the cluster.")
    void missing() {
        shows(locate());
    }

    @Test
    @BadInputCase(id = "helm-v2", area = "helm", input = "helm v2 (asks for Tiller)",
            shows = "The helm at <path>/helm is v2.17.0+ga690bad, but Task Console needs helm v3. Install helm v3 "
                    + "(https://helm.sh/docs/intro/install/) or point Settings / --helm at a v3 binary.")
    void helm2() throws IOException {
        script("helm", "echo 'Client: v2.17.0+ga690bad'\necho 'Error: could not find tiller' >&2\nexit 1");
        shows(locate());
    }

    @Test
    @BadInputCase(id = "helm-future-major", area = "helm", input = "A future major version (helm v4)",
            shows = "The helm at <path>/helm is v4.0.0+g1234567, but Task Console needs helm v3. Install helm v3 "
                    + "(https://helm.sh/docs/intro/install/) or point Settings / --helm at a v3 binary.")
    void helm4() throws IOException {
        script("helm", "echo v4.0.0+g1234567");
        shows(locate());
    }

    @Test
    @BadInputCase(id = "helm-not-helm", area = "helm", input = "A program named helm that is not helm",
            shows = "<path>/helm did not report a helm version (it printed: 'usage: something else'). Install helm v3 "
                    + "(https://helm.sh/docs/intro/install/) or point Settings / --helm at it.")
    void notHelm() throws IOException {
        script("helm", "echo 'usage: something else'");
        shows(locate());
    }

    @Test
    @BadInputCase(id = "helm-version-hangs", area = "helm", input = "helm that never answers `helm version`",
            shows = "<path>/helm version --short did not answer within 1 s. Check that <path>/helm is helm v3 (helm 2 waits "
                    + "for Tiller), or set another path in Settings / --helm.")
    void versionHangs() throws IOException {
        script("helm", "sleep 600");
        shows(messageOf(() -> locator(Duration.ofSeconds(1)).locate(null)));
    }

    @Test
    @BadInputCase(id = "helm-configured-missing", area = "helm", input = "Settings / `--helm` naming a file that does not exist",
            shows = "The configured helm <path>/nowhere/helm does not exist. Correct the helm path in Settings / --helm, or clear "
                    + "it to search PATH.")
    void configuredMissing() {
        shows(messageOf(() -> locator(Duration.ofSeconds(5)).locate(tmp.resolve("nowhere/helm"))));
    }

    @Test
    @BadInputCase(id = "helm-err-unreachable", area = "helm", input = "helm fails: cluster unreachable",
            shows = "helm upgrade failed (exit 1): Error: Kubernetes cluster unreachable: Get \"https://10.0.0.1:6443/version\": "
                    + "dial tcp 10.0.0.1:6443: connect: connection refused. Check that the cluster is reachable with this "
                    + "kubeconfig and context (kubectl get namespaces), then try again.",
            outcome = "The attempt's ConfigMap stays and the attempt is recorded as FAILED in .history; a retry takes the next number.")
    void errUnreachable() throws Exception {
        shows(helmSays("Error: Kubernetes cluster unreachable: Get \"https://10.0.0.1:6443/version\": dial tcp 10.0.0.1:6443: connect: connection refused"));
    }

    @Test
    @BadInputCase(id = "helm-err-in-progress", area = "helm", input = "helm fails: another operation in progress",
            shows = "helm upgrade failed (exit 1): Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in "
                    + "progress. Wait for the other helm operation on this release to finish (helm history), then try again.")
    void errInProgress() throws Exception {
        shows(helmSays("Error: UPGRADE FAILED: another operation (install/upgrade/rollback) is in progress"));
    }

    @Test
    @BadInputCase(id = "helm-err-forbidden", area = "helm", input = "helm fails: RBAC forbids one of the chart's objects",
            shows = "helm upgrade failed (exit 1): Error: INSTALLATION FAILED: jobs.batch is forbidden: User \"pm\" cannot "
                    + "create resource \"jobs\" in API group \"batch\" in the namespace \"orchestrator\". Check that your "
                    + "kubeconfig user may create these resources in the namespace (kubectl auth can-i), or log in again.")
    void errForbidden() throws Exception {
        shows(helmSays("Error: INSTALLATION FAILED: jobs.batch is forbidden: User \"pm\" cannot create resource \"jobs\" in API group \"batch\" in the namespace \"orchestrator\""));
    }

    @Test
    @BadInputCase(id = "helm-err-namespace", area = "helm", input = "helm fails: namespace not found",
            shows = "helm upgrade failed (exit 1): Error: INSTALLATION FAILED: create: failed to create: namespaces "
                    + "\"orchestratr\" not found. Create the namespace or choose an existing one, then try again.")
    void errNamespace() throws Exception {
        shows(helmSays("Error: INSTALLATION FAILED: create: failed to create: namespaces \"orchestratr\" not found"));
    }

    @Test
    @BadInputCase(id = "helm-err-deadline", area = "helm", input = "helm fails: its own --timeout passed",
            shows = "helm upgrade failed (exit 1): Error: INSTALLATION FAILED: context deadline exceeded. The release did not "
                    + "become ready in time; check its pods (kubectl get pods) or raise the timeout.")
    void errDeadline() throws Exception {
        shows(helmSays("Error: INSTALLATION FAILED: context deadline exceeded"));
    }

    @Test
    @BadInputCase(id = "helm-err-chart", area = "helm", input = "helm fails: the chart path is wrong",
            shows = "helm upgrade failed (exit 1): Error: path \"charts/claude-code\" not found. Check the chart path; it must "
                    + "be a chart directory with a Chart.yaml.")
    void errChart() throws Exception {
        shows(helmSays("Error: path \"charts/claude-code\" not found"));
    }

    @Test
    @BadInputCase(id = "helm-err-values", area = "helm", input = "helm fails: the values break the chart's schema",
            shows = "helm upgrade failed (exit 1): Error: INSTALLATION FAILED: values don't meet the specifications of the "
                    + "schema(s) in the following chart(s):; claude-code:; - agent.permissionMode: agent.permissionMode must be "
                    + "one of the following: \"acceptEdits\", \"bypassPermissions\". Check the helm output in the log for details.")
    void errValues() throws Exception {
        shows(helmSays("Error: INSTALLATION FAILED: values don'\"'\"'t meet the specifications of the schema(s) in the following chart(s):; claude-code:; - agent.permissionMode: agent.permissionMode must be one of the following: \"acceptEdits\", \"bypassPermissions\""));
    }

    @Test
    @BadInputCase(id = "helm-killed", area = "helm", input = "helm killed by a signal (`kill -9`, the OOM killer)",
            shows = "helm upgrade failed (exit 137): helm was killed (signal 9). Check the machine's memory (the out-of-memory "
                    + "killer) or whoever stopped it, then submit again.")
    void killed() throws Exception {
        shows(upgradeEnding("kill -KILL $$", null));
    }

    @Test
    @BadInputCase(id = "helm-hangs", area = "helm", input = "helm hangs past its --timeout (ignoring SIGTERM)",
            shows = "helm upgrade did not finish in time and was stopped. Check that the cluster is reachable and the release's "
                    + "pods start (kubectl get pods), or raise the timeout.",
            outcome = "helm and its children are killed; the attempt is recorded as FAILED.")
    void hangs() throws Exception {
        shows(upgradeEnding("trap '' TERM\nsleep 600 &\nwait", Duration.ofSeconds(1)));
    }

    @Test
    @BadInputCase(id = "helm-1gb-output", area = "helm", input = "helm prints 1 GB (one endless line) before failing",
            shows = "helm upgrade failed (exit 1): Error: UPGRADE FAILED: giving up. Check the helm output in the log for details.",
            outcome = "Lines are cut at 64 KiB as they are read, so memory stays bounded and helm's error still comes through.")
    void gigabyte() throws Exception {
        AtomicLong longest = new AtomicLong();
        Path helm = script("helm", "head -c 1073741824 /dev/zero | tr '\\000' x\necho\necho 'Error: UPGRADE FAILED: giving up' >&2\nexit 1");
        HelmCommand command = HelmCommand.of(new HelmBinary(helm, "v3.18.0"), List.of("upgrade", "--install", "r", "c"));
        HelmResult result = new HelmRunner().start(command, (s, line) -> longest.accumulateAndGet(line.length(), Math::max)).await();
        shows(HelmFailure.exception(command, result).oneLine());
        assertThat(longest.get()).isLessThan(70_000);
    }
}
