package io.taskconsole.ui.log;

import static io.taskconsole.ui.FxWait.onFx;
import static io.taskconsole.ui.FxWait.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.helm.OutputListener;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Choosing lines in the log panel the way a user does, with the mouse and the keys, and copying
 * them: the lines chosen, in order, stderr marked; the choice stays on the same lines when the
 * buffer drops older ones from the top.
 */
@ExtendWith(ApplicationExtension.class)
class LogLinesSelectionTest {

    private static final int CAPACITY = 12;

    @TempDir
    static Path temp;
    BackgroundExecutor executor;
    LogViewModel model;

    @Start
    void start(Stage stage) {
        executor = BackgroundExecutor.forApp(new FxThread());
        model = new LogViewModel(executor, CAPACITY);
        LogViewStage.show(stage, model, executor, temp, 700, 400);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void linesChosenByMouseAndKeysAreCopiedAndStayChosenWhenOlderLinesAreDropped(FxRobot robot) throws Exception {
        push(0, 10);
        waitFor("ten lines on screen", () -> onFx(() -> robot.lookup(".log-cell").queryAll().stream()
                .filter(this::showsALine).count() == 10));

        robot.clickOn(row(robot, "line 2 "));
        robot.press(KeyCode.SHIFT).clickOn(row(robot, "line 4 ")).release(KeyCode.SHIFT);
        assertThat(copied(robot)).isEqualTo(lines(2, 4));

        robot.press(KeyCode.SHIFT).type(KeyCode.DOWN).release(KeyCode.SHIFT);
        assertThat(copied(robot)).as("Shift+Down extends the choice").isEqualTo(lines(2, 5));

        robot.type(KeyCode.UP);
        assertThat(copied(robot)).as("Up moves to the line above, alone").isEqualTo(lines(4, 4));

        robot.press(KeyCode.CONTROL).type(KeyCode.A).release(KeyCode.CONTROL);
        assertThat(copied(robot)).as("Ctrl+A chooses every line").isEqualTo(lines(0, 9));

        robot.clickOn(row(robot, "line 7 "));
        push(10, 5);
        waitFor("the three oldest lines dropped", () -> onFx(() -> model.droppedProperty().get() == 3));
        assertThat(copied(robot)).as("the same line, now third from the top").isEqualTo(lines(7, 7));
    }

    @Test
    void aLongLineScrollsSidewaysInsteadOfWrappingOverTheLinesBelow(FxRobot robot) throws Exception {
        String longLine = "a long line " + "that goes on and on ".repeat(30) + "end";
        model.listener().onLine(OutputListener.Stream.STDOUT, longLine);
        push(0, 3);

        Node row = row(robot, "a long line ");
        double[] widths = onFx(() -> new double[] {row.getLayoutBounds().getWidth(), row.prefWidth(-1),
                row.getScene().getWidth()});
        assertThat(widths[1]).as("the line is wider than the window").isGreaterThan(widths[2]);
        assertThat(widths[0]).as("the row is as wide as its line, not wrapped to the window")
                .isGreaterThanOrEqualTo(widths[1] - 0.5);
    }

    private boolean showsALine(Node cell) {
        return cell.isVisible() && !textOf(cell).isEmpty();
    }

    private Node row(FxRobot robot, String start) throws Exception {
        return onFx(() -> robot.lookup(".log-cell").queryAll().stream()
                .filter(cell -> cell.isVisible() && textOf(cell).startsWith(start))
                .findFirst().orElseThrow(() -> new AssertionError("no row shows " + start)));
    }

    private static String textOf(Node cell) {
        TextFlow flow = (TextFlow) cell.lookup(".log-flow");
        return flow == null ? "" : flow.getChildren().stream()
                .map(n -> n instanceof Text t ? t.getText() : "")
                .collect(Collectors.joining());
    }

    /** Ctrl+C in the list, then what the clipboard holds. */
    private static String copied(FxRobot robot) throws Exception {
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        return onFx(() -> Clipboard.getSystemClipboard().getString());
    }

    /** Even lines are stdout, odd ones stderr, as copied: stderr keeps its marker. */
    private static String lines(int from, int to) {
        return IntStream.rangeClosed(from, to)
                .mapToObj(i -> (i % 2 == 1 ? "[stderr] " : "") + "line " + i + " text")
                .collect(Collectors.joining("\n"));
    }

    private void push(int from, int count) throws InterruptedException {
        OutputListener listener = model.listener();
        for (int i = from; i < from + count; i++) {
            listener.onLine(i % 2 == 1 ? OutputListener.Stream.STDERR : OutputListener.Stream.STDOUT, "line " + i + " text");
        }
        int last = from + count - 1;
        waitFor("line " + last + " listed", () -> onFx(() -> !model.lines().isEmpty()
                && model.lines().get(model.lines().size() - 1).plain().equals("line " + last + " text")));
    }
}
