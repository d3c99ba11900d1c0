package io.taskconsole.ui.common;

import java.util.concurrent.Executor;

/**
 * Where results for the screen are delivered. The app uses the JavaFX application thread; view-model
 * tests use the calling thread so they run without a window and without waiting.
 */
@FunctionalInterface
public interface UiThread extends Executor {

    /** Runs everything at once on the calling thread: for tests only. */
    static UiThread direct() {
        return Runnable::run;
    }
}
