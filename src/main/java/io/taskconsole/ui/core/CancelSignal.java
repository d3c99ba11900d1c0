package io.taskconsole.ui.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The Cancel button's side of a running submission: asked by the worker, set from the FX thread. */
public final class CancelSignal {

    private volatile boolean cancelled;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public void cancel() {
        cancelled = true;
        listeners.forEach(Runnable::run);
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Runs {@code listener} on cancel (at once if already cancelled), e.g. to destroy helm's process. */
    public void onCancel(Runnable listener) {
        listeners.add(listener);
        if (cancelled) {
            listener.run();
        }
    }
}
