package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A start that reopens the last task shows the work area with the task already in the editor: no
 * frame of an empty editor ("Choose a task on the left") before it, and one styling and layout pass
 * of the work area instead of two.
 */
@ExtendWith(ApplicationExtension.class)
class WorkAreaFirstFrameTest {

    @TempDir
    Path temp;

    @Test
    void theWorkAreaAppearsWithTheLastTaskInIt(FxRobot robot) {
        DesktopSession before = startConsole(robot, ConsoleStarts::primaryStage, null);
        waitFor("the sample task in the editor", () -> before.editor.isOpen());
        robot.interact(before::requestClose);
        waitFor("the window to close", () -> !before.stage().isShowing());

        AtomicReference<String> firstWorkAreaFrame = new AtomicReference<>();
        DesktopSession again = startConsole(robot, Stage::new, firstWorkAreaFrame);
        waitFor("a frame with the work area", () -> firstWorkAreaFrame.get() != null);

        assertThat(firstWorkAreaFrame.get()).as("task.md's text in the first frame that has the work area")
                .startsWith("# Rate-limit failed logins");
        robot.interact(again::requestClose);
        // Closed before the next test types: a window still open here could take its keys.
        waitFor("the window to close", () -> !again.stage().isShowing());
    }

    /** Starts a console; with {@code seen}, records task.md's text in the first frame laid out with the work area. */
    private DesktopSession startConsole(FxRobot robot, Supplier<Stage> stage, AtomicReference<String> seen) {
        return ConsoleStarts.start(robot, temp.resolve("workspace"), temp.resolve("config"), stage, console -> {
            if (seen != null) {
                Scene scene = console.stage().getScene();
                scene.addPostLayoutPulseListener(() -> {
                    if (seen.get() == null && scene.lookup("#editor-tabs") != null) {
                        CodeArea taskMd = (CodeArea) scene.lookup("#editor-task-md");
                        seen.set(taskMd == null ? "" : taskMd.getText());
                    }
                });
            }
        });
    }
}
