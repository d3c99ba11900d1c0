package io.taskconsole.cli;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.TaskService;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "attempts", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {"List a task's attempts: the cluster's, with their release and Job status, joined with",
        "what this machine's history recorded (attempts sent elsewhere are listed too)."})
final class AttemptsCommand implements Callable<Integer> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        TaskDraft draft = TaskFolder.load(taskDir);
        AttemptsOverview overview = TaskService.forSystem().attempts(draft, cluster.target(), true);
        if (overview.attempts().isEmpty() && overview.clusterProblem() == null) {
            terminal.err().println("task-console: task " + draft.info().id() + " has no attempts in namespace "
                    + cluster.target().namespace());
            return TaskConsoleCli.OK;
        }
        String format = "%-8s %-20s %-28s %-40s %-10s %s%n";
        if (!overview.attempts().isEmpty()) {
            terminal.out().printf(format, "ATTEMPT", "SUBMITTED", "WHERE", "RELEASE", "HELM", "JOB");
        }
        for (AttemptSummary a : overview.attempts()) {
            terminal.out().printf(format, a.number(), a.submittedAt() == null ? "-" : TIME.format(a.submittedAt()),
                    (a.context() == null ? "(current)" : a.context()) + "/" + a.namespace(), a.release(),
                    a.helmStatus() != null ? a.helmStatus() : a.result() == null ? "-" : a.result().label(),
                    a.job().label());
        }
        terminal.out().flush();
        if (overview.clusterProblem() != null) {
            terminal.err().println("task-console: " + overview.clusterProblem());
            if (!overview.attempts().isEmpty()) {
                terminal.err().println("task-console: the list above is this machine's history only; its Job status is unknown");
            }
            terminal.err().flush();
            return TaskConsoleCli.FAILED;
        }
        return TaskConsoleCli.OK;
    }
}
