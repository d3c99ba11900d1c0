package io.taskconsole.submit;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.TaskInfo;
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
        return root;
    }

    public static String yaml(TaskInfo info, ResourceNames names, Integer previousAttempt) {
        return YAML.writeValueAsString(values(info, names, previousAttempt));
    }

    public static void write(Path file, TaskInfo info, ResourceNames names, Integer previousAttempt) throws IOException {
        AtomicFiles.writeString(file, yaml(info, names, previousAttempt));
    }
}
