package io.taskconsole.testkube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class ToolRunTest {

    private static Path tool(String name) {
        return ToolBinaries.find(name, "testkube.no-such-property").orElseThrow();
    }

    @Test
    void returnsExitCodeAndOutputOfAnArgumentList() {
        ToolResult result = ToolRun.of(tool("printf"), "%s|%s", "two words", "$HOME").run();

        assertThat(result.succeeded()).isTrue();
        assertThat(result.output()).as("arguments reach the program as they are, no shell").isEqualTo("two words|$HOME");
    }

    @Test
    void reportsAFailingExitCode() {
        ToolResult result = ToolRun.of(tool("ls"), "/no/such/path/testkube").run();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.exitCode()).isPositive();
        assertThat(result.timedOut()).isFalse();
        assertThat(result.toString()).contains("/no/such/path/testkube").contains("-> exit " + result.exitCode());
    }

    @Test
    void theHangGuardKillsAProcessThatDoesNotEnd() {
        ToolResult result = ToolRun.of(tool("sleep"), "300").timeout(Duration.ofMillis(300)).run();

        assertThat(result.timedOut()).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.toString()).contains("killed by the hang guard");
    }

    @Test
    void passesExtraEnvironmentVariables(@TempDir Path dir) {
        ToolResult result = ToolRun.of(tool("env")).env("TESTKUBE_MARK", "present").in(dir).run();

        assertThat(result.output()).contains("TESTKUBE_MARK=present");
    }

    @Test
    void aMissingToolSkipsTheTestSayingWhy(@TempDir Path dir) {
        String before = System.getProperty("taskconsole.kubectl");
        System.setProperty("taskconsole.kubectl", dir.resolve("no-kubectl").toString());
        try {
            assertThatThrownBy(ToolBinaries::kubectl)
                    .isInstanceOf(TestAbortedException.class)
                    .hasMessageContaining("taskconsole.kubectl")
                    .hasMessageContaining("no-kubectl");
        } finally {
            if (before == null) {
                System.clearProperty("taskconsole.kubectl");
            } else {
                System.setProperty("taskconsole.kubectl", before);
            }
        }
    }

    @Test
    void aConfiguredPathThatIsNotExecutableIsNotFound(@TempDir Path dir) {
        System.setProperty("testkube.test.tool", dir.resolve("missing-helm").toString());
        try {
            assertThat(ToolBinaries.find("helm", "testkube.test.tool")).isEmpty();
        } finally {
            System.clearProperty("testkube.test.tool");
        }
    }
}
