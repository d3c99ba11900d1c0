package io.taskconsole.ui.criteria;

import static io.taskconsole.ui.FxWait.WAIT_SECONDS;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The criteria list reads as the preview does: a code span is code, not backticks. */
@ExtendWith(ApplicationExtension.class)
class CriteriaViewTest {

    @TempDir
    static Path temp;
    final BackgroundExecutor executor = BackgroundExecutor.forApp(new FxThread());
    final InMemoryTasks tasks = new InMemoryTasks();
    EditorViewModel editor;
    CriteriaViewModel model;
    Scene scene;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Notices notices = new Notices(new AppLog(temp.resolve("app.log")));
        editor = new EditorViewModel(tasks, executor, notices);
        model = new CriteriaViewModel(CoreAdapters.real().markdown(), executor, notices, editor);
        scene = new Scene(new StackPane(new CriteriaView(model).node()), 520, 300);
        scene.getStylesheets().add(Objects.requireNonNull(
                CriteriaView.class.getResource("/io/taskconsole/ui/console.css")).toExternalForm());
        stage.setScene(scene);
        stage.show();
        editor.show(tasks.add(1001, "auth-service", "Rate limit logins", """
                # Rate limit logins

                ## Acceptance criteria
                - [ ] After `LOGIN_MAX_FAILURES_PER_IP` failures the API answers `429 Too Many Requests`
                - [x] The limit is *configurable* and **documented**
                """), TaskFile.TASK_MD);
        model.extractNow();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    /** The text nodes drawn in the criteria tree, as "text style-classes". */
    private List<String> drawnSpans(FxRobot robot) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup("#criteria-tree .criterion-text .md-text")
                .queryAllAs(Text.class).stream()
                .map(text -> text.getText() + " " + String.join(" ", text.getStyleClass()))
                .toList()).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void inlineCodeAndEmphasisAreDrawnAsThePreviewDrawsThem(FxRobot robot) throws Exception {
        waitFor("both criteria drawn", () -> drawnSpans(robot).stream().anyMatch(s -> s.startsWith("documented")));

        List<String> spans = drawnSpans(robot);
        assertThat(spans).contains(
                "LOGIN_MAX_FAILURES_PER_IP md-text md-code",
                "429 Too Many Requests md-text md-code",
                "configurable md-text md-italic",
                "documented md-text md-bold");
        assertThat(String.join("", spans)).doesNotContain("`").doesNotContain("**");
        robot.interact(() -> Screenshots.save(scene, "criteria-inline-code"));
    }
}
