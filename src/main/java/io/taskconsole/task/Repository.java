package io.taskconsole.task;

import java.util.Objects;

/**
 * The service's git repository: where the agent's code comes from, which branch is the base, the
 * folder the agent starts in, and the existing Secret with the credentials to fetch it (empty for
 * a public repository).
 */
public record Repository(String url, String branch, String path, String credentialsSecret) {

    public static final String DEFAULT_BRANCH = "main";

    public Repository {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch.strip();
        path = path == null ? "" : path.strip().replaceAll("/+$", "");
        credentialsSecret = credentialsSecret == null ? "" : credentialsSecret.strip();
    }

    public Repository(String url, String branch, String path) {
        this(url, branch, path, "");
    }
}
