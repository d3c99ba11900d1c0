package io.taskconsole.ui.editor;

import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.fxmisc.richtext.CodeArea;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The editor's caret blinks while the user works, then holds still, and the window stops drawing. */
@ExtendWith(ApplicationExtension.class)
class CaretRestTest {

    private static final Duration SHORT = Duration.millis(1000);

    CodeArea area;
    CaretRest rest;
    Scene scene;

    @Start
    void start(Stage stage) {
        area = new CodeArea("# Invoices\n\nSend one per month.\n");
        area.setId("area");
        rest = new CaretRest(area, SHORT);
        scene = new Scene(new VBox(new Button("elsewhere"), area), 500, 300);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void anIdleCaretStopsBlinkingAndTheWindowStopsDrawing(FxRobot robot) throws Exception {
        robot.clickOn("#area");
        assertThat(rest.resting()).as("blinking right after a click").isFalse();
        assertThat(pulsesDuring(robot, 500)).as("frames drawn while the caret blinks").isGreaterThanOrEqualTo(5);

        waitFor("the caret to rest", () -> rest.resting());

        assertThat(area.getCaretSelectionBind().getUnderlyingCaret().getBlinkRate()).isEqualTo(Duration.ZERO);
        assertThat(robot.lookup(".caret").queryAs(javafx.scene.Node.class).isVisible()).as("shown, steadily").isTrue();
        // A blinking caret keeps JavaFX drawing 60 frames a second (about 30 here); at rest none are
        // asked for, though another window of the test run may still cause a stray one.
        assertThat(pulsesDuring(robot, 500)).as("frames drawn once it rests").isLessThan(5);
    }

    @Test
    void aKeyWakesTheCaretAgain(FxRobot robot) throws Exception {
        robot.clickOn("#area");
        waitFor("the caret to rest", () -> rest.resting());

        robot.push(KeyCode.END);

        assertThat(rest.resting()).isFalse();
        assertThat(area.getCaretSelectionBind().getUnderlyingCaret().getBlinkRate()).isEqualTo(CaretRest.BLINK);
    }

    @Test
    void anUnfocusedEditorTimesNothing(FxRobot robot) throws Exception {
        robot.clickOn("#area");
        robot.clickOn("elsewhere");

        assertThat(area.isFocused()).isFalse();
        waitFor("no frames drawn (a stray one aside)", () -> pulsesDuring(robot, 500) < 5);
    }

    /** How many frames JavaFX lays out in the next {@code millis}. */
    private int pulsesDuring(FxRobot robot, long millis) throws InterruptedException {
        AtomicInteger pulses = new AtomicInteger();
        Runnable count = pulses::incrementAndGet;
        robot.interact(() -> scene.addPostLayoutPulseListener(count));
        Thread.sleep(millis);
        robot.interact(() -> scene.removePostLayoutPulseListener(count));
        return pulses.get();
    }
}
