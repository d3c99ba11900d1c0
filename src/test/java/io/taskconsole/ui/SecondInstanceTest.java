package io.taskconsole.ui;

import static io.taskconsole.badinput.BadInput.shows;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.badinput.BadInputCase;
import io.taskconsole.badinput.WorkspaceLockHolder;
import io.taskconsole.task.SampleTask;
import io.taskconsole.ui.common.Notice;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A second Task Console on a workspace another one (another process) has open: it shows the tasks
 * but writes nothing, so it can't race the first one's autosave; once the first is gone, a new
 * window on that workspace saves again.
 */
@ExtendWith(ApplicationExtension.class)
class SecondInstanceTest {

    @TempDir
    Path temp;

    @Test
    @BadInputCase(id = "two-instances-app", area = "Local faults",
            input = "The desktop app started on a workspace another Task Console (another process) has open",
            shows = "The workspace <folder> is open in another Task Console (pid <pid>). Switch to that window, or close it first: "
                    + "two windows saving the same tasks would overwrite each other's edits. This window shows the workspace read-only.",
            outcome = "A warning banner; the editor takes no typing and nothing is autosaved, so the other window's files are never "
                    + "overwritten. Once that one ends (even by kill -9), opening the workspace again makes it editable.")
    void aSecondConsoleShowsTheWorkspaceReadOnly(FxRobot robot) throws Exception {
        Path workspace = temp.resolve("ws");
        Path taskMd = SampleTask.create(workspace).folder().resolve("task.md");
        String onDisk = Files.readString(taskMd, StandardCharsets.UTF_8);
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), WorkspaceLockHolder.class.getName(), workspace.toString())
                .redirectErrorStream(true).start();
        DesktopSession[] console = {null};
        try {
            assertThat(new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8)).readLine())
                    .isEqualTo("locked");
            console[0] = ConsoleStarts.start(robot, workspace, temp.resolve("config"), ConsoleStarts::primaryStage);
            DesktopSession c = console[0];
            waitFor("the task to open read-only", () -> c.editor.isOpen() && c.editor.readOnlyProperty().get());
            Notice notice = c.notices.current();
            assertThat(notice).isNotNull();
            assertThat(notice.level()).isEqualTo(Notice.Level.WARNING);
            shows(notice.message());

            CodeArea area = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
            assertThat(area.isEditable()).isFalse();
            robot.interact(() -> Screenshots.save(c.stage().getScene(), "second-instance-read-only"));
            robot.clickOn(area).write("typed into the second window");
            assertThat(area.getText()).doesNotContain("typed into the second window");
            // An edit that reaches the model anyway (a file added, a jump) is kept as a draft, not written.
            robot.interact(() -> {
                c.editor.document("task.md").orElseThrow().textProperty().set(onDisk + "draft line\n");
                c.editor.saveNow();
            });
            waitFor("the save refused", () -> c.editor.saveStateProperty().get().startsWith("Read-only"));
            assertThat(Files.readString(taskMd, StandardCharsets.UTF_8)).isEqualTo(onDisk);
        } finally {
            other.destroyForcibly();
            other.waitFor(60, TimeUnit.SECONDS);
        }

        // The other one is gone (killed): opening the workspace again takes it, and typing is saved.
        DesktopSession c = console[0];
        robot.interact(() -> c.openWorkspace(workspace, true));
        waitFor("the workspace to be writable", () -> !c.editor.readOnlyProperty().get());
        waitFor("the kept draft saved", () -> Files.readString(taskMd, StandardCharsets.UTF_8).contains("draft line"));
        CodeArea area = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
        robot.clickOn(area).write("saved now");
        waitFor("the autosave", () -> Files.readString(taskMd, StandardCharsets.UTF_8).contains("saved now"));
        robot.interact(c::requestClose);
    }
}
