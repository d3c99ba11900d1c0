package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.TaskService;
import io.taskconsole.compare.Comparison;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {
        "Compare what attempts sent (read from their ConfigMaps) and what the drafts would send now.",
        "No number: the drafts against the latest attempt; one: the drafts against attempt A; two: attempt A"
                + " against attempt B. Prints a unified diff; exits 0 when they are the same, 1 when they differ,"
                + " 2 on error, as diff does. metadata.yaml, which each attempt writes anew, is left out unless"
                + " --metadata is given."})
final class DiffCommand implements Callable<Integer> {

    static final int SAME = 0;
    static final int DIFFERENT = 1;
    static final int TROUBLE = 2;

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Parameters(index = "1..2", arity = "0..2", paramLabel = "N", description = "Attempt numbers: A, or A and B.")
    List<Integer> attempts = List.of();

    @Option(names = "--metadata", description = "Compare metadata.yaml too (it names the attempt, who sent it and when).")
    boolean metadata;

    @Option(names = "--stat", description = "Print only which files differ and by how many lines.")
    boolean stat;

    @Mixin
    TargetOptions cluster;

    @Mixin
    TemplateOption template;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        try {
            Comparison comparison = compare();
            if (!metadata) {
                comparison = comparison.without(AttemptFiles.METADATA_YAML);
            }
            if (stat) {
                comparison.changed().forEach(f -> terminal.out().println(f.describe()));
            } else {
                terminal.out().print(comparison.unified());
            }
            terminal.out().flush();
            terminal.err().println("task-console: " + comparison.summary());
            terminal.err().flush();
            return comparison.identical() ? SAME : DIFFERENT;
        } catch (TaskConsoleException e) {
            // diff's convention: 1 means "they differ", so every failure, a cluster's too, is 2.
            terminal.err().println("task-console: " + e.oneLine());
            terminal.err().flush();
            return TROUBLE;
        } catch (RuntimeException e) {
            terminal.err().println("task-console: unexpected error: " + e);
            terminal.err().flush();
            return TROUBLE;
        }
    }

    private Comparison compare() {
        for (int n : attempts) {
            AttemptNumber.atLeast(1, n, "Attempts are numbered from 1; 'task-console attempts' lists them.");
        }
        TaskDraft draft = TaskFolder.load(taskDir);
        TaskService service = TaskService.forSystem();
        if (attempts.size() == 2) {
            AttemptSummary a = service.attempt(draft, cluster.target(), attempts.get(0));
            AttemptSummary b = service.attempt(draft, cluster.target(), attempts.get(1));
            return service.compareAttempts(draft, a, b);
        }
        AttemptSummary a = service.attempt(draft, cluster.target(), attempts.isEmpty() ? 0 : attempts.get(0));
        return service.compareDrafts(draft, a, cluster.target(), template.template(taskDir));
    }
}
