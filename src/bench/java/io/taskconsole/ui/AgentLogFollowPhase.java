package io.taskconsole.ui;

import io.taskconsole.helm.OutputListener;
import io.taskconsole.ui.attempts.AttemptsView;
import io.taskconsole.ui.attempts.AttemptsViewModel;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
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

    private final BackgroundExecutor executor = BackgroundExecutor.forApp(Platform::runLater);
    private AgentLogCluster.Host cluster;
    private RealCoreModels models;
    private AttemptsViewModel model;
    private Scene scene;

    /** Starts the cluster side in its own process (see {@link AgentLogCluster}); not the FX thread. */
    void startCluster(Path temp, int lines) throws java.io.IOException {
        cluster = AgentLogCluster.Host.start(temp, lines);
    }

    /** Builds the view on the attempt {@link #startCluster} made running; FX thread. */
    void prepare(Path temp) {
        models = new RealCoreModels(temp, cluster.kubeconfig(), "test-context", cluster.namespace());
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
        io.taskconsole.ui.log.LogLinesView list = (io.taskconsole.ui.log.LogLinesView) scene.lookup("#container-log-list");
        if (list == null) {
            return false;
        }
        for (int i = list.getItems().size() - 1; i >= 0 && i >= list.getItems().size() - 5; i--) {
            io.taskconsole.ui.log.LogLine line = list.getItems().get(i);
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
        if (cluster != null) {
            cluster.close();
        }
    }
}
