package io.taskconsole.ui;

import io.taskconsole.ui.core.CoreAdapters;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

/**
 * Starts Task Console windows for tests that start, kill and restart it as a user would: each on a
 * stage of its own (the test's first stage, then new ones), with the real core, and settings in a
 * folder the test chooses, so a restart finds what the last window left there.
 */
final class ConsoleStarts {

    private ConsoleStarts() {
    }

    /**
     * The stage TestFX set up for the running test, the one it hands an {@code @Start} method: read
     * from TestFX, so a test needs no {@code @Start} of its own just to keep it.
     */
    static Stage primaryStage() {
        return FxToolkit.toolkitContext().getRegisteredStage();
    }

    /** Starts a window on {@code workspace} (null: the one in the settings), settings in {@code config}. */
    static DesktopSession start(FxRobot robot, Path workspace, Path config, Supplier<Stage> stage) {
        return start(robot, workspace, config, stage, console -> { });
    }

    /** As {@link #start(FxRobot, Path, Path, Supplier)}; {@code beforeFirstFrame} runs on the FX thread right after the window is shown. */
    static DesktopSession start(FxRobot robot, Path workspace, Path config, Supplier<Stage> stage,
                                Consumer<DesktopSession> beforeFirstFrame) {
        DesktopSession[] console = {null};
        robot.interact(() -> {
            console[0] = on(stage.get(), workspace, config);
            beforeFirstFrame.accept(console[0]);
        });
        return console[0];
    }

    /** Starts a window on {@code stage}, on the FX thread (an {@code @Start} method's), as {@link #start} does. */
    static DesktopSession on(Stage stage, Path workspace, Path config) {
        DesktopSession console = new DesktopSession(new StartupOptions(false, workspace), config, CoreAdapters.real());
        // A test's window closing must not end the JavaFX platform the other tests run on.
        console.onExit(() -> { });
        console.start(stage);
        return console;
    }
}
