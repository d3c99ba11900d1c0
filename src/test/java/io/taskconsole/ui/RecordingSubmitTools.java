package io.taskconsole.ui;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.core.CancelSignal;
import io.taskconsole.ui.core.SubmitTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the submit seam in view-model and cancel tests: it records what was asked, plays
 * scripted helm output, and can block until cancelled like a long helm run.
 */
public final class RecordingSubmitTools implements SubmitTools {

    public final List<String> calls = new ArrayList<>();
    public int generatedCount;
    public final List<Attempt> attempts = new ArrayList<>();
    public List<Problem> problems = List.of();
    public List<String> output = List.of("Release \"x\" does not exist. Installing it now.", "STATUS: deployed");
    public boolean blockUntilCancelled;
    public final CountDownLatch started = new CountDownLatch(1);
    public Target lastTarget;
    public final Map<Integer, Map<String, String>> attemptFiles = new HashMap<>();
    public TaskConsoleException filesProblem;

    @Override
    public List<Problem> validate(TaskDraft draft, Target target) {
        calls.add("validate");
        return problems;
    }

    @Override
    public DryRun dryRun(TaskDraft draft, Target target) {
        calls.add("dryRun");
        return new DryRun("kind: ConfigMap\n", "task:\n  id: 1\n", "helm upgrade --install x", "kind: Job\n");
    }

    @Override
    public Generated generated(TaskDraft draft, Target target) {
        generatedCount++;
        return new Generated("# Prompt for " + draft.info().id(), "attempt: 1\n");
    }

    @Override
    public Outcome submit(TaskDraft draft, Target target, OutputListener out, CancelSignal cancel) {
        return send("submit", target, out, cancel);
    }

    @Override
    public Outcome retry(TaskDraft draft, int attempt, Target target, OutputListener out, CancelSignal cancel) {
        return send("retry " + attempt, target, out, cancel);
    }

    private Outcome send(String what, Target target, OutputListener out, CancelSignal cancel) {
        calls.add(what);
        lastTarget = target;
        started.countDown();
        for (String line : output) {
            out.onLine(OutputListener.Stream.STDOUT, line);
        }
        if (blockUntilCancelled) {
            CountDownLatch stopped = new CountDownLatch(1);
            cancel.onCancel(stopped::countDown);
            try {
                if (!stopped.await(60, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("never cancelled");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.onLine(OutputListener.Stream.STDERR, "helm: killed");
            throw TaskConsoleException.cancelled("Attempt 1 was cancelled while helm ran");
        }
        int number = attempts.size() + 1;
        return new Outcome(number, true, "Attempt " + number + " submitted.");
    }

    @Override
    public Attempts attempts(TaskDraft draft, Target target, boolean askCluster) {
        return new Attempts(attempts, null);
    }

    @Override
    public Map<String, String> attemptFiles(TaskDraft draft, Target target, Attempt attempt) {
        calls.add("files " + attempt.number());
        if (filesProblem != null) {
            throw filesProblem;
        }
        return attemptFiles.getOrDefault(attempt.number(), Map.of());
    }

    @Override
    public String promptTemplate(Path workspace) {
        return "Do task {{taskId}}.";
    }

    @Override
    public String defaultPromptTemplate() {
        return "Do task {{taskId}}.";
    }

    @Override
    public Path promptTemplateFile(Path workspace) {
        return workspace.resolve(".task-console/prompt-template.md");
    }
}
