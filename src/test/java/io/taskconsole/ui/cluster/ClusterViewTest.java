package io.taskconsole.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.taskconsole.ui.NoCluster;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Cluster pane's two kinds of target as a user switches them; the token file is picked through the dialogs. */
@ExtendWith(ApplicationExtension.class)
class ClusterViewTest {

    final RecordingDialogs dialogs = new RecordingDialogs();
    ClusterViewModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        model = new ClusterViewModel(new NoCluster(), BackgroundExecutor.sameThread());
        stage.setScene(new Scene((Parent) new ClusterView(model, dialogs).node(), 520, 720));
        stage.show();
    }

    /** Shown on screen: the node and every parent visible. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void orchestratorShowsUrlAndTokenFileInPlaceOfTheKubeconfig(FxRobot robot) {
        assertThat(shown(robot.lookup("#kubeconfig").query())).isTrue();
        assertThat(shown(robot.lookup("#orchestrator-url").query())).isFalse();

        robot.clickOn("#target-orchestrator");
        assertThat(model.kindProperty().get()).isEqualTo(ClusterViewModel.Kind.ORCHESTRATOR);
        assertThat(shown(robot.lookup("#kubeconfig").query())).isFalse();
        assertThat(shown(robot.lookup("#namespace").query())).isFalse();
        assertThat(shown(robot.lookup("#orchestrator-url").query())).isTrue();
        assertThat(shown(robot.lookup("#token-hint").query())).isTrue();
        assertThat(shown(robot.lookup("#helm-team-note").query())).as("helm is for the dry run only").isTrue();

        dialogs.answer(Path.of("/home/pm/.config/task-console/token"));
        robot.clickOn("#token-file-browse");
        assertThat(dialogs.asked).contains("openFile Token file");
        assertThat(model.tokenFileProperty().get()).isEqualTo("/home/pm/.config/task-console/token");
        assertThat(robot.lookup("#token-file").queryAs(TextField.class).getText()).isEqualTo("/home/pm/.config/task-console/token");

        robot.clickOn("#orchestrator-url").write("https://orchestrator.example.com");
        robot.clickOn("#check-connection");
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText())
                .isEqualTo("The orchestrator at https://orchestrator.example.com is ready");

        robot.clickOn("#target-orchestrator");
        assertThat(model.kindProperty().get()).as("clicking the chosen kind keeps it").isEqualTo(ClusterViewModel.Kind.ORCHESTRATOR);
        robot.clickOn("#target-kubernetes");
        assertThat(model.kindProperty().get()).isEqualTo(ClusterViewModel.Kind.KUBERNETES);
        assertThat(shown(robot.lookup("#kubeconfig").query())).isTrue();
        assertThat(shown(robot.lookup("#token-file").query())).isFalse();
        assertThat(robot.lookup("#connection-status").queryAs(Label.class).getText()).isEqualTo("Not checked yet");
    }
}
