package io.taskconsole.chart;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.submit.ValuesFile;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskSettings;
import java.util.Map;

/**
 * The values the app passes for one attempt: {@link ValuesFile}'s own, for a task with the given
 * title and settings, named by the app's own {@link ResourceNames}.
 */
record AttemptValues(ResourceNames names, String title, Integer previousAttempt, TaskSettings settings) {

    static AttemptValues of(String service, long taskId, int attempt) {
        return new AttemptValues(new ResourceNames(new ServiceName(service), new TaskId(taskId), attempt), "", null,
                TaskSettings.NONE);
    }

    AttemptValues following(int previous, String newTitle) {
        return new AttemptValues(names, newTitle, previous, settings);
    }

    AttemptValues with(TaskSettings newSettings) {
        return new AttemptValues(names, title, previousAttempt, newSettings);
    }

    String release() {
        return names.releaseName();
    }

    TaskInfo info() {
        return new TaskInfo(names.taskId(), names.service(), title, null, null, settings);
    }

    Map<String, Object> values() {
        return ValuesFile.values(info(), names, previousAttempt);
    }
}
