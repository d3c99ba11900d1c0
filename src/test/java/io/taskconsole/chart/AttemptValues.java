package io.taskconsole.chart;

import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.submit.ValuesFile;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.TaskSettings;
import java.util.Map;

/**
 * One attempt as the chart tests render it: the values come from the app's own {@link ValuesFile},
 * so the chart is tested with exactly what a submission passes (the claim the app names, the title
 * it sends, the task's settings), never with a copy that could drift from it.
 */
record AttemptValues(TaskInfo info, ResourceNames names, Integer previousAttempt) {

    static AttemptValues of(String service, long taskId, int attempt) {
        TaskInfo info = new TaskInfo(new TaskId(taskId), new ServiceName(service), "", null, null);
        return new AttemptValues(info, new ResourceNames(info.service(), info.id(), attempt), null);
    }

    AttemptValues following(int previous, String newTitle) {
        return new AttemptValues(new TaskInfo(info.id(), info.service(), newTitle, info.agent(), info.model(), info.settings()),
                names, previous);
    }

    AttemptValues with(TaskSettings settings) {
        return new AttemptValues(info.withSettings(settings), names, previousAttempt);
    }

    TaskSettings settings() {
        return info.settings();
    }

    String release() {
        return names.releaseName();
    }

    Map<String, Object> values() {
        return ValuesFile.values(info, names, previousAttempt);
    }
}
