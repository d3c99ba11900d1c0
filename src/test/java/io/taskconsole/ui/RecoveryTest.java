package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.core.CoreAdapters;
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
import org.testfx.framework.junit5.Start;

/** Nothing is lost: an app that dies mid-edit comes back with the text, the task and the workspace. */
@ExtendWith(ApplicationExtension.class)
class RecoveryTest {

    @TempDir
    Path temp;
    Stage first;

    @Start
    void start(Stage stage) {
        first = stage;
    }

    @Test
    void aKilledConsoleReopensTheSameTaskWithTheTypedText(FxRobot robot) throws Exception {
        Path config = temp.resolve("config");
        Path workspace = temp.resolve("my-tasks");
        DesktopSession[] a = {null};
        robot.interact(() -> {
            a[0] = new DesktopSession(new StartupOptions(false, workspace), config, CoreAdapters.real());
            a[0].onExit(() -> { });
            a[0].start(first);
        });
        waitFor("the sample task", () -> a[0].editor.isOpen());
        robot.interact(() -> a[0].tasks.create("2001", "search", "Faster search", draft -> { }));
        waitFor("the new task to open", () -> a[0].editor.isOpen()
                && a[0].editor.infoProperty().get().id().value() == 2001);

        robot.clickOn("#editor-task-md");
        robot.write("Typed just before the crash. ");
        Path taskMd = a[0].editor.folderProperty().get().resolve("task.md");
        waitFor("the autosave", () -> Files.readString(taskMd, StandardCharsets.UTF_8).contains("Typed just before the crash."));

        // The kill: no close request, no shutdown path; background threads just stop.
        robot.interact(() -> {
            a[0].executor.close();
            first.hide();
        });

        DesktopSession[] b = {null};
        robot.interact(() -> {
            b[0] = new DesktopSession(new StartupOptions(false, null), config, CoreAdapters.real());
            b[0].onExit(() -> { });
            b[0].start(new Stage());
        });
        waitFor("the same task to reopen", () -> b[0].editor.isOpen()
                && b[0].editor.infoProperty().get().id().value() == 2001);
        assertThat(b[0].tasks.workspaceProperty().get()).isEqualTo(workspace.toAbsolutePath().normalize());
        CodeArea area = robot.lookup("#editor-task-md").match(n -> n.getScene().getWindow() == b[0].stage())
                .queryAs(CodeArea.class);
        assertThat(area.getText()).contains("Typed just before the crash.");
        assertThat(b[0].editor.document("task.md").orElseThrow().isDirty()).isFalse();
        robot.interact(b[0]::requestClose);
    }

    @Test
    void aFileChangedByAnotherProgramIsReloaded(FxRobot robot) throws Exception {
        DesktopSession[] c = {null};
        robot.interact(() -> {
            c[0] = new DesktopSession(new StartupOptions(false, temp.resolve("ws")), temp.resolve("config"), CoreAdapters.real());
            c[0].onExit(() -> { });
            c[0].start(first);
        });
        waitFor("the sample task", () -> c[0].editor.isOpen());
        Path designSpec = c[0].editor.folderProperty().get().resolve("design-spec.md");

        Files.writeString(designSpec, "# Design changed in another editor\n", StandardCharsets.UTF_8);

        waitFor("the reload", () -> c[0].editor.document("design-spec.md").orElseThrow().text()
                .equals("# Design changed in another editor\n"));
        assertThat(c[0].notices.current().message()).contains("design-spec.md").contains("changed on disk");
        robot.interact(c[0]::requestClose);
    }
}
