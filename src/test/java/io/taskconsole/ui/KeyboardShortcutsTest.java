package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.core.CoreAdapters;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.TabPane;
import org.fxmisc.richtext.CodeArea;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The shortcuts the menus list, pressed the way a product manager presses them: with the cursor in
 * the editor, where a text area would happily swallow a key combination for itself.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardShortcutsTest {

    @TempDir
    Path temp;
    Console console;
    CodeArea taskMd;

    @Start
    void start(Stage stage) {
        console = new Console(new StartupOptions(false, temp.resolve("workspace")), temp.resolve("config"), CoreAdapters.real());
        console.onExit(() -> { });
        console.start(stage);
    }

    @BeforeEach
    void cursorInTheEditor(FxRobot robot) {
        waitFor("the sample task", () -> console.editor.isOpen()
                && robot.lookup("#editor-task-md").tryQuery().isPresent());
        taskMd = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
        robot.clickOn(taskMd);
        robot.interact(() -> taskMd.moveTo(taskMd.getText().indexOf('\n')));
        waitFor("the editor to have the focus", taskMd::isFocused);
    }

    @Test
    void ctrlSSavesAtOnce(FxRobot robot) {
        robot.write(" now");
        robot.push(KeyCode.CONTROL, KeyCode.S);

        waitFor("the saved notice", () -> console.notices.current() != null
                && "Saved.".equals(console.notices.current().message()));
        Path file = console.editor.folderProperty().get().resolve("task.md");
        waitFor("the text on disk", () -> Files.readString(file, StandardCharsets.UTF_8).startsWith("# Rate-limit failed logins now"));
        assertThat(taskMd.getText()).startsWith("# Rate-limit failed logins now\n");
    }

    @Test
    void ctrlShiftDRunsTheDryRunAndShowsIt(FxRobot robot) {
        ConsoleHelm.use(robot, console);
        String before = taskMd.getText();

        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);

        waitFor("the dry run", () -> console.submit.dryRunProperty().get() != null, FxWait.errorNotice(console.notices));
        assertThat(console.window().bottom.getSelectionModel().getSelectedItem()).isSameAs(console.window().dryRunTab);
        assertThat(taskMd.getText()).isEqualTo(before);
    }

    /**
     * Nothing reaches a cluster: the test home has no kubeconfig, so Submit stops at its first check
     * after finding helm.
     */
    @Test
    void ctrlEnterSubmitsWithoutTypingANewline(FxRobot robot) {
        ConsoleHelm.use(robot, console);
        String before = taskMd.getText();

        robot.push(KeyCode.CONTROL, KeyCode.ENTER);

        waitFor("the submission to stop at the missing kubeconfig", () -> console.notices.current() != null
                && console.notices.current().level() == Notice.Level.ERROR
                && console.notices.current().message().contains("Kubeconfig file"),
                FxWait.errorNoticeOtherThan(console.notices, "Kubeconfig file"));
        assertThat(console.submit.runningProperty().get()).isFalse();
        assertThat(console.window().bottom.getSelectionModel().getSelectedItem()).isSameAs(console.window().logTab);
        assertThat(taskMd.getText()).isEqualTo(before);
    }

    @Test
    void ctrlFPutsTheCursorInTheLogSearch(FxRobot robot) {
        robot.interact(() -> console.window().bottom.getSelectionModel().select(console.window().problemsTab));
        // outside the editor: there Ctrl+F finds in the file (MarkdownEditorTest)
        robot.clickOn("#task-list");
        waitFor("the focus out of the editor", () -> !taskMd.isFocused());

        robot.push(KeyCode.CONTROL, KeyCode.F);

        waitFor("the log search to have the focus", () -> robot.lookup("#log-search").query().isFocused());
        assertThat(console.window().bottom.getSelectionModel().getSelectedItem()).isSameAs(console.window().logTab);
        robot.write("helm");
        assertThat(console.log.queryProperty().get()).isEqualTo("helm");
    }

    @Test
    void ctrlPageDownAndUpSwitchTheEditorsFile(FxRobot robot) {
        TabPane tabs = robot.lookup("#editor-tabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("task.md");

        robot.push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        waitFor("design-spec.md", () -> tabs.getSelectionModel().getSelectedItem().getText().equals("design-spec.md"));

        robot.push(KeyCode.CONTROL, KeyCode.PAGE_UP);
        waitFor("task.md again", () -> tabs.getSelectionModel().getSelectedItem().getText().equals("task.md"));
    }
}
