package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import java.util.ArrayList;
import java.util.List;

/**
 * Lets a user stop a running submission. Work checks {@link #throwIfCancelled()} between steps and
 * registers what to stop (the helm process) while it runs.
 */
public final class Cancellation {

    private boolean cancelled;
    private final List<Runnable> onCancel = new ArrayList<>();

    public static Cancellation none() {
        return new Cancellation();
    }

    public void cancel() {
        List<Runnable> actions;
        synchronized (this) {
            if (cancelled) {
                return;
            }
            cancelled = true;
            actions = List.copyOf(onCancel);
        }
        actions.forEach(Runnable::run);
    }

    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code action} on cancel, or now if already cancelled. */
    public void onCancel(Runnable action) {
        synchronized (this) {
            if (!cancelled) {
                onCancel.add(action);
                return;
            }
        }
        action.run();
    }

    public void throwIfCancelled() {
        if (isCancelled()) {
            throw TaskConsoleException.cancelled("The submission was cancelled");
        }
    }
}
