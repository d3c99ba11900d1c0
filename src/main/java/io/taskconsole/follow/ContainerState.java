package io.taskconsole.follow;

import java.time.Instant;

/**
 * One container of an attempt's pod as the kubelet reports it.
 *
 * @param init     an init container ({@code fetch-source}, {@code prepare-workspace}) rather than {@code agent}
 * @param reason   Kubernetes' reason ({@code ImagePullBackOff}, {@code OOMKilled}, {@code Completed}, ...) or {@code null}
 * @param exitCode the exit code once terminated, else {@code null}
 */
public record ContainerState(String name, boolean init, String image, State state, String reason, String message,
                             Integer exitCode, int restarts, Instant startedAt, Instant finishedAt) {

    /** Where the container is; {@link #NOT_STARTED} before the kubelet reports it. */
    public enum State { NOT_STARTED, WAITING, RUNNING, TERMINATED }

    public boolean failed() {
        return state == State.TERMINATED && exitCode != null && exitCode != 0;
    }

    public boolean terminated() {
        return state == State.TERMINATED;
    }

    /** As a table cell: {@code Running}, {@code Waiting: ImagePullBackOff}, {@code Terminated: Error (exit 2)}. */
    public String label() {
        return switch (state) {
            case NOT_STARTED -> "Not started";
            case RUNNING -> "Running";
            case WAITING -> "Waiting" + (reason == null ? "" : ": " + reason);
            case TERMINATED -> "Terminated" + (reason == null ? "" : ": " + reason)
                    + (exitCode == null ? "" : " (exit " + exitCode + ")");
        };
    }
}
