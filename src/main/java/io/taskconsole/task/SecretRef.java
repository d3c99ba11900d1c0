package io.taskconsole.task;

import java.util.Objects;

/** A key of an existing Secret in the task's namespace: a reference, never the value. */
public record SecretRef(String secret, String key) {

    public SecretRef {
        secret = Objects.requireNonNullElse(secret, "").strip();
        key = Objects.requireNonNullElse(key, "").strip();
    }
}
