package io.taskconsole.ui.common;

import static io.taskconsole.ui.FxWait.onFx;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A tooltip made on the first hover still shows its text where the pointer rests, and keeps up with changes. */
@ExtendWith(ApplicationExtension.class)
class LazyTooltipTest {

    Button save;
    Label elsewhere;

    @Start
    void start(Stage stage) {
        save = new Button("Save");
        save.setId("save");
        elsewhere = new Label("elsewhere");
        elsewhere.setId("elsewhere");
        LazyTooltip.set(save, "Save the task (Ctrl+S)");
        stage.setScene(new Scene(new VBox(40, elsewhere, save), 300, 200));
        stage.show();
    }

    @Test
    void hoveringShowsTheTextMadeOnlyThen(FxRobot robot) throws Exception {
        assertThat(onFx(save::getTooltip)).as("no popup made before a hover").isNull();
        assertThat(onFx(save::getAccessibleHelp)).as("a screen reader has the text at once").isEqualTo("Save the task (Ctrl+S)");

        robot.moveTo("#save");

        waitFor("the tooltip on screen", () -> onFx(() -> shownTooltipText()).equals("Save the task (Ctrl+S)"));
    }

    @Test
    void aChangedTextIsWhatTheNextHoverShowsAndNullRemovesIt(FxRobot robot) throws Exception {
        robot.moveTo("#save");
        waitFor("the tooltip made", () -> onFx(save::getTooltip) != null);
        robot.moveTo("#elsewhere");
        robot.interact(() -> LazyTooltip.set(save, "Save all files"));

        assertThat(onFx(() -> save.getTooltip().getText())).isEqualTo("Save all files");
        assertThat(onFx(() -> LazyTooltip.text(save))).isEqualTo("Save all files");

        robot.interact(() -> LazyTooltip.set(save, null));
        robot.moveTo("#save");
        robot.sleep(300);
        assertThat(onFx(save::getTooltip)).as("no tooltip after it was removed, even on hover").isNull();
        assertThat(onFx(save::getAccessibleHelp)).isNull();
    }

    private static String shownTooltipText() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof Tooltip && w.isShowing())
                .map(w -> ((Tooltip) w).getText())
                .findFirst().orElse("");
    }
}
