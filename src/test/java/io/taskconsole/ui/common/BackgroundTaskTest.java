package io.taskconsole.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A started task can be cancelled, and a LatestOnly slot delivers only the newest task's result. */
class BackgroundTaskTest {

    /** Holds work back until the test runs it, so the order of runs and deliveries is the test's. */
    private static final class HeldWork extends BackgroundExecutor {
        final Deque<Runnable> queued = new ArrayDeque<>();

        HeldWork() {
            super(UiThread.direct());
        }

        @Override
        public void execute(Runnable work) {
            queued.add(work);
        }

        @Override
        public Cancellable schedule(Runnable work, Duration delay) {
            return () -> { };
        }

        @Override
        public Cancellable every(Runnable work, Duration period) {
            return () -> { };
        }

        void runNext() {
            queued.removeFirst().run();
        }
    }

    private final HeldWork executor = new HeldWork();
    private final List<String> ran = new ArrayList<>();
    private final List<String> delivered = new ArrayList<>();

    private BackgroundTask<String> task(String name) {
        return executor.task(() -> {
            ran.add(name);
            return name;
        }).onSuccess(delivered::add).onFailure(e -> delivered.add("failed " + name)).onFinally(() -> delivered.add("finally " + name));
    }

    @Test
    void aTaskCancelledBeforeItRunsNeverRuns() {
        task("a").start().cancel();
        executor.runNext();
        assertThat(ran).isEmpty();
        assertThat(delivered).isEmpty();
    }

    @Test
    void aTaskCancelledWhileItRunsDeliversNothing() {
        BackgroundExecutor.Cancellable handle = executor.task(() -> {
            ran.add("a");
            return "a";
        }).onSuccess(delivered::add).onFailure(e -> delivered.add("failed")).start();
        handle.cancel();
        executor.runNext();
        assertThat(delivered).isEmpty();
    }

    @Test
    void anUncancelledTaskDeliversItsResultThenFinally() {
        task("a").start();
        executor.runNext();
        assertThat(delivered).containsExactly("a", "finally a");
    }

    @Test
    void inAParallelSlotTheOlderTaskThatFinishesLastIsDropped() {
        LatestOnly slot = LatestOnly.parallel();
        task("old").latestIn(slot).start();
        task("new").latestIn(slot).start();
        assertThat(executor.queued).hasSize(2);
        Runnable old = executor.queued.removeFirst();
        executor.runNext();
        old.run();
        assertThat(ran).containsExactly("new");
        assertThat(delivered).containsExactly("new", "finally new");
    }

    @Test
    void inAOneAtATimeSlotOnlyTheNewestWaitingTaskRunsAfterTheRunningOne() {
        LatestOnly slot = LatestOnly.oneAtATime();
        task("first").latestIn(slot).start();
        task("second").latestIn(slot).start();
        task("third").latestIn(slot).start();
        assertThat(executor.queued).as("the later tasks wait for the running one").hasSize(1);
        executor.runNext();
        assertThat(executor.queued).hasSize(1);
        executor.runNext();
        assertThat(executor.queued).isEmpty();
        assertThat(ran).as("the first was cancelled before it began").containsExactly("third");
        assertThat(delivered).containsExactly("third", "finally third");
    }

    @Test
    void cancellingTheSlotDropsWhatWasStartedInIt() {
        LatestOnly slot = LatestOnly.oneAtATime();
        task("a").latestIn(slot).start();
        task("b").latestIn(slot).start();
        slot.cancel();
        executor.runNext();
        assertThat(executor.queued).isEmpty();
        assertThat(delivered).isEmpty();
        task("c").latestIn(slot).start();
        executor.runNext();
        assertThat(delivered).containsExactly("c", "finally c");
    }
}
