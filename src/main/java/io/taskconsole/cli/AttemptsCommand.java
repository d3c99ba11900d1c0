package io.taskconsole.cli;

import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.submit.AttemptLister;
import io.taskconsole.submit.AttemptStatus;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "attempts", description = "List a task's attempts in the cluster with their release and Job status.")
final class AttemptsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec);
        TaskDraft draft = TaskFolder.load(taskDir);
        List<AttemptStatus> attempts = new AttemptLister(KubeConnector.fromSystem()).list(draft.info(), cluster.target());
        if (attempts.isEmpty()) {
            console.err().println("task-console: task " + draft.info().id() + " has no attempts in namespace "
                    + cluster.target().namespace());
            return TaskConsoleCli.OK;
        }
        String format = "%-8s %-22s %-40s %-16s %-10s%n";
        console.out().printf(format, "ATTEMPT", "CREATED", "RELEASE", "HELM", "JOB");
        for (AttemptStatus a : attempts) {
            console.out().printf(format, a.attempt(), a.createdAt() == null ? "-" : a.createdAt().toString(),
                    a.release(), a.releaseStatus(), a.jobStatus());
        }
        console.out().flush();
        return TaskConsoleCli.OK;
    }
}
