package io.taskconsole.ui;

import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in GUI tests for what the user would wait for, with a message that says what never came.
 * A wait also ends early when the app under test shows an error banner that stays while the
 * condition does not come: the test fails in seconds with the banner's text (the reason) instead
 * of after the hang guard. It ends at once when the FX thread throws, or when the test's own
 * give-up check (say, an error notice other than the one it expects) names a reason.
 */
public final class FxWait {

    /** Generous: a hang guard for a loaded CI machine, not a speed requirement. */
    public static final int WAIT_SECONDS = 90;
    /** How long an error banner may stand while the condition is still false, before the wait gives up. */
    static final long ERROR_GRACE_MILLIS = 3_000;
    private static final long POLL_MILLIS = 50;

    /** The latest exception the FX thread did not handle, since the last wait began. */
    private static final AtomicReference<Throwable> FX_FAILURE = new AtomicReference<>();
    private static volatile boolean watching;

    private FxWait() {
    }

    /** What {@code read} returns on the FX thread: what a test reads from a view is read where the view lives. */
    public static <T> T onFx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    /** Waits until {@code condition} holds, then until the FX thread has handled what that queued. */
    public static void waitFor(String what, Callable<Boolean> condition) {
        waitFor(what, condition, () -> null);
    }

    /**
     * As {@link #waitFor(String, Callable)}, but gives up as soon as {@code giveUp} returns a reason
     * (non-null): the test fails in seconds with that reason instead of after the hang guard.
     */
    public static void waitFor(String what, Callable<Boolean> condition, Callable<String> giveUp) {
        waitFor(what, condition, giveUp, () -> null);
    }

    /**
     * As {@link #waitFor(String, Callable, Callable)}; on timeout the message also has what
     * {@code state} reads then (say, where a list is scrolled to), for a failure that cannot be rerun.
     */
    public static void waitFor(String what, Callable<Boolean> condition, Callable<String> giveUp, Callable<String> state) {
        watchFxThread();
        FX_FAILURE.set(null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        String errorSeen = null;
        long errorSince = 0;
        while (!holds(condition)) {
            Throwable thrown = FX_FAILURE.get();
            if (thrown != null) {
                throw new AssertionError("Gave up waiting for: " + what + ", because the FX thread threw " + thrown, thrown);
            }
            String reason = reason(giveUp);
            if (reason != null) {
                throw new AssertionError("Gave up waiting for: " + what + ", because " + reason);
            }
            long now = System.nanoTime();
            if (now > deadline) {
                String seen = reason(state);
                throw new AssertionError("Timed out waiting for: " + what
                        + errorBanner().map(e -> " (the app shows: " + e + ")").orElse("")
                        + (seen == null ? "" : "; state then: " + seen));
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

    /** Gives up when the app shows an error notice, naming it. */
    public static Callable<String> errorNotice(Notices notices) {
        return errorNoticeOtherThan(notices, null);
    }

    /** Gives up when the app shows an error notice that does not contain {@code expected}. */
    public static Callable<String> errorNoticeOtherThan(Notices notices, String expected) {
        return () -> {
            Notice notice = notices.current();
            if (notice == null || notice.level() != Notice.Level.ERROR) {
                return null;
            }
            return expected != null && notice.message().contains(expected)
                    ? null
                    : "the app showed the error \"" + notice.message() + "\"";
        };
    }

    private static String reason(Callable<String> giveUp) {
        try {
            return giveUp.call();
        } catch (Exception e) {
            return null;
        }
    }

    /** Records what the FX thread throws (and still reports it as before), so a wait can stop at it. */
    private static void watchFxThread() {
        if (watching) {
            return;
        }
        watching = true;
        Platform.runLater(() -> {
            Thread fx = Thread.currentThread();
            Thread.UncaughtExceptionHandler before = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((thread, error) -> {
                FX_FAILURE.set(error);
                before.uncaughtException(thread, error);
            });
        });
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
