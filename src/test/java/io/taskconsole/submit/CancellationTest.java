package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CancellationTest {

    @Test
    void cancellingStopsWhatWasRegisteredOnce() {
        Cancellation cancel = new Cancellation();
        AtomicInteger stopped = new AtomicInteger();
        cancel.onCancel(stopped::incrementAndGet);
        cancel.throwIfCancelled();

        cancel.cancel();
        cancel.cancel();

        assertThat(stopped).hasValue(1);
        assertThatThrownBy(cancel::throwIfCancelled)
                .isInstanceOfSatisfying(TaskConsoleException.class,
                        e -> assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.CANCELLED));
    }

    @Test
    void somethingRegisteredAfterCancelIsStoppedAtOnce() {
        Cancellation cancel = Cancellation.none();
        cancel.cancel();
        AtomicInteger stopped = new AtomicInteger();
        cancel.onCancel(stopped::incrementAndGet);
        assertThat(stopped).hasValue(1);
    }
}
