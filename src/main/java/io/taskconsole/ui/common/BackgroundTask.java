package io.taskconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of blocking work with its outcome delivered on the UI thread:
 * {@code executor.task(() -> load()).onSuccess(show).onFailure(banner).start()}. {@link #start()}
 * returns a handle: a cancelled task does not run if it has not begun, and delivers nothing (no
 * success, failure or finally) if it has. Work whose newer run makes an older one stale (a render,
 * a refresh) is started {@linkplain #latestIn in a LatestOnly slot}, which cancels the older one.
 */
public final class BackgroundTask<T> {

    private final BackgroundExecutor executor;
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinally = () -> { };
    private LatestOnly slot;
    /** The size of CPU-bound work (run on the compute threads), or -1 for blocking work. */
    private final long computeSize;
    private volatile boolean cancelled;
    private boolean started;

    BackgroundTask(BackgroundExecutor executor, Callable<T> work) {
        this(executor, work, -1);
    }

    BackgroundTask(BackgroundExecutor executor, Callable<T> work, long computeSize) {
        this.executor = executor;
        this.work = work;
        this.computeSize = computeSize;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = handler;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** Runs on the UI thread after success or failure (not after a cancel). */
    public BackgroundTask<T> onFinally(Runnable handler) {
        this.onFinally = handler;
        return this;
    }

    /** Latest result wins: starting this task cancels the one started before it in {@code slot}. */
    public BackgroundTask<T> latestIn(LatestOnly slot) {
        this.slot = slot;
        return this;
    }

    /** Starts the work on a worker thread (call on the UI thread); the handle cancels it. */
    public BackgroundExecutor.Cancellable start() {
        if (onFailure == null) {
            throw new IllegalStateException("A background task needs onFailure so no error goes unseen");
        }
        if (started) {
            throw new IllegalStateException("A background task starts once");
        }
        started = true;
        if (slot != null) {
            slot.start(this);
        } else {
            dispatch(this::run);
        }
        return this::cancel;
    }

    void cancel() {
        cancelled = true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** Hands the work to a worker; {@code done} runs on the UI thread when it has ended, cancelled or not. */
    void runThen(Runnable done) {
        dispatch(() -> {
            if (cancelled) {
                executor.ui().execute(done);
                return;
            }
            runWork(done);
        });
    }

    private void dispatch(Runnable job) {
        if (computeSize < 0) {
            executor.execute(job);
        } else {
            executor.compute(job, computeSize);
        }
    }

    private void run() {
        if (!cancelled) {
            runWork(() -> { });
        }
    }

    private void runWork(Runnable done) {
        T result;
        try {
            result = work.call();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            executor.ui().execute(() -> deliver(done, () -> onFailure.accept(e)));
            return;
        }
        executor.ui().execute(() -> deliver(done, () -> onSuccess.accept(result)));
    }

    private void deliver(Runnable done, Runnable outcome) {
        done.run();
        if (cancelled) {
            return;
        }
        try {
            outcome.run();
        } finally {
            onFinally.run();
        }
    }
}
