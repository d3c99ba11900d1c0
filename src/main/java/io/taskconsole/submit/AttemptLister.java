package io.taskconsole.submit;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.taskconsole.cluster.AttemptConfigMaps;
import io.taskconsole.cluster.KubeConnector;
import io.taskconsole.cluster.KubeErrors;
import io.taskconsole.cluster.KubeTarget;
import io.taskconsole.cluster.ResourceNames;
import io.taskconsole.task.TaskInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lists a task's attempts from the cluster: its ConfigMaps say which attempts exist, helm's
 * release Secrets say how the install went, the Jobs say how the agent is doing.
 */
public final class AttemptLister {

    private final KubeConnector connector;

    public AttemptLister(KubeConnector connector) {
        this.connector = connector;
    }

    public List<AttemptStatus> list(TaskInfo task, KubeTarget target) {
        try (KubeConnector.Connection connection = connector.connect(target)) {
            List<AttemptStatus> result = new ArrayList<>();
            for (ConfigMap cm : new AttemptConfigMaps(connection).list(task.service(), task.id())) {
                ResourceNames names = new ResourceNames(task.service(), task.id(), AttemptConfigMaps.attemptOf(cm));
                Job job = get(connection, "jobs", names.jobName(),
                        () -> connection.client().batch().v1().jobs().inNamespace(connection.namespace())
                                .withName(names.jobName()).get());
                result.add(new AttemptStatus(names.attempt(), names.configMapName(),
                        parse(cm.getMetadata().getCreationTimestamp()), names.releaseName(),
                        releaseStatus(connection, names.releaseName()), names.jobName(), jobStatus(job),
                        job == null || job.getStatus() == null ? null : parse(job.getStatus().getStartTime()),
                        job == null || job.getStatus() == null ? null : parse(job.getStatus().getCompletionTime())));
            }
            return result;
        }
    }

    /** helm keeps one Secret per release revision, labelled with the revision's status. */
    static String releaseStatus(KubeConnector.Connection connection, String release) {
        List<Secret> revisions = get(connection, "secrets", null,
                () -> connection.client().secrets().inNamespace(connection.namespace())
                        .withLabel("owner", "helm").withLabel("name", release).list().getItems());
        return revisions.stream()
                .max(Comparator.comparingInt(s -> parseInt(s.getMetadata().getLabels().get("version"))))
                .map(s -> s.getMetadata().getLabels().getOrDefault("status", "unknown"))
                .orElse("missing");
    }

    public static JobPhase jobStatus(Job job) {
        if (job == null) {
            return JobPhase.MISSING;
        }
        JobStatus status = job.getStatus();
        if (status == null) {
            return JobPhase.PENDING;
        }
        if (status.getConditions() != null) {
            for (JobCondition c : status.getConditions()) {
                if ("True".equals(c.getStatus()) && "Complete".equals(c.getType())) {
                    return JobPhase.SUCCEEDED;
                }
                if ("True".equals(c.getStatus()) && "Failed".equals(c.getType())) {
                    return JobPhase.FAILED;
                }
            }
        }
        if (status.getSucceeded() != null && status.getSucceeded() > 0) {
            return JobPhase.SUCCEEDED;
        }
        if (status.getActive() != null && status.getActive() > 0) {
            return JobPhase.RUNNING;
        }
        return JobPhase.PENDING;
    }

    private static <T> T get(KubeConnector.Connection connection, String resource, String name,
                             java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, name == null ? "list" : "get", resource, name);
        }
    }

    private static Instant parse(String timestamp) {
        try {
            return timestamp == null ? null : Instant.parse(timestamp);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int parseInt(String text) {
        try {
            return text == null ? 0 : Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
