package io.taskconsole.ui;

import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;

import io.taskconsole.task.SampleTask;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.ui.cluster.ClusterViewModel;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.Core;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.editor.EditorViewModel;
import io.taskconsole.ui.log.LogViewModel;
import io.taskconsole.ui.submit.SubmitViewModel;
import java.nio.file.Path;

/**
 * The console's view models on the real core, on one thread, with the sample task open and the
 * cluster fields pointing at a namespace of a test API server: what a view-model test needs to
 * drive a real submission or a real attempt look-up without the window.
 */
public final class RealCoreModels {

    public final Core core;
    public final BackgroundExecutor executor = BackgroundExecutor.sameThread();
    public final TaskDraft task;
    public final Notices notices;
    public final EditorViewModel editor;
    public final ClusterViewModel cluster;
    public final LogViewModel log;
    public final SubmitViewModel submit;

    public RealCoreModels(Path temp, Path kubeconfig, String context, String namespace) {
        this(temp, CoreAdapters.real());
        cluster.kubeconfigProperty().set(kubeconfig.toString());
        cluster.contextProperty().set(context);
        cluster.namespaceProperty().set(namespace);
    }

    /**
     * On a namespace of its own ({@code prefix} and a unique suffix) of the test API server, with the
     * real helm and the project's chart: ready to submit.
     */
    public static RealCoreModels onTestApiServer(Path temp, TestKubeApiServer server, String prefix) {
        String namespace = prefix + "-" + Long.toHexString(System.nanoTime());
        server.createAttemptNamespace(namespace);
        Path kubeconfig = server.writeKubeconfig(temp.resolve("kube"), "test-context", namespace);
        RealCoreModels models = new RealCoreModels(temp, kubeconfig, "test-context", namespace);
        models.cluster.helmPathProperty().set(ToolBinaries.helm().toString());
        models.cluster.chartProperty().set(System.getProperty("taskconsole.chart.dir", "charts/claude-code"));
        return models;
    }

    /** The namespace the cluster fields point at. */
    public String namespace() {
        return cluster.namespaceProperty().get();
    }

    /** On {@code core} (e.g. one resolving kubeconfigs from a test's own environment), the cluster fields blank. */
    public RealCoreModels(Path temp, Core core) {
        this.core = core;
        task = SampleTask.create(temp.resolve("tasks"));
        notices = new Notices(new AppLog(temp.resolve("app.log")));
        editor = new EditorViewModel(core.tasks(), core.markdown(), executor, notices);
        cluster = new ClusterViewModel(core.cluster(), executor);
        log = new LogViewModel(executor);
        submit = new SubmitViewModel(core.submit(), executor, notices, editor, cluster, log);
        editor.open(task.folder(), "task.md", d -> { });
    }
}
