package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.fxmisc.richtext.CodeArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/** Nothing is lost: an app that dies mid-edit comes back with the text, the task and the workspace. */
@ExtendWith(ApplicationExtension.class)
class RecoveryTest {

    @TempDir
    Path temp;

    @Test
    void aKilledConsoleReopensTheSameTaskWithTheTypedText(FxRobot robot) throws Exception {
        Path config = temp.resolve("config");
        Path workspace = temp.resolve("my-tasks");
        DesktopSession a = ConsoleStarts.start(robot, workspace, config, ConsoleStarts::primaryStage);
        waitFor("the sample task", () -> a.editor.isOpen());
        robot.interact(() -> a.tasks.create("2001", "search", "Faster search", draft -> { }));
        waitFor("the new task to open", () -> a.editor.isOpen()
                && a.editor.infoProperty().get().id().value() == 2001);

        robot.clickOn("#editor-task-md");
        robot.write("Typed just before the crash. ");
        Path taskMd = a.editor.folderProperty().get().resolve("task.md");
        waitFor("the autosave", () -> Files.readString(taskMd, StandardCharsets.UTF_8).contains("Typed just before the crash."));

        // The kill: no close request, no shutdown path; background threads just stop.
        robot.interact(() -> {
            a.executor.close();
            a.stage().hide();
        });

        // Started without a workspace: the one in the settings, as a plain restart.
        DesktopSession b = ConsoleStarts.start(robot, null, config, Stage::new);
        waitFor("the same task to reopen", () -> b.editor.isOpen()
                && b.editor.infoProperty().get().id().value() == 2001);
        assertThat(b.tasks.workspaceProperty().get()).isEqualTo(workspace.toAbsolutePath().normalize());
        CodeArea area = robot.lookup("#editor-task-md").match(n -> n.getScene().getWindow() == b.stage())
                .queryAs(CodeArea.class);
        assertThat(area.getText()).contains("Typed just before the crash.");
        assertThat(b.editor.document("task.md").orElseThrow().isDirty()).isFalse();
        robot.interact(b::requestClose);
    }

    @Test
    void aFileChangedByAnotherProgramIsReloaded(FxRobot robot) throws Exception {
        DesktopSession c = ConsoleStarts.start(robot, temp.resolve("ws"), temp.resolve("config"), ConsoleStarts::primaryStage);
        waitFor("the sample task", () -> c.editor.isOpen());
        Path designSpec = c.editor.folderProperty().get().resolve("design-spec.md");

        Files.writeString(designSpec, "# Design changed in another editor\n", StandardCharsets.UTF_8);

        waitFor("the reload", () -> c.editor.document("design-spec.md").orElseThrow().text()
                .equals("# Design changed in another editor\n"));
        assertThat(c.notices.current().message()).contains("design-spec.md").contains("changed on disk");
        robot.interact(c::requestClose);
    }
}
