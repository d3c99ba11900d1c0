package io.taskconsole.task;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules for a task's settings, one method per field, each returning the problem in a sentence
 * (what is wrong and how to fix it) or empty. Reading {@code task.yaml}, the CLI and the console's
 * settings form all ask these, so a value is judged the same way everywhere.
 */
public final class SettingsRules {

    /**
     * Env names the chart sets itself in the agent container; a task may not override them (the
     * API key and the task's identity would otherwise be replaceable from a task folder).
     */
    public static final Set<String> RESERVED_ENV = Set.of(
            "ANTHROPIC_API_KEY", "TASK_ID", "SERVICE_NAME", "ATTEMPT", "TASK_DIR", "PREVIOUS_ATTEMPT",
            "HOME", "TMPDIR", "SOURCE_DIR", "BASE_BRANCH", "WORK_BRANCH", "CONFIG_DIR", "WORKSPACE_DIR",
            "GIT_TOKEN", "REPO_URL");

    /** Claude Code's {@code --permission-mode} values. */
    public static final Set<String> PERMISSION_MODES = Set.of("default", "acceptEdits", "bypassPermissions", "plan");

    private static final Pattern C_IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern SECRET_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern SCP_LIKE = Pattern.compile("[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:[^\\s]+");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]+");

    private SettingsRules() {
    }

    public static Optional<String> envName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("An env entry has no name: give it one such as LOG_LEVEL.");
        }
        if (!C_IDENTIFIER.matcher(name).matches()) {
            return Optional.of("Env name '" + name + "' is not valid: use letters, digits and _ , not starting with a digit (e.g. LOG_LEVEL).");
        }
        if (RESERVED_ENV.contains(name)) {
            return Optional.of("Env name '" + name + "' is set by the chart itself: choose another name.");
        }
        return Optional.empty();
    }

    public static Optional<String> secretName(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("A secret reference has no Secret name: name an existing Secret in the namespace.");
        }
        if (name.length() > 253 || !DNS_SUBDOMAIN.matcher(name).matches()) {
            return Optional.of("Secret name '" + name + "' is not a Kubernetes name: use lower-case letters, digits, '-' and '.', starting and ending with a letter or digit.");
        }
        return Optional.empty();
    }

    public static Optional<String> secretKey(String key) {
        if (key == null || key.isEmpty()) {
            return Optional.of("A secret reference has no key: name the key inside the Secret (e.g. password).");
        }
        if (key.length() > 253 || !SECRET_KEY.matcher(key).matches()) {
            return Optional.of("Secret key '" + key + "' is not valid: use letters, digits, '-', '_' and '.'.");
        }
        return Optional.empty();
    }

    /** HTTPS or SSH ({@code ssh://} or {@code git@host:path}); never with credentials in it. */
    public static Optional<String> repositoryUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("The repository has no url: give its HTTPS or SSH clone URL.");
        }
        if (SCP_LIKE.matcher(url).matches()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("Repository url '" + url + "' is not a URL: give an HTTPS or SSH clone URL such as https://github.com/acme/auth-service.git.");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme();
        if (!scheme.equals("https") && !scheme.equals("ssh")) {
            return Optional.of("Repository url '" + url + "' must use https:// or ssh:// (or git@host:path).");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
            return Optional.of("Repository url '" + url + "' has no host or path: e.g. https://github.com/acme/auth-service.git.");
        }
        // Only ssh://git@host/... may name a user; a password or token in a URL ends up in values,
        // ConfigMaps and process lists.
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && (scheme.equals("https") || userInfo.contains(":"))) {
            return Optional.of("Repository url must not hold credentials: remove '" + (scheme.equals("https") ? "user:token@" : "user:password@")
                    + "' and put the token in the credentials Secret (git.credentialsSecret) instead.");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            return Optional.of("Repository url '" + url + "' must not have a query or fragment.");
        }
        return Optional.empty();
    }

    public static Optional<String> branch(String branch) {
        if (branch == null || branch.isEmpty()) {
            return Optional.empty();
        }
        if (!BRANCH.matcher(branch).matches() || branch.startsWith("-") || branch.startsWith("/") || branch.endsWith("/")
                || branch.endsWith(".lock") || branch.contains("..") || branch.contains("//")) {
            return Optional.of("Branch '" + branch + "' is not a valid git branch name (e.g. main or release/1.2).");
        }
        return Optional.empty();
    }

    /** A folder inside the repository: relative, without '..', so the agent never starts outside it. */
    public static Optional<String> repositoryPath(String path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        if (path.startsWith("/") || path.contains("\\") || path.contains("\n")) {
            return Optional.of("Repository path '" + path + "' must be a relative folder inside the repository, such as services/auth.");
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return Optional.of("Repository path '" + path + "' must not contain '.' or '..': name the folder from the repository's top.");
            }
        }
        return Optional.empty();
    }

    public static Optional<String> permissionMode(String mode) {
        if (mode == null || mode.isEmpty() || PERMISSION_MODES.contains(mode)) {
            return Optional.empty();
        }
        return Optional.of("Permission mode '" + mode + "' is not one of " + String.join(", ", PERMISSION_MODES.stream().sorted().toList()) + ".");
    }

    /** Parses a deadline written as seconds or with a unit: {@code 5400}, {@code 90m}, {@code 2h}, {@code 1h30m}. */
    public static Optional<Integer> parseDeadline(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.matches("[0-9]{1,9}")) {
            return Optional.of(Integer.parseInt(t));
        }
        var m = Pattern.compile("(?:([0-9]{1,4})h)?(?:([0-9]{1,6})m)?(?:([0-9]{1,8})s)?").matcher(t);
        if (t.isEmpty() || !m.matches()) {
            return Optional.empty();
        }
        long seconds = 0;
        seconds += m.group(1) == null ? 0 : Long.parseLong(m.group(1)) * 3600;
        seconds += m.group(2) == null ? 0 : Long.parseLong(m.group(2)) * 60;
        seconds += m.group(3) == null ? 0 : Long.parseLong(m.group(3));
        return seconds > Integer.MAX_VALUE ? Optional.empty() : Optional.of((int) seconds);
    }

    public static Optional<String> deadline(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        Optional<Integer> seconds = parseDeadline(text);
        if (seconds.isEmpty()) {
            return Optional.of("Deadline '" + text.strip() + "' is not a duration: write seconds (5400) or e.g. 90m or 2h.");
        }
        if (seconds.get() < 60) {
            return Optional.of("Deadline '" + text.strip() + "' is under a minute: the agent needs at least 60 seconds.");
        }
        return Optional.empty();
    }
}
