package io.taskconsole.cli;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import java.io.PrintWriter;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command's terminal: helm's stdout to stdout, its stderr to stderr, progress lines marked
 * with {@code ==>}; Ctrl-C cancels a running submission instead of orphaning helm.
 */
final class Console {

    private final CommandSpec spec;

    Console(CommandSpec spec) {
        this.spec = spec;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    void info(String line) {
        out().println("==> " + line);
        out().flush();
    }

    OutputListener helmOutput() {
        return (stream, line) -> {
            switch (stream) {
                case STDOUT -> {
                    out().println(line);
                    out().flush();
                }
                case STDERR -> {
                    err().println(line);
                    err().flush();
                }
                default -> info(line);
            }
        };
    }

    <T> T runCancellable(Function<Cancellation, T> work) {
        Cancellation cancel = new Cancellation();
        Thread hook = new Thread(() -> {
            err().println("task-console: cancelling; stopping helm");
            err().flush();
            cancel.cancel();
        }, "task-console-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return work.apply(cancel);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C; the hook is running
            }
        }
    }

    int report(AttemptOutcome outcome) {
        if (outcome.succeeded()) {
            info("Attempt " + outcome.attempt() + " of task " + outcome.names().taskId() + " submitted.");
            info("Follow it: kubectl logs -n " + outcome.record().namespace() + " --context " + outcome.record().context()
                    + " job/" + outcome.names().jobName() + " -c agent -f");
            return TaskConsoleCli.OK;
        }
        TaskConsoleException error = outcome.error();
        err().println("task-console: " + error.oneLine());
        err().flush();
        return error.exitCode();
    }
}
