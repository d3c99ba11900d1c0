package io.taskconsole.cli;

import io.taskconsole.app.TaskService;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Model.CommandSpec;

/**
 * A command's terminal: helm's stdout to stdout, its stderr to stderr, progress lines marked
 * with {@code ==>}; Ctrl-C cancels a running submission instead of orphaning helm.
 */
final class Terminal {

    /** helm's cancel grace (SIGTERM, then SIGKILL), the wait for its output, and writing the history. */
    static final Duration CANCEL_WAIT = TaskService.CANCEL_GRACE.plusSeconds(15);

    private final CommandSpec spec;

    Terminal(CommandSpec spec) {
        this.spec = spec;
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** What an orchestrator answered for a submit or retry in team mode. */
    int submitted(io.taskconsole.app.OrchestratorClient.Submitted submitted) {
        info(submitted.message() != null ? submitted.message() : "Attempt " + submitted.attempt() + " submitted.");
        return TaskConsoleCli.OK;
    }

    /** One access-log line of {@code serve}, on stdout. */
    synchronized void accessLog(String line) {
        out().println(line);
        out().flush();
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

    /**
     * Runs a submission and reports how it ended; Ctrl-C (or SIGTERM) cancels it. The JVM exits
     * as soon as its shutdown hooks return, so the hook waits for the submission to stop helm,
     * record the attempt and print the outcome, for at most {@link #CANCEL_WAIT}.
     */
    int submit(Function<Cancellation, AttemptOutcome> work) {
        Cancellation cancel = new Cancellation();
        CountDownLatch reported = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            err().println("task-console: cancelling; stopping helm");
            err().flush();
            cancel.cancel();
            try {
                reported.await(CANCEL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "task-console-cancel");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return report(work.apply(cancel));
        } finally {
            reported.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting because of Ctrl-C; the hook is running
            }
        }
    }

    private int report(AttemptOutcome outcome) {
        if (outcome.succeeded()) {
            info(TaskService.describe(outcome));
            info("Follow it: " + outcome.followCommand());
            return TaskConsoleCli.OK;
        }
        err().println("task-console: " + TaskService.describe(outcome));
        err().flush();
        return outcome.error().exitCode();
    }
}
