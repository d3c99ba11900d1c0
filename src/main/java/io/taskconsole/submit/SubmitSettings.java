package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.WorkspaceClaims;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How and where to submit: the cluster target, the chart, helm's path and options, and the
 * workspace volume to create for a service that has none.
 */
public record SubmitSettings(KubeTarget target, ChartSource chart, Path helmPath, Duration timeout, boolean waitForResources,
                             List<Path> extraValues, String storageClass, String storageSize) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);
    public static final String DEFAULT_STORAGE_CLASS = WorkspaceClaims.DEFAULT_STORAGE_CLASS;
    private static final Pattern DURATION = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

    public SubmitSettings {
        chart = chart == null ? new ChartSource.Bundled() : chart;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        extraValues = extraValues == null ? List.of() : List.copyOf(extraValues);
        storageClass = storageClass == null ? WorkspaceClaims.DEFAULT_STORAGE_CLASS : storageClass;
        storageSize = storageSize == null ? WorkspaceClaims.DEFAULT_SIZE : storageSize;
    }

    /** helm's duration form ({@code 90s}, {@code 5m}, {@code 1h30m}), as the CLI and the console take it. */
    public static Duration parseTimeout(String text) {
        return parseTimeout(text, "The timeout");
    }

    /** As {@link #parseTimeout(String)}; {@code field} names the setting in messages, e.g. {@code --timeout}. */
    public static Duration parseTimeout(String text, String field) {
        Matcher m = DURATION.matcher(text == null ? "" : text.strip());
        if (text == null || text.isBlank() || !m.matches()) {
            throw TaskConsoleException.badInput(field + " '" + text + "' is not a duration",
                    "Use helm's form, e.g. 90s, 5m or 1h30m.");
        }
        long seconds = group(m, 1) * 3600 + group(m, 2) * 60 + group(m, 3);
        if (seconds <= 0) {
            throw TaskConsoleException.badInput(field + " must be more than zero", "Use e.g. 5m.");
        }
        return Duration.ofSeconds(seconds);
    }

    /** The form {@link #parseTimeout} reads, e.g. {@code 5m} or {@code 1h30m}. */
    public static String formatTimeout(Duration timeout) {
        long s = timeout.toSeconds();
        String text = (s / 3600 > 0 ? s / 3600 + "h" : "") + (s % 3600 / 60 > 0 ? s % 3600 / 60 + "m" : "")
                + (s % 60 > 0 ? s % 60 + "s" : "");
        return text.isEmpty() ? "0s" : text;
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }

    public SubmitSettings withTarget(KubeTarget newTarget) {
        return new SubmitSettings(newTarget, chart, helmPath, timeout, waitForResources, extraValues, storageClass, storageSize);
    }
}
