package io.taskconsole.app;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.AccessReviews;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.compare.Comparison;
import io.taskconsole.compare.FileComparer;
import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.HelmRunner;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.markdown.CriteriaDocument;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.submit.AppVersion;
import io.taskconsole.submit.AttemptContext;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptFilesGenerator;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptLister;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.AttemptStatus;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.InterruptedSubmissions;
import io.taskconsole.submit.Problem;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmissionValidator;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.submit.Submitter;
import io.taskconsole.task.ImportedTask;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.transcript.AcceptanceReport;
import io.taskconsole.transcript.AgentLogs;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.taskconsole.cluster.KubeErrors;
import io.taskconsole.follow.AttemptLogs;
import io.taskconsole.follow.AttemptState;
import io.taskconsole.follow.AttemptWatch;
import io.taskconsole.follow.LogFollower;
import io.taskconsole.submit.JobPhase;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The application layer: one entry per use case, called by every face (the CLI's commands, the
 * desktop app's view models, the orchestrator service's handlers). A face parses its input, calls
 * one of these, and renders the result; rules that two faces would otherwise each write (where a
 * retry goes, how attempts merge, how an outcome is told) live here once.
 *
 * <p>Calls block: faces run them off their UI thread. A new use case gets a method here, built from
 * the capabilities below ({@code task}, {@code markdown}, {@code submit}, {@code cluster}, {@code helm}).
 */
public final class TaskService {

    /** How long a cancelled submission gives helm to stop (SIGTERM, then SIGKILL). */
    public static final Duration CANCEL_GRACE = HelmRunner.DEFAULT_CANCEL_GRACE;

    private final Submitter submitter;
    private final DryRun dryRun;
    private final KubeConnector connector;
    private final Kubeconfigs kubeconfigs;
    private final HelmLocator helmLocator;
    private final Clock clock;
    private final String submittedBy;
    private final SubmissionValidator validator = new SubmissionValidator();
    private final TaskMasterImport taskMaster = new TaskMasterImport();

    public TaskService(Submitter submitter, DryRun dryRun, KubeConnector connector, Kubeconfigs kubeconfigs,
                       HelmLocator helmLocator, Clock clock, String submittedBy) {
        this.submitter = submitter;
        this.dryRun = dryRun;
        this.connector = connector;
        this.kubeconfigs = kubeconfigs;
        this.helmLocator = helmLocator;
        this.clock = clock;
        this.submittedBy = submittedBy;
    }

    /** As this machine's user, with kubectl's kubeconfig lookup and helm found on this machine. */
    public static TaskService forSystem() {
        return forEnvironment(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /**
     * As {@link #forSystem()}, with the kubeconfig resolved from {@code env} ({@code KUBECONFIG},
     * {@code HOME}, ...) and {@code userHome}: one resolution for listing contexts, fabric8 and helm.
     */
    public static TaskService forEnvironment(Map<String, String> env, Path userHome) {
        Kubeconfigs kubeconfigs = new Kubeconfigs(env, userHome);
        KubeConnector connector = new KubeConnector(kubeconfigs, Duration.ofSeconds(10), Duration.ofSeconds(30));
        String user = System.getProperty("user.name", "unknown");
        return new TaskService(new Submitter(connector, HelmLocator.forSystem(), new HelmRunner(), Clock.systemUTC(),
                user, AppVersion.get()), new DryRun(HelmLocator.forSystem(), new HelmRunner(), Clock.systemUTC(), user,
                AppVersion.get(), kubeconfigs), connector, kubeconfigs, HelmLocator.forSystem(),
                Clock.systemUTC(), user);
    }

    /**
     * The same service acting for {@code user}: what {@code metadata.yaml} and the history record as
     * the submitter (the orchestrator service's authenticated caller, never a name a client claims).
     */
    public TaskService as(String user) {
        return new TaskService(submitter.as(user), dryRun, connector, kubeconfigs, helmLocator, clock, user);
    }

    /**
     * The same service with submit and retry skipping the {@link io.taskconsole.submit.Preflight}
     * (for scripts that know the cluster is ready, or a cluster where the checks cannot be made).
     */
    public TaskService skippingPreflight() {
        return new TaskService(submitter.skippingPreflight(), dryRun, connector, kubeconfigs, helmLocator, clock, submittedBy);
    }

    // ---- the target: kubeconfig, connection, helm ----

    /** The contexts of the kubeconfig ({@code null}: kubectl's lookup), without its credentials. */
    public KubeconfigInfo kubeconfig(Path explicit) {
        return kubeconfigs.read(explicit);
    }

    /**
     * Where a service face (the orchestrator) sends attempts: in a pod with no kubeconfig anywhere and
     * no context named, the pod's ServiceAccount; otherwise the kubeconfig (see {@link Kubeconfigs#serviceTarget}).
     */
    public KubeTarget serviceTarget(Path kubeconfig, String context, String namespace) {
        return kubeconfigs.serviceTarget(kubeconfig, context, namespace);
    }

    /** Asks the API server who we are and its version, giving up after {@code timeout}. */
    public ConnectionCheck.Result checkConnection(KubeTarget target, Duration timeout) {
        return new ConnectionCheck(new KubeConnector(kubeconfigs, timeout, timeout)).check(target);
    }

    /**
     * TokenReview and SubjectAccessReview on {@code target}'s API server, with the target's own
     * credentials (the orchestrator's ServiceAccount): how a service face learns who calls it.
     */
    public AccessCheck accessCheck(KubeTarget target) {
        return new AccessCheck(new AccessReviews(connector.connect(target)));
    }

    /** The helm binary a submission would run ({@code configured} {@code null}: PATH and the usual folders). */
    public HelmBinary locateHelm(Path configured) {
        return helmLocator.locate(configured);
    }

    // ---- import a task ----

    /** The tasks of a Task Master {@code tasks.json}, for a picker. */
    public List<TaskMasterImport.Entry> taskMasterTasks(Path tasksJson) {
        return taskMaster.list(tasksJson);
    }

    /**
     * The service a Task Master file is probably for: Task Master keeps {@code tasks.json} in
     * {@code <project>/.taskmaster/tasks/}, so the project folder's name, made a valid service name.
     */
    public static Optional<ServiceName> suggestService(Path tasksJson) {
        Path dir = tasksJson.toAbsolutePath().getParent();
        while (dir != null && dir.getFileName() != null) {
            String name = dir.getFileName().toString();
            if (!name.equals("tasks") && !name.startsWith(".")) {
                // A name without a letter or digit would only give ServiceName's placeholder: no guess.
                return name.matches(".*[A-Za-z0-9].*") ? Optional.of(new ServiceName(ServiceName.suggest(name)))
                        : Optional.empty();
            }
            dir = dir.getParent();
        }
        return Optional.empty();
    }

    /**
     * A task given as Task Master's fields (an API request, say) as an import writes it: its title
     * and {@code task.md} exactly as {@code import-taskmaster} would write them.
     */
    public ImportedTask fromTaskMasterFields(TaskId id, tools.jackson.databind.JsonNode fields) {
        return taskMaster.fromTask(id, fields);
    }

    /** What an import made, and whether its service name was guessed (so the face can say so). */
    public record Imported(TaskDraft draft, boolean serviceGuessed) {
    }

    /**
     * Creates a task folder from one Task Master task.
     *
     * @param service {@code null}: {@link #suggestService}, or an error asking for one
     * @param folder  the folder to create, or {@code null} for {@code {id}-{title}} in {@code workspace}
     */
    public Imported importTask(Path tasksJson, TaskId id, String tag, ServiceName service, Path folder, Path workspace) {
        ServiceName chosen = service != null ? service : suggestService(tasksJson).orElseThrow(() ->
                TaskConsoleException.badInput("Cannot tell which service " + tasksJson + " is for",
                        "Name the service (lowercase letters, digits and '-'), e.g. --service auth-service."));
        ImportedTask imported = taskMaster.importTask(tasksJson, id, tag);
        TaskInfo info = new TaskInfo(id, chosen, imported.title(), null, null);
        Path target = folder != null ? folder : workspace.resolve(TaskFolder.folderName(info));
        return new Imported(TaskFolder.createAt(target, info, imported.files()), service == null);
    }

    // ---- validate ----

    /** Every problem that would stop a submission, found without a cluster. */
    public List<Problem> validate(TaskDraft draft, PromptTemplate template) {
        return validator.validate(draft, template);
    }

    /** The size of the ConfigMap the draft would go in: what validation checks against 1 MiB. */
    public long configMapSize(TaskDraft draft, PromptTemplate template) {
        return validator.configMapSize(draft, template);
    }

    // ---- dry run ----

    /**
     * Everything a submission would send, rendered without a cluster.
     *
     * @param attempt the attempt number to render, {@code 0} for the next one by the local history
     * @param helmTemplate also run {@code helm template} (needs helm, not a cluster)
     */
    public DryRun.Result dryRun(TaskDraft draft, int attempt, SubmitSettings settings, PromptTemplate template,
                                boolean helmTemplate) {
        int number = attempt > 0 ? attempt : nextLocalAttempt(draft);
        return dryRun.render(draft, number, settings, settings.target().context(), template, helmTemplate);
    }

    /** The files the next attempt would send to {@code target}, as they are now. */
    public AttemptFiles generated(TaskDraft draft, KubeTarget target, PromptTemplate template) {
        AttemptContext context = new AttemptContext(nextLocalAttempt(draft), null, submittedBy, clock.instant(),
                AppVersion.get(), target.context(), target.namespace());
        return new AttemptFilesGenerator(new CriteriaExtractor(), template).generate(draft, context);
    }

    private static int nextLocalAttempt(TaskDraft draft) {
        return new AttemptHistory(draft.folder()).list().stream().mapToInt(AttemptRecord::attempt).max().orElse(0) + 1;
    }

    // ---- submit and retry ----

    /** Sends the current drafts as the task's next attempt; the outcome is recorded either way. */
    public AttemptOutcome submit(TaskDraft draft, SubmitSettings settings, PromptTemplate template,
                                 OutputListener output, Cancellation cancel) {
        return submitter.submit(draft, settings, template, output, cancel);
    }

    /** As {@link #submit}, with {@code annotations} on the attempt's ConfigMap from its creation. */
    public AttemptOutcome submit(TaskDraft draft, SubmitSettings settings, PromptTemplate template,
                                 OutputListener output, Cancellation cancel, Map<String, String> annotations) {
        return submitter.submit(draft, settings, template, output, cancel, annotations);
    }

    /** Where a retry of {@code attempt} ({@code 0}: the latest) goes: see {@link RetryPlan}. */
    public RetryPlan planRetry(TaskDraft draft, int attempt, KubeTarget chosen, boolean explicit) {
        return RetryPlan.of(new AttemptHistory(draft.folder()).list(), attempt, chosen, explicit);
    }

    /** Sends the planned attempt's exact files again as the next attempt, where the plan says. */
    public AttemptOutcome retry(TaskDraft draft, RetryPlan plan, SubmitSettings settings, OutputListener output,
                                Cancellation cancel) {
        return retry(draft, plan, settings, output, cancel, Map.of());
    }

    /** As {@link #retry}, with {@code annotations} on the new attempt's ConfigMap from its creation. */
    public AttemptOutcome retry(TaskDraft draft, RetryPlan plan, SubmitSettings settings, OutputListener output,
                                Cancellation cancel, Map<String, String> annotations) {
        output.onLine(OutputListener.Stream.INFO, plan.describe());
        return submitter.retry(draft, plan.attempt(), plan.went().orElse(plan.target()),
                settings.withTarget(plan.target()), output, cancel, annotations);
    }

    /** An attempt found by an annotation of its ConfigMap, with all of that ConfigMap's annotations. */
    public record MarkedAttempt(int attempt, Map<String, String> annotations) {
    }

    /**
     * The task's attempt in {@code target} whose ConfigMap has annotation {@code key} = {@code value}
     * (the orchestrator's idempotency record, kept in the cluster so every replica finds it).
     */
    public Optional<MarkedAttempt> findMarkedAttempt(KubeTarget target, ServiceName service, TaskId id, String key,
                                                     String value) {
        try (KubeConnector.Connection connection = connector.connect(target)) {
            return new AttemptConfigMaps(connection).list(service, id).stream()
                    .filter(cm -> cm.getMetadata().getAnnotations() != null
                            && value.equals(cm.getMetadata().getAnnotations().get(key)))
                    .findFirst()
                    .map(cm -> new MarkedAttempt(AttemptConfigMaps.attemptOf(cm), Map.copyOf(cm.getMetadata().getAnnotations())));
        }
    }

    /** Adds {@code annotations} to an attempt's ConfigMap in {@code target}; its files stay as sent. */
    public void markAttempt(KubeTarget target, ResourceNames names, Map<String, String> annotations) {
        try (KubeConnector.Connection connection = connector.connect(target)) {
            new AttemptConfigMaps(connection).annotate(names, annotations);
        }
    }

    // ---- attempts ----

    /**
     * The task's attempts in {@code target} merged with the local history (see {@link AttemptsOverview}
     * for the rule). With {@code askCluster} false, or when the cluster can't be asked, the local
     * history alone, with the reason.
     */
    public AttemptsOverview attempts(TaskDraft draft, KubeTarget target, boolean askCluster) {
        AttemptHistory local = new AttemptHistory(draft.folder());
        // First bring the history in line with the cluster for submissions a killed process left half-made.
        List<String> settled = askCluster ? new InterruptedSubmissions(connector).settleAll(draft.info(), local) : List.of();
        List<AttemptRecord> history = local.list();
        List<AttemptStatus> inCluster = List.of();
        String problem = null;
        if (askCluster) {
            try {
                inCluster = new AttemptLister(connector).list(draft.info(), target);
            } catch (TaskConsoleException e) {
                problem = e.oneLine();
            }
        }
        return AttemptsOverview.merge(history, inCluster, askCluster, problem, target).withSettled(settled);
    }

    /** The files {@code attempt} sent, read back from its ConfigMap where it went. */
    public Map<String, byte[]> attemptFiles(TaskDraft draft, AttemptSummary attempt) {
        KubeTarget where = new KubeTarget(attempt.kubeconfig() == null ? null : Path.of(attempt.kubeconfig()),
                attempt.context(), attempt.namespace());
        return attemptFiles(draft, where, attempt.number());
    }

    /** The files attempt {@code number} sent, read from its ConfigMap in {@code where} (the service reads its own cluster). */
    public Map<String, byte[]> attemptFiles(TaskDraft draft, KubeTarget where, int number) {
        ResourceNames names = new ResourceNames(draft.info().service(), draft.info().id(), number);
        try (KubeConnector.Connection connection = connector.connect(where)) {
            return new AttemptConfigMaps(connection).readFiles(names);
        }
    }

    /** The local helm log of {@code attempt}, or a line saying why there is none. */
    public String attemptLog(TaskDraft draft, AttemptSummary attempt) {
        if (!attempt.local()) {
            return "(submitted from elsewhere: no local log)";
        }
        return new AttemptHistory(draft.folder()).readLog(attempt.logFile());
    }

    // ---- compare ----

    /** Attempt {@code number} ({@code 0}: the latest) of the task in {@code target}, or why there is none. */
    public AttemptSummary attempt(TaskDraft draft, KubeTarget target, int number) {
        AttemptsOverview overview = attempts(draft, target, true);
        return overview.attempts().stream().filter(a -> number <= 0 || a.number() == number).findFirst()
                .orElseThrow(() -> TaskConsoleException.badInput("Task " + draft.info().id() + " has no "
                        + (number <= 0 ? "attempt" : "attempt " + number) + " in " + RetryPlan.where(target)
                        + (overview.clusterProblem() == null ? "" : " (" + overview.clusterProblem() + ")"),
                        "Run 'task-console attempts' on the task to list its attempts, or name the context and"
                                + " namespace they were sent to."));
    }

    /** Two attempts' files, as their ConfigMaps hold them, compared file by file. */
    public Comparison compareAttempts(TaskDraft draft, AttemptSummary older, AttemptSummary newer) {
        return FileComparer.compare(label(older), attemptFiles(draft, older), label(newer), attemptFiles(draft, newer));
    }

    /** What the drafts would send now (to {@code target}) against what {@code attempt} sent. */
    public Comparison compareDrafts(TaskDraft draft, AttemptSummary attempt, KubeTarget target, PromptTemplate template) {
        return FileComparer.compare(label(attempt), attemptFiles(draft, attempt), "drafts",
                generated(draft, target, template).files());
    }

    /** What a retry of {@code attempt} would send against what it sent: only {@code metadata.yaml} differs. */
    public Comparison previewRetry(TaskDraft draft, AttemptSummary attempt) {
        Map<String, byte[]> sent = attemptFiles(draft, attempt);
        AttemptContext context = new AttemptContext(nextLocalAttempt(draft), attempt.number(), submittedBy,
                clock.instant(), AppVersion.get(), attempt.context(), attempt.namespace());
        return FileComparer.compare(label(attempt), sent, "retry", AttemptFilesGenerator.forRetry(draft, sent, context).files());
    }

    private static String label(AttemptSummary attempt) {
        return "attempt-" + attempt.number();
    }

    /** The agent's log of {@code attempt} as kept in the task's history, or empty when none was kept. */
    public Optional<List<String>> agentLog(TaskDraft draft, int attempt) {
        Path history = new AttemptHistory(draft.folder()).folder();
        // The copy 'logs' (or the console) kept while following the agent container, else one put there by hand.
        Optional<io.taskconsole.follow.LogCopy> followed = io.taskconsole.follow.LogCopy.newest(history, attempt, "agent");
        if (followed.isPresent()) {
            try {
                return Optional.of(followed.get().text());
            } catch (java.io.IOException e) {
                throw TaskConsoleException.failed("Cannot read the kept agent log " + followed.get().path() + ": "
                        + e.getMessage(), "Check the file's permissions; the cluster may still have the pod's log.", e);
            }
        }
        return AgentLogs.inHistory(history).agentLog(attempt);
    }

    /** The criteria ids of the drafts, children included: what an acceptance report is read against. */
    public static List<String> criteriaIds(TaskDraft draft) {
        return new CriteriaDocument(new CriteriaExtractor().extract(draft.files())).ids();
    }

    /**
     * The acceptance report of {@code attempt}, read from the agent log kept in the task's history and
     * checked against the drafts' criteria ids; empty while no log with a final result was kept.
     */
    public Optional<AcceptanceReport> acceptanceReport(TaskDraft draft, int attempt) {
        List<String> ids = criteriaIds(draft);
        return agentLog(draft, attempt)
                .flatMap(AgentLogs::finalResult)
                .map(result -> AcceptanceReport.parse(result.text(), ids));
    }

    // ---- follow an attempt ----

    /**
     * Watches {@code attempt}'s Job, pods and Events (see {@link AttemptWatch}): {@code listener} gets
     * each new state on a watch thread, until the attempt is over or the returned watch is closed.
     */
    public AttemptWatch watchAttempt(TaskDraft draft, AttemptSummary attempt, Consumer<AttemptState> listener) {
        KubeConnector.Connection connection = connector.connect(where(attempt));
        try {
            return AttemptWatch.start(connection.client(), connection.namespace(), names(draft, attempt), listener)
                    .closing(connection);
        } catch (KubernetesClientException e) {
            connection.close();
            throw KubeErrors.translate(e, connection, "watch", "jobs", names(draft, attempt).jobName());
        }
    }

    /**
     * How {@code attempt} stands now (Job, pods, Events, reasons): one look through {@link #watchAttempt},
     * waiting at most {@code timeout} for the cluster to answer.
     */
    public AttemptState attemptState(TaskDraft draft, AttemptSummary attempt, Duration timeout) {
        java.util.concurrent.CompletableFuture<AttemptState> first = new java.util.concurrent.CompletableFuture<>();
        try (AttemptWatch watch = watchAttempt(draft, attempt, first::complete)) {
            return first.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            throw TaskConsoleException.failed("The cluster did not tell how attempt " + attempt.number()
                    + " stands within " + timeout.toSeconds() + "s", "Try again; check the connection to the cluster.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TaskConsoleException.cancelled("Reading attempt " + attempt.number() + "'s status");
        }
    }

    /** What a face gets back from {@link #readLogs}: how the Job stands once the log was read. */
    public record LogsRead(JobPhase phase) {
    }

    /**
     * Reads one container's log of {@code attempt} ({@code container} {@code null}: the agent's) to
     * {@code sink}, from the cluster and the copy kept in {@code .history/}; with {@code follow}, until the
     * attempt is over or {@code cancel} is cancelled. Blocks: faces call it off their UI thread.
     */
    public LogsRead readLogs(TaskDraft draft, AttemptSummary attempt, String container, boolean follow,
                             LogFollower.Sink sink, Cancellation cancel) {
        ResourceNames names = names(draft, attempt);
        try (KubeConnector.Connection connection = connector.connect(where(attempt));
             AttemptLogs logs = new AttemptLogs(connection.client(), connection.namespace(), names,
                     new AttemptHistory(draft.folder()).folder(), container)) {
            cancel.onCancel(logs::close);
            try {
                return new LogsRead(logs.read(follow, sink));
            } catch (KubernetesClientException e) {
                throw KubeErrors.translate(e, connection, "get", "pods/log", names.jobName());
            } catch (IllegalArgumentException e) {
                throw TaskConsoleException.badInput(e.getMessage(), "Name one of them with --container.");
            } catch (java.io.IOException e) {
                throw TaskConsoleException.failed("Cannot keep the log's copy in " + new AttemptHistory(draft.folder())
                        .folder() + ": " + e.getMessage(), "Check free disk space and the folder's permissions.", e);
            }
        }
    }

    private static KubeTarget where(AttemptSummary attempt) {
        return new KubeTarget(attempt.kubeconfig() == null ? null : Path.of(attempt.kubeconfig()),
                attempt.context(), attempt.namespace());
    }

    private static ResourceNames names(TaskDraft draft, AttemptSummary attempt) {
        return new ResourceNames(draft.info().service(), draft.info().id(), attempt.number());
    }

    // ---- describe ----

    /** The sentence every face shows for an ended submission. */
    public static String describe(AttemptOutcome outcome) {
        return outcome.describe();
    }
}
