package io.taskconsole.ui;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptResult;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.Problem;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.core.SubmitTools;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in for the submit seam in view-model and cancel tests: it records what was asked, plays
 * scripted helm output, and can block until cancelled like a long helm run. What it answers is
 * made of the core's own types, so view models see what the real application layer returns.
 */
public final class RecordingSubmitTools implements SubmitTools {

    /** Every prompt template the view model saved, in order. */
    public final java.util.List<String> savedTemplates = new java.util.concurrent.CopyOnWriteArrayList<>();

    public final List<String> calls = new ArrayList<>();
    public int generatedCount;
    /** What {@link #generated} returns instead of its two-file default, when set. */
    public AttemptFiles generatedFiles;
    public final List<AttemptSummary> attempts = new ArrayList<>();
    public final Map<Integer, String> logs = new HashMap<>();
    public List<Problem> problems = List.of();
    public long configMapSize = 1234;
    public List<String> output = List.of("Release \"x\" does not exist. Installing it now.", "STATUS: deployed");
    public boolean blockUntilCancelled;
    public final CountDownLatch started = new CountDownLatch(1);
    public Target lastTarget;
    public RetryPlan lastPlan;
    public final Map<Integer, Map<String, String>> attemptFiles = new HashMap<>();
    public TaskConsoleException filesProblem;

    @Override
    public List<Problem> validate(TaskDraft draft, Target target) {
        calls.add("validate");
        return problems;
    }

    @Override
    public long configMapSize(TaskDraft draft, Target target) {
        return configMapSize;
    }

    @Override
    public DryRun.Result dryRun(TaskDraft draft, Target target) {
        calls.add("dryRun");
        return new DryRun.Result(new AttemptFiles(Map.of("task.md", utf8("# Task"))), "kind: ConfigMap\n",
                "task:\n  id: 1\n", "helm upgrade --install x", "kind: Job\n", List.of());
    }

    @Override
    public AttemptFiles generated(TaskDraft draft, Target target) {
        generatedCount++;
        if (generatedFiles != null) {
            return generatedFiles;
        }
        return new AttemptFiles(Map.of(AttemptFiles.PROMPT_MD, utf8("# Prompt for " + draft.info().id()),
                AttemptFiles.METADATA_YAML, utf8("attempt: 1\n")));
    }

    @Override
    public AttemptOutcome submit(TaskDraft draft, Target target, OutputListener out, Cancellation cancel) {
        return send("submit", draft, target, null, out, cancel);
    }

    @Override
    public RetryPlan planRetry(TaskDraft draft, int attempt, Target target, boolean explicit) {
        return new RetryPlan(attempt, Optional.empty(), target.kube(), explicit);
    }

    @Override
    public AttemptOutcome retry(TaskDraft draft, RetryPlan plan, Target target, OutputListener out,
                                Cancellation cancel) {
        lastPlan = plan;
        return send("retry " + plan.attempt(), draft, target, plan.attempt(), out, cancel);
    }

    private AttemptOutcome send(String what, TaskDraft draft, Target target, Integer previous, OutputListener out,
                                Cancellation cancel) {
        calls.add(what);
        lastTarget = target;
        started.countDown();
        for (String line : output) {
            out.onLine(OutputListener.Stream.STDOUT, line);
        }
        int number = attempts.size() + 1;
        ResourceNames names = new ResourceNames(draft.info().service(), draft.info().id(), number);
        TaskConsoleException error = null;
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
            error = TaskConsoleException.cancelled("Attempt " + number + " was cancelled while helm ran");
        }
        AttemptRecord record = new AttemptRecord(number, previous, Instant.now(), target.kube().context(),
                target.kube().namespace(), names.releaseName(), names.configMapName(), "helm upgrade --install",
                error == null ? 0 : null, 10, error == null ? AttemptResult.SUCCEEDED : AttemptResult.CANCELLED,
                error == null ? null : error.oneLine(), null, null);
        return new AttemptOutcome(names, new AttemptFiles(Map.of()), "helm upgrade --install", null, record, error);
    }

    @Override
    public AttemptsOverview attempts(TaskDraft draft, Target target, boolean askCluster) {
        return new AttemptsOverview(attempts, null);
    }

    @Override
    public Map<String, String> attemptFiles(TaskDraft draft, AttemptSummary attempt) {
        calls.add("files " + attempt.number());
        if (filesProblem != null) {
            throw filesProblem;
        }
        return attemptFiles.getOrDefault(attempt.number(), Map.of());
    }

    /** The listeners of the watches the console opened, by attempt; a test reports states through them. */
    public final Map<Integer, java.util.function.Consumer<io.taskconsole.follow.AttemptState>> watching =
            new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public AutoCloseable watchAttempt(TaskDraft draft, AttemptSummary attempt,
                                      java.util.function.Consumer<io.taskconsole.follow.AttemptState> listener) {
        calls.add("watch " + attempt.number());
        watching.put(attempt.number(), listener);
        return () -> {
            calls.add("unwatch " + attempt.number());
            watching.remove(attempt.number(), listener);
        };
    }

    @Override
    public io.taskconsole.compare.Comparison previewRetry(TaskDraft draft, AttemptSummary attempt) {
        Map<String, byte[]> sent = new java.util.LinkedHashMap<>();
        attemptFiles.getOrDefault(attempt.number(), Map.of()).forEach((name, text) -> sent.put(name, utf8(text)));
        Map<String, byte[]> retry = new java.util.LinkedHashMap<>(sent);
        retry.put(AttemptFiles.METADATA_YAML, utf8("attempt: next\nprevious_attempt: " + attempt.number() + "\n"));
        return io.taskconsole.compare.FileComparer.compare("attempt-" + attempt.number(), sent, "retry", retry);
    }

    /** Kept agent logs by attempt number. */
    public final Map<Integer, List<String>> agentLogs = new HashMap<>();

    @Override
    public java.util.Optional<List<String>> agentLog(TaskDraft draft, AttemptSummary attempt) {
        return java.util.Optional.ofNullable(agentLogs.get(attempt.number()));
    }

    /** The report in the kept agent log, read as the application layer reads it (its parser, the draft's ids). */
    @Override
    public java.util.Optional<io.taskconsole.transcript.AcceptanceReport> acceptanceReport(TaskDraft draft, AttemptSummary attempt) {
        calls.add("report " + attempt.number());
        return agentLog(draft, attempt).flatMap(io.taskconsole.transcript.AgentLogs::finalResult)
                .map(result -> io.taskconsole.transcript.AcceptanceReport.parse(result.text(),
                        io.taskconsole.app.TaskService.criteriaIds(draft)));
    }

    /** Container logs by attempt number, shown whole; an attempt without one is told to have no log. */
    public final Map<Integer, List<String>> containerLogs = new java.util.concurrent.ConcurrentHashMap<>();
    /** Each log read ({@code logs N CONTAINER [-f]}) and each follow ended by its cancellation ({@code stopped N CONTAINER}). */
    public final List<String> logReads = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** A follow lasts until it is cancelled, as one of a running attempt does. */
    public volatile boolean followUntilCancelled;

    @Override
    public io.taskconsole.submit.JobPhase readLogs(TaskDraft draft, AttemptSummary attempt, String container,
                                                   boolean follow, io.taskconsole.follow.LogFollower.Sink sink,
                                                   Cancellation cancel) {
        logReads.add("logs " + attempt.number() + " " + container + (follow ? " -f" : ""));
        List<String> lines = containerLogs.get(attempt.number());
        if (lines == null) {
            sink.note("The attempt's Job has no pod yet: no log.");
        } else {
            lines.forEach(sink::line);
        }
        if (follow && followUntilCancelled) {
            CountDownLatch stopped = new CountDownLatch(1);
            cancel.onCancel(stopped::countDown);
            try {
                if (stopped.await(60, TimeUnit.SECONDS)) {
                    logReads.add("stopped " + attempt.number() + " " + container);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return attempt.job();
    }

    @Override
    public io.taskconsole.compare.Comparison compareDrafts(TaskDraft draft, AttemptSummary attempt, Target target) {
        calls.add("compare drafts " + attempt.number());
        Map<String, byte[]> sent = new java.util.LinkedHashMap<>();
        attemptFiles.getOrDefault(attempt.number(), Map.of()).forEach((name, text) -> sent.put(name, utf8(text)));
        return io.taskconsole.compare.FileComparer.compare("attempt-" + attempt.number(), sent, "drafts",
                generated(draft, target).files());
    }

    @Override
    public String attemptLog(TaskDraft draft, AttemptSummary attempt) {
        return logs.getOrDefault(attempt.number(), "");
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

    @Override
    public void savePromptTemplate(Path workspace, String text) {
        savedTemplates.add(text);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
