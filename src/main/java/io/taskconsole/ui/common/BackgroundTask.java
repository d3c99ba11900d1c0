package io.taskconsole.ui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * One piece of blocking work with its outcome delivered on the UI thread:
 * {@code executor.task(() -> load()).onSuccess(show).onFailure(banner).start()}.
 */
public final class BackgroundTask<T> {

    private final BackgroundExecutor executor;
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = result -> { };
    private Consumer<Throwable> onFailure;
    private Runnable onFinally = () -> { };

    BackgroundTask(BackgroundExecutor executor, Callable<T> work) {
        this.executor = executor;
        this.work = work;
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = handler;
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Throwable> handler) {
        this.onFailure = handler;
        return this;
    }

    /** Runs on the UI thread after success or failure. */
    public BackgroundTask<T> onFinally(Runnable handler) {
        this.onFinally = handler;
        return this;
    }

    public void start() {
        if (onFailure == null) {
            throw new IllegalStateException("A background task needs onFailure so no error goes unseen");
        }
        executor.execute(this::run);
    }

    private void run() {
        T result;
        try {
            result = work.call();
        } catch (Exception | LinkageError | AssertionError | StackOverflowError e) {
            executor.ui().execute(() -> {
                try {
                    onFailure.accept(e);
                } finally {
                    onFinally.run();
                }
            });
            return;
        }
        executor.ui().execute(() -> {
            try {
                onSuccess.accept(result);
            } finally {
                onFinally.run();
            }
        });
    }
}
