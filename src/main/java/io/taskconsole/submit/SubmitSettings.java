package io.taskconsole.submit;

import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.WorkspaceClaims;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How and where to submit: the cluster target, the chart, helm's path and options, and the
 * workspace volume to create for a service that has none.
 */
public record SubmitSettings(KubeTarget target, ChartSource chart, Path helmPath, Duration timeout, boolean waitForResources,
                             List<Path> extraValues, String storageClass, String storageSize) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public SubmitSettings {
        chart = chart == null ? new ChartSource.Bundled() : chart;
        timeout = timeout == null ? DEFAULT_TIMEOUT : timeout;
        extraValues = extraValues == null ? List.of() : List.copyOf(extraValues);
        storageClass = storageClass == null ? WorkspaceClaims.DEFAULT_STORAGE_CLASS : storageClass;
        storageSize = storageSize == null ? WorkspaceClaims.DEFAULT_SIZE : storageSize;
    }

    public static SubmitSettings defaults(KubeTarget target) {
        return new SubmitSettings(target, null, null, null, false, null, null, null);
    }

    public SubmitSettings withTarget(KubeTarget newTarget) {
        return new SubmitSettings(newTarget, chart, helmPath, timeout, waitForResources, extraValues, storageClass, storageSize);
    }
}
