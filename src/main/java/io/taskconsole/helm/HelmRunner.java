package io.taskconsole.helm;

import io.taskconsole.TaskConsoleException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Starts helm commands and streams their output.
 *
 * <p><b>Threading.</b> Each run gets two daemon reader threads (stdout, stderr) and a daemon
 * waiter thread, all named after helm's pid. The listener is called on those threads, one line
 * at a time per stream, and also on the thread that calls {@link HelmProcess#cancel()} for its
 * {@link OutputListener.Stream#INFO} notes; so it must be thread-safe and should be quick. A slow
 * listener does not deadlock helm: it only slows the reading of its own stream, helm then waits
 * for pipe space, and the other stream keeps flowing. A UI should append lines to a buffer and
 * repaint in batches on its own thread rather than touch controls from the listener.
 *
 * <p>helm runs with the user's environment, so kubeconfig exec plugins and {@code HELM_*}
 * settings work, except the {@code HELM_KUBE*} ones, which would point helm at another cluster or
 * user than the one the app resolved (see {@link #clearTargetOverrides}); helm's own directory is appended to {@code PATH} because a desktop launch often
 * lacks it and plugins are commonly installed next to helm.
 */
public final class HelmRunner {

    public static final Duration DEFAULT_CANCEL_GRACE = Duration.ofSeconds(5);
    public static final Duration DEFAULT_WATCHDOG_MARGIN = Duration.ofSeconds(60);
    public static final Duration DEFAULT_WATCHDOG_WITHOUT_TIMEOUT = Duration.ofMinutes(10);

    private final Duration cancelGrace;
    private final Duration watchdogMargin;
    private final Duration watchdogWithoutTimeout;

    public HelmRunner() {
        this(DEFAULT_CANCEL_GRACE, DEFAULT_WATCHDOG_MARGIN, DEFAULT_WATCHDOG_WITHOUT_TIMEOUT);
    }

    /**
     * @param cancelGrace how long helm may take to stop after SIGTERM before it and its children
     *     are killed; helm ignores SIGTERM while it waits for resources, so keep it short
     * @param watchdogMargin added to a command's own {@code --timeout} before the watchdog ends it
     * @param watchdogWithoutTimeout the watchdog for commands that have no {@code --timeout}
     */
    public HelmRunner(Duration cancelGrace, Duration watchdogMargin, Duration watchdogWithoutTimeout) {
        this.cancelGrace = positive(cancelGrace, "cancelGrace");
        this.watchdogMargin = Objects.requireNonNull(watchdogMargin, "watchdogMargin");
        this.watchdogWithoutTimeout = positive(watchdogWithoutTimeout, "watchdogWithoutTimeout");
    }

    /** Starts the command; its watchdog is the command's {@code --timeout} plus the margin. */
    public HelmProcess start(HelmCommand command, OutputListener listener) {
        Duration watchdog = command.timeout().map(t -> t.plus(watchdogMargin)).orElse(watchdogWithoutTimeout);
        return start(command, listener, watchdog);
    }

    /** Starts the command with an explicit watchdog: after it, helm is ended and the result marked timed out. */
    public HelmProcess start(HelmCommand command, OutputListener listener, Duration watchdog) {
        Objects.requireNonNull(listener, "listener");
        positive(watchdog, "watchdog");
        ProcessBuilder builder = new ProcessBuilder(command.commandLine())
                .redirectInput(ProcessBuilder.Redirect.PIPE);
        List<String> cleared = clearTargetOverrides(builder.environment());
        if (!cleared.isEmpty()) {
            listener.onLine(OutputListener.Stream.INFO, "Not passing " + String.join(", ", cleared)
                    + " from your environment to helm: Task Console names the cluster, context and namespace itself");
        }
        builder.environment().putAll(command.environment());
        appendToPath(builder.environment(), command.binary().path().toAbsolutePath().getParent());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw TaskConsoleException.failed(
                    "Could not start helm at " + command.binary().path() + ": " + e.getMessage(),
                    "Check the helm path in Settings / --helm and that the file is executable.",
                    e);
        }
        closeQuietly(process);
        return HelmProcess.started(command, process, listener, watchdog, cancelGrace);
    }

    private static void closeQuietly(Process process) {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // helm reads nothing from stdin; a failed close changes nothing.
        }
    }

    /**
     * Removes the {@code HELM_KUBE*} variables (context, API server, token, CA, impersonation, ...):
     * with them helm would talk to another cluster, or as another user, than the one fabric8 just
     * created the attempt's ConfigMap in. ({@code KUBECONFIG} needs no removing: the command names
     * its files.) Returns the names removed, never their values.
     */
    static List<String> clearTargetOverrides(Map<String, String> environment) {
        List<String> cleared = new java.util.ArrayList<>();
        for (String name : List.copyOf(environment.keySet())) {
            // Windows names variables case-insensitively: Helm_KubeContext counts too.
            if (name.toUpperCase(java.util.Locale.ROOT).startsWith("HELM_KUBE")) {
                environment.remove(name);
                cleared.add(name);
            }
        }
        java.util.Collections.sort(cleared);
        return cleared;
    }

    private static void appendToPath(Map<String, String> environment, Path dir) {
        if (dir == null) {
            return;
        }
        String key = environment.keySet().stream().filter(k -> k.equalsIgnoreCase("PATH")).findFirst().orElse("PATH");
        String path = environment.getOrDefault(key, "");
        String entry = dir.toString();
        for (String existing : path.split(File.pathSeparator)) {
            if (existing.equals(entry)) {
                return;
            }
        }
        environment.put(key, path.isEmpty() ? entry : path + File.pathSeparator + entry);
    }

    private static Duration positive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + duration);
        }
        return duration;
    }
}
