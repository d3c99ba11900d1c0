package io.taskconsole.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting in GUI tests for what the user would wait for, with a message that says what never came. */
public final class FxWait {

    /** Generous: a hang guard for a loaded CI machine, not a speed requirement. */
    public static final int WAIT_SECONDS = 90;

    private FxWait() {
    }

    /** Waits until {@code condition} holds, then until the FX thread has handled what that queued. */
    public static void waitFor(String what, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("Timed out waiting for: " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
