package io.taskconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupOptionsTest {

    @Test
    void noArgumentsMeansTheRememberedOrDefaultWorkspace() {
        assertThat(StartupOptions.parse(List.of())).isEqualTo(new StartupOptions(false, null));
    }

    @Test
    void smokeTestAndWorkspaceAreRead() {
        assertThat(StartupOptions.parse(List.of("--smoke-test", "--workspace=/tmp/tasks")))
                .isEqualTo(new StartupOptions(true, Path.of("/tmp/tasks")));
    }

    @Test
    void anUnknownOptionSaysWhatToUseInstead() {
        assertThatThrownBy(() -> StartupOptions.parse(List.of("--wrkspace=x")))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("--wrkspace=x")
                .satisfies(e -> assertThat(((TaskConsoleException) e).oneLine()).contains("--workspace=DIR"));
    }
}
