package io.taskconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BackgroundExecutorTest {

    /** An app left open in the background keeps no idle worker threads, and still works when used again. */
    @Test
    void idleWorkersEndAndNewWorkStillRuns() throws Exception {
        try (BackgroundExecutor executor = BackgroundExecutor.forApp(UiThread.direct(), Duration.ofMillis(200))) {
            Thread worker = ranOn(executor);
            assertThat(worker.getName()).startsWith("taskconsole-worker-");

            worker.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(worker.isAlive()).as("the worker after 200 ms without work").isFalse();

            assertThat(ranOn(executor).isAlive()).as("a worker for new work").isTrue();
        }
    }

    private static Thread ranOn(BackgroundExecutor executor) throws Exception {
        CompletableFuture<Thread> thread = new CompletableFuture<>();
        executor.execute(() -> thread.complete(Thread.currentThread()));
        return thread.get(10, TimeUnit.SECONDS);
    }
}
