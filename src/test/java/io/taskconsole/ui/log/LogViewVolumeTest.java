package io.taskconsole.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.taskconsole.helm.OutputListener;
import io.taskconsole.ui.FxWait;
import io.taskconsole.ui.Screenshots;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.FxThread;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.geometry.VerticalDirection;
import javafx.scene.Scene;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The real log panel under a helm run that prints a hundred thousand lines: every line arrives
 * through the listener helm's reader threads use, the window keeps answering, and Follow behaves.
 */
@ExtendWith(ApplicationExtension.class)
class LogViewVolumeTest {

    /** Hang guard for a loaded machine, not a speed requirement. */
    private static final int WAIT_SECONDS = 90;
    private static final int LINES = LogViewModel.DEFAULT_CAPACITY;

    @TempDir
    static Path temp;
    BackgroundExecutor executor;
    LogViewModel model;
    Scene scene;

    @Start
    void start(Stage stage) {
        executor = BackgroundExecutor.forApp(new FxThread());
        model = new LogViewModel(executor);
        scene = LogViewStage.show(stage, model, executor, temp, 1000, 520);
    }

    @AfterEach
    void stop() {
        executor.close();
    }

    @Test
    void aHundredThousandMixedLinesAllArriveWhileTheWindowKeepsAnswering(FxRobot robot) throws Exception {
        Thread helm = pushInBackground(0, LINES);
        int roundTrips = 0;
        while (helm.isAlive()) {
            assertFxAnswers();
            roundTrips++;
        }
        helm.join();
        waitFor("every line in the list", () -> model.lines().size() == LINES);

        assertThat(roundTrips).isPositive();
        assertThat(model.droppedProperty().get()).isZero();
        assertThat(model.lines().get(0).plain()).isEqualTo("line 0 ok");
        assertThat(model.lines().get(LINES - 1).plain()).isEqualTo(line(LINES - 1).replaceAll("\u001b\\[[0-9;]*m", ""));
        assertThat(model.lines().stream().filter(l -> l.stream() == OutputListener.Stream.STDERR).count())
                .isEqualTo(LINES / 3);
        assertThat(model.lines().stream().anyMatch(l -> l.plain().contains("\u001b"))).isFalse();
        assertThat(model.followTailProperty().get()).as("Follow stays on while nobody scrolls").isTrue();
        waitFor("the newest line in view", () -> lastVisible(robot) == LINES - 1);
        robot.interact(() -> Screenshots.save(scene, "09-log-100k-light"));

        pushInBackground(LINES, 2_500).join();
        waitFor("the oldest lines dropped", () -> model.droppedProperty().get() == 2_500);
        assertThat(model.lines()).hasSize(LINES);
        assertThat(model.lines().get(0).plain()).isEqualTo("line 2500 warning: retrying");
        assertThat(robot.lookup(".label").queryAllAs(javafx.scene.control.Label.class))
                .anyMatch(l -> "2,500 older lines dropped".equals(l.getText()));
    }

    @Test
    void scrollingUpPausesFollowAndFollowResumesIt(FxRobot robot) throws Exception {
        pushInBackground(0, 5_000).join();
        waitFor("the newest line in view", () -> model.lines().size() == 5_000 && lastVisible(robot) == 4_999);
        assertThat(model.followTailProperty().get()).isTrue();

        scrollUp(robot, 15);
        waitFor("Follow to pause", () -> !model.followTailProperty().get());
        int seen = lastVisible(robot);
        assertThat(seen).isLessThan(4_999);

        pushInBackground(5_000, 1_000).join();
        waitFor("the new lines in the list", () -> model.lines().size() == 6_000);
        assertThat(lastVisible(robot)).as("paused: the view stays where the user scrolled").isEqualTo(seen);

        robot.clickOn("#log-follow");
        waitFor("the newest line in view again", () -> model.followTailProperty().get() && lastVisible(robot) == 5_999);
        pushInBackground(6_000, 500).join();
        waitFor("following the newest line", () -> model.lines().size() == 6_500 && lastVisible(robot) == 6_499);

        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        robot.sleep(200);
        robot.interact(() -> Screenshots.save(scene, "10-log-follow-dark"));
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet()));
    }

    /**
     * Scrolls the log up as a user does: the mouse wheel on a real display; under Monocle, whose
     * headless robot turns a wheel "up" into one pixel down, the scroll bar's thumb dragged up.
     */
    private static void scrollUp(FxRobot robot, int notches) {
        if (!Boolean.getBoolean("testfx.headless")) {
            robot.moveTo("#log-list").scroll(notches, VerticalDirection.UP);
            return;
        }
        robot.drag(scrollThumb(robot), MouseButton.PRIMARY).moveBy(0, -8 * notches).drop();
    }

    /** Plain stdout, stderr, and stdout with colour codes, in turn. */
    private static String line(int i) {
        return switch (i % 3) {
            case 0 -> "line " + i + " ok";
            case 1 -> "line " + i + " warning: retrying";
            default -> "\u001b[32mline " + i + "\u001b[0m \u001b[1;31mdeployed\u001b[0m";
        };
    }

    private Thread pushInBackground(int from, int count) {
        OutputListener listener = model.listener();
        Thread thread = new Thread(() -> {
            for (int i = from; i < from + count; i++) {
                listener.onLine(i % 3 == 1 ? OutputListener.Stream.STDERR : OutputListener.Stream.STDOUT, line(i));
            }
        }, "fake-helm-output");
        thread.start();
        return thread;
    }

    private static void assertFxAnswers() throws InterruptedException {
        CountDownLatch answered = new CountDownLatch(1);
        Platform.runLater(answered::countDown);
        assertThat(answered.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the FX thread answers while lines pour in").isTrue();
    }

    private static javafx.scene.Node scrollThumb(FxRobot robot) {
        return robot.lookup("#log-list .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(bar -> bar.getOrientation() == Orientation.VERTICAL)
                .map(bar -> bar.lookup(".thumb"))
                .findFirst().orElseThrow(() -> new AssertionError("the log list has no vertical scroll bar"));
    }

    /** Where the view was when last asked, for a failure message. */
    private String lastSeen = "";

    private int lastVisible(FxRobot robot) throws Exception {
        LogLinesView list = robot.lookup("#log-list").queryAs(LogLinesView.class);
        int last = FxWait.onFx(list::lastVisibleIndex);
        lastSeen = " (last visible line " + (last < 0 ? "none" : last) + " of " + list.getItems().size() + ")";
        return last;
    }

    private void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            FxWait.waitFor(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + lastSeen, e);
        }
    }
}
