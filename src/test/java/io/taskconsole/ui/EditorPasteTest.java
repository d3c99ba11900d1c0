package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A PM pastes a whole exported spec (1 MB) into task.md with Ctrl+V: all of it arrives, the part
 * on screen is highlighted, the console still answers, and one Ctrl+Z takes the paste back. How
 * long it takes is measured by the bench harness, not here.
 */
@ExtendWith(ApplicationExtension.class)
class EditorPasteTest {

    /** About 1 MB of Markdown: sections with headings, prose, lists and code. */
    static final String LARGE = largeSpec();

    @TempDir
    Path temp;
    DesktopSession console;
    CodeArea taskMd;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
    }

    @BeforeEach
    void openTheSample(FxRobot robot) {
        waitFor("the sample task", () -> console.editor.isOpen()
                && robot.lookup("#editor-task-md").tryQuery().isPresent());
        taskMd = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
    }

    static String largeSpec() {
        StringBuilder text = new StringBuilder();
        for (int section = 1; text.length() < 1_000_000; section++) {
            text.append("## Section ").append(section).append(" of the exported spec\n\n")
                    .append("The service **must** keep `state` per account; see [notes](https://wiki.example/").append(section)
                    .append(").\n\n- first point\n- second point\n\n```\ncode line ").append(section).append("\n```\n\n");
        }
        return text.toString();
    }

    @Test
    void pastingAMegabyteKeepsAllOfItHighlightsWhatIsShownAndUndoesInOneStep(FxRobot robot) throws Exception {
        String before = onFx(() -> taskMd.getText());
        int at = before.indexOf('\n') + 1;
        robot.interact(() -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(LARGE);
            Clipboard.getSystemClipboard().setContent(content);
        });
        robot.clickOn(taskMd);
        robot.interact(() -> taskMd.moveTo(at));

        pasteKeys(robot);

        String expected = before.substring(0, at) + LARGE + before.substring(at);
        waitFor("the whole paste in the editor", () -> onFx(() -> taskMd.getLength()) == expected.length());
        assertThat(onFx(() -> taskMd.getText())).isEqualTo(expected);
        waitFor("the pasted text in the task's model", () -> onFx(() -> console.editor.document("task.md").orElseThrow().text())
                .equals(expected));

        // the caret is at the paste's end: the heading on screen there is highlighted
        int lastHeading = expected.lastIndexOf("## Section");
        waitFor("the headings on screen highlighted", () -> onFx(() -> taskMd.getStyleOfChar(lastHeading + 3)).contains("md-h2"));
        assertThat(onFx(() -> taskMd.getStyleOfChar(expected.lastIndexOf("**must**") + 2))).contains("md-strong");
        // far off screen, the paste's first heading is styled too (the rest follows the visible part, a slice a frame)
        waitFor("the whole paste highlighted", () -> onFx(() -> taskMd.getStyleOfChar(at + 3)).contains("md-h2"));

        robot.push(KeyCode.CONTROL, KeyCode.Z);
        waitFor("the paste undone in one step", () -> onFx(() -> taskMd.getText()).equals(before));
        waitFor("the model back as it was", () -> onFx(() -> console.editor.document("task.md").orElseThrow().text()).equals(before));
        robot.push(KeyCode.CONTROL, KeyCode.Y);
        waitFor("the paste redone", () -> onFx(() -> taskMd.getText()).equals(expected));

        // still answering: typing goes in, and is saved with the paste
        robot.interact(() -> taskMd.moveTo(taskMd.getLength()));
        robot.write("x");
        waitFor("the typed letter", () -> onFx(() -> taskMd.getLength()) == expected.length() + 1);
        waitFor("all of it highlighted after the edit", () -> onFx(() -> taskMd.getStyleOfChar(at + 3).contains("md-h2")
                && taskMd.getStyleOfChar(lastHeading + 3).contains("md-h2")));
        Path file = console.editor.folderProperty().get().resolve("task.md");
        try {
            waitFor("the file saved with the paste", () -> java.nio.file.Files.readString(file).equals(expected + "x"));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + " (on disk " + java.nio.file.Files.size(file) + " bytes, in the editor "
                    + onFx(() -> taskMd.getLength()) + " characters, save state '" + onFx(() -> console.editor.saveStateProperty().get())
                    + "', notice " + console.notices.current() + ")", e);
        }
        robot.interact(() -> Screenshots.save(console.stage().getScene(), "25-editor-after-1mb-paste-light"));
    }

    /**
     * Ctrl+V as the editor receives it from the keyboard. Not the robot's key presses: TestFX
     * waits for the FX thread between pressing V and releasing it, and while a paste that long
     * keeps the FX thread busy, the X server's key repeat types V again and again (each one another
     * megabyte: the hang the first version of this test ran into).
     */
    private void pasteKeys(FxRobot robot) {
        robot.interact(() -> {
            for (javafx.event.EventType<javafx.scene.input.KeyEvent> type
                    : List.of(javafx.scene.input.KeyEvent.KEY_PRESSED, javafx.scene.input.KeyEvent.KEY_RELEASED)) {
                javafx.event.Event.fireEvent(taskMd, new javafx.scene.input.KeyEvent(type, "", "", KeyCode.V,
                        false, true, false, false));
            }
        });
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        return WaitForAsyncUtils.asyncFx(work).get();
    }
}
