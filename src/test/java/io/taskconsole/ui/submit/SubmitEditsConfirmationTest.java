package io.taskconsole.ui.submit;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.AttemptFiles;
import io.taskconsole.testkube.TestKubeApiServer;
import io.taskconsole.ui.DesktopSession;
import io.taskconsole.ui.RealCoreModels;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.dialogs.FxDialogs;
import io.taskconsole.ui.dialogs.RecordingDialogs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Submit once the task has an attempt, with the real core against the test API server: before anything
 * is sent the question shows what the drafts change from the latest attempt, file by file; Cancel sends
 * nothing; when only metadata.yaml would differ it says so.
 */
@ExtendWith(ApplicationExtension.class)
class SubmitEditsConfirmationTest {

    private static final TestKubeApiServer SERVER = TestKubeApiServer.shared();
    /** A criterion of the sample task as the drafts have it, and as attempt 1 sent it. */
    private static final String NEW_LINE = "- [ ] After 20 failed logins from one IP address within 15 minutes, that IP gets `429`.";
    private static final String OLD_LINE = "- [ ] After 10 failed logins from one IP address within 15 minutes, that IP gets `429`.";

    @TempDir
    static Path temp;
    RealCoreModels models;
    BackgroundExecutor executor;
    Stage stage;
    Scene scene;
    String ns;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        models = RealCoreModels.onTestApiServer(temp.resolve("t" + System.nanoTime()), SERVER, "edits");
        ns = models.namespace();
        executor = BackgroundExecutor.forApp(Platform::runLater);
        scene = new Scene(new StackPane(new Label("Task Console")), 900, 600);
        scene.getStylesheets().add(DesktopSession.class.getResource("console.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void clean() {
        executor.close();
        SERVER.deleteNamespace(ns);
    }

    /**
     * Attempt 1 as the drafts would have sent it (the core's own files), but for {@code taskMd}: the task
     * as it was then.
     */
    private void attemptOne(java.util.function.UnaryOperator<String> taskMd) {
        Map<String, byte[]> files = new LinkedHashMap<>(models.core.submit()
                .generated(models.editor.snapshot().orElseThrow(), models.submit.templateTarget()).files());
        String sent = new String(files.get("task.md"), StandardCharsets.UTF_8);
        assertThat(sent).contains(NEW_LINE);
        files.put("task.md", taskMd.apply(sent).getBytes(StandardCharsets.UTF_8));
        ResourceNames names = new ResourceNames(models.task.info().service(), models.task.info().id(), 1);
        SERVER.client().configMaps().inNamespace(ns).resource(AttemptConfigMaps.build(names, ns, files)).create();
    }

    private List<String> configMaps() {
        return SERVER.client().configMaps().inNamespace(ns).list().getItems().stream()
                .map(ConfigMap::getMetadata).map(m -> m.getName()).filter(n -> n.contains("-run-")).sorted().toList();
    }

    @Test
    void theQuestionShowsTheChangedFileAndLineAndCancelSendsNothing(FxRobot robot) {
        attemptOne(taskMd -> taskMd.replace(NEW_LINE, OLD_LINE));
        List<String> before = configMaps();
        SubmitConfirmation confirmation = new SubmitConfirmation(models.core.submit(), executor, models.editor,
                models.submit, new FxDialogs(() -> stage), models.notices);

        robot.interact(confirmation::submit);

        waitFor("the question", () -> robot.lookup("#" + SubmitConfirmation.ID).tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#" + SubmitConfirmation.ID).queryAs(DialogPane.class);
        assertThat(dialog.getHeaderText()).isEqualTo("Send the drafts as attempt 2?");
        Label text = robot.from(dialog).lookup("#" + SubmitConfirmation.ID + "-text").queryAs(Label.class);
        assertThat(text.getText()).contains("Attempt 1 went to").contains(ns);
        assertThat(robot.from(dialog).lookup("#diff-summary").queryAs(Label.class).getText())
                .contains("drafts differs from attempt-1 in 2 files: task.md: changed, +1 -1, metadata.yaml: changed");
        TitledPane taskMd = robot.from(dialog).lookup("#diff-file-task-md").queryAs(TitledPane.class);
        assertThat(taskMd.isExpanded()).as("the changed file is open").isTrue();
        assertThat(robot.from(taskMd).lookup(".diff-removed").queryAllAs(Node.class)).isNotEmpty();
        assertThat(texts(robot, taskMd, ".diff-added")).as("the changed line as the drafts have it").contains(NEW_LINE);
        assertThat(texts(robot, taskMd, ".diff-removed")).as("and as attempt 1 sent it").contains(OLD_LINE);
        Scene dialogScene = dialog.getScene();
        robot.interact(() -> Screenshots.save(dialogScene, "submit-edits-light"));
        robot.interact(() -> Screenshots.saveDark(dialogScene, "submit-edits-dark"));

        robot.clickOn(robot.from(dialog).lookup(".button").match(n -> n instanceof Button b
                && ButtonBar.getButtonData(b) == ButtonBar.ButtonData.CANCEL_CLOSE).queryAs(Button.class));

        waitFor("the question to close", () -> robot.lookup("#" + SubmitConfirmation.ID).tryQuery().isEmpty());
        assertThat(configMaps()).as("no new attempt's ConfigMap").isEqualTo(before).hasSize(1);
        assertThat(models.log.lines()).as("helm never ran").isEmpty();
        assertThat(models.submit.lastOutcomeProperty().get()).isNull();
    }

    @Test
    void onlyMetadataDiffersAndTheQuestionSaysSoThenSubmitEditsSends(FxRobot robot) {
        attemptOne(taskMd -> taskMd);
        RecordingDialogs dialogs = new RecordingDialogs();
        SubmitConfirmation confirmation = new SubmitConfirmation(models.core.submit(), models.executor, models.editor,
                models.submit, dialogs, models.notices);

        confirmation.submit();

        assertThat(dialogs.asked).singleElement().asString().startsWith("choose " + SubmitConfirmation.ID + ": ")
                .contains("Nothing differs from attempt 1 except metadata.yaml")
                .contains(SubmitConfirmation.ANSWERS.toString());
        assertThat(dialogs.changesShown).singleElement().satisfies(c -> assertThat(c.without(AttemptFiles.METADATA_YAML)
                .identical()).isTrue());
        assertThat(configMaps()).as("cancelled: nothing sent").hasSize(1);

        dialogs.answer(0);
        confirmation.submit();

        assertThat(models.submit.lastOutcomeProperty().get()).as(models.log.text()).isNotNull();
        assertThat(models.submit.lastOutcomeProperty().get().succeeded()).as(models.log.text()).isTrue();
        assertThat(configMaps()).hasSize(2).last().asString().contains("-run-2");
    }

    private static List<String> texts(FxRobot robot, Node in, String style) {
        return robot.from(in).lookup(style).queryAllAs(Node.class).stream()
                .filter(javafx.scene.text.TextFlow.class::isInstance)
                .map(n -> ((javafx.scene.text.TextFlow) n).getChildren().stream().map(SubmitEditsConfirmationTest::text)
                        .reduce("", String::concat)).toList();
    }

    private static String text(Node piece) {
        if (piece instanceof javafx.scene.text.Text t) {
            return t.getText();
        }
        if (piece instanceof javafx.scene.control.Label l && l.getGraphic() instanceof javafx.scene.text.Text t) {
            return t.getText();
        }
        return "";
    }
}
