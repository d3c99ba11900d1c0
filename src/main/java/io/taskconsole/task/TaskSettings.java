package io.taskconsole.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a task runs beyond its text: the repository the agent works in, Claude Code's permission
 * mode, a deadline that overrides the chart's, and the env entries and Secret references the
 * agent container gets. Empty fields leave the chart's defaults.
 */
public record TaskSettings(Repository repository, String permissionMode, Integer activeDeadlineSeconds,
                           Map<String, String> env, Map<String, SecretRef> secrets) {

    public static final TaskSettings NONE = new TaskSettings(null, null, null, Map.of(), Map.of());

    public TaskSettings {
        permissionMode = permissionMode == null || permissionMode.isBlank() ? null : permissionMode.strip();
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secrets = secrets == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secrets));
    }

    /** Every problem of these settings, each a sentence saying how to fix it; empty when they are fine. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (repository != null) {
            SettingsRules.repositoryUrl(repository.url()).ifPresent(problems::add);
            SettingsRules.branch(repository.branch()).ifPresent(problems::add);
            SettingsRules.repositoryPath(repository.path()).ifPresent(problems::add);
            if (!repository.credentialsSecret().isEmpty()) {
                SettingsRules.secretName(repository.credentialsSecret()).map(p -> p + " (the repository's credentials)").ifPresent(problems::add);
            }
        }
        SettingsRules.permissionMode(permissionMode).ifPresent(problems::add);
        if (activeDeadlineSeconds != null) {
            SettingsRules.deadline(activeDeadlineSeconds.toString()).ifPresent(problems::add);
        }
        env.keySet().forEach(name -> SettingsRules.envName(name).ifPresent(problems::add));
        secrets.forEach((name, ref) -> {
            SettingsRules.envName(name).ifPresent(problems::add);
            if (env.containsKey(name)) {
                problems.add("Env name '" + name + "' is both a plain value and a secret reference: keep one.");
            }
            SettingsRules.secretName(ref.secret()).map(p -> p + " (secret for " + name + ")").ifPresent(problems::add);
            SettingsRules.secretKey(ref.key()).map(p -> p + " (secret for " + name + ")").ifPresent(problems::add);
        });
        return problems;
    }

    /**
     * The secret references as plain maps, {@code NAME: {secret: s, key: k}}: the one shape both
     * {@code task.yaml} and the chart's {@code agent.secretEnv} take.
     */
    public java.util.Map<String, Object> secretsAsMaps() {
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        secrets().forEach((name, ref) -> {
            java.util.Map<String, Object> r = new java.util.LinkedHashMap<>();
            r.put("secret", ref.secret());
            r.put("key", ref.key());
            out.put(name, r);
        });
        return out;
    }
}
