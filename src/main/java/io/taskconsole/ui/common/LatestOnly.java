package io.taskconsole.ui.common;

/**
 * A place for one kind of background work whose newest run makes the older ones stale: a preview
 * render, a criteria extraction, an attempts refresh. Only the task started last delivers its
 * result; starting a task here cancels the one before it. The choice is how the runs share the CPU:
 * {@link #parallel()} lets a new run start at once (work that waits on a cluster should not queue
 * behind a slow answer); {@link #oneAtATime()} lets a new run wait until the running one has ended,
 * and only the newest waiting run ever starts (CPU-bound work such as rendering on two cores).
 * Used on the UI thread only.
 */
public final class LatestOnly {

    private final boolean serial;
    private BackgroundTask<?> latest;
    private BackgroundTask<?> waiting;
    private boolean running;

    private LatestOnly(boolean serial) {
        this.serial = serial;
    }

    public static LatestOnly parallel() {
        return new LatestOnly(false);
    }

    public static LatestOnly oneAtATime() {
        return new LatestOnly(true);
    }

    /** Cancels the task started last (and any waiting one): nothing started here so far will deliver. */
    public void cancel() {
        if (latest != null) {
            latest.cancel();
        }
        waiting = null;
    }

    void start(BackgroundTask<?> task) {
        cancel();
        latest = task;
        if (!serial) {
            task.runThen(() -> { });
        } else if (running) {
            waiting = task;
        } else {
            runSerially(task);
        }
    }

    private void runSerially(BackgroundTask<?> task) {
        running = true;
        task.runThen(() -> {
            running = false;
            BackgroundTask<?> next = waiting;
            waiting = null;
            if (next != null && !next.cancelled()) {
                runSerially(next);
            }
        });
    }
}
