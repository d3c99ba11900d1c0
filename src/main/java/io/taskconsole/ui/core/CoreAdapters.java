package io.taskconsole.ui.core;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.cluster.Kubeconfigs;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.HelmLocator;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.markdown.MarkdownRenderer;
import io.taskconsole.markdown.RenderedMarkdown;
import io.taskconsole.submit.AppVersion;
import io.taskconsole.submit.AttemptContext;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptFilesGenerator;
import io.taskconsole.submit.AttemptHistory;
import io.taskconsole.submit.AttemptLister;
import io.taskconsole.submit.AttemptStatus;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.AttemptRecord;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.ChartSource;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmissionValidator;
import io.taskconsole.submit.SubmitSettings;
import io.taskconsole.submit.Submitter;
import io.taskconsole.task.ImportedTask;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskMasterImport;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The real core behind the console's seams. Each method translates between the core's types and
 * the few the view models use; no logic of its own beyond that.
 */
public final class CoreAdapters {

    private CoreAdapters() {
    }

    /** The core as the desktop app uses it. {@code submitter} is created on first use (it loads fabric8). */
    public static Core real() {
        return real(memoize(Submitter::forSystem));
    }

    /** The core with a given {@link Submitter}, e.g. one wired to a test API server. */
    public static Core real(Supplier<Submitter> submitter) {
        return new Core(new Tasks(), new Markdown(), new Cluster(), new Submit(submitter));
    }

    private static <T> Supplier<T> memoize(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }

    static final class Tasks implements TaskStore {
        @Override
        public List<Path> list(Path workspace) {
            return TaskFolder.list(workspace);
        }

        @Override
        public TaskDraft load(Path folder) {
            return TaskFolder.load(folder);
        }

        @Override
        public void saveFile(Path folder, TaskFile file) {
            TaskFolder.saveFile(folder, file);
        }

        @Override
        public TaskDraft create(Path workspace, TaskInfo info, String taskMd, String designSpecMd) {
            return TaskFolder.create(workspace, info, taskMd, designSpecMd);
        }

        @Override
        public TaskDraft createSample(Path workspace) {
            return SampleTask.create(workspace);
        }

        @Override
        public List<TaskMasterTask> taskMasterTasks(Path tasksJson) {
            return new TaskMasterImport().list(tasksJson).stream()
                    .map(e -> new TaskMasterTask(e.id(), e.title(), e.status(), e.tag())).toList();
        }

        @Override
        public TaskDraft importTaskMaster(Path tasksJson, TaskMasterTask task, ServiceName service, Path workspace) {
            ImportedTask imported = new TaskMasterImport().importTask(tasksJson, task.id(), task.tag());
            TaskInfo info = new TaskInfo(task.id(), service, imported.title(), null, null);
            return TaskFolder.create(workspace, info, imported.taskMarkdown(), imported.designSpecMarkdown());
        }
    }

    /** Builds flexmark on first use, on a worker thread, so the window never waits for it. */
    static final class Markdown implements MarkdownTools {
        private final Supplier<MarkdownRenderer> renderer = memoize(MarkdownRenderer::new);
        private final Supplier<CriteriaExtractor> extractor = memoize(CriteriaExtractor::new);

        @Override
        public Preview render(String markdown) {
            RenderedMarkdown rendered = renderer.get().render(markdown);
            return new Preview(rendered.blocks(), rendered.outline().headings().stream()
                    .map(h -> new Heading(h.level(), h.text(), h.line())).toList());
        }

        @Override
        public List<Criterion> criteria(List<TaskFile> files) {
            return extractor.get().extract(files);
        }
    }

    static final class Cluster implements ClusterTools {
        @Override
        public KubeContexts contexts(Path kubeconfig) {
            KubeconfigInfo info = Kubeconfigs.fromSystem().read(kubeconfig);
            return new KubeContexts(info.contexts(), info.currentContext());
        }

        @Override
        public ServerInfo check(KubeTarget target, Duration timeout) {
            ConnectionCheck.Result result = new ConnectionCheck(
                    new KubeConnector(Kubeconfigs.fromSystem(), timeout, timeout)).check(target);
            return new ServerInfo(result.serverVersion(), result.user());
        }

        @Override
        public HelmInfo helm(String configured) {
            HelmBinary binary = HelmLocator.forSystem().locate(blankToNull(configured));
            return new HelmInfo(binary.path(), binary.version());
        }
    }

    static final class Submit implements SubmitTools {
        private final Supplier<Submitter> submitter;
        private final SubmissionValidator validator = new SubmissionValidator();

        Submit(Supplier<Submitter> submitter) {
            this.submitter = submitter;
        }

        @Override
        public List<SubmitTools.Problem> validate(TaskDraft draft, Target target) {
            List<SubmitTools.Problem> problems = new ArrayList<>();
            for (io.taskconsole.submit.Problem p : validator.validateDraft(draft)) {
                problems.add(new SubmitTools.Problem(p.where(), p.what(), p.fix()));
            }
            return problems;
        }

        @Override
        public DryRun dryRun(TaskDraft draft, Target target) {
            io.taskconsole.submit.DryRun.Result result = io.taskconsole.submit.DryRun.forSystem().render(
                    draft, nextLocalAttempt(draft), settings(target), target.kube().context(), template(draft, target), true);
            return new DryRun(result.configMapYaml(), result.valuesYaml(), result.helmCommand(),
                    result.manifests() == null ? "" : result.manifests());
        }

        private static int nextLocalAttempt(TaskDraft draft) {
            return new AttemptHistory(draft.folder()).list().stream().mapToInt(AttemptRecord::attempt).max().orElse(0) + 1;
        }

        @Override
        public Generated generated(TaskDraft draft, Target target) {
            int next = nextLocalAttempt(draft);
            AttemptContext context = new AttemptContext(next, null, System.getProperty("user.name", "unknown"),
                    Instant.now(), AppVersion.get(), target.kube().context(), target.kube().namespace());
            AttemptFiles files = new AttemptFilesGenerator(new CriteriaExtractor(), template(draft, target))
                    .generate(draft, context);
            return new Generated(files.text(AttemptFiles.PROMPT_MD), files.text(AttemptFiles.METADATA_YAML));
        }

        @Override
        public Outcome submit(TaskDraft draft, Target target, OutputListener output, CancelSignal cancel) {
            AttemptOutcome outcome = submitter.get().submit(draft, settings(target), template(draft, target),
                    output, cancellation(cancel));
            return outcome(outcome);
        }

        @Override
        public Outcome retry(TaskDraft draft, int attempt, Target target, OutputListener output, CancelSignal cancel) {
            return outcome(submitter.get().retry(draft, attempt, settings(target), output, cancellation(cancel)));
        }

        /**
         * Local records of the target's context and namespace, joined by number with the cluster's
         * list; an attempt only the cluster knows (sent from another machine) is shown too.
         */
        @Override
        public Attempts attempts(TaskDraft draft, Target target, boolean askCluster) {
            AttemptHistory history = new AttemptHistory(draft.folder());
            Map<Integer, AttemptStatus> inCluster = new java.util.TreeMap<>();
            String clusterProblem = null;
            if (askCluster) {
                try {
                    for (AttemptStatus s : new AttemptLister(KubeConnector.fromSystem()).list(draft.info(), target.kube())) {
                        inCluster.put(s.attempt(), s);
                    }
                } catch (TaskConsoleException e) {
                    clusterProblem = e.oneLine();
                }
            }
            Map<Integer, Attempt> attempts = new java.util.TreeMap<>();
            for (AttemptRecord r : history.list()) {
                boolean sameTarget = r.namespace().equals(target.kube().namespace())
                        && (target.kube().context() == null || target.kube().context().equals(r.context()));
                if (askCluster && clusterProblem == null && !sameTarget) {
                    continue;
                }
                AttemptStatus s = inCluster.get(r.attempt());
                attempts.put(r.attempt(), new Attempt(r.attempt(), r.submittedAt(), r.context(), r.namespace(), r.release(),
                        r.command(), r.exitCode(), s == null ? JobStatus.UNKNOWN : jobStatus(s.jobStatus()),
                        Duration.ofMillis(r.durationMillis()), history.readLog(r), Map.of()));
            }
            for (AttemptStatus s : inCluster.values()) {
                if (!attempts.containsKey(s.attempt())) {
                    attempts.put(s.attempt(), new Attempt(s.attempt(), s.createdAt(),
                            target.kube().context() == null ? "(current)" : target.kube().context(),
                            target.kube().namespace(), s.release(), null, null, jobStatus(s.jobStatus()),
                            s.jobStarted() != null && s.jobFinished() != null ? Duration.between(s.jobStarted(), s.jobFinished()) : null,
                            "(submitted from elsewhere: no local log)", Map.of()));
                }
            }
            return new Attempts(new ArrayList<>(attempts.values()), clusterProblem);
        }

        @Override
        public Map<String, String> attemptFiles(TaskDraft draft, Target target, Attempt attempt) {
            KubeTarget where = new KubeTarget(target.kube().kubeconfig(),
                    "(current)".equals(attempt.context()) ? target.kube().context() : attempt.context(), attempt.namespace());
            ResourceNames names = new ResourceNames(draft.info().service(), draft.info().id(), attempt.number());
            try (KubeConnector.Connection connection = KubeConnector.fromSystem().connect(where)) {
                Map<String, String> files = new java.util.LinkedHashMap<>();
                new AttemptConfigMaps(connection).readFiles(names)
                        .forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
                return files;
            }
        }

        private static JobStatus jobStatus(String status) {
            return switch (status == null ? "" : status) {
                case "Pending" -> JobStatus.PENDING;
                case "Running" -> JobStatus.RUNNING;
                case "Succeeded" -> JobStatus.SUCCEEDED;
                case "Failed" -> JobStatus.FAILED;
                default -> JobStatus.UNKNOWN;
            };
        }

        @Override
        public String promptTemplate(Path workspace) {
            return PromptTemplate.forWorkspace(workspace).template();
        }

        @Override
        public String defaultPromptTemplate() {
            return PromptTemplate.defaultText();
        }

        @Override
        public Path promptTemplateFile(Path workspace) {
            return workspace.resolve(PromptTemplate.OVERRIDE_PATH);
        }

        private static Outcome outcome(AttemptOutcome outcome) {
            if (outcome.error() != null && outcome.error().kind() == TaskConsoleException.Kind.CANCELLED) {
                throw outcome.error();
            }
            String summary = outcome.succeeded()
                    ? "Attempt " + outcome.attempt() + " submitted: release " + outcome.names().releaseName()
                            + ", Job " + outcome.names().jobName() + "."
                    : "Attempt " + outcome.attempt() + " failed: " + outcome.error().oneLine();
            return new Outcome(outcome.attempt(), outcome.succeeded(), summary);
        }

        private static PromptTemplate template(TaskDraft draft, Target target) {
            return target.promptTemplate() == null ? PromptTemplate.defaultTemplate()
                    : new PromptTemplate(target.promptTemplate());
        }

        private static SubmitSettings settings(Target target) {
            ChartSource chart = target.chart() == null ? new ChartSource.Bundled() : ChartSource.parse(target.chart().toString());
            return new SubmitSettings(target.kube(), chart, blankToNull(target.helm()), null, false, null, null, null);
        }

        private static Cancellation cancellation(CancelSignal signal) {
            Cancellation cancellation = new Cancellation();
            signal.onCancel(cancellation::cancel);
            return cancellation;
        }
    }

    private static Path blankToNull(String path) {
        return path == null || path.isBlank() ? null : Path.of(path.strip());
    }
}
