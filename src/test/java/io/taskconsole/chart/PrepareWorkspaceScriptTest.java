package io.taskconsole.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskconsole.chart.InitScript.Shell;
import io.taskconsole.testkube.ToolBinaries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The init container's script, run for real in busybox sh and the machine's sh against temp folders. */
class PrepareWorkspaceScriptTest {

    private static final String SERVICE = "auth-service";
    private static final long TASK = 1001;

    @TempDir
    Path temp;

    private Path workspace() throws IOException {
        return Files.createDirectories(temp.resolve("workspace"));
    }

    private Path mount(int attempt, Map<String, String> files) {
        return FakeConfigMapMount.create(temp.resolve("config-" + attempt), TASK, attempt, files);
    }

    private Path serviceDir() {
        return temp.resolve("workspace").resolve(SERVICE);
    }

    private Path runDir(int attempt) {
        return serviceDir().resolve(".task/" + TASK + "/run-" + attempt);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void copiesEveryFileOfTheAttemptIntoItsRunFolder(Shell shell) throws IOException {
        Map<String, String> files = FakeConfigMapMount.attemptFiles(TASK, 2);
        files.put("api-notes.md", "Extra notes\n");
        Path config = mount(2, files);

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 2);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).contains("copied 6 files into").contains("checked their sha256");
        try (Stream<Path> copied = Files.list(runDir(2))) {
            assertThat(copied.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
                    "task.md", "design-spec.md", "acceptance-criteria.md", "prompt.md", "api-notes.md", "metadata.yaml");
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path copy = runDir(2).resolve(file.getKey());
            assertThat(Files.isSymbolicLink(copy)).as("%s is a real file, not the mount's symlink", copy).isFalse();
            assertThat(copy).hasContent(file.getValue());
        }
        assertThat(runDir(2).resolve("metadata.yaml")).hasSameTextualContentAs(config.resolve("metadata.yaml"));
        try (Stream<Path> taskFolder = Files.list(runDir(2).getParent())) {
            assertThat(taskFolder.map(p -> p.getFileName().toString())).as("no leftovers").containsExactly("run-2");
        }
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void claudeMdImportsTheCurrentAttemptsFiles(Shell shell) throws IOException {
        Map<String, String> files = FakeConfigMapMount.attemptFiles(TASK, 2);
        files.put("api-notes.md", "Extra notes\n");

        Helm.Result result = InitScript.with(shell, temp).run(mount(2, files), workspace(), TASK, SERVICE, 2);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> lines = Files.readAllLines(serviceDir().resolve("CLAUDE.md"));
        assertThat(lines.get(0)).isEqualTo("<!-- task-console:begin -->");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("<!-- task-console:end -->");
        assertThat(lines).containsSubsequence(
                "@.task/1001/run-2/task.md",
                "@.task/1001/run-2/design-spec.md",
                "@.task/1001/run-2/acceptance-criteria.md",
                "@.task/1001/run-2/prompt.md");
        assertThat(lines).anyMatch(line -> line.contains(".task/1001/run-2/api-notes.md"));
        assertThat(lines).filteredOn(line -> line.startsWith("@")).hasSize(4);
        for (String line : lines) {
            if (line.startsWith("@")) {
                assertThat(serviceDir().resolve(line.substring(1))).as("import %s resolves", line).isRegularFile();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void withFetchedCodeTheBlockSaysWhereItIsAndWhichBranchToCommitTo(Shell shell) throws IOException {
        Helm.Result result = InitScript.with(shell, temp).run(mount(2, FakeConfigMapMount.attemptFiles(TASK, 2)), workspace(),
                Map.of("TASK_ID", Long.toString(TASK), "SERVICE_NAME", SERVICE, "ATTEMPT", "2",
                        "SOURCE_DIR", "/workspace/auth-service/src", "AGENT_DIR", "/workspace/auth-service/src/services/auth",
                        "BASE_BRANCH", "develop", "WORK_BRANCH", "task-" + TASK + "/run-2"));

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(serviceDir().resolve("CLAUDE.md")))
                .contains("The service's code is checked out in /workspace/auth-service/src (from branch develop).")
                .contains("Start in /workspace/auth-service/src/services/auth.")
                .contains("Commit your work to branch task-" + TASK + "/run-2");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void keepsWhatAPersonWroteAroundTheManagedBlock(Shell shell) throws IOException {
        Files.createDirectories(serviceDir());
        Files.writeString(serviceDir().resolve("CLAUDE.md"), """
                # auth-service

                Run `make test` before you commit.

                <!-- task-console:begin -->
                @.task/7/run-1/task.md
                <!-- task-console:end -->

                ## House rules
                No new dependencies without asking.
                """);

        Helm.Result result = InitScript.with(shell, temp).run(mount(3, FakeConfigMapMount.attemptFiles(TASK, 3)), workspace(), TASK, SERVICE, 3);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        String claude = Files.readString(serviceDir().resolve("CLAUDE.md"));
        assertThat(claude).startsWith("# auth-service\n\nRun `make test` before you commit.\n\n<!-- task-console:begin -->\n")
                .endsWith("<!-- task-console:end -->\n\n## House rules\nNo new dependencies without asking.\n")
                .contains("@.task/1001/run-3/prompt.md")
                .doesNotContain(".task/7/run-1");
        assertThat(claude.split("task-console:begin", -1)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void addsTheBlockBelowAClaudeMdThatHasNone(Shell shell) throws IOException {
        Files.createDirectories(serviceDir());
        Files.writeString(serviceDir().resolve("CLAUDE.md"), "# auth-service\nUse Java 17.\n");

        Helm.Result result = InitScript.with(shell, temp).run(mount(1, FakeConfigMapMount.attemptFiles(TASK, 1)), workspace(), TASK, SERVICE, 1);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(Files.readString(serviceDir().resolve("CLAUDE.md")))
                .startsWith("# auth-service\nUse Java 17.\n\n<!-- task-console:begin -->\n")
                .contains("@.task/1001/run-1/task.md");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void rerunningTheSameAttemptChangesNothing(Shell shell) throws Exception {
        InitScript script = InitScript.with(shell, temp);
        Path config = mount(2, FakeConfigMapMount.attemptFiles(TASK, 2));
        assertThat(script.run(config, workspace(), TASK, SERVICE, 2).exitCode()).isZero();
        Map<String, String> before = snapshot(workspace());
        Thread.sleep(1100);

        Helm.Result again = script.run(config, workspace(), TASK, SERVICE, 2);

        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.stdout()).contains("already holds this attempt's 5 files").contains("already points at .task/1001/run-2");
        assertThat(snapshot(workspace())).isEqualTo(before);
        assertThat(script.scratch()).isEmptyDirectory();
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aSecondAttemptGoesBesideTheFirstAndTakesOverClaudeMd(Shell shell) throws Exception {
        InitScript script = InitScript.with(shell, temp);
        assertThat(script.run(mount(1, FakeConfigMapMount.attemptFiles(TASK, 1)), workspace(), TASK, SERVICE, 1).exitCode()).isZero();
        Files.writeString(serviceDir().resolve("src.txt"), "the agent's work from attempt 1\n");
        Map<String, String> firstRun = snapshot(runDir(1));

        Helm.Result second = script.run(mount(2, FakeConfigMapMount.attemptFiles(TASK, 2)), workspace(), TASK, SERVICE, 2);

        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(snapshot(runDir(1))).as("attempt 1's folder is untouched").isEqualTo(firstRun);
        assertThat(runDir(2).resolve("prompt.md")).hasContent("Work on task 1001, attempt 2. Read task.md first.\n");
        assertThat(serviceDir().resolve("src.txt")).hasContent("the agent's work from attempt 1\n");
        String claude = Files.readString(serviceDir().resolve("CLAUDE.md"));
        assertThat(claude).contains("@.task/1001/run-2/prompt.md").doesNotContain("run-1");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void refusesToOverwriteARunFolderWithDifferentContent(Shell shell) throws IOException {
        InitScript script = InitScript.with(shell, temp);
        assertThat(script.run(mount(1, FakeConfigMapMount.attemptFiles(TASK, 1)), workspace(), TASK, SERVICE, 1).exitCode()).isZero();
        Map<String, String> changed = FakeConfigMapMount.attemptFiles(TASK, 1);
        changed.put("task.md", "# A different task under the same number\n");
        Path otherConfig = FakeConfigMapMount.create(temp.resolve("config-other"), TASK, 1, changed);

        Helm.Result result = script.run(otherConfig, workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, runDir(1) + " already exists with different content; refusing to overwrite it");
        assertThat(runDir(1).resolve("task.md")).hasContent(FakeConfigMapMount.attemptFiles(TASK, 1).get("task.md"));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aFileMissingFromTheMountFailsWithItsName(Shell shell) throws IOException {
        Path config = mount(1, FakeConfigMapMount.attemptFiles(TASK, 1));
        FakeConfigMapMount.remove(config, "prompt.md");

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, "prompt.md is listed in metadata.yaml but missing from the config folder " + config);
        assertThat(runDir(1)).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void anAlteredFileFailsOnItsChecksum(Shell shell) throws IOException {
        Path config = mount(1, FakeConfigMapMount.attemptFiles(TASK, 1));
        FakeConfigMapMount.overwrite(config, "design-spec.md", "# Design\n\nSomething else entirely.\n");

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, "design-spec.md in the config folder " + config + " has sha256 ");
        assertThat(result.stderr()).contains("(the file is corrupt or was changed)");
        assertThat(serviceDir()).doesNotExist();
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aMissingMetadataFileFails(Shell shell) throws IOException {
        Path config = Files.createDirectories(temp.resolve("config-bare"));
        Files.writeString(config.resolve("task.md"), "# Task\n");

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, "metadata.yaml is missing from " + config);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aFileTheListDoesNotNameFails(Shell shell) throws IOException {
        Map<String, String> files = FakeConfigMapMount.attemptFiles(TASK, 1);
        String metadata = FakeConfigMapMount.metadataFor(TASK, 1, files);
        files.put("stray.md", "not listed\n");
        Path config = FakeConfigMapMount.create(temp.resolve("config-stray"), files, metadata);

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, "stray.md is in " + config + " but not listed in its metadata.yaml");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aListWithoutTheCoreFilesFails(Shell shell) throws IOException {
        Map<String, String> files = FakeConfigMapMount.attemptFiles(TASK, 1);
        files.remove("acceptance-criteria.md");

        Helm.Result result = InitScript.with(shell, temp).run(mount(1, files), workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, "does not list acceptance-criteria.md, which every attempt needs");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aHandWrittenIndentedListIsReadToo(Shell shell) throws IOException {
        Map<String, String> files = FakeConfigMapMount.attemptFiles(TASK, 1);
        StringBuilder metadata = new StringBuilder("task:\n  id: 1001\nfiles:\n");
        files.forEach((name, text) -> metadata.append("  - name: ").append(name).append('\n')
                .append("    sha256: ").append(FakeConfigMapMount.sha256(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))).append('\n')
                .append("    size: ").append(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).append('\n'));
        Path config = FakeConfigMapMount.create(temp.resolve("config-hand"), files, metadata.toString());

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 1);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(runDir(1).resolve("task.md")).hasContent(files.get("task.md"));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void jacksonsDefaultYamlShapeIsReadToo(Shell shell) throws IOException {
        Map<String, String> files = FakeConfigMapMount.attemptFiles(TASK, 1);
        String metadata = FakeConfigMapMount.metadataInJacksonDefaultShape(TASK, 1, files);
        assertThat(metadata).startsWith("---").contains("- name: \"task.md\"");
        Path config = FakeConfigMapMount.create(temp.resolve("config-jackson"), files, metadata);

        Helm.Result result = InitScript.with(shell, temp).run(config, workspace(), TASK, SERVICE, 1);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(runDir(1).resolve("prompt.md")).hasContent(files.get("prompt.md"));
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void brokenMarkersInClaudeMdFailWithoutTouchingIt(Shell shell) throws IOException {
        Files.createDirectories(serviceDir());
        String broken = "# mine\n<!-- task-console:begin -->\n@.task/1/run-1/task.md\n";
        Files.writeString(serviceDir().resolve("CLAUDE.md"), broken);

        Helm.Result result = InitScript.with(shell, temp).run(mount(1, FakeConfigMapMount.attemptFiles(TASK, 1)), workspace(), TASK, SERVICE, 1);

        assertFailsWith(result, "has 1 begin and 0 end task-console markers, expected one of each");
        assertThat(serviceDir().resolve("CLAUDE.md")).hasContent(broken);
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void missingTaskEnvironmentFails(Shell shell) throws IOException {
        Helm.Result result = InitScript.with(shell, temp).run(mount(1, FakeConfigMapMount.attemptFiles(TASK, 1)), workspace(),
                Map.of("SERVICE_NAME", SERVICE, "ATTEMPT", "1"));

        assertFailsWith(result, "TASK_ID '' is not a positive integer");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void aMissingWorkspaceFails(Shell shell) {
        Path config = mount(1, FakeConfigMapMount.attemptFiles(TASK, 1));

        Helm.Result result = InitScript.with(shell, temp).run(config, temp.resolve("no-such-pvc"), TASK, SERVICE, 1);

        assertFailsWith(result, "workspace folder " + temp.resolve("no-such-pvc") + " does not exist");
    }

    @ParameterizedTest
    @EnumSource(Shell.class)
    void theJobsRenderedInitCommandAndEnvPrepareTheWorkspace(Shell shell) throws IOException {
        ChartFixture chart = new ChartFixture(temp.resolve("chart"));
        AttemptValues attempt = AttemptValues.of(SERVICE, TASK, 4);
        JsonNode init = Manifests.single(chart.render(attempt.release(), List.of(attempt.values())), "Job")
                .at("/spec/template/spec/initContainers/0");
        List<String> command = new ArrayList<>();
        init.path("command").forEach(n -> command.add(n.asString()));
        Map<String, String> env = new LinkedHashMap<>();
        init.path("env").forEach(e -> env.put(e.path("name").asString(), e.path("value").asString()));

        Helm.Result result = InitScript.with(shell, temp).runCommand(command, mount(4, FakeConfigMapMount.attemptFiles(TASK, 4)), workspace(), env);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(runDir(4).resolve("prompt.md")).hasContent("Work on task 1001, attempt 4. Read task.md first.\n");
        assertThat(serviceDir().resolve("CLAUDE.md")).content().contains("@.task/1001/run-4/task.md");
    }

    @Test
    void shellcheckFindsNothing() {
        Optional<Path> shellcheck = ToolBinaries.onPath("shellcheck");
        if (shellcheck.isEmpty()) {
            System.out.println("shellcheck not installed: skipping the lint of prepare-workspace.sh (CI installs it)");
        }
        assumeTrue(shellcheck.isPresent(), "shellcheck not installed");

        Helm.Result result = Helm.Processes.run(new ProcessBuilder(shellcheck.get().toString(), "--shell=sh",
                "--severity=style", ChartFixture.initScript().toString()), 60);

        assertThat(result.exitCode()).as(result.toString()).isZero();
        assertThat(result.stdout()).isEmpty();
    }

    private static void assertFailsWith(Helm.Result result, String message) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.stderr().lines().toList()).as("one line on stderr").hasSize(1);
        assertThat(result.stderr()).startsWith("prepare-workspace: ").contains(message);
    }

    /** Every path under {@code root} with its content and modification time. */
    private static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                String what = Files.isDirectory(path) ? "dir"
                        : FakeConfigMapMount.sha256(Files.readAllBytes(path));
                state.put(root.relativize(path).toString(), what + " " + Files.getLastModifiedTime(path).toMillis());
            }
        }
        return new LinkedHashMap<>(state);
    }
}
