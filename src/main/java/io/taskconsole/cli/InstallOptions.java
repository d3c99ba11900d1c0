package io.taskconsole.cli;

import io.taskconsole.submit.SubmitSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** How helm installs an attempt: only the commands that install one ({@code submit}, {@code retry}). */
final class InstallOptions {

    @Option(names = "--wait", description = "Let helm wait until the Job's resources are ready.")
    boolean waitForResources;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5m",
            description = "How long helm may take, e.g. 90s, 5m, 1h (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--storage-class", paramLabel = "NAME",
            description = "Storage class of a service's new workspace volume (default: "
                    + SubmitSettings.DEFAULT_STORAGE_CLASS + ").")
    String storageClass;

    /** {@code base} (target, chart, helm, values) with these install options. */
    SubmitSettings settings(SubmitSettings base) {
        return new SubmitSettings(base.target(), base.chart(), base.helmPath(), parseDuration(timeout), waitForResources,
                base.extraValues(), storageClass, base.storageSize());
    }

    static Duration parseDuration(String text) {
        return SubmitSettings.parseTimeout(text, "--timeout");
    }
}
