package io.taskconsole.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one place the console runs work off the FX thread: a small pool of daemon threads for
 * blocking work (files, helm, the cluster), a smaller one for CPU-bound work (parsing the Markdown
 * for highlighting, the preview and the criteria), a timer for debouncing, and the {@link UiThread}
 * that results are delivered on. A {@linkplain #sameThread() same-thread} variant makes view-model
 * tests deterministic.
 *
 * <p>Why two pools: opening or pasting a megabyte starts three parses of it at once. On a 2-core
 * machine four busy workers left the FX thread and the renderer a fraction of a core, and the
 * window stopped drawing for a third of a second (the FX thread itself idle, its pulses waiting for
 * a core). CPU-bound work runs on one thread fewer than there are cores, so one is always left to
 * the interface, and the smallest job first: the few lines on screen are highlighted before the
 * whole file is parsed for the preview.
 */
public class BackgroundExecutor implements AutoCloseable {

    private final ExecutorService workers;
    private final ExecutorService compute;
    private final ScheduledExecutorService timer;
    private final UiThread ui;
    private final AtomicLong computeOrder = new AtomicLong();

    private BackgroundExecutor(ExecutorService workers, ExecutorService compute, ScheduledExecutorService timer,
                               UiThread ui) {
        this.workers = workers;
        this.compute = compute;
        this.timer = timer;
        this.ui = ui;
    }

    /**
     * For an executor that runs work its own way by overriding {@link #execute}, {@link #schedule}
     * and {@link #every} (the same-thread one; tests that hold work back): it has no threads.
     */
    protected BackgroundExecutor(UiThread ui) {
        this(null, null, null, ui);
    }

    /**
     * The app's executor: four workers for blocking work, one thread fewer than the cores (at least
     * one) for CPU-bound work, and one timer thread, all daemons so they never keep the JVM alive.
     */
    public static BackgroundExecutor forApp(UiThread ui) {
        return withComputeThreads(ui, Math.max(1, Runtime.getRuntime().availableProcessors() - 1));
    }

    static BackgroundExecutor withComputeThreads(UiThread ui, int computeThreads) {
        return new BackgroundExecutor(
                Executors.newFixedThreadPool(4, daemons("taskconsole-worker")),
                new ThreadPoolExecutor(computeThreads, computeThreads, 0, TimeUnit.MILLISECONDS,
                        new PriorityBlockingQueue<>(), daemons("taskconsole-compute")),
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

    /**
     * Starts building a task of CPU-bound work (a parse), run on the compute threads smallest
     * {@code size} first (the length of the text it reads); its result is delivered on the UI thread.
     */
    public <T> BackgroundTask<T> computeTask(long size, Callable<T> work) {
        return new BackgroundTask<>(this, work, size);
    }

    /**
     * Runs CPU-bound {@code work} on a compute thread, before queued work of a larger {@code size}
     * (in the order given among equal sizes). An executor without threads runs it as {@link #execute}.
     */
    public void compute(Runnable work, long size) {
        if (compute == null) {
            execute(work);
        } else if (!compute.isShutdown()) {
            compute.execute(new Ranked(work, size, computeOrder.getAndIncrement()));
        }
    }

    /** Compute work in its queue: smaller first, then first come. */
    private record Ranked(Runnable work, long size, long order) implements Runnable, Comparable<Ranked> {
        @Override
        public void run() {
            work.run();
        }

        @Override
        public int compareTo(Ranked other) {
            int bySize = Long.compare(size, other.size);
            return bySize != 0 ? bySize : Long.compare(order, other.order);
        }
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
        if (compute != null) {
            compute.shutdownNow();
        }
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
