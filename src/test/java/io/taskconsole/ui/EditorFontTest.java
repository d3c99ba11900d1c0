package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.AppSettings;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A PM who writes prose rather than tables picks a proportional font (View menu, or its shortcut
 * with the cursor in the editor): every file's text is drawn in it, code stays monospaced, and the
 * choice is still there when the console is started again.
 */
@ExtendWith(ApplicationExtension.class)
class EditorFontTest {

    @TempDir
    Path temp;

    private DesktopSession startConsole(FxRobot robot, java.util.function.Supplier<Stage> stage) {
        DesktopSession console = ConsoleStarts.start(robot, temp.resolve("workspace"), temp.resolve("config"), stage);
        waitFor("a task in the editor", () -> console.editor.isOpen() && area(robot, console, "#editor-task-md") != null);
        return console;
    }

    private static CodeArea area(FxRobot robot, DesktopSession console, String id) {
        return robot.lookup(id).match(n -> n.getScene() != null && n.getScene().getWindow() == console.stage())
                .tryQueryAs(CodeArea.class).orElse(null);
    }

    /** The family of the drawn text that starts with {@code start} in {@code area}, or "" while it is not drawn. */
    private static String familyOf(CodeArea area, String start) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> {
            for (Node node : area.lookupAll(".text")) {
                if (node instanceof Text text && text.getText().startsWith(start)) {
                    return text.getFont().getFamily();
                }
            }
            return "";
        }).get();
    }

    @Test
    void theProportionalFontIsUsedInEveryFileAndKeptAfterARestart(FxRobot robot) throws Exception {
        DesktopSession before = startConsole(robot, ConsoleStarts::primaryStage);
        CodeArea taskMd = area(robot, before, "#editor-task-md");
        robot.interact(() -> taskMd.replaceText("Prose to read.\n\n`code stays`\n"));
        waitFor("the text drawn", () -> !familyOf(taskMd, "Prose").isEmpty() && !familyOf(taskMd, "code stays").isEmpty());
        String monospaced = familyOf(taskMd, "Prose");
        String system = Font.getDefault().getFamily();
        assertThat(monospaced).as("the editor's usual font").isNotEqualTo(system);

        robot.clickOn(taskMd);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.M);

        waitFor("prose drawn in the proportional font", () -> familyOf(taskMd, "Prose").equals(system));
        assertThat(familyOf(taskMd, "code stays")).as("inline code").isEqualTo(monospaced);
        assertThat(taskMd.getText()).as("the shortcut types nothing").isEqualTo("Prose to read.\n\n`code stays`\n");
        robot.interact(() -> Screenshots.save(before.stage().getScene(), "24-editor-proportional-light"));
        robot.push(KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        waitFor("design-spec.md in the proportional font", () -> {
            CodeArea spec = area(robot, before, "#editor-design-spec-md");
            return spec != null && familyOf(spec, "#").equals(system);
        });
        robot.interact(before::requestClose);
        waitFor("the window to close", () -> !before.stage().isShowing());
        assertThat(AppSettings.load(temp.resolve("config")).get(AppSettings.EDITOR_FONT)).contains("proportional");

        DesktopSession after = startConsole(robot, Stage::new);

        CodeArea again = area(robot, after, "#editor-task-md");
        waitFor("the proportional font after the restart", () -> familyOf(again, "Prose").equals(system));
        robot.interact(() -> after.actions().run("editor-font"));
        waitFor("the monospaced font again", () -> familyOf(again, "Prose").equals(monospaced));
        robot.interact(after::requestClose);
    }
}
