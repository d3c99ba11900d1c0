package io.taskconsole.ui;

import io.taskconsole.TaskConsoleException;
import java.nio.file.Path;
import java.util.List;

/**
 * The desktop app's command line: {@code --smoke-test} (show the sample, render, exit) and
 * {@code --workspace=DIR}. {@code gui} is accepted so {@code task-console gui} works too.
 */
public record StartupOptions(boolean smokeTest, Path workspace) {

    public static StartupOptions parse(List<String> args) {
        boolean smoke = false;
        Path workspace = null;
        for (String arg : args) {
            if (arg.equals("--smoke-test")) {
                smoke = true;
            } else if (arg.startsWith("--workspace=")) {
                String dir = arg.substring("--workspace=".length()).strip();
                if (dir.isEmpty()) {
                    throw TaskConsoleException.badInput("--workspace= names no folder", "Use --workspace=/path/to/tasks.");
                }
                workspace = Path.of(dir);
            } else if (!arg.equals("gui")) {
                throw TaskConsoleException.badInput("Unknown option '" + arg + "' for the desktop app",
                        "Use --workspace=DIR or --smoke-test, or a CLI command such as 'submit'.");
            }
        }
        return new StartupOptions(smoke, workspace);
    }

    /** Where tasks live on a first run: {@code ~/TaskConsole/tasks}. */
    public static Path defaultWorkspace() {
        return Path.of(System.getProperty("user.home"), "TaskConsole", "tasks");
    }
}
