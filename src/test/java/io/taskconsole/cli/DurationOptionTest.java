package io.taskconsole.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationOptionTest {

    @Test
    void helmStyleDurationsAreRead() {
        assertThat(InstallOptions.parseDuration("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(InstallOptions.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(InstallOptions.parseDuration(" 1h30m ")).isEqualTo(Duration.ofMinutes(90));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "5", "5 m", "-5m", "1.5h", "m"})
    void otherTextIsRefusedWithAnExample(String text) {
        assertThatThrownBy(() -> InstallOptions.parseDuration(text))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.oneLine()).contains("is not a duration").contains("90s, 5m or 1h30m");
                });
    }

    @Test
    void zeroIsRefused() {
        assertThatThrownBy(() -> InstallOptions.parseDuration("0s")).hasMessage("--timeout must be more than zero");
    }
}
