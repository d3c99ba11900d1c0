package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.cluster.WorkspaceClaims;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmCommand;
import io.taskconsole.helm.HelmFailure;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmProcess;
import io.taskconsole.helm.HelmResult;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.task.TaskDraft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Submit = validate, generate the files, create the attempt's ConfigMap, run helm.
 *
 * <p>The cluster decides attempt numbers: the next attempt is the highest found plus one, and the
 * ConfigMap is created with a plain create, so of two concurrent submissions one gets 409 and
 * moves on to the next number. Nothing of an earlier attempt is changed. Calls block: front ends
 * run them on a background thread and pass a {@link Cancellation}.
 */
public final class Submitter {

    /** How many taken attempt numbers to step over before giving up. */
    static final int MAX_NUMBER_RACES = 20;

    private final KubeConnector connector;
    private final HelmLocator helmLocator;
    private final HelmRunner helmRunner;
    private final Clock clock;
    private final String submittedBy;
    private final String appVersion;
    /** {@code null}: the preflight is skipped (the user asked to). */
    private final Preflight preflight;
    private final SubmissionValidator validator = new SubmissionValidator();
    private final CriteriaExtractor extractor = new CriteriaExtractor();

    public Submitter(KubeConnector connector, HelmLocator helmLocator, HelmRunner helmRunner, Clock clock,
                     String submittedBy, String appVersion) {
        this(connector, helmLocator, helmRunner, clock, submittedBy, appVersion, new Preflight(helmRunner));
    }

    private Submitter(KubeConnector connector, HelmLocator helmLocator, HelmRunner helmRunner, Clock clock,
                      String submittedBy, String appVersion, Preflight preflight) {
        this.preflight = preflight;
        this.connector = connector;
        this.helmLocator = helmLocator;
        this.helmRunner = helmRunner;
        this.clock = clock;
        this.submittedBy = submittedBy;
        this.appVersion = appVersion;
    }

    /** The same submitter, recording {@code user} as who submitted (the orchestrator's authenticated caller). */
    public Submitter as(String user) {
        return new Submitter(connector, helmLocator, helmRunner, clock, user, appVersion, preflight);
    }

    /** The same submitter without the {@link Preflight}: for scripts that know the cluster is ready. */
    public Submitter skippingPreflight() {
        return new Submitter(connector, helmLocator, helmRunner, clock, submittedBy, appVersion, null);
    }

    public static Submitter forSystem() {
        return new Submitter(KubeConnector.fromSystem(), HelmLocator.forSystem(), new HelmRunner(), Clock.systemUTC(),
                System.getProperty("user.name", "unknown"), AppVersion.get());
    }

    /** Sends the current drafts as the task's next attempt. */
    public AttemptOutcome submit(TaskDraft draft, SubmitSettings settings, PromptTemplate template,
                                 OutputListener output, Cancellation cancel) {
        return submit(draft, settings, template, output, cancel, Map.of());
    }

    /**
     * As {@link #submit(TaskDraft, SubmitSettings, PromptTemplate, OutputListener, Cancellation)},
     * with {@code annotations} on the attempt's ConfigMap from its creation (the orchestrator's
     * idempotency record), so whoever finds the attempt finds them with it.
     */
    public AttemptOutcome submit(TaskDraft draft, SubmitSettings settings, PromptTemplate template,
                                 OutputListener output, Cancellation cancel, Map<String, String> annotations) {
        // Size and key checks don't depend on the attempt number: check once before connecting.
        SubmissionValidator.throwIfAny(validator.validate(draft, template));
        Map<String, byte[]> content = new AttemptFilesGenerator(extractor, template).content(draft);
        cancel.throwIfCancelled();
        HelmBinary helm = helmLocator.locate(settings.helmPath());
        try (KubeConnector.Connection connection = connector.connect(settings.target())) {
            return send(new Sending(draft, settings, output, cancel, helm, connection, null, null, annotations),
                    ctx -> AttemptFilesGenerator.withMetadata(draft.info(), content, ctx));
        }
    }

    /**
     * Sends attempt {@code attempt}'s exact files again as the next attempt ({@code attempt} 0
     * means the latest). Only {@code metadata.yaml} changes: it names the attempt it retries.
     */
    public AttemptOutcome retry(TaskDraft draft, int attempt, SubmitSettings settings, OutputListener output,
                                Cancellation cancel) {
        return retry(draft, attempt, settings.target(), settings, output, cancel);
    }

    /**
     * As {@link #retry(TaskDraft, int, SubmitSettings, OutputListener, Cancellation)}, reading
     * attempt {@code attempt}'s files where it went ({@code from}) and sending the new attempt to
     * {@code settings.target()}, which may be another context or namespace.
     */
    public AttemptOutcome retry(TaskDraft draft, int attempt, KubeTarget from, SubmitSettings settings,
                                OutputListener output, Cancellation cancel) {
        return retry(draft, attempt, from, settings, output, cancel, Map.of());
    }

    /** As above, with {@code annotations} on the new attempt's ConfigMap (see {@link #submit}). */
    public AttemptOutcome retry(TaskDraft draft, int attempt, KubeTarget from, SubmitSettings settings,
                                OutputListener output, Cancellation cancel, Map<String, String> annotations) {
        cancel.throwIfCancelled();
        HelmBinary helm = helmLocator.locate(settings.helmPath());
        try (KubeConnector.Connection connection = connector.connect(settings.target())) {
            int previous;
            Map<String, byte[]> previousFiles;
            if (from.equals(settings.target())) {
                previous = attemptToRetry(connection, draft, attempt);
                previousFiles = new AttemptConfigMaps(connection).readFiles(names(draft, previous));
            } else {
                try (KubeConnector.Connection source = connector.connect(from)) {
                    previous = attemptToRetry(source, draft, attempt);
                    previousFiles = new AttemptConfigMaps(source).readFiles(names(draft, previous));
                }
            }
            return send(new Sending(draft, settings, output, cancel, helm, connection, previous, null, annotations),
                    ctx -> AttemptFilesGenerator.forRetry(draft, previousFiles, ctx));
        }
    }

    private static int attemptToRetry(KubeConnector.Connection connection, TaskDraft draft, int attempt) {
        int latest = new AttemptConfigMaps(connection).highestAttempt(draft.info().service(), draft.info().id());
        if (latest == 0) {
            throw TaskConsoleException.badInput("Task " + draft.info().id() + " has no attempt in namespace '"
                    + connection.namespace() + "' of context '" + connection.context() + "' to retry",
                    "Submit it first, or choose the context and namespace it was submitted to.");
        }
        return attempt <= 0 ? latest : attempt;
    }

    private static ResourceNames names(TaskDraft draft, int attempt) {
        return new ResourceNames(draft.info().service(), draft.info().id(), attempt);
    }

    private interface FilesForAttempt {
        AttemptFiles make(AttemptContext context);
    }

    /**
     * One submission on its way, the same for every attempt number it tries: what is sent, where,
     * with which helm and chart, and where its output goes.
     *
     * @param previousAttempt the attempt a retry sends again, or {@code null} for a submit
     * @param annotations     put on the attempt's ConfigMap as it is created
     */
    private record Sending(TaskDraft draft, SubmitSettings settings, OutputListener output, Cancellation cancel,
                           HelmBinary helm, KubeConnector.Connection connection, Integer previousAttempt,
                           String chartRef, Map<String, String> annotations) {

        Sending withChartRef(String ref) {
            return new Sending(draft, settings, output, cancel, helm, connection, previousAttempt, ref, annotations);
        }
    }

    /** Takes the next free attempt number with its ConfigMap, then runs helm for it. */
    private AttemptOutcome send(Sending s, FilesForAttempt filesFor) {
        if (preflight != null) {
            info(s.output(), "Checking namespace " + s.connection().namespace() + " (context " + s.connection().context()
                    + ") has what the task needs");
            Preflight.throwIfAny(preflight.check(s.connection(), s.helm(), s.draft().info(), s.settings(), s.cancel()));
        }
        // Before the ConfigMap: a chart that cannot be had fails the submission while nothing is created yet.
        try (PreparedChart chart = s.settings().chart().prepare()) {
            return takeNumberAndRunHelm(s.withChartRef(chart.ref()), filesFor);
        }
    }

    private AttemptOutcome takeNumberAndRunHelm(Sending s, FilesForAttempt filesFor) {
        TaskDraft draft = s.draft();
        KubeConnector.Connection connection = s.connection();
        AttemptHistory history = new AttemptHistory(draft.folder());
        // Written before anything is created, so a process killed at any later step leaves a trace to settle.
        PendingSubmission pending = PendingSubmission.start(clock.instant(), connection.context(),
                connection.namespace(), kubeconfigOf(s.settings()), s.previousAttempt());
        history.savePending(pending);
        ResourceNames names;
        AttemptFiles files;
        try {
            Taken taken = takeNumber(s, filesFor, pending.id());
            names = taken.names();
            files = taken.files();
        } catch (RuntimeException e) {
            // Failed (not killed) while taking a number: whatever was created is found by its annotation.
            settleFailed(draft, history, pending, e);
            throw e;
        }
        pending = pending.created(names.attempt(), names.releaseName(), names.configMapName());
        savePendingQuietly(history, pending);
        return runHelm(s, names, files, history, pending);
    }

    private void settleFailed(TaskDraft draft, AttemptHistory history, PendingSubmission pending, RuntimeException e) {
        try {
            new InterruptedSubmissions(connector).settle(draft.info(), history, pending,
                    e instanceof TaskConsoleException tce ? tce.oneLine() : e.toString());
        } catch (TaskConsoleException again) {
            // The cluster can't be asked now: the pending record stays and the next listing settles it.
        }
    }

    private record Taken(ResourceNames names, AttemptFiles files) {
    }

    private Taken takeNumber(Sending s, FilesForAttempt filesFor, String submission) {
        TaskDraft draft = s.draft();
        KubeConnector.Connection connection = s.connection();
        AttemptConfigMaps configMaps = new AttemptConfigMaps(connection);
        int attempt = configMaps.highestAttempt(draft.info().service(), draft.info().id()) + 1;
        ResourceNames names = null;
        AttemptFiles files = null;
        for (int race = 0; race < MAX_NUMBER_RACES; race++) {
            s.cancel().throwIfCancelled();
            ResourceNames candidate = new ResourceNames(draft.info().service(), draft.info().id(), attempt);
            AttemptFiles candidateFiles = filesFor.make(
                    context(attempt, s.previousAttempt(), connection.context(), connection.namespace()));
            info(s.output(), "Creating ConfigMap " + candidate.configMapName() + " in namespace "
                    + connection.namespace() + " (context " + connection.context() + ")");
            // The request's own annotations (an idempotency record) and the submission that made it.
            Map<String, String> annotations = new java.util.LinkedHashMap<>(s.annotations());
            annotations.put(PendingSubmission.ANNOTATION, submission);
            if (configMaps.createIfAbsent(candidate, candidateFiles.files(), annotations).isPresent()) {
                names = candidate;
                files = candidateFiles;
                break;
            }
            // Many may race for one task (the orchestrator's clients): ask again rather than step by one.
            int taken = attempt;
            attempt = Math.max(attempt + 1, configMaps.highestAttempt(draft.info().service(), draft.info().id()) + 1);
            info(s.output(), "Attempt " + taken + " was just taken by another submission; trying " + attempt);
        }
        if (names == null) {
            throw TaskConsoleException.failed("Could not take an attempt number for task " + draft.info().id()
                    + " after " + MAX_NUMBER_RACES + " tries: other submissions keep taking them",
                    "Wait for the other submissions to finish, then submit again.", null);
        }
        return new Taken(names, files);
    }

    /**
     * Later stages only refine the pending record: if one can't be written (a full disk), the first
     * one still leads to the attempt through the ConfigMap's annotation, so the submission goes on.
     */
    private static void savePendingQuietly(AttemptHistory history, PendingSubmission pending) {
        try {
            history.savePending(pending);
        } catch (TaskConsoleException e) {
            // see above: the earlier record stays and is enough to settle the attempt
        }
    }

    private static String kubeconfigOf(SubmitSettings settings) {
        return settings.target().kubeconfig() == null ? null : settings.target().kubeconfig().toAbsolutePath().toString();
    }

    private AttemptOutcome runHelm(Sending s, ResourceNames names, AttemptFiles files, AttemptHistory history,
                                   PendingSubmission created) {
        TaskDraft draft = s.draft();
        SubmitSettings settings = s.settings();
        KubeConnector.Connection connection = s.connection();
        PendingSubmission pending = created;
        Instant started = pending.startedAt();
        String command = null;
        HelmCommand helmCommand = null;
        HelmResult result = null;
        TaskConsoleException error = null;
        Path logFile = null;
        try (AttemptLog log = AttemptLog.open(history, connection.namespace(), names.attempt())) {
            logFile = log.path();
            pending = pending.at(PendingSubmission.Stage.CLAIM, null, history.folder().relativize(logFile).toString());
            savePendingQuietly(history, pending);
            OutputListener tee = (stream, line) -> {
                log.write(stream, line);
                s.output().onLine(stream, line);
            };
            try {
                if (new WorkspaceClaims(connection).ensure(draft.info().service(), settings.storageClass(), settings.storageSize())) {
                    info(tee, "Created the workspace volume claim " + names.pvcName());
                }
                s.cancel().throwIfCancelled();
                Path values = Files.createTempFile("task-console-values", ".yaml");
                // helm reads the same kubeconfig files as fabric8 did (or, in a pod, the same ServiceAccount).
                try (HelmKubeconfig kubeconfigs = HelmKubeconfig.of(connection)) {
                    ValuesFile.write(values, draft.info(), names, s.previousAttempt());
                    helmCommand = HelmCommand.upgradeInstall(s.helm(), names.releaseName(), s.chartRef(),
                            kubeconfigs.files(), connection.context(), connection.namespace(), values,
                            settings.extraValues(), settings.timeout(), settings.waitForResources());
                    command = helmCommand.display();
                    pending = pending.at(PendingSubmission.Stage.HELM, command, pending.logFile());
                    savePendingQuietly(history, pending);
                    HelmProcess process = helmRunner.start(helmCommand, tee);
                    s.cancel().onCancel(process::cancel);
                    result = process.await();
                    pending = pending.at(PendingSubmission.Stage.RECORDING, command, pending.logFile());
                    savePendingQuietly(history, pending);
                } finally {
                    Files.deleteIfExists(values);
                }
                if (result.cancelled()) {
                    error = TaskConsoleException.cancelled("Attempt " + names.attempt() + " was cancelled while helm ran; "
                            + "its ConfigMap stays, the next submission takes attempt " + (names.attempt() + 1));
                } else if (!result.succeeded()) {
                    error = HelmFailure.exception(helmCommand, result);
                }
            } catch (TaskConsoleException e) {
                error = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = TaskConsoleException.cancelled("The submission was interrupted");
            } catch (IOException e) {
                error = TaskConsoleException.failed("Cannot write helm's values file: " + e.getMessage(),
                        "Check free space in the temp folder.", e);
            }
            // helm's output is on disk before the outcome line is shown: whoever acts on that line (a
            // user closing the terminal, a kill) finds the attempt's log complete up to it.
            Optional<String> incomplete = log.flushAndCheck();
            info(tee, AttemptOutcome.describe(names, error));
            Path written = logFile;
            incomplete.ifPresent(why -> info(s.output(), "The attempt log " + written + " is incomplete (" + why
                    + "); the output above is the whole of it. Check free disk space in the task folder."));
        } catch (IOException e) {
            // Only creating the log fails here, before helm runs: the attempt keeps its ConfigMap and no release.
            error = TaskConsoleException.failed("Cannot create the attempt log in " + history.folder() + ": "
                    + e.getMessage(), "Check free disk space and permissions in the task folder, then submit again.", e);
        }
        AttemptRecord record = new AttemptRecord(names.attempt(), s.previousAttempt(), started, connection.context(),
                connection.namespace(), names.releaseName(), names.configMapName(), command,
                result == null ? null : result.exitCode(),
                Duration.between(started, clock.instant()).toMillis(),
                error == null ? AttemptResult.SUCCEEDED
                        : error.kind() == TaskConsoleException.Kind.CANCELLED ? AttemptResult.CANCELLED : AttemptResult.FAILED,
                error == null ? null : error.oneLine(),
                logFile == null ? null : history.folder().relativize(logFile).toString(), kubeconfigOf(settings));
        history.complete(record, pending);
        return new AttemptOutcome(names, files, command, result, record, error);
    }

    private AttemptContext context(int attempt, Integer previous, String kubeContext, String namespace) {
        return new AttemptContext(attempt, previous, submittedBy, clock.instant(), appVersion, kubeContext, namespace);
    }

    private static void info(OutputListener output, String line) {
        output.onLine(OutputListener.Stream.INFO, line);
    }
}
