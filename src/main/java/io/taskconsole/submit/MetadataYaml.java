package io.taskconsole.submit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.taskconsole.task.TaskInfo;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/**
 * Writes {@code metadata.yaml}: who sent which attempt where, and the sha256 and size of every
 * other file, which the init container checks after copying.
 *
 * <p>The {@code files} list is written one key per line ({@code - name:}, {@code sha256:},
 * {@code size:}) because a busybox shell script reads it.
 */
public final class MetadataYaml {

    private static final YAMLMapper YAML = HelmReadableYaml.builder()
            .enable(YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private MetadataYaml() {
    }

    public static byte[] write(TaskInfo info, AttemptContext context, Map<String, byte[]> files) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("taskId", info.id().value());
        root.put("service", info.service().value());
        root.put("title", info.title());
        root.put("attempt", context.attempt());
        if (context.previousAttempt() != null) {
            root.put("previousAttempt", context.previousAttempt());
        }
        root.put("agent", info.agent());
        root.put("model", info.model());
        root.put("submittedBy", context.submittedBy());
        root.put("submittedAt", context.submittedAt().toString());
        root.put("appVersion", context.appVersion());
        root.put("kubeContext", context.kubeContext());
        root.put("namespace", context.namespace());
        List<Map<String, Object>> list = new ArrayList<>();
        files.forEach((name, bytes) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("sha256", sha256(bytes));
            entry.put("size", bytes.length);
            list.add(entry);
        });
        root.put("files", list);
        return YAML.writeValueAsString(root).getBytes(StandardCharsets.UTF_8);
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
