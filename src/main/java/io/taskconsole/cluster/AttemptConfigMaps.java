package io.taskconsole.cluster;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ConfigMaps that carry each attempt's files. One per attempt, immutable, found again by
 * labels; the cluster, not local state, says which attempt numbers are taken.
 */
public final class AttemptConfigMaps {

    private final KubeConnector.Connection connection;

    public AttemptConfigMaps(KubeConnector.Connection connection) {
        this.connection = connection;
    }

    public static Map<String, String> labels(ResourceNames names) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(ResourceNames.LABEL_APP, ResourceNames.APP);
        labels.put(ResourceNames.LABEL_MANAGED_BY, ResourceNames.APP);
        labels.put(ResourceNames.LABEL_TASK_ID, names.taskId().toString());
        labels.put(ResourceNames.LABEL_SERVICE, names.service().value());
        labels.put(ResourceNames.LABEL_ATTEMPT, Integer.toString(names.attempt()));
        return labels;
    }

    /** The attempt's ConfigMap as it will be created: immutable, labelled, one key per file. */
    public static ConfigMap build(ResourceNames names, String namespace, Map<String, byte[]> files) {
        return build(names, namespace, files, Map.of());
    }

    /** As {@link #build(ResourceNames, String, Map)}, with {@code annotations}. */
    public static ConfigMap build(ResourceNames names, String namespace, Map<String, byte[]> files,
                                  Map<String, String> annotations) {
        Map<String, String> data = new LinkedHashMap<>();
        files.forEach((key, bytes) -> data.put(key, new String(bytes, StandardCharsets.UTF_8)));
        return new ConfigMapBuilder()
                .withNewMetadata()
                .withName(names.configMapName())
                .withNamespace(namespace)
                .withLabels(labels(names))
                .withAnnotations(annotations.isEmpty() ? null : new LinkedHashMap<>(annotations))
                .endMetadata()
                .withImmutable(true)
                .withData(data)
                .build();
    }

    /** The attempts recorded in the cluster for one task, lowest first. */
    public List<ConfigMap> list(ServiceName service, TaskId taskId) {
        try {
            List<ConfigMap> items = connection.client().configMaps().inNamespace(connection.namespace())
                    .withLabel(ResourceNames.LABEL_APP, ResourceNames.APP)
                    .withLabel(ResourceNames.LABEL_SERVICE, service.value())
                    .withLabel(ResourceNames.LABEL_TASK_ID, taskId.toString())
                    .list().getItems();
            return items.stream()
                    .filter(cm -> attemptOf(cm) > 0)
                    .sorted(Comparator.comparingInt(AttemptConfigMaps::attemptOf))
                    .toList();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "list", "configmaps", null);
        }
    }

    /** The attempt whose ConfigMap carries annotation {@code key} = {@code value}, if any. */
    public Optional<Integer> attemptAnnotated(ServiceName service, TaskId taskId, String key, String value) {
        return list(service, taskId).stream()
                .filter(cm -> cm.getMetadata().getAnnotations() != null
                        && value.equals(cm.getMetadata().getAnnotations().get(key)))
                .map(AttemptConfigMaps::attemptOf)
                .findFirst();
    }

    public int highestAttempt(ServiceName service, TaskId taskId) {
        return list(service, taskId).stream().mapToInt(AttemptConfigMaps::attemptOf).max().orElse(0);
    }

    /**
     * Creates the attempt's ConfigMap with a plain create, never replace or apply: if another
     * submission took this attempt number first, the server answers 409 and this returns empty.
     */
    public Optional<ConfigMap> createIfAbsent(ResourceNames names, Map<String, byte[]> files) {
        return createIfAbsent(names, files, Map.of());
    }

    /** As {@link #createIfAbsent(ResourceNames, Map)}, the ConfigMap carrying {@code annotations}. */
    public Optional<ConfigMap> createIfAbsent(ResourceNames names, Map<String, byte[]> files,
                                              Map<String, String> annotations) {
        ConfigMap configMap = build(names, connection.namespace(), files, annotations);
        try {
            return Optional.of(connection.client().configMaps().inNamespace(connection.namespace())
                    .resource(configMap).create());
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return Optional.empty();
            }
            throw KubeErrors.translate(e, connection, "create", "configmaps", names.configMapName());
        }
    }

    /**
     * Adds annotations to attempt N's ConfigMap. Its files stay as they are (they are immutable);
     * only its metadata changes, which Kubernetes allows on an immutable ConfigMap.
     */
    public void annotate(ResourceNames names, Map<String, String> annotations) {
        try {
            connection.client().configMaps().inNamespace(connection.namespace()).withName(names.configMapName())
                    .edit(cm -> {
                        Map<String, String> all = new LinkedHashMap<>(cm.getMetadata().getAnnotations() == null
                                ? Map.of() : cm.getMetadata().getAnnotations());
                        all.putAll(annotations);
                        cm.getMetadata().setAnnotations(all);
                        return cm;
                    });
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "patch", "configmaps", names.configMapName());
        }
    }

    /** Attempt N's files exactly as they were sent. */
    public Map<String, byte[]> readFiles(ResourceNames names) {
        ConfigMap cm;
        try {
            cm = connection.client().configMaps().inNamespace(connection.namespace())
                    .withName(names.configMapName()).get();
        } catch (KubernetesClientException e) {
            throw KubeErrors.translate(e, connection, "get", "configmaps", names.configMapName());
        }
        if (cm == null) {
            throw TaskConsoleException.badInput(
                    "Attempt " + names.attempt() + " of task " + names.taskId() + " has no ConfigMap '"
                            + names.configMapName() + "' in namespace '" + connection.namespace() + "'",
                    "List the attempts with 'task-console attempts' and retry one that exists.");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (cm.getData() != null) {
            cm.getData().forEach((k, v) -> files.put(k, v.getBytes(StandardCharsets.UTF_8)));
        }
        return files;
    }

    public static int attemptOf(ConfigMap cm) {
        Map<String, String> labels = cm.getMetadata() == null ? null : cm.getMetadata().getLabels();
        String value = labels == null ? null : labels.get(ResourceNames.LABEL_ATTEMPT);
        if (value == null || !value.matches("[0-9]{1,9}")) {
            return 0;
        }
        return Integer.parseInt(value);
    }
}
