package io.taskconsole.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.helm.OutputListener.Stream;
import io.taskconsole.ui.common.BackgroundExecutor;
import io.taskconsole.ui.common.UiThread;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogViewModelTest {

    /** Delays deliveries until the test says so, like a busy FX thread would. */
    private static final class HeldExecutor {
        final List<Runnable> held = new ArrayList<>();
        final BackgroundExecutor executor = new BackgroundExecutor(UiThread.direct()) {
            @Override
            public void execute(Runnable work) {
                work.run();
            }

            @Override
            public Cancellable schedule(Runnable work, Duration delay) {
                held.add(work);
                return () -> held.remove(work);
            }

            @Override
            public Cancellable every(Runnable work, Duration period) {
                return () -> { };
            }

            @Override
            public void close() {
            }
        };

        void release() {
            List<Runnable> now = new ArrayList<>(held);
            held.clear();
            now.forEach(Runnable::run);
        }
    }

    @Test
    void manyLinesArriveInOneBatchWithOneScheduledDelivery() {
        HeldExecutor held = new HeldExecutor();
        LogViewModel log = new LogViewModel(held.executor, 1000);

        for (int i = 0; i < 500; i++) {
            log.listener().onLine(Stream.STDOUT, "line " + i);
        }

        assertThat(held.held).hasSize(1);
        assertThat(log.lines()).isEmpty();
        held.release();
        assertThat(log.lines()).hasSize(500);
        assertThat(log.batchesProperty().get()).isEqualTo(1);
    }

    @Test
    void aBurstBiggerThanOneDeliveryArrivesWholeAndInOrderOverSeveralDeliveries() {
        HeldExecutor held = new HeldExecutor();
        LogViewModel log = new LogViewModel(held.executor, 100_000);
        int burst = LogViewModel.MAX_PER_DELIVERY * 2 + 7;

        for (int i = 1; i <= burst; i++) {
            log.listener().onLine(Stream.STDOUT, "\u001b[32mline\u001b[0m " + i);
        }
        held.release();
        assertThat(log.lines()).hasSize(LogViewModel.MAX_PER_DELIVERY);
        while (!held.held.isEmpty()) {
            held.release();
        }

        assertThat(log.lines()).hasSize(burst);
        for (int i = 0; i < burst; i++) {
            assertThat(log.lines().get(i).plain()).isEqualTo("line " + (i + 1));
            assertThat(log.lines().get(i).number()).isEqualTo(i + 1);
        }
        assertThat(log.lines().get(burst - 1).spans().get(0).style().foreground()).isNotNull();
    }

    @Test
    void theBufferKeepsOnlyTheNewestLines() {
        LogViewModel log = new LogViewModel(BackgroundExecutor.sameThread(), 100);

        for (int i = 1; i <= 250; i++) {
            log.listener().onLine(Stream.STDOUT, "line " + i);
        }

        assertThat(log.lines()).hasSize(100);
        assertThat(log.lines().get(0).plain()).isEqualTo("line 151");
        assertThat(log.droppedProperty().get()).isEqualTo(150);
    }

    @Test
    void searchFindsMatchesAcrossStreamsAndStepsThroughThem() {
        LogViewModel log = new LogViewModel(BackgroundExecutor.sameThread());
        log.listener().onLine(Stream.STDOUT, "Release \"svc-task-1-run-1\" does not exist. Installing it now.");
        log.listener().onLine(Stream.STDERR, "\u001b[31mError: INSTALLATION FAILED\u001b[0m");
        log.listener().onLine(Stream.STDOUT, "all fine");

        log.queryProperty().set("install");

        assertThat(log.matchCountProperty().get()).isEqualTo(2);
        assertThat(log.nextMatch()).isEqualTo(0);
        assertThat(log.nextMatch()).isEqualTo(1);
        assertThat(log.nextMatch()).isEqualTo(0);
        assertThat(log.followTailProperty().get()).isFalse();
    }

    @Test
    void savedTextKeepsStderrApartAndDropsEscapeCodes() {
        LogViewModel log = new LogViewModel(BackgroundExecutor.sameThread());
        log.listener().onLine(Stream.STDOUT, "out");
        log.listener().onLine(Stream.STDERR, "\u001b[1merr\u001b[0m");
        log.info("note");

        assertThat(log.text()).isEqualTo("out\n[stderr] err\n# note\n");
        log.clear();
        assertThat(log.lines()).isEmpty();
    }
}
