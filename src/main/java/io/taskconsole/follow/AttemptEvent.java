package io.taskconsole.follow;

import java.time.Instant;

/**
 * A Kubernetes Event about the attempt's Job, one of its pods, or the service's workspace claim.
 *
 * @param kind {@code Job}, {@code Pod} or {@code PersistentVolumeClaim}
 * @param type {@code Normal} or {@code Warning}
 */
public record AttemptEvent(Instant time, String kind, String object, String type, String reason, String message,
                           int count) {

    public boolean warning() {
        return "Warning".equals(type);
    }
}
