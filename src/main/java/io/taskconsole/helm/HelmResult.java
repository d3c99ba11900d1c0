package io.taskconsole.helm;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a helm run ended.
 *
 * @param exitCode the process's exit code ({@code 128 + n} when a signal {@code n} ended it on Unix)
 * @param cancelled the user cancelled it while it ran
 * @param timedOut the runner's watchdog ended it because it outlived its time
 * @param stderrTail the last lines helm wrote to stderr, for error messages
 */
public record HelmResult(int exitCode, Duration duration, boolean cancelled, boolean timedOut, List<String> stderrTail) {

    public HelmResult {
        Objects.requireNonNull(duration, "duration");
        stderrTail = List.copyOf(stderrTail);
    }

    /** Exit code 0, and nobody had to end it. */
    public boolean succeeded() {
        return exitCode == 0 && !cancelled && !timedOut;
    }
}
