package io.taskconsole.ui.cluster;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.taskconsole.app.TaskService;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.testkube.ToolBinaries;
import io.taskconsole.testkube.UnreachableCluster;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.core.CoreAdapters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The console with HOME and user.home pointing at different folders, each with its own kubeconfig
 * (as under sudo or some desktop launchers): the Cluster pane lists and names the file kubectl would
 * use ($HOME's), and a submission goes where that file says, through fabric8 and helm alike.
 */
@ExtendWith(ApplicationExtension.class)
class KubeconfigFromHomeTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    private static final String CHART = System.getProperty("taskconsole.chart.dir", "charts/claude-code");

    @TempDir
    static Path temp;
    private static String namespace;
    private static Path homeConfig;
    private RealCoreModels models;

    @Start
    void start(Stage stage) throws Exception {
        namespace = "home-" + Long.toHexString(System.nanoTime());
        SERVER.createNamespace(namespace);
        Path home = temp.resolve("home");
        Path userHome = temp.resolve("user-home");
        homeConfig = home.resolve(".kube").resolve("config");
        Files.move(SERVER.writeKubeconfig(home.resolve(".kube"), "from-home", namespace), homeConfig);
        UnreachableCluster.kubeconfig(userHome.resolve(".kube").resolve("config"), "from-user-home");
        models = new RealCoreModels(temp, CoreAdapters.real(
                () -> TaskService.forEnvironment(Map.of("HOME", home.toString()), userHome)));
        models.cluster.namespaceProperty().set(namespace);
        models.cluster.helmPathProperty().set(ToolBinaries.helm().toString());
        models.cluster.chartProperty().set(CHART);
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene((Parent) new ClusterView(models.cluster, new io.taskconsole.ui.dialogs.RecordingDialogs()).node(), 520, 640));
        stage.show();
    }

    @Test
    void thePaneListsAndTheSubmissionUsesHomesKubeconfig(FxRobot robot) {
        robot.interact(models.cluster::loadContexts);

        waitFor("the contexts", () -> !models.cluster.contexts().isEmpty());
        assertThat(models.cluster.contexts()).containsExactly("from-home");
        assertThat(robot.lookup("#context").queryAs(ComboBox.class).getValue()).isEqualTo("from-home");
        assertThat(robot.lookup("#kubeconfig-files").queryAs(Label.class).getText()).isEqualTo("Reads " + homeConfig);
        robot.interact(() -> Screenshots.save(robot.lookup("#kubeconfig-files").query().getScene(),
                "kubeconfig-from-home-light"));

        robot.interact(models.submit::submit);
        waitFor("the submission", () -> models.submit.lastOutcomeProperty().get() != null);

        assertThat(models.submit.lastOutcomeProperty().get().succeeded()).as(models.log.text()).isTrue();
        assertThat(models.log.text()).contains("--kubeconfig " + homeConfig).contains("--kube-context from-home");
        assertThat(SERVER.client().configMaps().inNamespace(namespace)
                .withName("auth-service-task-1001-run-1-files").get()).isNotNull();
    }
}
