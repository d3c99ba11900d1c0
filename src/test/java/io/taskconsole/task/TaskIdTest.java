package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"0", "-3", "abc", "1.5", "", "1e3", "12345678901234567890"})
    void textThatIsNotAPositiveIntegerIsRefusedNamingTheText(String text) {
        assertThatThrownBy(() -> TaskId.parse(text))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(text).contains("is not a positive integer");
                    assertThat(e.fix()).contains("1 or more");
                });
    }

    @Test
    void surroundingSpacesAreAllowed() {
        assertThat(TaskId.parse(" 7 ")).isEqualTo(new TaskId(7));
        assertThat(TaskId.parse(" 7 ").toString()).isEqualTo("7");
    }

    @Test
    void nullIsRefusedLikeEmptyText() {
        assertThatThrownBy(() -> TaskId.parse(null))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessage("Task id '' is not a positive integer");
    }

    @Test
    void idsSortNumericallyNotAsText() {
        assertThat(TaskId.parse("9")).isLessThan(TaskId.parse("10"));
    }
}
