package io.taskconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CPU-bound work waits its turn on the compute threads, the smallest first, and never holds up
 * blocking work: a parse of the lines on screen goes before a parse of the whole file queued
 * earlier, and a cluster call is not queued behind either.
 */
class BackgroundExecutorTest {

    /** Hang guard, not a speed requirement. */
    private static final long WAIT_SECONDS = 30;

    private final BackgroundExecutor executor = BackgroundExecutor.withComputeThreads(UiThread.direct(), 1);
    private final List<String> ran = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        executor.close();
    }

    @Test
    void queuedComputeWorkRunsSmallestFirstThenInTheOrderGiven() throws Exception {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        executor.compute(() -> {
            busy.countDown();
            await(release);
        }, 5);
        assertThat(busy.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        CountDownLatch done = new CountDownLatch(4);
        for (String job : List.of("whole file:1000000", "window:3000", "criteria:2000000", "second window:3000")) {
            String[] parts = job.split(":");
            executor.compute(() -> {
                ran.add(parts[0]);
                done.countDown();
            }, Long.parseLong(parts[1]));
        }
        release.countDown();

        assertThat(done.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("window", "second window", "whole file", "criteria");
    }

    @Test
    void blockingWorkRunsWhileTheComputeThreadsAreBusy() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        executor.compute(() -> await(release), 1_000_000);
        CountDownLatch ranBlocking = new CountDownLatch(1);
        executor.execute(ranBlocking::countDown);
        try {
            assertThat(ranBlocking.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        } finally {
            release.countDown();
        }
    }

    @Test
    void aComputeTaskDeliversItsResultAsAnyTaskDoes() throws Exception {
        CountDownLatch delivered = new CountDownLatch(1);
        executor.computeTask(4, () -> "done").onSuccess(result -> {
            ran.add(result);
            delivered.countDown();
        }).onFailure(e -> ran.add("failed: " + e)).start();

        assertThat(delivered.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(ran).containsExactly("done");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
