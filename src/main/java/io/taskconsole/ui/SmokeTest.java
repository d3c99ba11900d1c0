package io.taskconsole.ui;

import java.time.Duration;
import javafx.application.Platform;

/**
 * {@code --smoke-test}: the packaged app shows its window with the sample task, renders the
 * preview, and exits 0; anything else within the time limit exits 1 with the reason on stderr.
 */
final class SmokeTest {

    static final Duration LIMIT = Duration.ofSeconds(60);
    private final DesktopSession session;
    private boolean done;

    SmokeTest(DesktopSession session) {
        this.session = session;
    }

    void run() {
        session.notices.currentProperty().addListener((o, a, notice) -> {
            if (notice != null && notice.level() == io.taskconsole.ui.common.Notice.Level.ERROR) {
                finish(1, "error shown: " + notice.message());
            }
        });
        session.executor.schedule(() -> Platform.runLater(() -> finish(1,
                "the preview was not rendered within " + LIMIT.toSeconds() + " s")), LIMIT);
        Platform.runLater(() -> session.whenPreviewShown(text -> {
            if (!session.stage().isShowing() || !session.stage().getTitle().contains(DesktopSession.TITLE)) {
                finish(1, "the main window is not showing");
            } else if (session.editor.infoProperty().get() == null) {
                finish(1, "no task is open");
            } else {
                finish(0, "window shown, task " + session.editor.infoProperty().get().id() + " open, preview rendered ("
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
        session.onExit(() -> {
            Platform.exit();
            System.exit(code);
        });
        session.requestClose();
    }
}
