package io.taskconsole.cli;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.submit.Submitter;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "retry", description = {
        "Send attempt N's exact files again as the next attempt.",
        "Without cluster options it uses the context and namespace attempt N went to (from the local history)."})
final class RetryCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Option(names = "--attempt", paramLabel = "N", description = "The attempt to retry (default: the latest).")
    int attempt;

    @Mixin
    ClusterOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Console console = new Console(spec);
        AttemptNumber.atLeast(0, attempt, "Use 1 or more, or leave it out for the latest.");
        TaskDraft draft = TaskFolder.load(taskDir);
        SubmitSettings settings = cluster.settings();
        if (!cluster.targetGiven()) {
            Optional<AttemptRecord> previous = new AttemptHistory(draft.folder()).list().stream()
                    .filter(r -> attempt == 0 || r.attempt() == attempt)
                    .max(Comparator.comparing(AttemptRecord::submittedAt));
            if (previous.isPresent()) {
                AttemptRecord used = previous.get();
                settings = settings.withTarget(new KubeTarget(used.kubeconfig() == null ? null : Path.of(used.kubeconfig()),
                        used.context(), used.namespace()));
                console.info("Using context " + used.context() + " and namespace " + used.namespace()
                        + (used.kubeconfig() == null ? "" : " (kubeconfig " + used.kubeconfig() + ")")
                        + " of attempt " + used.attempt());
            }
        }
        SubmitSettings chosen = settings;
        return console.submit(cancel -> Submitter.forSystem().retry(draft, attempt, chosen, console.helmOutput(), cancel));
    }
}
