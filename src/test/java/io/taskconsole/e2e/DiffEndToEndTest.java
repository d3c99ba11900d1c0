package io.taskconsole.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.TaskService;
import io.taskconsole.cli.TaskConsoleCli;
import io.taskconsole.compare.Comparison;
import io.taskconsole.compare.DiffLine;
import io.taskconsole.compare.FileDiff;
import io.taskconsole.compare.Span;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.cluster.KubeTarget;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code task-console diff} and the application layer's comparisons on attempts really submitted (the
 * CLI's submit and retry, real helm, the project's chart) to the test API server: files read back from
 * their ConfigMaps, diff's exit codes, and a patch git applies.
 */
class DiffEndToEndTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    @TempDir
    Path temp;
    private String namespace;
    private Path kubeconfig;
    private TaskDraft task;

    @BeforeEach
    void setUp() {
        namespace = "diff-" + Long.toHexString(System.nanoTime());
        SERVER.createAttemptNamespace(namespace);
        kubeconfig = SERVER.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        task = SampleTask.create(temp.resolve("tasks"));
    }

    @Test
    void draftsAndAttemptsAreComparedFileByFileWithDiffsExitCodes() throws IOException {
        cli(0, "submit");
        Run same = diff();
        assertThat(same.code).as(same.toString()).isZero();
        assertThat(same.out).isEmpty();
        assertThat(same.err).contains("attempt-1 and drafts are identical (4 files)");

        Path taskMd = task.folder().resolve("task.md");
        String before = Files.readString(taskMd);
        Files.writeString(taskMd, before.replace("After 5 failed logins", "After 10 failed logins"));

        Run edited = diff();
        assertThat(edited.code).as(edited.toString()).isEqualTo(1);
        assertThat(edited.out).contains("--- attempt-1/task.md\n+++ drafts/task.md\n")
                .contains("\n-- [ ] After 5 failed logins for one account")
                .contains("\n+- [ ] After 10 failed logins for one account")
                .contains("--- attempt-1/acceptance-criteria.md\n+++ drafts/acceptance-criteria.md\n")
                .doesNotContain("prompt.md", "metadata.yaml");
        assertThat(edited.err).contains("drafts differs from attempt-1 in 2 files: task.md: changed, +1 -1, "
                + "acceptance-criteria.md: changed, +1 -1");
        assertThat(applies(edited.out, 1, "task.md")).as("git applies the diff to attempt 1's task.md")
                .isEqualTo(Files.readString(taskMd));

        cli(0, "submit");
        Run attempts = diff("1", "2");
        assertThat(attempts.code).as(attempts.toString()).isEqualTo(1);
        assertThat(attempts.out).contains("--- attempt-1/task.md\n+++ attempt-2/task.md\n");
        assertThat(diff("2").code).as("the drafts are what attempt 2 sent").isZero();

        cli(0, "retry", "--attempt", "1");
        assertThat(diff("1", "3").code).as("a retry sends its attempt's files again").isZero();
        Run withMetadata = diff("1", "3", "--metadata");
        assertThat(withMetadata.code).isEqualTo(1);
        assertThat(withMetadata.err).contains("attempt-3 differs from attempt-1 in 1 file: metadata.yaml: changed");

        Run stat = diff("1", "--stat");
        assertThat(stat.out).isEqualTo("task.md: changed, +1 -1\nacceptance-criteria.md: changed, +1 -1\n");
    }

    @Test
    void theApplicationLayerMarksTheChangedWordsAndPreviewsARetry() throws IOException {
        cli(0, "submit");
        Path taskMd = task.folder().resolve("task.md");
        Files.writeString(taskMd, Files.readString(taskMd).replace("After 5 failed logins", "After 10 failed logins"));
        TaskService service = TaskService.forSystem();
        KubeTarget target = new KubeTarget(kubeconfig, "test-context", namespace);
        TaskDraft draft = TaskFolder.load(task.folder());
        AttemptSummary first = service.attempt(draft, target, 1);

        Comparison comparison = service.compareDrafts(draft, first, target, PromptTemplate.defaultTemplate());

        FileDiff file = comparison.files().stream().filter(f -> f.name().equals("task.md")).findFirst().orElseThrow();
        DiffLine changed = file.lines().stream().filter(l -> l.kind() == DiffLine.Kind.CHANGED).findFirst().orElseThrow();
        assertThat(changed.oldSpans()).filteredOn(Span::changed).extracting(Span::text).containsExactly("5");
        assertThat(changed.newSpans()).filteredOn(Span::changed).extracting(Span::text).containsExactly("10");
        assertThat(comparison.files()).filteredOn(f -> !f.differs()).extracting(FileDiff::name)
                .containsExactly("design-spec.md", "prompt.md");
        assertThat(comparison.changedNames()).containsExactly("task.md", "acceptance-criteria.md", "metadata.yaml");

        assertThat(service.previewRetry(draft, first).changedNames()).containsExactly("metadata.yaml");
    }

    @Test
    void aMissingAttemptOrAnUnreachableClusterIsExitCodeTwo() {
        cli(0, "submit");
        Run missing = diff("7");
        assertThat(missing.code).isEqualTo(2);
        assertThat(missing.err).contains("Task 1001 has no attempt 7 in test-context / " + namespace)
                .contains("task-console attempts");
        Run zero = diff("0");
        assertThat(zero.code).isEqualTo(2);
        assertThat(zero.err).contains("Attempts are numbered from 1");
    }

    /** The diff applied by git to attempt {@code attempt}'s file as its ConfigMap holds it; the file's text after. */
    private String applies(String patch, int attempt, String name) throws IOException {
        Path dir = Files.createDirectories(temp.resolve("apply-" + attempt));
        Map<String, String> data = SERVER.client().configMaps().inNamespace(namespace)
                .withName("auth-service-task-1001-run-" + attempt + "-files").get().getData();
        Files.writeString(dir.resolve(name), data.get(name));
        Files.writeString(dir.resolve("change.patch"), patch);
        ToolResult git = ToolRun.of(ToolBinaries.onPath("git").orElseThrow(), "apply", "-p1", "--include=" + name, "change.patch").in(dir).run();
        assertThat(git.succeeded()).as(git.toString()).isTrue();
        return Files.readString(dir.resolve(name), StandardCharsets.UTF_8);
    }

    private void cli(int expected, String command, String... more) {
        List<String> args = new ArrayList<>(List.of(command, task.folder().toString()));
        args.addAll(List.of(more));
        if (!command.equals("retry")) {
            args.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--context", "test-context", "-n", namespace));
        }
        args.addAll(List.of("--helm", ToolBinaries.helm().toString(), "--chart", CHART, "--timeout", "60s"));
        Run run = run(args);
        assertThat(run.code).as(run.toString()).isEqualTo(expected);
    }

    private Run diff(String... more) {
        List<String> args = new ArrayList<>(List.of("diff", task.folder().toString()));
        args.addAll(List.of(more));
        args.addAll(List.of("--kubeconfig", kubeconfig.toString(), "--context", "test-context", "-n", namespace));
        return run(args);
    }

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = TaskConsoleCli.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
