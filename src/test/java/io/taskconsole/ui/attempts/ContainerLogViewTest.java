package io.taskconsole.ui.attempts;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.JobPhase;
import io.taskconsole.testkube.JobPods;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.transcript.TranscriptFixture;
import io.taskconsole.ui.DesktopSession;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import io.taskconsole.ui.log.LogLine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Attempts view's container log with the real core against the test API server: the pod's log
 * as the kubelet serves it, followed while the agent runs, another container's log when the user picks
 * it, and the copy kept in the task's history once Kubernetes has deleted the pod.
 */
@ExtendWith(ApplicationExtension.class)
class ContainerLogViewTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();

    @TempDir
    static Path temp;
    RealCoreModels models;
    BackgroundExecutor executor;
    AttemptsViewModel model;
    Scene scene;
    String ns;
    JobPods kube;
    ResourceNames names;
    String pod;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        models = RealCoreModels.onTestApiServer(temp.resolve("t" + System.nanoTime()), SERVER, "clog");
        ns = models.namespace();
        kube = new JobPods(SERVER, ns);
        names = new ResourceNames(models.task.info().service(), models.task.info().id(), 1);
        pod = names.jobName() + "-x7k2p";
        SERVER.client().configMaps().inNamespace(ns).resource(AttemptConfigMaps.build(names, ns,
                Map.of("task.md", "# task\n".getBytes(StandardCharsets.UTF_8)))).create();
        kube.createJob(names.jobName());
        kube.startPod(names.jobName(), pod);
        SERVER.podLogs().append(ns, pod, "fetch-source", "Cloning https://github.com/example/auth-service (depth 1)");
        SERVER.podLogs().append(ns, pod, "prepare-workspace", "task files verified: 5 files, sha256 match",
                "workspace ready at /workspace");
        SERVER.podLogs().append(ns, pod, "agent", TranscriptFixture.lines().subList(0, 4).toArray(String[]::new));
        kube.podStatus(pod, "Running", List.of(JobPods.terminated("fetch-source", "Completed", 0, null),
                JobPods.terminated("prepare-workspace", "Completed", 0, null)), List.of(JobPods.running("agent")));
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withActive(1).build());

        executor = BackgroundExecutor.forApp(Platform::runLater);
        model = new AttemptsViewModel(models.core.submit(), executor, models.editor, models.cluster, models.submit);
        AttemptsView view = new AttemptsView(model, new RecordingDialogs(), models.notices, executor);
        scene = new Scene((Parent) view.node(), 1000, 680);
        scene.getStylesheets().add(DesktopSession.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        model.visibleProperty().set(true);
    }

    @AfterEach
    void stop() {
        Platform.runLater(() -> model.visibleProperty().set(false));
        executor.close();
        SERVER.podLogs().clear(ns);
        SERVER.deleteNamespace(ns);
    }

    @Test
    void theAgentsLogIsFollowedAnotherContainerIsPickedAndTheKeptCopyIsShownOnceThePodIsGone(FxRobot robot) throws Exception {
        waitFor("attempt 1, running", () -> model.attempts().size() == 1 && model.attempts().get(0).job() == JobPhase.RUNNING);
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("container log");

        List<String> agent = TranscriptFixture.lines();
        waitFor("the agent's first lines", () -> shown().equals(agent.subList(0, 4)));
        assertThat(status()).startsWith("Following the log of container agent of attempt 1");

        SERVER.podLogs().append(ns, pod, "agent", agent.subList(4, 9).toArray(String[]::new));
        waitFor("the lines the agent wrote since", () -> shown().size() >= 9);
        assertThat(shown()).as("each line once, in order").isEqualTo(agent.subList(0, 9));
        robot.interact(() -> ((javafx.scene.control.SplitPane) scene.lookup(".split-pane")).setDividerPositions(0.22));
        robot.interact(() -> Screenshots.save(scene, "container-log-light"));
        dark(robot, "container-log-dark");

        choose(robot, "prepare-workspace");
        waitFor("prepare-workspace's log", () -> shown().contains("workspace ready at /workspace"));
        assertThat(shown()).containsExactly("task files verified: 5 files, sha256 match", "workspace ready at /workspace");
        // The init container has ended, but the Job runs on: a pod that replaced this one would run it again.
        assertThat(status()).startsWith("Following the log of container prepare-workspace of attempt 1");

        choose(robot, "agent");
        waitFor("the agent's log again", () -> shown().size() >= 9);
        SERVER.podLogs().append(ns, pod, "agent", agent.subList(9, agent.size()).toArray(String[]::new));
        kube.podStatus(pod, "Succeeded", List.of(JobPods.terminated("fetch-source", "Completed", 0, null),
                JobPods.terminated("prepare-workspace", "Completed", 0, null)),
                List.of(JobPods.terminated("agent", "Completed", 0, null)));
        kube.jobStatus(names.jobName(), new JobStatusBuilder().withSucceeded(1).withConditions(new JobConditionBuilder()
                .withType("Complete").withStatus("True").build()).build());
        waitFor("the end of the attempt", () -> status().endsWith("the attempt succeeded."));
        assertThat(shown()).as("the whole log, each line once").isEqualTo(agent);
        waitFor("the transcript, from the copy just kept", () -> onFx(() -> model.transcript().summaryProperty().get())
                .startsWith("Succeeded"));

        // Kubernetes deletes the pod after ttlSecondsAfterFinished; the user comes back to the attempt later.
        SERVER.client().pods().inNamespace(ns).withName(pod).delete();
        robot.interact(() -> model.visibleProperty().set(false));
        robot.interact(() -> model.visibleProperty().set(true));

        waitFor("the kept copy", () -> status().contains("can no longer be fetched"));
        assertThat(status()).contains("pod " + pod + " is gone").contains("the copy kept in")
                .contains(".history");
        assertThat(shown()).as("the copy, whole").isEqualTo(agent);
    }

    private void choose(FxRobot robot, String container) {
        robot.clickOn("#container-chooser");
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && container.equals(c.getText())).queryAs(Node.class));
        assertThat(robot.lookup("#container-chooser").queryAs(ComboBox.class).getValue()).isEqualTo(container);
    }

    /** The log panel's lines from the container, without the reader's notes. */
    private List<String> shown() throws Exception {
        return onFx(() -> {
            io.taskconsole.ui.log.LogLinesView list = (io.taskconsole.ui.log.LogLinesView) scene.lookup("#container-log-list");
            return list.getItems().stream().map(LogLine.class::cast)
                    .filter(l -> l.stream() != io.taskconsole.helm.OutputListener.Stream.INFO)
                    .map(LogLine::plain).toList();
        });
    }

    private String status() throws Exception {
        return onFx(() -> ((Label) scene.lookup("#container-log-status")).getText());
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        java.util.concurrent.FutureTask<T> task = new java.util.concurrent.FutureTask<>(read);
        Platform.runLater(task);
        return task.get();
    }

    private void dark(FxRobot robot, String name) {
        robot.interact(() -> Screenshots.saveDark(scene, name));
    }
}
