package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.ui.common.Notice;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
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
    DesktopSession console;
    CodeArea taskMd;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
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

    /**
     * The menus, the toolbar and the F1 help come from one table: F1 (pressed in the editor) shows
     * every action of the table, grouped as the menus are, each with the shortcut its menu item has,
     * and every action has its menu item. Before, the hand-written help missed Shift+N, Q, Shift+A
     * and F1 itself.
     */
    @Test
    void f1ShowsEveryActionOfTheTableWithItsShortcutAsItsMenuItemHasIt(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        java.util.List<AppAction> table = console.actions().actions();
        java.util.List<String> expected = new java.util.ArrayList<>();
        for (AppAction action : table) {
            Menu menu = bar.getMenus().stream().filter(m -> m.getText().replace("_", "").equals(action.menu().title()))
                    .findFirst().orElseThrow();
            MenuItem item = menu.getItems().stream().filter(i -> ("menu-" + action.id()).equals(i.getId()))
                    .findFirst().orElseThrow(() -> new AssertionError(action.label() + " is not in the " + menu.getText() + " menu"));
            assertThat(item.getText()).isEqualTo(action.label());
            assertThat(item.getAccelerator()).as(action.label()).isEqualTo(action.keys());
            expected.add(action.menu().title() + " / " + action.label().replace("…", "") + " = "
                    + (action.shortcut() == null ? ActionTable.NO_SHORTCUT : item.getAccelerator().getDisplayText()));
        }
        java.util.List<String> shortcutsInMenus = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> i.getAccelerator() != null).map(i -> i.getAccelerator().getDisplayText()).toList();

        robot.push(KeyCode.F1);

        waitFor("the shortcuts help", () -> robot.lookup("#shortcuts-table").tryQuery().isPresent());
        GridPane help = robot.lookup("#shortcuts-table").queryAs(GridPane.class);
        java.util.List<String> inHelp = new java.util.ArrayList<>();
        String group = "";
        for (javafx.scene.Node cell : help.getChildren()) {
            Label label = (Label) cell;
            if (label.getStyleClass().contains("shortcuts-group")) {
                group = label.getText();
            } else if (label.getStyleClass().contains("shortcut-action")) {
                assertThat(GridPane.getColumnIndex(label)).isEqualTo(0);
                inHelp.add(group + " / " + label.getText());
            } else if (label.getStyleClass().contains("shortcut-keys")) {
                assertThat(GridPane.getColumnIndex(label)).isEqualTo(1);
                assertThat(GridPane.getRowIndex(label)).isEqualTo(GridPane.getRowIndex(help.getChildren().get(help.getChildren().indexOf(label) - 1)));
                inHelp.set(inHelp.size() - 1, inHelp.get(inHelp.size() - 1) + " = " + label.getText());
            }
        }
        assertThat(inHelp).containsExactlyElementsOf(expected);
        assertThat(String.join("\n", inHelp)).contains("File / Add file to task = " + shortcut("Shortcut+Shift+N"))
                .contains("File / Quit = " + shortcut("Shortcut+Q")).contains("View / Attempts = " + shortcut("Shortcut+Shift+A"))
                .contains("Help / Keyboard shortcuts = F1");
        assertThat(shortcutsInMenus).as("no menu shortcut outside the table")
                .containsExactlyInAnyOrderElementsOf(table.stream().filter(a -> a.shortcut() != null).map(AppAction::shortcutText).toList());

        javafx.scene.Scene helpWindow = help.getScene();
        assertThat(helpWindow.getWindow()).isNotSameAs(console.stage());
        java.util.List<String> elided = new java.util.ArrayList<>();
        robot.interact(() -> elided.addAll(ElidedText.in(helpWindow.getRoot())));
        assertThat(elided).as("help text drawn cut short").isEmpty();
        robot.interact(() -> Screenshots.save(helpWindow, "17-keyboard-shortcuts-light"));
        robot.interact(() -> console.theme.choiceProperty().set(io.taskconsole.ui.common.Theme.DARK));
        robot.sleep(300);
        robot.interact(() -> Screenshots.save(helpWindow, "18-keyboard-shortcuts-dark"));
        robot.interact(() -> console.theme.choiceProperty().set(io.taskconsole.ui.common.Theme.LIGHT));
        javafx.scene.control.DialogPane pane = (javafx.scene.control.DialogPane) helpWindow.getRoot();
        robot.clickOn(pane.lookupButton(javafx.scene.control.ButtonType.OK));
        waitFor("the help to close", () -> !helpWindow.getWindow().isShowing());
    }

    /** The menu item and the toolbar button of an action share its enabled state. */
    @Test
    void aMenuItemIsDisabledWhenItsToolbarButtonIs(FxRobot robot) {
        MenuBar bar = robot.lookup("#menu-bar").queryAs(MenuBar.class);
        MenuItem cancelItem = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-cancel-submission".equals(i.getId())).findFirst().orElseThrow();
        javafx.scene.control.Button cancelButton = robot.lookup("#cancel-submission").queryAs(javafx.scene.control.Button.class);
        assertThat(cancelItem.isDisable()).as("Cancel with nothing running").isTrue();
        assertThat(cancelButton.isDisable()).isTrue();
    }

    private static String shortcut(String combination) {
        return javafx.scene.input.KeyCombination.keyCombination(combination).getDisplayText();
    }
}
