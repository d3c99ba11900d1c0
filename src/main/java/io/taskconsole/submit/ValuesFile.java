package io.taskconsole.submit;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.Repository;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import io.taskconsole.task.AtomicFiles;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The per-attempt values helm gets, written by Jackson (never by string concatenation). */
public final class ValuesFile {

    private static final YAMLMapper YAML = HelmReadableYaml.builder().build();

    private ValuesFile() {
    }

    public static Map<String, Object> values(TaskInfo info, ResourceNames names, Integer previousAttempt) {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", info.id().value());
        task.put("service", info.service().value());
        task.put("attempt", names.attempt());
        task.put("configMap", names.configMapName());
        if (previousAttempt != null) {
            task.put("previousAttempt", previousAttempt);
        }
        task.put("title", info.title());
        Map<String, Object> workspace = new LinkedHashMap<>();
        workspace.put("claimName", names.pvcName());
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("task", task);
        root.put("workspace", workspace);
        putSettings(root, info.settings());
        return root;
    }

    /** The task's run settings, as the chart names them; absent settings leave the chart's defaults. */
    private static void putSettings(Map<String, Object> root, TaskSettings settings) {
        Repository repository = settings.repository();
        if (repository != null) {
            Map<String, Object> repo = new LinkedHashMap<>();
            repo.put("url", repository.url());
            repo.put("branch", repository.branch());
            if (!repository.path().isEmpty()) {
                repo.put("path", repository.path());
            }
            root.put("repository", repo);
            if (!repository.credentialsSecret().isEmpty()) {
                root.put("git", Map.of("credentialsSecret", repository.credentialsSecret()));
            }
        }
        if (settings.activeDeadlineSeconds() != null) {
            root.put("job", Map.of("activeDeadlineSeconds", settings.activeDeadlineSeconds()));
        }
        Map<String, Object> agent = new LinkedHashMap<>();
        if (settings.permissionMode() != null) {
            agent.put("permissionMode", settings.permissionMode());
        }
        if (!settings.env().isEmpty()) {
            agent.put("env", new LinkedHashMap<>(settings.env()));
        }
        if (!settings.secrets().isEmpty()) {
            agent.put("secretEnv", settings.secretsAsMaps());
        }
        if (!agent.isEmpty()) {
            root.put("agent", agent);
        }
    }

    public static String yaml(TaskInfo info, ResourceNames names, Integer previousAttempt) {
        return YAML.writeValueAsString(values(info, names, previousAttempt));
    }

    public static void write(Path file, TaskInfo info, ResourceNames names, Integer previousAttempt) throws IOException {
        AtomicFiles.writeString(file, yaml(info, names, previousAttempt));
    }
}
