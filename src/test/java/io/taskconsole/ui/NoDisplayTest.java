package io.taskconsole.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.testkube.ToolResult;
import io.taskconsole.testkube.ToolRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/** Starting the desktop app where there is no display: one line that says so, exit code 1, no stack trace. */
@EnabledOnOs(OS.LINUX)
class NoDisplayTest {

    @TempDir
    Path home;

    @Test
    void withoutADisplayTheAppSaysSoInOneLine() {
        // The real launcher in a JVM of its own, with GTK's display variables empty (JavaFX's own
        // platform, not the tests' headless one).
        ToolResult result = ToolRun.of(Path.of(System.getProperty("java.home"), "bin", "java"),
                        "-cp", System.getProperty("java.class.path"), "-Duser.home=" + home, "io.taskconsole.Launcher")
                .env("DISPLAY", "")
                .env("WAYLAND_DISPLAY", "")
                .run();

        assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
        assertThat(result.output())
                .contains("task-console: the window cannot open: Unable to open DISPLAY (no graphical display here).")
                .contains("run it with --help")
                .doesNotContain("Exception in thread")
                .doesNotContain("\tat ");
    }
}
