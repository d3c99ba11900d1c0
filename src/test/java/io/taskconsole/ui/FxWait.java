package io.taskconsole.ui;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in GUI tests for what the user would wait for, with a message that says what never came.
 * A wait also ends early when the app under test shows an error banner that stays while the
 * condition does not come: the test fails in seconds with the banner's text (the reason) instead
 * of after the hang guard.
 */
public final class FxWait {

    /** Generous: a hang guard for a loaded CI machine, not a speed requirement. */
    public static final int WAIT_SECONDS = 90;
    /** How long an error banner may stand while the condition is still false, before the wait gives up. */
    static final long ERROR_GRACE_MILLIS = 3_000;
    private static final long POLL_MILLIS = 50;

    private FxWait() {
    }

    /** Waits until {@code condition} holds, then until the FX thread has handled what that queued. */
    public static void waitFor(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String errorSeen = null;
        long errorSince = 0;
        while (!holds(condition)) {
            long now = System.nanoTime();
            if (now > deadline) {
                throw new AssertionError("Timed out waiting for: " + what
                        + errorBanner().map(e -> " (the app shows: " + e + ")").orElse(""));
            }
            String error = errorBanner().orElse(null);
            if (error == null || !error.equals(errorSeen)) {
                errorSeen = error;
                errorSince = now;
            } else if (now - errorSince > TimeUnit.MILLISECONDS.toNanos(ERROR_GRACE_MILLIS)) {
                throw new AssertionError("Gave up waiting for: " + what + ", because the app shows the error: " + error);
            }
            sleep();
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static boolean holds(Callable<Boolean> condition) {
        try {
            return Boolean.TRUE.equals(condition.call());
        } catch (Exception e) {
            return false;
        }
    }

    /** The text of an error banner on any showing window, read on the FX thread. */
    private static Optional<String> errorBanner() {
        try {
            return WaitForAsyncUtils.asyncFx(() -> {
                for (Window window : List.copyOf(Window.getWindows())) {
                    if (!window.isShowing() || window.getScene() == null) {
                        continue;
                    }
                    Node bar = window.getScene().lookup("#notice-bar");
                    if (bar != null && bar.isVisible() && bar.getStyleClass().contains("notice-error")
                            && window.getScene().lookup("#notice-message") instanceof Labeled message) {
                        return Optional.of(message.getText());
                    }
                }
                return Optional.<String>empty();
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted while waiting", e);
        }
    }
}
