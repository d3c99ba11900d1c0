package io.taskconsole.ui;

import java.time.Duration;
import javafx.application.Platform;

/**
 * {@code --smoke-test}: the packaged app shows its window with the sample task, renders the
 * preview, and exits 0; anything else within the time limit exits 1 with the reason on stderr.
 */
final class SmokeTest {

    static final Duration LIMIT = Duration.ofSeconds(60);
    private final ConsoleSession console;
    private boolean done;

    SmokeTest(ConsoleSession console) {
        this.console = console;
    }

    void run() {
        console.notices.currentProperty().addListener((o, a, notice) -> {
            if (notice != null && notice.level() == io.taskconsole.ui.common.Notice.Level.ERROR) {
                finish(1, "error shown: " + notice.message());
            }
        });
        console.executor.schedule(() -> Platform.runLater(() -> finish(1,
                "the preview was not rendered within " + LIMIT.toSeconds() + " s")), LIMIT);
        Platform.runLater(() -> console.whenPreviewShown(text -> {
            if (!console.stage().isShowing() || !console.stage().getTitle().contains(ConsoleSession.TITLE)) {
                finish(1, "the main window is not showing");
            } else if (console.editor.infoProperty().get() == null) {
                finish(1, "no task is open");
            } else {
                finish(0, "window shown, task " + console.editor.infoProperty().get().id() + " open, preview rendered ("
                        + text.strip().length() + " characters)");
            }
        }));
    }

    private void finish(int code, String message) {
        if (done) {
            return;
        }
        done = true;
        (code == 0 ? System.out : System.err).println("task-console smoke test " + (code == 0 ? "passed: " : "failed: ") + message);
        console.onExit(() -> {
            Platform.exit();
            System.exit(code);
        });
        console.requestClose();
    }
}
