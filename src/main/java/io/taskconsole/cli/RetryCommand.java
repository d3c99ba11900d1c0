package io.taskconsole.cli;

import io.taskconsole.app.RetryPlan;
import io.taskconsole.app.TaskService;
import io.taskconsole.submit.SubmitSettings;
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

@Command(name = "retry", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {
        "Send attempt N's exact files again as the next attempt.",
        "It goes where attempt N went (by the local history) unless cluster options name another target."})
final class RetryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Option(names = "--attempt", paramLabel = "N", description = "The attempt to retry (default: the latest).")
    int attempt;

    @Mixin
    TargetOptions cluster;

    @Mixin
    ChartOptions chart;

    @Mixin
    InstallOptions install;

    @Mixin
    ServerOptions team;

    @Mixin
    PreflightOption preflight;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        AttemptNumber.atLeast(0, attempt, "Use 1 or more, or leave it out for the latest.");
        TaskDraft draft = TaskFolder.load(taskDir);
        team.checkNotHalfGiven();
        if (team.given()) {
            return terminal.submitted(team.client(cluster, chart.given())
                    .retry(draft.info().service(), draft.info().id(), attempt));
        }
        // Here the preflight runs on this machine; through --server the service runs its own.
        TaskService service = preflight.service(TaskService.forSystem());
        RetryPlan plan = service.planRetry(draft, attempt, cluster.target(), cluster.given());
        SubmitSettings settings = install.settings(chart.settings(cluster));
        return terminal.submit(cancel -> service.retry(draft, plan, settings, terminal.helmOutput(), cancel));
    }
}
