package io.taskconsole.cli;

import io.taskconsole.app.TaskService;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "submit", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = "Send a task folder's current files as the task's next attempt.")
final class SubmitCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder (holds task.yaml, task.md, design-spec.md).")
    Path taskDir;

    @Mixin
    TargetOptions cluster;

    @Mixin
    ChartOptions chart;

    @Mixin
    InstallOptions install;

    @Mixin
    TemplateOption template;

    @Mixin
    ServerOptions team;

    @Mixin
    PreflightOption preflight;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        TaskDraft draft = TaskFolder.load(taskDir);
        team.checkNotHalfGiven();
        if (team.given()) {
            return terminal.submitted(team.client(cluster, chart.given()).submit(draft));
        }
        return terminal.submit(cancel -> preflight.service(TaskService.forSystem()).submit(draft, install.settings(chart.settings(cluster)),
                template.template(taskDir), terminal.helmOutput(), cancel));
    }
}
