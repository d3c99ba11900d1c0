package io.taskconsole.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one place the console runs work off the FX thread: a small pool of daemon threads for
 * blocking work (files, helm, the cluster), a timer for debouncing, and the {@link UiThread} that
 * results are delivered on. A {@linkplain #sameThread() same-thread} variant makes view-model tests
 * deterministic.
 */
public class BackgroundExecutor implements AutoCloseable {

    private final ExecutorService workers;
    private final ScheduledExecutorService timer;
    private final UiThread ui;

    private BackgroundExecutor(ExecutorService workers, ScheduledExecutorService timer, UiThread ui) {
        this.workers = workers;
        this.timer = timer;
        this.ui = ui;
    }

    /**
     * For an executor that runs work its own way by overriding {@link #execute}, {@link #schedule}
     * and {@link #every} (the same-thread one; tests that hold work back): it has no threads.
     */
    protected BackgroundExecutor(UiThread ui) {
        this(null, null, ui);
    }

    /** The app's executor: four workers and one timer thread, all daemons so they never keep the JVM alive. */
    public static BackgroundExecutor forApp(UiThread ui) {
        return new BackgroundExecutor(
                Executors.newFixedThreadPool(4, daemons("taskconsole-worker")),
                Executors.newSingleThreadScheduledExecutor(daemons("taskconsole-timer")),
                ui);
    }

    /** Runs work, delayed work and delivery at once on the calling thread. */
    public static BackgroundExecutor sameThread() {
        return new SameThread();
    }

    public UiThread ui() {
        return ui;
    }

    /** Starts building a task whose result is delivered on the UI thread. */
    public <T> BackgroundTask<T> task(Callable<T> work) {
        return new BackgroundTask<>(this, work);
    }

    /** Runs {@code work} on a worker thread; after {@link #close()} new work is dropped, as the app is exiting. */
    public void execute(Runnable work) {
        if (!workers.isShutdown()) {
            workers.execute(work);
        }
    }

    /** Runs {@code work} on the timer thread after {@code delay}; returns a handle to cancel it. */
    public Cancellable schedule(Runnable work, Duration delay) {
        if (timer.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = timer.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    /** Runs {@code work} every {@code period} on a worker thread until cancelled. */
    public Cancellable every(Runnable work, Duration period) {
        if (timer.isShutdown()) {
            return () -> { };
        }
        ScheduledFuture<?> future = timer.scheduleWithFixedDelay(
                () -> workers.execute(work), period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        workers.shutdownNow();
    }

    /** Something that can be stopped before it runs (or before it runs again). */
    @FunctionalInterface
    public interface Cancellable {
        void cancel();
    }

    private static ThreadFactory daemons(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    private static final class SameThread extends BackgroundExecutor {
        SameThread() {
            super(UiThread.direct());
        }

        @Override
        public void execute(Runnable work) {
            work.run();
        }

        @Override
        public Cancellable schedule(Runnable work, Duration delay) {
            work.run();
            return () -> { };
        }

        @Override
        public Cancellable every(Runnable work, Duration period) {
            return () -> { };
        }

        @Override
        public void close() {
        }
    }
}
