package io.taskconsole.ui;

import io.taskconsole.ui.common.Notice;
import io.taskconsole.ui.common.Notices;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Waiting in GUI tests for what the user would wait for, with a message that says what never came.
 * A wait gives up at once, with the reason, when something shows it never will: an exception on the
 * FX thread, or (where the test names one) an error the app showed the user instead.
 */
public final class FxWait {

    /** Generous: a hang guard for a loaded CI machine, not a speed requirement. */
    public static final int WAIT_SECONDS = 90;

    /** The latest exception the FX thread did not handle, since the last wait began. */
    private static final AtomicReference<Throwable> FX_FAILURE = new AtomicReference<>();
    private static volatile boolean watching;

    private FxWait() {
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
        watchFxThread();
        FX_FAILURE.set(null);
        AtomicReference<String> reason = new AtomicReference<>();
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> {
                Throwable thrown = FX_FAILURE.get();
                if (thrown != null) {
                    reason.set("the FX thread threw " + thrown);
                    return true;
                }
                String stop = giveUp.call();
                if (stop != null) {
                    reason.set(stop);
                    return true;
                }
                return condition.call();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out after " + WAIT_SECONDS + " s waiting for: " + what, e);
        }
        if (reason.get() != null) {
            throw new AssertionError("Gave up waiting for: " + what + ", because " + reason.get(), FX_FAILURE.get());
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
}
