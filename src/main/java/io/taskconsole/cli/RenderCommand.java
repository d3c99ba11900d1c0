package io.taskconsole.cli;

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

@Command(name = "render", description = {
        "Dry run without a cluster: write the attempt's files, configmap.yaml, values.yaml and helm-command.txt",
        "(and with --template the manifests 'helm template' renders) into a folder."})
final class RenderCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Where to write the files.")
    Path out;

    @Option(names = "--attempt", defaultValue = "1", paramLabel = "N", description = "Attempt number to render (default: 1).")
    int attempt;

    @Option(names = "--template", description = "Also run 'helm template' and write manifests.yaml.")
    boolean template;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    TemplateOption promptTemplate;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec);
        AttemptNumber.atLeast(1, attempt, "Use 1 or more.");
        TaskDraft draft = TaskFolder.load(taskDir);
        DryRun.Result result = DryRun.forSystem().render(draft, attempt, cluster.settings(), cluster.context,
                promptTemplate.template(taskDir), template);
        for (Path written : DryRun.write(result, out)) {
            console.out().println(written);
        }
        for (Problem p : result.problems()) {
            console.err().println("task-console: problem: " + p.oneLine());
        }
        console.out().flush();
        return result.problems().isEmpty() ? TaskConsoleCli.OK : TaskConsoleCli.BAD_INPUT;
    }
}
