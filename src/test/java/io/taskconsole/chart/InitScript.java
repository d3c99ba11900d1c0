package io.taskconsole.chart;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskconsole.testkube.ToolBinaries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the chart's {@code prepare-workspace.sh} as the init container would, against temp folders.
 * {@link Shell#BUSYBOX} gives the script only busybox's applets on PATH, like the busybox image;
 * {@link Shell#POSIX_SH} runs it with the machine's {@code sh} and tools.
 */
final class InitScript {

    enum Shell { BUSYBOX, POSIX_SH }

    private final Shell shell;
    private final Path tools;
    private final Path scratch;

    private InitScript(Shell shell, Path tools, Path scratch) {
        this.shell = shell;
        this.tools = tools;
        this.scratch = scratch;
        try {
            Files.createDirectories(scratch);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts one of the machine's programs (such as git, which the alpine/git image has beside
     * busybox) on the busybox shell's PATH; the POSIX shell has the machine's PATH already.
     */
    InitScript withTool(String name) {
        if (shell == Shell.BUSYBOX) {
            Path program = ToolBinaries.onPath(name).orElseThrow(() -> new IllegalStateException(name + " is not installed"));
            try {
                Files.deleteIfExists(tools.resolve(name));
                Files.createSymbolicLink(tools.resolve(name), program);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return this;
    }

    /** The script's TMPDIR; it must be empty after every run. */
    Path scratch() {
        return scratch;
    }

    /** Skips the test when the shell is not installed here. */
    static InitScript with(Shell shell, Path temp) {
        if (shell == Shell.POSIX_SH) {
            Optional<Path> sh = ToolBinaries.onPath("sh");
            assumeTrue(sh.isPresent(), "no sh on PATH");
            return new InitScript(shell, null, temp.resolve("tmp"));
        }
        Optional<Path> busybox = Optional.of(Path.of("/usr/bin/busybox")).filter(Files::isExecutable)
                .or(() -> ToolBinaries.onPath("busybox"));
        assumeTrue(busybox.isPresent(), "busybox not installed (CI installs it with apt-get)");
        Path applets = temp.resolve("busybox-bin");
        try {
            Files.createDirectories(applets);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Helm.Result installed = Helm.Processes.run(
                new ProcessBuilder(busybox.get().toString(), "--install", "-s", applets.toString()), 60);
        if (!installed.ok()) {
            throw new IllegalStateException("busybox --install failed: " + installed);
        }
        return new InitScript(shell, applets, temp.resolve("tmp"));
    }

    Helm.Result run(Path config, Path workspace, Map<String, String> taskEnv) {
        return runCommand(List.of("sh", ChartFixture.initScript().toString()), config, workspace, taskEnv);
    }

    /**
     * Runs a container command such as {@code [sh, -c, <script>, prepare-workspace]} with this
     * shell, pointing the folders at temp dirs.
     */
    Helm.Result runCommand(List<String> containerCommand, Path config, Path workspace, Map<String, String> taskEnv) {
        if (!containerCommand.get(0).equals("sh")) {
            throw new IllegalArgumentException("expected a command that starts with sh: " + containerCommand);
        }
        List<String> command = new ArrayList<>(containerCommand);
        command.set(0, shell == Shell.BUSYBOX ? tools.resolve("sh").toString() : "sh");
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> env = builder.environment();
        String path = shell == Shell.BUSYBOX ? tools.toString() : System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        env.clear();
        env.put("PATH", path);
        env.put("CONFIG_DIR", config.toString());
        env.put("WORKSPACE_DIR", workspace.toString());
        env.put("TMPDIR", scratch.toString());
        taskEnv.forEach((name, value) -> {
            if (!List.of("CONFIG_DIR", "WORKSPACE_DIR", "TMPDIR").contains(name)) {
                env.put(name, value);
            }
        });
        return Helm.Processes.run(builder, 60);
    }

    Helm.Result run(Path config, Path workspace, long taskId, String service, int attempt) {
        return run(config, workspace, Map.of("TASK_ID", Long.toString(taskId), "SERVICE_NAME", service,
                "ATTEMPT", Integer.toString(attempt)));
    }
}
