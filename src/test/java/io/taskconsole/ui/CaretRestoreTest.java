package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.AppSettings;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A product manager deep in a long task.md opens another task, or quits, and comes back: the
 * caret is on the line they left and that line is on screen, not the top of the file.
 */
@ExtendWith(ApplicationExtension.class)
class CaretRestoreTest {

    /** 300 lines: far more than the window shows. */
    static final String LONG_TASK = "# Long task\n\n" + IntStream.rangeClosed(1, 298)
            .mapToObj(i -> "Line " + i + " of the long task.").collect(Collectors.joining("\n")) + "\n";

    @TempDir
    Path temp;

    private DesktopSession startConsole(FxRobot robot, java.util.function.Supplier<Stage> stage) {
        DesktopSession console = ConsoleStarts.start(robot, temp.resolve("workspace"), temp.resolve("config"), stage);
        waitFor("a task in the editor", () -> console.editor.isOpen() && taskMd(robot, console) != null);
        return console;
    }

    private static CodeArea taskMd(FxRobot robot, DesktopSession console) {
        return robot.lookup("#editor-task-md").match(n -> n.getScene() != null && n.getScene().getWindow() == console.stage())
                .tryQueryAs(CodeArea.class).orElse(null);
    }

    /** Puts the long text in the sample's task.md and the caret 40 lines above its end, as keys do; returns that paragraph. */
    private static int caretDeepInTaskMd(FxRobot robot, DesktopSession console) {
        CodeArea area = taskMd(robot, console);
        robot.clickOn(area);
        robot.interact(() -> area.replaceText(LONG_TASK));
        robot.push(KeyCode.CONTROL, KeyCode.END);
        for (int i = 0; i < 40; i++) {
            robot.push(KeyCode.UP);
        }
        robot.push(KeyCode.END);
        int paragraph = area.getCurrentParagraph();
        assertThat(paragraph).as("the caret's paragraph").isGreaterThan(200);
        return paragraph;
    }

    private static void assertCaretShownOn(FxRobot robot, DesktopSession console, int paragraph, String screenshot) {
        waitFor("task.md with the caret on paragraph " + paragraph + " and that line on screen", () -> {
            CodeArea area = taskMd(robot, console);
            return area != null && WaitForAsyncUtils.asyncFx(() -> area.getText().equals(LONG_TASK)
                    && area.getCurrentParagraph() == paragraph
                    && !area.getVisibleParagraphs().isEmpty()
                    && area.firstVisibleParToAllParIndex() <= paragraph
                    && area.lastVisibleParToAllParIndex() >= paragraph).get();
        });
        CodeArea area = taskMd(robot, console);
        robot.interact(() -> Screenshots.save(console.stage().getScene(), screenshot));
        assertThat(area.getCaretColumn()).as("the caret's column (end of its line)").isEqualTo(area.getParagraphLength(paragraph));
        assertThat(area.firstVisibleParToAllParIndex()).as("the first line on screen").isGreaterThan(100);
    }

    @Test
    void theCaretIsWhereItWasWhenTheTaskIsOpenedAgain(FxRobot robot) {
        DesktopSession console = startConsole(robot, ConsoleStarts::primaryStage);
        Path sample = console.editor.folderProperty().get();
        int paragraph = caretDeepInTaskMd(robot, console);

        robot.interact(() -> console.tasks.create("2001", "search", "Faster search", draft -> { }));
        waitFor("the other task", () -> console.editor.isOpen() && console.editor.infoProperty().get().id().value() == 2001);
        CodeArea other = taskMd(robot, console);
        assertThat(other.getCurrentParagraph()).as("a task never opened before starts at the top").isZero();

        robot.interact(() -> console.tasks.select(sample));

        assertCaretShownOn(robot, console, paragraph, "caret-restored-on-reopen");
        robot.interact(console::requestClose);
    }

    @Test
    void theCaretIsWhereItWasAfterARestart(FxRobot robot) {
        DesktopSession before = startConsole(robot, ConsoleStarts::primaryStage);
        int paragraph = caretDeepInTaskMd(robot, before);
        robot.interact(before::requestClose);
        waitFor("the window to close", () -> !before.stage().isShowing());
        assertThat(AppSettings.load(temp.resolve("config")).keys("editor.caret.")).as("places in the settings").hasSize(1);

        DesktopSession after = startConsole(robot, Stage::new);

        assertCaretShownOn(robot, after, paragraph, "caret-restored-after-restart");
        robot.interact(after::requestClose);
    }

    /** 150 paragraphs, each its own block in the preview. */
    static final String PARAGRAPHS = "# Many paragraphs\n\n" + IntStream.rangeClosed(1, 150)
            .mapToObj(i -> "Paragraph " + i + " of the task.").collect(Collectors.joining("\n\n")) + "\n";

    private static String previewShows(DesktopSession console) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> console.window().workAreaBuilt() ? console.window().preview.drawnText() : "").get();
    }

    private static void assertPreviewAtParagraph120(FxRobot robot, DesktopSession console, String screenshot) throws Exception {
        waitFor("task.md with the caret in paragraph 120", () -> {
            CodeArea again = taskMd(robot, console);
            return again != null && WaitForAsyncUtils.asyncFx(() -> again.getText().equals(PARAGRAPHS)
                    && again.getCurrentParagraph() == PARAGRAPHS.lines().toList().indexOf("Paragraph 120 of the task.")).get();
        });
        waitFor("the preview at the caret's block", () -> previewShows(console).contains("Paragraph 120 of the task."), () -> null,
                () -> console.window().workAreaBuilt() ? PreviewFollowState.of(console.window().preview, console.editor).call() : "no work area");
        assertThat(previewShows(console)).as("the preview's top").doesNotContain("Paragraph 1 of the task.");
        robot.interact(() -> Screenshots.save(console.stage().getScene(), screenshot));
    }

    /**
     * Reopened, and after a restart, the task's preview shows the block the caret was put back in,
     * as it does when the caret moves there.
     */
    @Test
    void thePreviewShowsTheRestoredCaretsBlock(FxRobot robot) throws Exception {
        DesktopSession console = startConsole(robot, ConsoleStarts::primaryStage);
        Path sample = console.editor.folderProperty().get();
        CodeArea area = taskMd(robot, console);
        robot.clickOn(area);
        robot.interact(() -> area.replaceText(PARAGRAPHS));
        waitFor("the new text rendered for the preview", () -> WaitForAsyncUtils.asyncFx(
                () -> console.window().preview.renderedText().contains("Paragraph 150 of the task.")).get());
        robot.interact(() -> area.moveTo(area.getText().indexOf("Paragraph 120 of")));
        waitFor("the preview at paragraph 120 as the caret moves there", () -> previewShows(console).contains("Paragraph 120 of the task."), () -> null,
                PreviewFollowState.of(console.window().preview, console.editor));

        robot.interact(() -> console.tasks.create("2001", "search", "Faster search", draft -> { }));
        waitFor("the other task in the preview", () -> console.editor.isOpen() && console.editor.infoProperty().get().id().value() == 2001
                && !previewShows(console).contains("Paragraph 120"));
        robot.interact(() -> console.tasks.select(sample));

        assertPreviewAtParagraph120(robot, console, "caret-restored-preview-follows-on-reopen");

        robot.interact(console::requestClose);
        waitFor("the window to close", () -> !console.stage().isShowing());
        DesktopSession after = startConsole(robot, Stage::new);

        assertPreviewAtParagraph120(robot, after, "caret-restored-preview-follows-after-restart");
        robot.interact(after::requestClose);
    }
}
