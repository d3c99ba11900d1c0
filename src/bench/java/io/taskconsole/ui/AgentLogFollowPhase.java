package io.taskconsole.ui;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.testkube.JobPods;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.transcript.TranscriptFixture;
import io.taskconsole.ui.attempts.AttemptsView;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * The Attempts view following a running attempt's agent log of many lines, as the PM sees it: the
 * real core reads the pod's log from the test API server (the kubelet's log endpoint, followed), the
 * lines reach the container log panel through its view model. Measures until the last line is listed.
 */
final class AgentLogFollowPhase implements AutoCloseable {

    static final String LAST = "{\"type\":\"bench-end\"}";

    private final TestKubeApiServer server = TestKubeApiServer.start();
    private final BackgroundExecutor executor = BackgroundExecutor.forApp(Platform::runLater);
    private RealCoreModels models;
    private AttemptsViewModel model;
    private Scene scene;

    /** Builds the view on an attempt whose pod is running with {@code lines} lines of the agent's log; FX thread. */
    void prepare(Path temp, int lines) {
        models = RealCoreModels.onTestApiServer(temp, server, "bench");
        String ns = models.namespace();
        JobPods kube = new JobPods(server, ns);
        ResourceNames names = new ResourceNames(models.task.info().service(), models.task.info().id(), 1);
        String pod = names.jobName() + "-b3nch";
        server.client().configMaps().inNamespace(ns).resource(AttemptConfigMaps.build(names, ns,
                Map.of("task.md", "# task\n".getBytes(StandardCharsets.UTF_8)))).create();
        kube.createJob(names.jobName());
        kube.startPod(names.jobName(), pod);
        List<String> fixture = TranscriptFixture.lines();
        List<String> log = new ArrayList<>(lines);
        for (int i = 0; i < lines - 1; i++) {
            log.add(fixture.get(i % fixture.size()));
        }
        log.add(LAST);
        server.podLogs().append(ns, pod, "agent", log.toArray(String[]::new));
        kube.podStatus(pod, "Running", List.of(JobPods.terminated("fetch-source", "Completed", 0, null),
                JobPods.terminated("prepare-workspace", "Completed", 0, null)), List.of(JobPods.running("agent")));
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).build());

        model = new AttemptsViewModel(models.core.submit(), executor, models.editor, models.cluster, models.submit);
        AttemptsView view = new AttemptsView(model, new RecordingDialogs(), models.notices, executor);
        scene = new Scene((Parent) view.node(), 1200, 760);
        scene.getStylesheets().add(DesktopSession.class.getResource("console.css").toExternalForm());
        Stage stage = new Stage();
        stage.setScene(scene);
        stage.show();
        model.visibleProperty().set(true);
    }

    boolean attemptListed() {
        return model.attempts().size() == 1;
    }

    /** Selects the attempt and shows its container log: the follow starts. FX thread. */
    void follow() {
        model.selectedProperty().set(model.attempts().get(0));
        for (javafx.scene.Node node : scene.getRoot().lookupAll(".tab-pane")) {
            TabPane tabs = (TabPane) node;
            for (Tab tab : tabs.getTabs()) {
                if ("container log".equals(tab.getText())) {
                    tabs.getSelectionModel().select(tab);
                }
            }
        }
    }

    /** Whether the last line of the log is listed. FX thread. */
    boolean lastLineListed() {
        ListView<?> list = (ListView<?>) scene.lookup("#container-log-list");
        if (list == null) {
            return false;
        }
        for (int i = list.getItems().size() - 1; i >= 0 && i >= list.getItems().size() - 5; i--) {
            io.taskconsole.ui.log.LogLine line = (io.taskconsole.ui.log.LogLine) list.getItems().get(i);
            if (line.stream() != OutputListener.Stream.INFO && line.plain().equals(LAST)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        if (model != null) {
            Platform.runLater(() -> model.visibleProperty().set(false));
        }
        executor.close();
        server.close();
    }
}
