package io.taskconsole.ui.preview;

import static io.taskconsole.ui.FxWait.WAIT_SECONDS;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.InMemoryTasks;
import io.taskconsole.ui.common.AppLog;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import io.taskconsole.ui.common.Notices;
import io.taskconsole.ui.core.CoreAdapters;
import io.taskconsole.ui.editor.DocumentModel;
import io.taskconsole.ui.editor.EditorViewModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real preview (WebView, real renderer) while the text of a long file changes under it. */
@ExtendWith(ApplicationExtension.class)
class PreviewViewTest {

    /** Hang guard for a loaded machine, not a speed requirement. */
    private static final int PARAGRAPHS = 300;

    @TempDir
    static Path temp;
    BackgroundExecutor executor;
    EditorViewModel editor;
    PreviewView view;

    @Start
    void start(Stage stage) {
        executor = BackgroundExecutor.forApp(new FxThread());
        Notices notices = new Notices(new AppLog(temp.resolve("app.log")));
        InMemoryTasks tasks = new InMemoryTasks();
        editor = new EditorViewModel(tasks, executor, notices);
        PreviewViewModel model = new PreviewViewModel(CoreAdapters.real().markdown(), executor, notices, editor);
        view = new PreviewView(model, editor);
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(view.node()), 800, 600));
        stage.show();
        view.materialize();
        editor.show(tasks.add(1001, "auth-service", "Long task", longTask(0)), TaskFile.TASK_MD);
        model.renderNow();
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    private static String longTask(int extraLinesAtTop) {
        StringBuilder text = new StringBuilder("# Long task\n\n");
        text.append("Inserted line.\n\n".repeat(extraLinesAtTop / 2));
        for (int i = 1; i <= PARAGRAPHS; i++) {
            text.append("Paragraph ").append(i).append(" says something about the rate limiter.\n\n");
        }
        return text.toString();
    }

    private DocumentModel task() {
        return editor.document(TaskFile.TASK_MD).orElseThrow();
    }

    private Object script(String script) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> view.webView().getEngine().executeScript(script)).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void waitForWholeFile() {
        waitFor("the whole file in the preview", () -> WaitForAsyncUtils.asyncFx(
                () -> view.renderedText().contains("Paragraph " + PARAGRAPHS + " says")).get());
    }

    @Test
    void anEditUpdatesThePageInPlaceAndTheReaderStaysWhereTheyScrolled(FxRobot robot) throws Exception {
        waitForWholeFile();
        script("window.scrollTo(0, 1500); window.readerMark = 'still here';");
        int scrolled = ((Number) script("window.scrollY")).intValue();
        assertThat(scrolled).isPositive();

        robot.interact(() -> task().textProperty().set(task().text().replace("Paragraph 2 says", "Paragraph 2 now says")));
        waitFor("the edit in the preview", () -> WaitForAsyncUtils.asyncFx(() -> view.renderedText().contains("Paragraph 2 now says")).get());

        assertThat(script("window.readerMark")).isEqualTo("still here");
        assertThat(((Number) script("window.scrollY")).intValue()).isEqualTo(scrolled);
    }

    @Test
    void linesAddedAboveKeepThePreviewsLineNumbersRightForScrollSync(FxRobot robot) throws Exception {
        waitForWholeFile();

        robot.interact(() -> task().textProperty().set(longTask(6)));
        waitFor("the new lines in the preview", () -> WaitForAsyncUtils.asyncFx(() -> view.renderedText().contains("Inserted line.")).get());

        String text = longTask(6);
        for (int paragraph : new int[] {1, 150, PARAGRAPHS}) {
            int line = text.substring(0, text.indexOf("Paragraph " + paragraph + " says")).split("\n", -1).length;
            Object shown = script("(function () { var ps = document.querySelectorAll('p');"
                    + " for (var i = 0; i < ps.length; i++) { if (ps[i].textContent.indexOf('Paragraph " + paragraph + " says') === 0)"
                    + " { return ps[i].getAttribute('data-source-line'); } } return null; })()");
            assertThat(shown).as("source line of paragraph %d", paragraph).isEqualTo(String.valueOf(line));
        }
        assertThat(((Number) script("document.querySelectorAll('p').length")).intValue()).isEqualTo(PARAGRAPHS + 3);
    }
}
