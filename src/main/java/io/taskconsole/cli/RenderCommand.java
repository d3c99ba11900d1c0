package io.taskconsole.cli;

import io.taskconsole.app.TaskService;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.Problem;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "render", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = "Dry run without a cluster: write the attempt's files, configmap.yaml, values.yaml and"
        + " helm-command.txt (and with --template the manifests 'helm template' renders) into a folder.")
final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Option(names = "--attempt", paramLabel = "N",
            description = "Attempt number to render (default: the next, by the task's local history).")
    Integer attempt;

    @Option(names = "--template", description = "Also run 'helm template' and write manifests.yaml.")
    boolean template;

    @Mixin
    TargetOptions cluster;

    @Mixin
    ChartOptions chart;

    @Mixin
    TemplateOption promptTemplate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        if (attempt != null) {
            AttemptNumber.atLeast(1, attempt, "Use 1 or more.");
        }
        TaskDraft draft = TaskFolder.load(taskDir);
        DryRun.Result result = TaskService.forSystem().dryRun(draft, attempt == null ? 0 : attempt, chart.settings(cluster),
                promptTemplate.template(taskDir), template);
        for (Path written : DryRun.write(result, out)) {
            terminal.out().println(written);
        }
        for (Problem p : result.problems()) {
            terminal.err().println("task-console: problem: " + p.oneLine());
        }
        terminal.out().flush();
        return result.problems().isEmpty() ? TaskConsoleCli.OK : TaskConsoleCli.BAD_INPUT;
    }
}
