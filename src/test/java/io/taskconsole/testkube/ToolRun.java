package io.taskconsole.testkube;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a binary with an argument list (never a shell string) and returns its exit code and
 * combined output; a hang guard kills the process tree after a timeout so a broken server fails
 * the test instead of stalling CI.
 *
 * <p>The child inherits no {@code KUBECONFIG} and no {@code HELM_KUBE*} variables from the test
 * JVM, so a stray setting can never point a test at a real cluster; a test passes
 * {@code --kubeconfig}, or sets {@code KUBECONFIG} itself with {@link #env(String, String)}.
 *
 * <pre>{@code
 * ToolResult result = ToolRun.of(ToolBinaries.helm(), "list", "-n", "orchestrator", "--kubeconfig", kc.toString())
 *         .timeout(Duration.ofSeconds(90)).run();
 * }</pre>
 */
public final class ToolRun {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

    private final List<String> command;
    private final Map<String, String> environment;
    private final Duration timeout;
    private final Path workingDirectory;

    private ToolRun(List<String> command, Map<String, String> environment, Duration timeout, Path workingDirectory) {
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
        this.workingDirectory = workingDirectory;
    }

    public static ToolRun of(Path binary, String... args) {
        return of(binary, List.of(args));
    }

    public static ToolRun of(Path binary, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(binary.toString());
        command.addAll(args);
        return new ToolRun(command, Map.of(), DEFAULT_TIMEOUT, null);
    }

    /** Kill the process (and its children) after this long; default two minutes. */
    public ToolRun timeout(Duration timeout) {
        return new ToolRun(command, environment, timeout, workingDirectory);
    }

    /** An extra environment variable for the child, e.g. {@code HELM_CACHE_HOME}. */
    public ToolRun env(String name, String value) {
        Map<String, String> env = new LinkedHashMap<>(environment);
        env.put(name, value);
        return new ToolRun(command, env, timeout, workingDirectory);
    }

    public ToolRun in(Path directory) {
        return new ToolRun(command, environment, timeout, directory);
    }

    public ToolResult run() {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.equals("KUBECONFIG") || name.startsWith("HELM_KUBE"));
        builder.environment().putAll(environment);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        Process process;
        try {
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> copy(process.getInputStream(), output), "toolrun-output");
        reader.setDaemon(true);
        reader.start();
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
        String text;
        synchronized (output) {
            text = output.toString(StandardCharsets.UTF_8);
        }
        return new ToolResult(command, finished ? process.exitValue() : -1, text, !finished);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // The process was killed by the hang guard; what was read so far is kept.
        }
    }
}
