package io.taskconsole.cli;

import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.UnreachableCluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

class TaskConsoleCliTest {

    static final String TASK_MD = """
            # Rate-limit failed logins

            ## Acceptance criteria

            - [ ] The sixth failed login within a minute gets HTTP 429
              - [x] Counted per account
            - [ ] The response has a Retry-After header
            """;

    @TempDir
    Path dir;

    Path taskDir;
    Path chart;

    @BeforeEach
    void taskFolder() throws IOException, URISyntaxException {
        taskDir = dir.resolve("1001-rate-limit");
        Files.createDirectories(taskDir);
        Files.writeString(taskDir.resolve("task.yaml"), "id: 1001\nservice: auth-service\ntitle: Rate-limit failed logins\n");
        Files.writeString(taskDir.resolve("task.md"), TASK_MD);
        Files.writeString(taskDir.resolve("design-spec.md"), "# Design\n\nA token bucket per account.\n");
        chart = Path.of(getClass().getResource("/core/chart/Chart.yaml").toURI()).getParent();
    }

    @Test
    void helpExitsZeroAndListsTheCommands() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.out()).contains("Usage: task-console").contains("submit").contains("retry").contains("render")
                .contains("attempts").contains("criteria").contains("import-taskmaster");
        assertThat(run.err()).isEmpty();
    }

    /** Every subcommand answers -h/--help before checking its required parameters, as kubectl and gh do. */
    @Test
    void everySubcommandTakesHelpBeforeItsRequiredParameters() {
        for (String command : java.util.List.of("submit", "retry", "render", "attempts", "criteria", "import-taskmaster",
                "serve")) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(run.toString()).isZero();
            assertThat(run.out()).as(command).startsWith("Usage: task-console " + command);
            assertThat(run.err()).as(command).isEmpty();
        }
    }

    @Test
    void anUnknownCommandExitsTwoWithAOneLineMessage() {
        CliRun run = CliRun.of("frobnicate");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines().get(0)).startsWith("task-console: ").contains("'frobnicate'");
        assertThat(run.errLines()).hasSizeLessThanOrEqualTo(2);
        assertThat(run.err()).doesNotContain("Usage:");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void missingArgumentsExitTwoNamingThemAndPointingAtHelp() {
        CliRun run = CliRun.of("render");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("task-console: Missing required parameter: 'TASK_DIR'",
                "Run 'task-console render --help' for usage.");

        CliRun noOut = CliRun.of("render", taskDir.toString());
        assertThat(noOut.exitCode()).as(noOut.toString()).isEqualTo(2);
        assertThat(noOut.errLines()).containsExactly("task-console: Missing required option: '--out=DIR'",
                "Run 'task-console render --help' for usage.");
    }

    @Test
    void criteriaAsJsonIsAnArrayWithEveryField() {
        CliRun run = CliRun.of("criteria", "--format", "json", taskDir.resolve("task.md").toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode array = JsonMapper.builder().build().readTree(run.out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.size()).isEqualTo(2);
        JsonNode first = array.get(0);
        assertThat(first.get("id").asString()).isEqualTo("AC-1");
        assertThat(first.get("text").asString()).isEqualTo("The sixth failed login within a minute gets HTTP 429");
        assertThat(first.get("checked").asBoolean()).isFalse();
        assertThat(first.get("source").asString()).isEqualTo("task.md");
        assertThat(first.get("line").asInt()).isEqualTo(5);
        JsonNode child = first.get("children").get(0);
        assertThat(child.get("id").asString()).isEqualTo("AC-1.1");
        assertThat(child.get("checked").asBoolean()).isTrue();
        assertThat(array.get(1).get("children").isArray()).isTrue();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void noCriteriaIsNotAnErrorButWarnsOnStderr() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.md"), "# Just prose\n\nNothing to check.\n");
        CliRun run = CliRun.of("criteria", plain.toString());
        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(run.err()).startsWith("task-console: warning: no acceptance criteria found in")
                .contains("## Acceptance criteria");
    }

    @Test
    void renderWritesTheAttemptFilesTheConfigMapTheValuesAndTheHelmCommand() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", taskDir.toString(), "--out", out.toString(), "--chart", chart.toString(),
                "--context", "lab", "-n", "team-a");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(names(out)).containsExactlyInAnyOrder("task.md", "design-spec.md", "acceptance-criteria.md", "prompt.md",
                "metadata.yaml", "configmap.yaml", "values.yaml", "helm-command.txt");
        assertThat(Files.readString(out.resolve("task.md"))).isEqualTo(TASK_MD);
        String command = Files.readString(out.resolve("helm-command.txt"));
        assertThat(command).contains("upgrade").contains("--install").contains("auth-service-task-1001-run-1")
                .contains(chart.toAbsolutePath().toString()).contains("team-a").contains("lab");
        JsonNode configMap = YAMLMapper.builder().build().readTree(Files.readString(out.resolve("configmap.yaml")));
        assertThat(configMap.get("kind").asString()).isEqualTo("ConfigMap");
        assertThat(configMap.get("immutable").asBoolean()).isTrue();
        assertThat(configMap.get("metadata").get("name").asString()).isEqualTo("auth-service-task-1001-run-1-files");
        assertThat(configMap.get("metadata").get("namespace").asString()).isEqualTo("team-a");
        assertThat(configMap.get("data").propertyNames()).containsExactly("task.md", "design-spec.md",
                "acceptance-criteria.md", "prompt.md", "metadata.yaml");
        JsonNode values = YAMLMapper.builder().build().readTree(Files.readString(out.resolve("values.yaml")));
        assertThat(values.get("task").get("configMap").asString()).isEqualTo("auth-service-task-1001-run-1-files");
        assertThat(values.get("workspace").get("claimName").asString()).isEqualTo("auth-service-workspace");
        assertThat(run.out()).contains(out.resolve("helm-command.txt").toString());
        assertThat(names(taskDir)).containsExactlyInAnyOrder("task.yaml", "task.md", "design-spec.md");
    }

    @Test
    @Timeout(120)
    void renderWithTemplateWritesWhatHelmRenders() throws IOException {
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", taskDir.toString(), "--out", out.toString(), "--chart", chart.toString(),
                "--attempt", "3", "--template", "--helm", ToolBinaries.helm().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        String manifests = Files.readString(out.resolve("manifests.yaml"));
        assertThat(manifests).contains("kind: Job").contains("name: auth-service-task-1001-run-3")
                .contains("name: auth-service-task-1001-run-3-files")
                .contains("claimName: auth-service-workspace")
                .contains("taskconsole.io/attempt: \"3\"");
    }

    @Test
    @Timeout(120)
    void theRealChartAcceptsTheValuesAndNamesTheJobAsTheAppExpects() throws IOException {
        String chartDir = System.getProperty("taskconsole.chart.dir");
        org.junit.jupiter.api.Assumptions.assumeTrue(chartDir != null && Files.isRegularFile(Path.of(chartDir, "Chart.yaml")),
                "charts/claude-code is not in this checkout");
        String service = "payments-reconciliation-and-settlement-batch-eu-west-1";
        Files.writeString(taskDir.resolve("task.yaml"), "id: 123456789\nservice: " + service + "\ntitle: T\n");
        Path out = dir.resolve("out");

        CliRun run = CliRun.of("render", taskDir.toString(), "--out", out.toString(), "--chart", chartDir,
                "--attempt", "12", "--template", "--helm", ToolBinaries.helm().toString());

        assertThat(run.exitCode()).as(run.toString()).isZero();
        var names = new io.taskconsole.cluster.ResourceNames(new io.taskconsole.task.ServiceName(service),
                new io.taskconsole.task.TaskId(123456789), 12);
        String manifests = Files.readString(out.resolve("manifests.yaml"));
        assertThat(manifests).contains("kind: Job\nmetadata:\n  name: " + names.jobName() + "\n")
                .contains(names.configMapName())
                .contains(names.pvcName());
    }

    @Test
    void renderOfABadServiceNameExitsTwoWithTheSuggestion() throws IOException {
        Files.writeString(taskDir.resolve("task.yaml"), "id: 1001\nservice: Auth_Service\n");
        CliRun run = CliRun.of("render", taskDir.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("task-console: Service name 'Auth_Service'")
                .contains(taskDir.resolve("task.yaml").toString())
                .endsWith("Use 'auth-service' instead.");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void renderReportsProblemsAndExitsTwo() throws IOException {
        Files.writeString(taskDir.resolve("prompt.md"), "my own prompt");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("render", taskDir.toString(), "--out", out.toString(), "--chart", chart.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.err()).contains("task-console: problem: prompt.md: 'prompt.md' is generated by Task Console");
    }

    /** Validation, the dry run (render) and submit all refuse a linked file, naming it and its target. */
    @Test
    void aSymbolicLinkInTheTaskFolderIsRefusedByRenderAndSubmitNamingItsTarget() throws IOException {
        Path secret = dir.resolve("kube-config");
        Files.writeString(secret, "token: do-not-send\n");
        Files.createSymbolicLink(taskDir.resolve("notes.md"), secret);
        String problem = "notes.md: 'notes.md' is a symbolic link to " + secret + ", outside the task folder";

        Path out = dir.resolve("out");
        CliRun render = CliRun.of("render", taskDir.toString(), "--out", out.toString(), "--chart", chart.toString());
        assertThat(render.exitCode()).as(render.toString()).isEqualTo(2);
        assertThat(render.err()).contains(problem);
        assertThat(render.out() + render.err()).doesNotContain("do-not-send");
        try (Stream<Path> written = Files.walk(out)) {
            for (Path file : written.filter(Files::isRegularFile).toList()) {
                assertThat(file.getFileName().toString()).isNotEqualTo("notes.md");
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("do-not-send").doesNotContain("notes.md");
            }
        }

        CliRun submit = CliRun.of("submit", taskDir.toString(), "--chart", chart.toString(),
                "--helm", ToolBinaries.helm().toString(),
                "--kubeconfig", UnreachableCluster.kubeconfig(dir.resolve("kubeconfig"), "lab").toString());
        assertThat(submit.exitCode()).as(submit.toString()).isEqualTo(2);
        assertThat(submit.err()).contains(problem).doesNotContain("do-not-send");
    }

    @Test
    void importTaskmasterCreatesATaskFolder() throws IOException, URISyntaxException {
        Path tasksJson = Path.of(getClass().getResource("/taskmaster/legacy-tasks.json").toURI());
        Path out = dir.resolve("7-login");

        CliRun run = CliRun.of("import-taskmaster", tasksJson.toString(), "--id", "7", "--out", out.toString(),
                "--service", "auth-service");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        assertThat(names(out)).containsExactlyInAnyOrder("task.yaml", "task.md", "design-spec.md");
        JsonNode yaml = YAMLMapper.builder().build().readTree(Files.readString(out.resolve("task.yaml")));
        assertThat(yaml.get("id").asInt()).isEqualTo(7);
        assertThat(yaml.get("service").asString()).isEqualTo("auth-service");
        assertThat(yaml.get("title").asString()).isEqualTo("Rate-limit the login endpoint");
        assertThat(Files.readString(out.resolve("task.md"))).contains("Rate-limit the login endpoint");
        assertThat(run.out()).contains("Created " + out);

        CliRun again = CliRun.of("import-taskmaster", tasksJson.toString(), "--id", "7", "--out", out.toString(),
                "--service", "auth-service");
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(2);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void aTimeoutThatIsNotADurationExitsTwo() {
        CliRun run = CliRun.of("submit", taskDir.toString(), "--chart", chart.toString(), "--timeout", "abc");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .isEqualTo("task-console: --timeout 'abc' is not a duration. Use helm's form, e.g. 90s, 5m or 1h30m.");
    }

    @Test
    void anAttemptNumberBelowOneExitsTwoBeforeReadingTheTask() {
        String missing = dir.resolve("missing").toString();
        CliRun render = CliRun.of("render", missing, "--out", dir.resolve("out").toString(), "--attempt", "0");
        assertThat(render.exitCode()).as(render.toString()).isEqualTo(2);
        assertThat(render.errLines()).singleElement().asString()
                .isEqualTo("task-console: --attempt 0 is not an attempt number. Use 1 or more.");

        CliRun retry = CliRun.of("retry", missing, "--attempt", "-1");
        assertThat(retry.exitCode()).as(retry.toString()).isEqualTo(2);
        assertThat(retry.errLines()).singleElement().asString()
                .isEqualTo("task-console: --attempt -1 is not an attempt number. Use 1 or more, or leave it out for the latest.");
    }

    @Test
    void stackTracesOnlyWithVerbose() {
        String missing = dir.resolve("missing").toString();
        CliRun quiet = CliRun.of("render", missing, "--out", dir.resolve("out").toString());
        assertThat(quiet.exitCode()).isEqualTo(2);
        assertThat(quiet.err()).isEqualTo("task-console: Task folder " + missing
                + " does not exist. Pass the folder that holds task.yaml and task.md." + System.lineSeparator());

        for (List<String> args : List.of(
                List.of("--verbose", "render", missing, "--out", dir.resolve("out").toString()),
                List.of("render", missing, "--out", dir.resolve("out").toString(), "--verbose"))) {
            CliRun verbose = CliRun.of(args.toArray(String[]::new));
            assertThat(verbose.exitCode()).as(verbose.toString()).isEqualTo(2);
            assertThat(verbose.err()).as(String.join(" ", args)).contains("does not exist").contains("\tat io.taskconsole");
        }
    }

    @Test
    @Timeout(120)
    void submitToAClusterThatRefusesExitsOneAndLeavesTheTaskFolderAlone() throws IOException {
        Path kubeconfig = UnreachableCluster.kubeconfig(dir.resolve("kubeconfig"), "lab");

        CliRun run = CliRun.of("submit", taskDir.toString(), "--kubeconfig", kubeconfig.toString(),
                "--chart", chart.toString(), "--helm", ToolBinaries.helm().toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.err()).contains("task-console: Cannot reach the cluster of context 'lab' at https://127.0.0.1:1")
                .doesNotContain(UnreachableCluster.TOKEN).doesNotContain("\tat ");
        try (Stream<Path> left = Files.walk(taskDir)) {
            assertThat(left.map(p -> taskDir.relativize(p).toString()).filter(p -> !p.startsWith(".history")))
                    .containsExactlyInAnyOrder("", "task.yaml", "task.md", "design-spec.md");
        }
    }

    @Test
    void submitWithAHelmThatDoesNotExistExitsTwoNamingThePath() {
        CliRun run = CliRun.of("submit", taskDir.toString(), "--helm", "/nonexistent/helm", "--chart", chart.toString(),
                "--kubeconfig", dir.resolve("no-kubeconfig").toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).singleElement().asString()
                .contains("/nonexistent/helm").contains("does not exist").contains("--helm");
    }

    @Test
    void criteriaOfAFileThatDoesNotExistExitsTwoNamingIt() {
        Path missing = dir.resolve("nope.md");
        CliRun run = CliRun.of("criteria", missing.toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
        assertThat(run.errLines()).containsExactly("task-console: Missing file " + missing + ". Create it or restore it.");
    }

    @Test
    @Timeout(120)
    void attemptsOnAClusterThatRefusesExitsOne() throws IOException {
        Path kubeconfig = UnreachableCluster.kubeconfig(dir.resolve("kubeconfig"), "lab");
        CliRun run = CliRun.of("attempts", taskDir.toString(), "--kubeconfig", kubeconfig.toString(), "--context", "lab");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(1);
        assertThat(run.errLines()).singleElement().asString()
                .startsWith("task-console: Cannot reach the cluster of context 'lab' at https://127.0.0.1:1");
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }
}
