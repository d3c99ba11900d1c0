package io.taskconsole.ui;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.SettingsRules;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.ui.common.Theme;
import io.taskconsole.ui.settings.TaskSettingsWindow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import org.fxmisc.richtext.CodeArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The task settings form in the running console, used from the keyboard: it opens with
 * Ctrl+Shift+T from the editor, judges each field as it is typed with the CLI's rules, and its
 * Save rewrites {@code task.yaml} keeping the user's comments and keys the app does not know.
 */
@ExtendWith(ApplicationExtension.class)
class TaskSettingsFormTest {

    private static final String HAND_WRITTEN_COMMENT = "# Owned by the identity team: ask in #identity before changing.";

    @TempDir
    Path temp;
    DesktopSession console;
    Path taskYaml;

    @Start
    void start(Stage stage) {
        console = ConsoleStarts.on(stage, temp.resolve("workspace"), temp.resolve("config"));
    }

    @BeforeEach
    void aTaskYamlWrittenByHand(FxRobot robot) throws Exception {
        waitFor("the sample task", () -> console.editor.isOpen()
                && robot.lookup("#editor-task-md").tryQuery().isPresent());
        taskYaml = console.editor.folderProperty().get().resolve("task.yaml");
        String written = Files.readString(taskYaml, StandardCharsets.UTF_8);
        // The same values, with a user's comments and a key Task Console does not know.
        Files.writeString(taskYaml, HAND_WRITTEN_COMMENT + "\n"
                + written.replace("service: auth-service", "service: auth-service # the repository's name too")
                + "reviewers: # not a Task Console key\n  - alice\n  - bob\n", StandardCharsets.UTF_8);
        CodeArea taskMd = robot.lookup("#editor-task-md").queryAs(CodeArea.class);
        robot.clickOn(taskMd);
        waitFor("the editor to have the focus", taskMd::isFocused);
    }

    @Test
    void ctrlShiftTOpensTheFormWhichValidatesAsTypedAndSavesKeepingCommentsAndUnknownKeys(FxRobot robot) throws Exception {
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitFor("the settings window", () -> settingsWindow().isPresent());
        TextField title = robot.lookup("#settings-title").queryAs(TextField.class);
        assertThat(title.getText()).isEqualTo("Rate-limit failed logins");
        assertThat(title.getAccessibleText()).isEqualTo("Title");

        // Typed key by key: the rule's sentence shows under the field, and Save is off.
        set(robot, "#settings-url", "https://bob:tok@github.com/acme/auth-service.git");
        Label urlError = robot.lookup("#settings-url-error").queryAs(Label.class);
        assertThat(urlError.getText()).isEqualTo(
                SettingsRules.repositoryUrl("https://bob:tok@github.com/acme/auth-service.git").orElseThrow());
        assertThat(urlError.isVisible()).isTrue();
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled()).isTrue();
        set(robot, "#settings-deadline", "45s");
        assertThat(robot.lookup("#settings-deadline-error").queryAs(Label.class).getText()).contains("under a minute");
        press(robot, "#settings-add-env");
        waitFor("the cursor in the new env entry", () -> focused(robot, "#settings-env-name-0"));
        robot.write("TASK_ID");
        assertThat(robot.lookup("#settings-env-name-0-error").queryAs(Label.class).getText())
                .isEqualTo("Env name 'TASK_ID' is set by the chart itself: choose another name.");
        labelsAreWhole("with errors shown");
        screenshot("task-settings-errors-light");

        // Fixed: the errors go, Save writes.
        set(robot, "#settings-url", "https://github.com/acme/auth-service.git");
        set(robot, "#settings-deadline", "90m");
        set(robot, "#settings-env-name-0", "LOG_LEVEL");
        set(robot, "#settings-env-value-0", "debug");
        press(robot, "#settings-add-secret");
        waitFor("the cursor in the new secret reference", () -> focused(robot, "#settings-secret-name-0"));
        robot.write("DB_PASSWORD");
        set(robot, "#settings-secret-secret-0", "auth-db");
        set(robot, "#settings-secret-key-0", "password");
        set(robot, "#settings-credentials", "auth-service-git");
        assertThat(urlError.isVisible()).isFalse();
        assertThat(robot.lookup("#settings-save").queryAs(Button.class).isDisabled()).isFalse();
        screenshot("task-settings-light");
        robot.interact(() -> console.theme.choiceProperty().set(Theme.DARK));
        screenshot("task-settings-dark");
        robot.interact(() -> console.theme.choiceProperty().set(Theme.LIGHT));

        press(robot, "#settings-save");

        waitFor("the window to close", () -> settingsWindow().isEmpty());
        String yaml = Files.readString(taskYaml, StandardCharsets.UTF_8);
        assertThat(yaml).startsWith(HAND_WRITTEN_COMMENT + "\n")
                .contains("service: auth-service # the repository's name too")
                .contains("reviewers: # not a Task Console key\n  - alice\n  - bob")
                .contains("url: https://github.com/acme/auth-service.git", "credentials_secret: auth-service-git",
                        "active_deadline: 5400", "LOG_LEVEL: debug", "secret: auth-db", "key: password");
        waitFor("the editor to take the new settings", () -> {
            TaskInfo info = console.editor.infoProperty().get();
            return info.settings().repository() != null && info.settings().activeDeadlineSeconds() == 5400;
        });
    }

    @Test
    void atTheWindowsMinimumSizeNoLabelIsCutAndEscapeClosesUnsaved(FxRobot robot) throws Exception {
        String before = Files.readString(taskYaml, StandardCharsets.UTF_8);
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.T);
        waitFor("the settings window", () -> settingsWindow().isPresent());
        Stage stage = (Stage) settingsWindow().orElseThrow();
        press(robot, "#settings-add-env");
        press(robot, "#settings-add-secret");
        robot.interact(() -> {
            stage.setWidth(TaskSettingsWindow.MIN_WIDTH);
            stage.setHeight(TaskSettingsWindow.MIN_HEIGHT);
        });
        assertThat(stage.getWidth()).isEqualTo(TaskSettingsWindow.MIN_WIDTH);

        labelsAreWhole("at the minimum size");

        robot.interact(() -> robot.lookup("#settings-title").queryAs(TextField.class).requestFocus());
        robot.write(" soon");
        robot.push(KeyCode.ESCAPE);
        waitFor("the window to close", () -> settingsWindow().isEmpty());
        assertThat(Files.readString(taskYaml, StandardCharsets.UTF_8)).isEqualTo(before);
    }

    private static java.util.Optional<Window> settingsWindow() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Task settings"))
                .findFirst();
    }

    /** Types into a field reached by the keyboard (the form scrolls, so a click might miss it). */
    private static void set(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> {
            // Keys go to the focused window: under headless Monocle that is not the newest one by itself.
            field.getScene().getWindow().requestFocus();
            field.requestFocus();
            field.clear();
        });
        // TestFX types into its target window, which a window opened by a shortcut is not by itself.
        robot.targetWindow(field.getScene().getWindow());
        robot.write(text);
    }

    /** Focuses a button and presses Space, as a keyboard user does. */
    private static void press(FxRobot robot, String id) {
        Node button = robot.lookup(id).query();
        robot.interact(button::requestFocus);
        robot.targetWindow(button.getScene().getWindow());
        robot.push(KeyCode.SPACE);
    }

    private static boolean focused(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().map(Node::isFocused).orElse(false);
    }

    /** Every visible label of the form shows its whole text: JavaFX would draw "…" for a cut one. */
    private static void labelsAreWhole(String when) throws Exception {
        Parent root = settingsWindow().orElseThrow().getScene().getRoot();
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
        List<String> elided = org.testfx.util.WaitForAsyncUtils.asyncFx(() -> ElidedText.in(root)).get();
        assertThat(elided).as("labels cut %s", when).isEmpty();
    }

    private static void screenshot(String name) {
        org.testfx.util.WaitForAsyncUtils.asyncFx(() -> Screenshots.save(settingsWindow().orElseThrow().getScene(), name));
        org.testfx.util.WaitForAsyncUtils.waitForFxEvents();
    }
}
