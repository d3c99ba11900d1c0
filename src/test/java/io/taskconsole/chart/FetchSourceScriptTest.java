package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskconsole.testkube.ToolBinaries;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart's {@code fetch-source.sh} run for real (busybox sh and the machine's sh, real git)
 * against bare repositories in temp folders, over {@code file://}, over HTTP from
 * {@code git http-backend} behind busybox httpd, which demands a user and token, and over SSH from
 * an {@code sshd} of the test's own (Debian's {@code openssh-server}; skipped where it is missing).
 */
class FetchSourceScriptTest {

    private static final String TOKEN = "tok-3f9a1c77e2-never-shown";

    @TempDir
    Path temp;

    private Process httpd;
    private Process sshd;

    @AfterEach
    void stopServer() {
        if (httpd != null) {
            httpd.destroy();
        }
        if (sshd != null) {
            sshd.destroy();
        }
    }

    private InitScript script(InitScript.Shell shell) {
        assumeTrue(ToolBinaries.onPath("git").isPresent(), "git not installed");
        return InitScript.with(shell, temp).withTool("git");
    }

    /** A bare repository with one commit on main; returns its path. */
    private Path bareRepository() throws IOException {
        Path seed = temp.resolve("seed");
        git(temp, "init", "-q", "-b", "main", seed.toString());
        Files.writeString(seed.resolve("README.md"), "auth-service\n");
        git(seed, "add", "README.md");
        git(seed, "-c", "user.name=dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "first");
        Path bare = temp.resolve("repos/auth-service.git");
        git(temp, "clone", "-q", "--bare", seed.toString(), bare.toString());
        return bare;
    }

    private void pushToBase(Path bare, String file, String content) throws IOException {
        Path clone = temp.resolve("pusher-" + file);
        git(temp, "clone", "-q", bare.toString(), clone.toString());
        Files.writeString(clone.resolve(file), content);
        git(clone, "add", file);
        git(clone, "-c", "user.name=dev", "-c", "user.email=dev@example.com", "commit", "-q", "-m", "base moves on");
        git(clone, "push", "-q", "origin", "main");
    }

    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().put("GIT_CONFIG_NOSYSTEM", "1");
        Helm.Result result = Helm.Processes.run(builder, 60);
        assertThat(result.exitCode()).as("git %s: %s", List.of(args), result).isZero();
        return result.stdout().strip();
    }

    private Helm.Result run(InitScript script, Map<String, String> env) {
        Map<String, String> all = new HashMap<>(Map.of("TASK_ID", "1001", "SERVICE_NAME", "auth-service"));
        all.putAll(env);
        return script.runCommand(List.of("sh", ChartFixture.fetchSourceScript().toString()), temp.resolve("config"),
                temp.resolve("workspace"), all);
    }

    private Path src() {
        return temp.resolve("workspace/auth-service/src");
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void firstAttemptClonesShallowOntoItsOwnBranch(InitScript.Shell shell) throws IOException {
        Path bare = bareRepository();
        pushToBase(bare, "second.txt", "2\n");

        Helm.Result result = run(script(shell), Map.of("ATTEMPT", "1", "REPO_URL", "file://" + bare));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(git(src(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("task-1001/run-1");
        assertThat(git(src(), "rev-list", "--count", "HEAD")).as("shallow: depth 1").isEqualTo("1");
        assertThat(src().resolve("second.txt")).hasContent("2");
        assertThat(result.stdout()).contains("attempt 1 works on task-1001/run-1, from origin/main");
        assertThat(script(shell).scratch()).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void laterAttemptSavesTheUncommittedWorkOfTheLastAndStartsFromTheNewBase(InitScript.Shell shell) throws IOException {
        Path bare = bareRepository();
        InitScript script = script(shell);
        assertThat(run(script, Map.of("ATTEMPT", "1", "REPO_URL", "file://" + bare)).exitCode()).isZero();
        Files.writeString(src().resolve("README.md"), "changed by attempt 1\n");
        Files.writeString(src().resolve("limiter.go"), "package auth\n");
        pushToBase(bare, "upstream.txt", "from the team\n");

        Helm.Result result = run(script, Map.of("ATTEMPT", "2", "PREVIOUS_ATTEMPT", "1", "REPO_URL", "file://" + bare));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("committed the uncommitted work on task-1001/run-1");
        assertThat(git(src(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("task-1001/run-2");
        assertThat(src().resolve("upstream.txt")).as("from the new base").hasContent("from the team");
        assertThat(src().resolve("limiter.go")).as("attempt 2 starts from the base, not attempt 1").doesNotExist();
        assertThat(git(src(), "show", "task-1001/run-1:limiter.go")).isEqualTo("package auth");
        assertThat(git(src(), "show", "task-1001/run-1:README.md")).isEqualTo("changed by attempt 1");
        assertThat(git(src(), "log", "-1", "--format=%s", "task-1001/run-1")).contains("before attempt 2 of task 1001");
        assertThat(git(src(), "status", "--porcelain")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void continueFromPreviousStartsFromTheLastAttemptsBranch(InitScript.Shell shell) throws IOException {
        Path bare = bareRepository();
        InitScript script = script(shell);
        assertThat(run(script, Map.of("ATTEMPT", "1", "REPO_URL", "file://" + bare)).exitCode()).isZero();
        Files.writeString(src().resolve("limiter.go"), "package auth\n");

        Helm.Result result = run(script, Map.of("ATTEMPT", "2", "PREVIOUS_ATTEMPT", "1", "CONTINUE_FROM", "previous",
                "REPO_URL", "file://" + bare));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(git(src(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("task-1001/run-2");
        assertThat(src().resolve("limiter.go")).hasContent("package auth");
        assertThat(result.stdout()).contains("from task-1001/run-1");
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void aMissingBranchOrRepositoryIsOneLineNamingTheCause(InitScript.Shell shell) throws IOException {
        Path bare = bareRepository();
        InitScript script = script(shell);

        Helm.Result branch = run(script, Map.of("ATTEMPT", "1", "REPO_URL", "file://" + bare, "BASE_BRANCH", "release-9"));
        Helm.Result repo = run(script, Map.of("ATTEMPT", "1", "REPO_URL", "file://" + temp.resolve("nope.git")));

        assertThat(branch.exitCode()).isEqualTo(1);
        assertThat(branch.stderr().strip()).startsWith("fetch-source: branch missing: 'release-9' is not a branch").doesNotContain("\n");
        assertThat(repo.exitCode()).isEqualTo(1);
        assertThat(repo.stderr().strip()).startsWith("fetch-source: repository not found").doesNotContain("\n");
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void overHttpTheTokenComesFromTheSecretFileAndIsNeverShown(InitScript.Shell shell) throws Exception {
        Path bare = bareRepository();
        int port = startGitServer(bare.getParent());
        Path credentials = temp.resolve("git-credentials");
        Files.createDirectories(credentials);
        Files.writeString(credentials.resolve("username"), "bot");
        Files.writeString(credentials.resolve("token"), TOKEN);
        InitScript script = script(shell);
        String url = "http://127.0.0.1:" + port + "/cgi-bin/git/auth-service.git";

        Helm.Result result = run(script, Map.of("ATTEMPT", "1", "REPO_URL", url, "GIT_CREDENTIALS_DIR", credentials.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(git(src(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("task-1001/run-1");
        assertThat(result.stdout() + result.stderr()).doesNotContain(TOKEN);
        assertThat(Files.readString(src().resolve(".git/config"))).doesNotContain(TOKEN);
        String processes = Files.readString(temp.resolve("ps-during-fetch.txt"));
        assertThat(processes).as("the process list was taken while git fetched").contains("auth-service.git");
        assertThat(processes).doesNotContain(TOKEN);
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void aWrongTokenIsAnAuthenticationFailure(InitScript.Shell shell) throws Exception {
        Path bare = bareRepository();
        int port = startGitServer(bare.getParent());
        Path credentials = temp.resolve("git-credentials");
        Files.createDirectories(credentials);
        Files.writeString(credentials.resolve("username"), "bot");
        Files.writeString(credentials.resolve("token"), "not-the-token");

        Helm.Result result = run(script(shell), Map.of("ATTEMPT", "1", "GIT_CREDENTIALS_DIR", credentials.toString(),
                "REPO_URL", "http://127.0.0.1:" + port + "/cgi-bin/git/auth-service.git"));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).startsWith("fetch-source: authentication failed").doesNotContain("\n")
                .doesNotContain("not-the-token");
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void overSshTheDeployKeyClonesWhereTheHostKeyIsKnown(InitScript.Shell shell) throws Exception {
        Path bare = bareRepository();
        Ssh ssh = startSshServer();
        Path credentials = sshCredentials(ssh, ssh.hostKey().resolveSibling("host-key.pub"));

        Helm.Result result = run(script(shell).withTool("ssh"), Map.of("ATTEMPT", "1", "REPO_URL", ssh.url(bare),
                "GIT_CREDENTIALS_DIR", credentials.toString()));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(git(src(), "rev-parse", "--abbrev-ref", "HEAD")).isEqualTo("task-1001/run-1");
        assertThat(src().resolve("README.md")).hasContent("auth-service");
        assertThat(result.stdout() + result.stderr()).doesNotContain(Files.readString(credentials.resolve("ssh-privatekey")).strip());
    }

    @ParameterizedTest
    @EnumSource(InitScript.Shell.class)
    void anotherHostKeyThanKnownIsAHostKeyMismatchAndNothingIsFetched(InitScript.Shell shell) throws Exception {
        Path bare = bareRepository();
        Ssh ssh = startSshServer();
        Path impostor = temp.resolve("impostor-key");
        run(temp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", impostor.toString());
        Path credentials = sshCredentials(ssh, temp.resolve("impostor-key.pub"));

        Helm.Result result = run(script(shell).withTool("ssh"), Map.of("ATTEMPT", "1", "REPO_URL", ssh.url(bare),
                "GIT_CREDENTIALS_DIR", credentials.toString()));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.stderr().strip()).startsWith("fetch-source: host key mismatch").doesNotContain("\n");
        assertThat(src().resolve(".git")).doesNotExist();
    }

    /** An sshd listening on 127.0.0.1 for this user, who logs in with {@code clientKey}. */
    private record Ssh(int port, Path hostKey, Path clientKey) {
        String url(Path bare) {
            return "ssh://" + System.getProperty("user.name") + "@127.0.0.1:" + port + bare;
        }
    }

    /**
     * The credentials Secret as mounted: the deploy key, and a known_hosts line for the server's
     * address holding {@code hostPublicKey} (the server's own, or another).
     */
    private Path sshCredentials(Ssh ssh, Path hostPublicKey) throws IOException {
        Path credentials = temp.resolve("ssh-credentials");
        Files.createDirectories(credentials);
        Files.copy(ssh.clientKey(), credentials.resolve("ssh-privatekey"));
        Files.setPosixFilePermissions(credentials.resolve("ssh-privatekey"), PosixFilePermissions.fromString("r--------"));
        String[] key = Files.readString(hostPublicKey).strip().split(" ");
        Files.writeString(credentials.resolve("known_hosts"), "[127.0.0.1]:" + ssh.port() + " " + key[0] + " " + key[1] + "\n");
        return credentials;
    }

    private Ssh startSshServer() throws Exception {
        Path sshdBinary = Path.of("/usr/sbin/sshd");
        assumeTrue(Files.isExecutable(sshdBinary) && ToolBinaries.onPath("ssh").isPresent()
                && ToolBinaries.onPath("ssh-keygen").isPresent(), "sshd, ssh or ssh-keygen not installed (Debian: openssh-server)");
        assumeTrue(!"root".equals(System.getProperty("user.name")) || Files.isDirectory(Path.of("/run/sshd")),
                "sshd run as root needs its privilege separation folder /run/sshd");
        Path dir = temp.resolve("sshd");
        Files.createDirectories(dir);
        Path hostKey = dir.resolve("host-key");
        Path clientKey = dir.resolve("client-key");
        run(temp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", hostKey.toString());
        run(temp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", clientKey.toString());
        Files.copy(dir.resolve("client-key.pub"), dir.resolve("authorized_keys"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("sshd_config");
        Files.writeString(config, String.join("\n",
                "Port " + port, "ListenAddress 127.0.0.1", "HostKey " + hostKey, "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + dir.resolve("authorized_keys"), "StrictModes no", "UsePAM no",
                "PasswordAuthentication no", "KbdInteractiveAuthentication no", "PermitRootLogin prohibit-password", ""));
        sshd = new ProcessBuilder(sshdBinary.toString(), "-D", "-e", "-f", config.toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("sshd.log").toFile()).start();
        waitForPort(port, "sshd", temp.resolve("sshd.log"));
        return new Ssh(port, hostKey, clientKey);
    }

    private static void run(Path dir, String... command) {
        Helm.Result result = Helm.Processes.run(new ProcessBuilder(command).directory(dir.toFile()), 60);
        assertThat(result.exitCode()).as("%s: %s", List.of(command), result).isZero();
    }

    private static void waitForPort(int port, String what, Path log) throws Exception {
        for (int i = 0; i < 200; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 100);
                return;
            } catch (IOException notYet) {
                Thread.sleep(25);
            }
        }
        throw new IllegalStateException(what + " did not start: " + Files.readString(log));
    }

    /**
     * busybox httpd serving {@code git http-backend} as CGI, with basic auth (user bot, the
     * token); the CGI wrapper records the process list while the client waits on it.
     */
    private int startGitServer(Path repos) throws Exception {
        Path busybox = Path.of("/usr/bin/busybox");
        assumeTrue(Files.isExecutable(busybox), "busybox not installed");
        Path www = temp.resolve("www");
        Files.createDirectories(www.resolve("cgi-bin"));
        String execPath = git(temp, "--exec-path");
        Path cgi = www.resolve("cgi-bin/git");
        Files.writeString(cgi, "#!/bin/sh\n"
                + "ps -eo args > '" + temp.resolve("ps-during-fetch.txt") + "' 2>/dev/null || ps > '" + temp.resolve("ps-during-fetch.txt") + "'\n"
                + "export GIT_PROJECT_ROOT='" + repos + "' GIT_HTTP_EXPORT_ALL=1\n"
                + "exec '" + execPath + "/git-http-backend'\n");
        Files.setPosixFilePermissions(cgi, PosixFilePermissions.fromString("rwx------"));
        Path conf = temp.resolve("httpd.conf");
        Files.writeString(conf, "/cgi-bin:bot:" + TOKEN + "\n");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        httpd = new ProcessBuilder(busybox.toString(), "httpd", "-f", "-p", "127.0.0.1:" + port, "-h", www.toString(),
                "-c", conf.toString()).redirectErrorStream(true).redirectOutput(temp.resolve("httpd.log").toFile()).start();
        waitForPort(port, "busybox httpd", temp.resolve("httpd.log"));
        return port;
    }
}
