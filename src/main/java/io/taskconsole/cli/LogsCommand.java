package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.TaskService;
import io.taskconsole.follow.AttemptState;
import io.taskconsole.follow.LogFollower;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.transcript.TranscriptParser;
import io.taskconsole.transcript.TranscriptText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", mixinStandardHelpOptions = true, versionProvider = CliVersion.class, description = {
        "Print the log of an attempt's container (default: the agent's), following it while it runs with -f.",
        "A copy of each log read is kept in the task's .history/logs/, and shown once Kubernetes has deleted the pod.",
        "Exit code: 0 when the attempt succeeded (or still runs, without -f), 1 when it failed or its Job is gone."})
final class LogsCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TASK_DIR", description = "The task folder.")
    Path taskDir;

    @Option(names = "--attempt", paramLabel = "N", description = "The attempt (default: the latest).")
    int attempt;

    @Option(names = {"-f", "--follow"}, description = "Follow the log until the attempt is over.")
    boolean follow;

    @Option(names = "--container", paramLabel = "NAME",
            description = "fetch-source, prepare-workspace or agent (default: agent).")
    String container;

    @Option(names = "--raw", description = "The lines exactly as the container wrote them (Claude Code's stream-json),"
            + " instead of the agent's readable transcript.")
    boolean raw;

    @Mixin
    TargetOptions cluster;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Terminal terminal = new Terminal(spec);
        AttemptNumber.atLeast(0, attempt, "Use 1 or more, or leave it out for the latest.");
        TaskDraft draft = TaskFolder.load(taskDir);
        TaskService service = TaskService.forSystem();
        AttemptsOverview overview = service.attempts(draft, cluster.target(), true);
        if (overview.clusterProblem() != null) {
            throw TaskConsoleException.failed(overview.clusterProblem(), "Check the cluster options; "
                    + "'task-console attempts' lists where each attempt went.", null);
        }
        AttemptSummary chosen = overview.attempts().stream()
                .filter(a -> attempt == 0 || a.number() == attempt).findFirst()
                .orElseThrow(() -> TaskConsoleException.badInput(attempt == 0
                        ? "Task " + draft.info().id() + " has no attempts in namespace " + cluster.target().namespace()
                        : "Task " + draft.info().id() + " has no attempt " + attempt + " in namespace "
                        + cluster.target().namespace(), "'task-console attempts " + taskDir + "' lists them."));
        // The agent writes one stream-json event per line: shown as a transcript unless --raw; the init
        // containers write plain text, shown as written.
        boolean agent = container == null || container.equals("agent");
        TranscriptParser transcript = raw || !agent ? null : new TranscriptParser();
        LogFollower.Sink sink = new LogFollower.Sink() {
            @Override
            public void line(String text) {
                if (transcript == null) {
                    terminal.out().println(text);
                } else {
                    transcript.accept(text).forEach(entry -> TranscriptText.lines(entry).forEach(terminal.out()::println));
                }
                terminal.out().flush();
            }

            @Override
            public void note(String message) {
                terminal.err().println("task-console: " + message);
                terminal.err().flush();
            }
        };
        JobPhase phase = service.readLogs(draft, chosen, container, follow, sink, Cancellation.none()).phase();
        return switch (phase) {
            case SUCCEEDED -> TaskConsoleCli.OK;
            case PENDING, RUNNING, UNKNOWN -> {
                sink.note("attempt " + chosen.number() + " is " + phase.label().toLowerCase()
                        + (follow ? "" : "; follow it with -f"));
                yield TaskConsoleCli.OK;
            }
            case MISSING -> {
                sink.note("attempt " + chosen.number() + "'s Job is gone (deleted after it finished, or never"
                        + " created): whether it succeeded is unknown");
                yield TaskConsoleCli.FAILED;
            }
            case FAILED -> {
                AttemptState state = service.attemptState(draft, chosen, Duration.ofSeconds(30));
                sink.note("attempt " + chosen.number() + " failed");
                state.problems().forEach(p -> sink.note("  " + p));
                yield TaskConsoleCli.FAILED;
            }
        };
    }
}
