package io.taskconsole.ui.common;

import java.time.Duration;

/**
 * Runs an action once things have been quiet for a while, e.g. re-render the preview 250 ms after
 * the last keystroke. Each {@link #trigger()} restarts the wait; the action runs on the UI thread.
 */
public final class Debouncer {

    private final BackgroundExecutor executor;
    private final Duration quiet;
    private final Runnable action;
    private BackgroundExecutor.Cancellable pending;
    private boolean due;

    public Debouncer(BackgroundExecutor executor, Duration quiet, Runnable action) {
        this.executor = executor;
        this.quiet = quiet;
        this.action = action;
    }

    public void trigger() {
        synchronized (this) {
            due = true;
            if (pending != null) {
                pending.cancel();
            }
        }
        BackgroundExecutor.Cancellable next = executor.schedule(() -> executor.ui().execute(this::fire), quiet);
        synchronized (this) {
            pending = next;
        }
    }

    /** Runs the pending action now, if any (e.g. before a save or on close). Call on the UI thread. */
    public void flush() {
        synchronized (this) {
            if (pending != null) {
                pending.cancel();
            }
        }
        fire();
    }

    public synchronized void cancel() {
        due = false;
        if (pending != null) {
            pending.cancel();
        }
    }

    public synchronized boolean isPending() {
        return due;
    }

    private void fire() {
        synchronized (this) {
            if (!due) {
                return;
            }
            due = false;
        }
        action.run();
    }
}
