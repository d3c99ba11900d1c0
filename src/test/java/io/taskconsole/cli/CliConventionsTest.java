package io.taskconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskconsole.helm.HelmSearchPath;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import io.taskconsole.testkube.UnreachableCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What users of kubectl, helm and gh expect of a CLI: focused help, completion, and colour only where wanted. */
class CliConventionsTest {

    private static final Set<String> COMMON = Set.of("--help", "--version", "--verbose", "--no-color");
    private static final Set<String> TARGET = Set.of("--kubeconfig", "--in-cluster", "--context", "--namespace");
    private static final Set<String> CHART = Set.of("--chart", "--helm", "--values");
    private static final Set<String> INSTALL = Set.of("--wait", "--timeout", "--storage-class");
    private static final Set<String> TEAM = Set.of("--server", "--token-file");

    @TempDir
    Path dir;

    @Test
    void eachCommandListsOnlyTheOptionsItUses() {
        assertThat(longOptions("attempts")).isEqualTo(union(COMMON, TARGET, TEAM, Set.of("--output", "--watch")));
        assertThat(longOptions("logs")).isEqualTo(union(COMMON, TARGET,
                Set.of("--attempt", "--follow", "--container", "--raw")));
        assertThat(longOptions("render")).isEqualTo(union(COMMON, TARGET, CHART,
                Set.of("--out", "--attempt", "--template", "--prompt-template")));
        assertThat(longOptions("submit")).isEqualTo(union(COMMON, TARGET, CHART, INSTALL, TEAM, Set.of("--prompt-template", "--skip-preflight")));
        assertThat(longOptions("retry")).isEqualTo(union(COMMON, TARGET, CHART, INSTALL, TEAM, Set.of("--attempt", "--skip-preflight")));
        assertThat(longOptions("serve")).isEqualTo(union(COMMON, TARGET, CHART, INSTALL, Set.of("--port", "--bind",
                "--tokens", "--max-concurrent-helm", "--queue", "--grace-period", "--data-dir")));
        assertThat(longOptions("diff")).isEqualTo(union(COMMON, TARGET, Set.of("--metadata", "--stat", "--prompt-template")));

        CliRun attempts = CliRun.of("attempts", "--help");
        assertThat(attempts.out()).doesNotContain("--wait", "--timeout", "--storage-class", "--chart", "--helm");
        CliRun render = CliRun.of("render", "--help");
        assertThat(render.out()).contains("--chart", "--helm").doesNotContain("--wait", "--timeout", "--storage-class",
                "--skip-preflight");
        CliRun submit = CliRun.of("submit", "--help");
        assertThat(submit.out()).contains("--wait", "--timeout", "--storage-class", "--chart", "--helm", "--context");
    }

    @Test
    void helmsHelpNamesEveryFolderTheLocatorSearches() {
        Path home = Path.of("/home/someone");
        String help = String.join(" ", subcommand("submit").findOption("--helm").description());

        assertThat(help).contains("PATH");
        for (Path folder : HelmSearchPath.of(null, home, false, Map.of()).installDirs()) {
            String shown = folder.startsWith(home) ? "~/" + home.relativize(folder) : folder.toString();
            assertThat(help).as("--helm's help names %s", folder).contains(shown);
        }
        assertThat(CliRun.of("submit", "--help").out()).contains("first helm on PATH");
    }

    @Test
    void completionScriptsNameEveryCommandAndOption() {
        String bash = CliRun.of("completion", "bash").out();
        String zsh = CliRun.of("completion", "zsh").out();
        String fish = CliRun.of("completion", "fish").out();

        assertThat(zsh).as("zsh uses bash's script through bashcompinit").isEqualTo(bash).contains("bashcompinit");
        for (CommandLine sub : root().getSubcommands().values()) {
            String name = sub.getCommandName();
            assertThat(bash).as("bash: %s", name).contains(name);
            assertThat(fish).as("fish: %s", name).contains(" -a " + name + " ");
            for (OptionSpec option : sub.getCommandSpec().options()) {
                assertThat(bash).as("bash: %s %s", name, option.longestName()).contains(option.longestName());
                assertThat(fish).as("fish: %s %s", name, option.longestName())
                        .contains("'__fish_seen_subcommand_from " + name + "' " + fishNames(option));
            }
        }
    }

    @Test
    void bashCompletesCommandsAndEachCommandsOwnOptions() throws IOException {
        Optional<Path> bash = ToolBinaries.onPath("bash");
        assumeTrue(bash.isPresent(), "bash is not on PATH");
        Path script = Files.writeString(dir.resolve("task-console.bash"), CliRun.of("completion", "bash").out());

        assertThat(bashComplete(bash.get(), script, "task-console", ""))
                .contains("submit", "retry", "render", "attempts", "diff", "criteria", "import-taskmaster", "serve", "completion");
        assertThat(bashComplete(bash.get(), script, "task-console", "attempts", "--"))
                .contains("--output", "--context", "--namespace").doesNotContain("--wait", "--timeout", "--helm");
        assertThat(bashComplete(bash.get(), script, "task-console", "attempts", "-o", ""))
                .containsExactlyInAnyOrder("table", "json", "yaml");
        assertThat(bashComplete(bash.get(), script, "task-console", "completion", ""))
                .containsExactlyInAnyOrder("bash", "zsh", "fish");
    }

    @Test
    void fishCompletesCommandsAndEachCommandsOwnOptions() throws IOException {
        Optional<Path> fish = ToolBinaries.onPath("fish");
        assumeTrue(fish.isPresent(), "fish is not on PATH");
        Path script = Files.writeString(dir.resolve("task-console.fish"), CliRun.of("completion", "fish").out());

        assertThat(fishComplete(fish.get(), script, "task-console "))
                .contains("submit", "retry", "render", "attempts", "diff", "criteria", "import-taskmaster", "serve", "completion");
        assertThat(fishComplete(fish.get(), script, "task-console attempts --"))
                .contains("--output", "--context", "--namespace").doesNotContain("--wait", "--timeout", "--helm");
        assertThat(fishComplete(fish.get(), script, "task-console submit --"))
                .contains("--wait", "--timeout", "--storage-class", "--helm", "--prompt-template");
        assertThat(fishComplete(fish.get(), script, "task-console attempts -o "))
                .containsExactlyInAnyOrder("table", "json", "yaml");
    }

    /**
     * {@code attempts -o json} has exactly the field names the README documents, so neither can change
     * without the other (the values are checked against real Job statuses in JobStatusShownTest).
     */
    @Test
    void attemptsJsonHasTheFieldsTheReadmeDocuments() throws IOException {
        Path task = dir.resolve("1001-rate-limit");
        Files.createDirectories(task);
        Files.writeString(task.resolve("task.yaml"), "id: 1001\nservice: auth-service\ntitle: Rate-limit failed logins\n");
        Files.writeString(task.resolve("task.md"), "# Rate-limit failed logins\n");
        new AttemptHistory(task).add(new AttemptRecord(1, null, Instant.parse("2026-01-02T03:04:05Z"), "lab", "team-a",
                "auth-service-task-1001-run-1", "auth-service-task-1001-run-1-files", "helm upgrade --install", 0, 1500,
                AttemptResult.SUCCEEDED, "submitted", null, null));
        Path kubeconfig = UnreachableCluster.kubeconfig(dir.resolve("kubeconfig"), "lab");

        CliRun run = CliRun.of("attempts", task.toString(), "--kubeconfig", kubeconfig.toString(), "--context", "lab",
                "-n", "team-a", "-o", "json");

        assertThat(run.exitCode()).as("the cluster cannot be asked: %s", run).isEqualTo(TaskConsoleCli.FAILED);
        JsonNode doc = JsonMapper.builder().build().readTree(run.out());
        String shape = "{" + String.join(", ", doc.propertyNames()).replace("attempts", "attempts: [{"
                + String.join(", ", doc.get("attempts").get(0).propertyNames()) + "}]") + "}";
        String readme = Files.readString(Path.of("README.md")).replaceAll("\\s+", " ");
        Matcher documented = Pattern.compile("`attempts -o json` \\(or `yaml`\\) prints `([^`]+)`").matcher(readme);
        assertThat(documented.find()).as("README documents attempts -o json").isTrue();
        assertThat(shape).isEqualTo(documented.group(1));
        assertThat(doc.get("attempts").get(0).get("submitted_at").asString()).isEqualTo("2026-01-02T03:04:05Z");
        assertThat(doc.get("cluster_problem").asString()).isNotBlank();
    }

    @Test
    void helpHasColourOnlyUntilNoColorIsGiven() {
        String forced = System.getProperty("picocli.ansi");
        System.setProperty("picocli.ansi", "true");
        try {
            assertThat(CliRun.of("submit", "--help").out()).as("colour is possible here").contains("\u001b[");
            assertThat(CliRun.of("submit", "--help", "--no-color").out()).doesNotContain("\u001b[");
            assertThat(CliRun.of("--no-color", "render", "--help").out()).doesNotContain("\u001b[");
        } finally {
            if (forced == null) {
                System.clearProperty("picocli.ansi");
            } else {
                System.setProperty("picocli.ansi", forced);
            }
        }
    }

    /** NO_COLOR (no-color.org) wins over a terminal and over CLICOLOR_FORCE, which stands in for one here. */
    @Test
    void noColorInTheEnvironmentTurnsColourOff() {
        assumeTrue(System.getenv("NO_COLOR") == null, "NO_COLOR is set for the tests themselves");
        assertThat(javaCli(Map.of("CLICOLOR_FORCE", "1")).output()).as("colour is possible here").contains("\u001b[");
        ToolResult noColor = javaCli(Map.of("CLICOLOR_FORCE", "1", "NO_COLOR", "1"));
        assertThat(noColor.exitCode()).as(noColor.toString()).isZero();
        assertThat(noColor.output()).contains("Usage: task-console submit").doesNotContain("\u001b[");
    }

    @Test
    void withoutATerminalThereIsNoColour() {
        ToolResult plain = javaCli(Map.of());
        assertThat(plain.exitCode()).as(plain.toString()).isZero();
        assertThat(plain.output()).contains("Usage: task-console submit").doesNotContain("\u001b[");
    }

    private ToolResult javaCli(Map<String, String> env) {
        ToolRun run = ToolRun.of(Path.of(System.getProperty("java.home"), "bin", "java"),
                "-cp", System.getProperty("java.class.path"), "-Duser.home=" + dir, "io.taskconsole.Launcher",
                "submit", "--help");
        for (Map.Entry<String, String> e : env.entrySet()) {
            run = run.env(e.getKey(), e.getValue());
        }
        return run.run();
    }

    private static List<String> bashComplete(Path bash, Path script, String... words) {
        List<String> args = new ArrayList<>(List.of("-c", "source \"$0\" 2>/dev/null; COMP_WORDS=(\"${@}\");"
                + " COMP_CWORD=$(( $# - 1 )); COMP_LINE=\"$*\"; COMP_POINT=${#COMP_LINE}; _complete_task-console 2>/dev/null;"
                + " printf '%s\\n' \"${COMPREPLY[@]}\"", script.toString()));
        args.addAll(List.of(words));
        ToolResult result = ToolRun.of(bash, args).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        return words(result.output());
    }

    private static List<String> fishComplete(Path fish, Path script, String line) {
        ToolResult result = ToolRun.of(fish, "--no-config", "-c", "source $argv[1]; complete -C $argv[2]",
                script.toString(), line).run();
        assertThat(result.exitCode()).as(result.toString()).isZero();
        List<String> words = new ArrayList<>();
        for (String l : result.output().split("\\R")) {
            if (!l.isBlank()) {
                words.add(l.split("\t", 2)[0]);
            }
        }
        return words;
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.split("\\s+")).filter(w -> !w.isBlank()).toList();
    }

    private static String fishNames(OptionSpec option) {
        List<String> names = new ArrayList<>();
        for (String n : option.names()) {
            names.add(n.startsWith("--") ? "-l " + n.substring(2) : "-s " + n.substring(1));
        }
        return String.join(" ", names);
    }

    private static CommandLine root() {
        return new CommandLine(new TaskConsoleCli());
    }

    private static CommandSpec subcommand(String name) {
        return root().getSubcommands().get(name).getCommandSpec();
    }

    private static Set<String> longOptions(String command) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec option : subcommand(command).options()) {
            names.add(option.longestName());
        }
        return names;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new TreeSet<>();
        for (Set<String> s : sets) {
            all.addAll(s);
        }
        return all;
    }
}
