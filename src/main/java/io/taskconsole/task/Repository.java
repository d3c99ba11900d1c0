package io.taskconsole.task;

import java.util.Objects;

/** The service's git repository: where the agent's code comes from and which branch is the base. */
public record Repository(String url, String branch, String path) {

    public static final String DEFAULT_BRANCH = "main";

    public Repository {
        Objects.requireNonNull(url, "url");
        url = url.strip();
        branch = branch == null || branch.isBlank() ? DEFAULT_BRANCH : branch.strip();
        path = path == null ? "" : path.strip().replaceAll("/+$", "");
    }
}
