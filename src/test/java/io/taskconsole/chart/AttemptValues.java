package io.taskconsole.chart;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import java.util.LinkedHashMap;
import java.util.Map;

/** The values the app passes for one attempt, named by the app's own {@link ResourceNames}. */
record AttemptValues(ResourceNames names, String title, Integer previousAttempt) {

    static AttemptValues of(String service, long taskId, int attempt) {
        return new AttemptValues(new ResourceNames(new ServiceName(service), new TaskId(taskId), attempt), "", null);
    }

    AttemptValues following(int previous, String newTitle) {
        return new AttemptValues(names, newTitle, previous);
    }

    String release() {
        return names.releaseName();
    }

    Map<String, Object> values() {
        Map<String, Object> task = new LinkedHashMap<>();
        task.put("id", names.taskId().value());
        task.put("service", names.service().value());
        task.put("attempt", names.attempt());
        task.put("configMap", names.configMapName());
        if (previousAttempt != null) {
            task.put("previousAttempt", previousAttempt);
        }
        if (!title.isEmpty()) {
            task.put("title", title);
        }
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("task", task);
        values.put("workspace", Map.of("claimName", ""));
        return values;
    }
}
