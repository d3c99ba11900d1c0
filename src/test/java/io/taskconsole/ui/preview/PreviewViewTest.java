package io.taskconsole.ui.preview;

import static io.taskconsole.ui.FxWait.WAIT_SECONDS;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.PreviewBlock;
import io.taskconsole.task.TaskFile;
import io.taskconsole.ui.editor.DocumentModel;
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

/** The real preview (real renderer, real list of blocks) while the text of a long file changes under it. */
@ExtendWith(ApplicationExtension.class)
class PreviewViewTest {

    /** Hang guard for a loaded machine, not a speed requirement. */
    private static final int PARAGRAPHS = 300;

    @TempDir
    static Path temp;
    RealPreview preview;

    @Start
    void start(Stage stage) {
        preview = new RealPreview(temp.resolve("app.log"));
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(preview.view.node()), 800, 600));
        stage.show();
        preview.open("Long task", longTask(0));
    }

    @AfterEach
    void stop() {
        preview.close();
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
        return preview.editor.document(TaskFile.TASK_MD).orElseThrow();
    }

    private String drawn() throws Exception {
        return WaitForAsyncUtils.asyncFx(preview.view::drawnText).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private String rendered() throws Exception {
        return WaitForAsyncUtils.asyncFx(preview.view::renderedText).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    private void waitForWholeFile() {
        waitFor("the whole file in the preview", () -> rendered().contains("Paragraph " + PARAGRAPHS + " says"));
    }

    @Test
    void anEditReplacesOnlyItsBlockAndTheReaderStaysWhereTheyScrolled(FxRobot robot) throws Exception {
        waitForWholeFile();
        robot.interact(() -> preview.view.listView().scrollTo(150));
        waitFor("paragraph 150 on screen", () -> drawn().contains("Paragraph 150 says"));
        PreviewBlock farBelow = preview.view.listView().getItems().get(250);

        robot.interact(() -> task().textProperty().set(task().text().replace("Paragraph 2 says", "Paragraph 2 now says")));
        waitFor("the edit in the preview", () -> rendered().contains("Paragraph 2 now says"));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(preview.view.listView().getItems().get(250)).as("an untouched block is kept, not rebuilt").isSameAs(farBelow);
        assertThat(drawn()).contains("Paragraph 150 says").doesNotContain("Paragraph 2 now says");
    }

    @Test
    void linesAddedAboveKeepThePreviewsLineNumbersRightForScrollSync(FxRobot robot) {
        waitForWholeFile();

        robot.interact(() -> task().textProperty().set(longTask(6)));
        waitFor("the new lines in the preview", () -> rendered().contains("Inserted line."));

        String text = longTask(6);
        for (int paragraph : new int[] {1, 150, PARAGRAPHS}) {
            int line = text.substring(0, text.indexOf("Paragraph " + paragraph + " says")).split("\n", -1).length;
            int index = preview.model.blockAtLine(line);
            assertThat(preview.view.listView().getItems().get(index).plainText()).as("block at line %d", line)
                    .startsWith("Paragraph " + paragraph + " says");
        }
        assertThat(preview.view.listView().getItems()).hasSize(PARAGRAPHS + 4);
    }

    @Test
    void theCaretsLineScrollsThePreviewToItsBlock(FxRobot robot) {
        waitForWholeFile();
        String text = task().text();
        int line = text.substring(0, text.indexOf("Paragraph 240 says")).split("\n", -1).length;

        robot.interact(() -> task().caretLineProperty().set(line));

        waitFor("paragraph 240 on screen", () -> drawn().contains("Paragraph 240 says"));
    }

    @Test
    void longLinesWrapInsteadOfScrollingSideways(FxRobot robot) throws Exception {
        String words = "The limiter counts failed logins per account and per address. ".repeat(40);
        robot.interact(() -> task().textProperty().set("# Wide\n\n" + words + "\n"));
        waitFor("the long paragraph", () -> drawn().contains("per address"));

        double paragraphHeight = WaitForAsyncUtils.asyncFx(() -> robot.lookup(".md-paragraph").queryAll().stream()
                .mapToDouble(node -> node.getLayoutBounds().getHeight()).max().orElse(0)).get();
        double listWidth = preview.view.listView().getWidth();
        assertThat(paragraphHeight).as("a 2,500-character paragraph wraps over many lines").isGreaterThan(150);
        for (javafx.scene.Node paragraph : robot.lookup(".md-paragraph").queryAll()) {
            assertThat(paragraph.getLayoutBounds().getWidth()).isLessThanOrEqualTo(listWidth);
        }
    }

    @Test
    void selectedBlocksCopyAsText(FxRobot robot) throws Exception {
        waitForWholeFile();
        robot.interact(() -> {
            preview.view.listView().requestFocus();
            preview.view.listView().getSelectionModel().selectRange(1, 3);
        });
        robot.press(javafx.scene.input.KeyCode.CONTROL).press(javafx.scene.input.KeyCode.C)
                .release(javafx.scene.input.KeyCode.C).release(javafx.scene.input.KeyCode.CONTROL);

        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString()).get();
        assertThat(copied).isEqualTo("Paragraph 1 says something about the rate limiter.\n\n"
                + "Paragraph 2 says something about the rate limiter.");
    }
}
