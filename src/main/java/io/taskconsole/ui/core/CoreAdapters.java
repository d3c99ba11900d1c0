package io.taskconsole.ui.core;

import io.taskconsole.app.AttemptSummary;
import io.taskconsole.app.AttemptsOverview;
import io.taskconsole.app.OrchestratorTarget;
import io.taskconsole.app.RetryPlan;
import io.taskconsole.app.TaskService;
import io.taskconsole.cluster.ConnectionCheck;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.KubeconfigInfo;
import io.taskconsole.helm.HelmBinary;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.markdown.Highlights;
import io.taskconsole.markdown.MarkdownRenderer;
import io.taskconsole.markdown.RenderedMarkdown;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.submit.AttemptOutcome;
import io.taskconsole.submit.Cancellation;
import io.taskconsole.submit.DryRun;
import io.taskconsole.submit.Problem;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.task.FolderStamp;
import io.taskconsole.task.SampleTask;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskMasterImport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The real core behind the console's seams: each method passes its call to the application layer
 * ({@link TaskService}) or a capability, with no rules of its own.
 */
public final class CoreAdapters {

    private CoreAdapters() {
    }

    /** The core as the desktop app uses it. The service is made on first use (it loads fabric8). */
    public static Core real() {
        return real(memoize(TaskService::forSystem));
    }

    /** The core over a given {@link TaskService}, e.g. one wired to a test API server. */
    public static Core real(Supplier<TaskService> service) {
        return new Core(new Tasks(service), new Markdown(), new Cluster(service), new Submit(service));
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

    record Tasks(Supplier<TaskService> service) implements TaskStore {
        @Override
        public List<Path> list(Path workspace) {
            return TaskFolder.list(workspace);
        }

        @Override
        public TaskDraft load(Path folder) {
            return TaskFolder.load(folder);
        }

        @Override
        public FolderStamp stamp(Path folder) {
            return FolderStamp.of(folder, Instant.now());
        }

        @Override
        public void saveFile(Path folder, TaskFile file) {
            TaskFolder.saveFile(folder, file);
        }

        @Override
        public TaskFile addExtraFile(Path folder, Path source) {
            return TaskFolder.addExtraFile(folder, source, io.taskconsole.submit.ConfigMapLimits.MAX_BYTES);
        }

        @Override
        public WorkspaceHold holdWorkspace(Path workspace) {
            return io.taskconsole.task.WorkspaceLock.acquire(workspace)::close;
        }

        @Override
        public void saveInfo(Path folder, TaskInfo info) {
            TaskFolder.writeInfo(folder, info);
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
        public List<TaskMasterImport.Entry> taskMasterTasks(Path tasksJson) {
            return service.get().taskMasterTasks(tasksJson);
        }

        @Override
        public TaskDraft importTaskMaster(Path tasksJson, TaskMasterImport.Entry task, ServiceName serviceName,
                                          Path workspace) {
            return service.get().importTask(tasksJson, task.id(), task.tag(), serviceName, null, workspace).draft();
        }
    }

    /** Builds flexmark on first use, on a worker thread, so the window never waits for it. */
    static final class Markdown implements MarkdownTools {
        private final Supplier<MarkdownRenderer> renderer = memoize(MarkdownRenderer::new);
        private final Supplier<CriteriaExtractor> extractor = memoize(CriteriaExtractor::new);

        @Override
        public RenderedMarkdown render(String markdown) {
            return renderer.get().render(markdown);
        }

        @Override
        public Highlights highlight(String markdown) {
            return renderer.get().highlight(markdown);
        }

        @Override
        public List<Criterion> criteria(List<TaskFile> files) {
            return extractor.get().extract(files);
        }
    }

    record Cluster(Supplier<TaskService> service) implements ClusterTools {
        @Override
        public KubeconfigInfo contexts(Path kubeconfig) {
            return service.get().kubeconfig(kubeconfig);
        }

        @Override
        public ConnectionCheck.Result check(KubeTarget target, Duration timeout) {
            return service.get().checkConnection(target, timeout);
        }

        @Override
        public String checkOrchestrator(OrchestratorTarget target) {
            return target.client(System.getenv()).ready();
        }

        @Override
        public HelmBinary helm(Path configured) {
            return service.get().locateHelm(configured);
        }
    }

    record Submit(Supplier<TaskService> service) implements SubmitTools {
        @Override
        public List<Problem> validate(TaskDraft draft, Target target) {
            return service.get().validate(draft, target.template());
        }

        @Override
        public long configMapSize(TaskDraft draft, Target target) {
            return service.get().configMapSize(draft, target.template());
        }

        @Override
        public DryRun.Result dryRun(TaskDraft draft, Target target) {
            return service.get().dryRun(draft, 0, target.settings(), target.template(), true);
        }

        @Override
        public AttemptFiles generated(TaskDraft draft, Target target) {
            return service.get().generated(draft, target.kube(), target.template());
        }

        @Override
        public AttemptOutcome submit(TaskDraft draft, Target target, OutputListener output, Cancellation cancel) {
            if (target.team() != null) {
                return target.team().client(System.getenv()).submit(draft, output)
                        .outcome(draft.info().service(), draft.info().id());
            }
            return service.get().submit(draft, target.settings(), target.template(), output, cancel);
        }

        @Override
        public RetryPlan planRetry(TaskDraft draft, int attempt, Target target, boolean explicit) {
            if (target.team() != null) {
                // The service keeps where its attempts went; this machine has no record of them.
                return new RetryPlan(attempt, java.util.Optional.empty(), target.kube(), false);
            }
            return service.get().planRetry(draft, attempt, target.kube(), explicit);
        }

        @Override
        public AttemptOutcome retry(TaskDraft draft, RetryPlan plan, Target target, OutputListener output,
                                    Cancellation cancel) {
            if (target.team() != null) {
                return target.team().client(System.getenv()).retry(draft.info().service(), draft.info().id(),
                        plan.attempt(), output).outcome(draft.info().service(), draft.info().id());
            }
            return service.get().retry(draft, plan, target.settings(), output, cancel);
        }

        @Override
        public AutoCloseable watchAttempt(TaskDraft draft, AttemptSummary attempt,
                                          java.util.function.Consumer<io.taskconsole.follow.AttemptState> listener) {
            return service.get().watchAttempt(draft, attempt, listener);
        }

        @Override
        public AttemptsOverview attempts(TaskDraft draft, Target target, boolean askCluster) {
            if (target.team() != null) {
                // The service's cluster is the list; this machine's history holds other targets' attempts.
                return askCluster ? target.team().client(System.getenv()).attempts(draft.info().service(), draft.info().id())
                        : new AttemptsOverview(List.of(), null);
            }
            return service.get().attempts(draft, target.kube(), askCluster);
        }

        @Override
        public Map<String, String> attemptFiles(TaskDraft draft, AttemptSummary attempt) {
            Map<String, String> files = new LinkedHashMap<>();
            service.get().attemptFiles(draft, attempt)
                    .forEach((name, bytes) -> files.put(name, new String(bytes, StandardCharsets.UTF_8)));
            return files;
        }

        @Override
        public io.taskconsole.compare.Comparison previewRetry(TaskDraft draft, AttemptSummary attempt) {
            return service.get().previewRetry(draft, attempt);
        }

        @Override
        public java.util.Optional<java.util.List<String>> agentLog(TaskDraft draft, AttemptSummary attempt) {
            return service.get().agentLog(draft, attempt.number());
        }

        @Override
        public java.util.Optional<io.taskconsole.transcript.AcceptanceReport> acceptanceReport(TaskDraft draft, AttemptSummary attempt) {
            return service.get().acceptanceReport(draft, attempt.number());
        }

        @Override
        public io.taskconsole.submit.JobPhase readLogs(TaskDraft draft, AttemptSummary attempt, String container,
                                                       boolean follow, io.taskconsole.follow.LogFollower.Sink sink,
                                                       Cancellation cancel) {
            return service.get().readLogs(draft, attempt, container, follow, sink, cancel).phase();
        }

        @Override
        public io.taskconsole.compare.Comparison compareDrafts(TaskDraft draft, AttemptSummary attempt, Target target) {
            if (target.team() != null) {
                // The service answers with the files' sizes and checksums, not their text.
                throw io.taskconsole.TaskConsoleException.failed("attempt " + attempt.number()
                        + "'s files are in the orchestrator's cluster, which this console does not read",
                        "Switch the Cluster pane to Kubernetes with access to that cluster to see what changes.", null);
            }
            return service.get().compareDrafts(draft, attempt, target.kube(), target.template());
        }

        @Override
        public String attemptLog(TaskDraft draft, AttemptSummary attempt) {
            return service.get().attemptLog(draft, attempt);
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

        @Override
        public void savePromptTemplate(Path workspace, String text) throws java.io.IOException {
            PromptTemplate.saveForWorkspace(workspace, text);
        }
    }
}
