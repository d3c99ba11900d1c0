package io.taskconsole.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.taskconsole.submit.AttemptContext;
import io.taskconsole.submit.MetadataYaml;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.time.Instant;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A folder laid out as the kubelet mounts a ConfigMap: the real files in a timestamped dot folder,
 * a {@code ..data} symlink to it, and one symlink per key pointing through {@code ..data}.
 * {@code metadata.yaml} is written by the app's own {@link MetadataYaml}.
 */
final class FakeConfigMapMount {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private FakeConfigMapMount() {
    }

    /** The usual files of an attempt, with text that tells attempts apart. */
    static Map<String, String> attemptFiles(long taskId, int attempt) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("task.md", "# Task " + taskId + "\n\nLimit login attempts.\n");
        files.put("design-spec.md", "# Design\n\nA token bucket per account.\n");
        files.put("acceptance-criteria.md", "- [ ] Sixth attempt in a minute gets 429\n");
        files.put("prompt.md", "Work on task " + taskId + ", attempt " + attempt + ". Read task.md first.\n");
        return files;
    }

    /** Mounts {@code files} plus a metadata.yaml that lists them with their sums. */
    static Path create(Path mount, long taskId, int attempt, Map<String, String> files) {
        return create(mount, files, metadataFor(taskId, attempt, files));
    }

    static Path create(Path mount, Map<String, String> files, String metadataYaml) {
        Map<String, String> all = new LinkedHashMap<>(files);
        all.put("metadata.yaml", metadataYaml);
        try {
            Path data = mount.resolve("..2026_11_25_10_00_00.123456789");
            Files.createDirectories(data);
            for (Map.Entry<String, String> file : all.entrySet()) {
                Files.writeString(data.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
            }
            Files.createSymbolicLink(mount.resolve("..data"), data.getFileName());
            for (String name : all.keySet()) {
                Files.createSymbolicLink(mount.resolve(name), Path.of("..data", name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return mount;
    }

    /** metadata.yaml exactly as the app writes it ({@link MetadataYaml}). */
    static String metadataFor(long taskId, int attempt, Map<String, String> files) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        files.forEach((name, text) -> bytes.put(name, text.getBytes(StandardCharsets.UTF_8)));
        TaskInfo info = new TaskInfo(new TaskId(taskId), new ServiceName("auth-service"),
                "Login rate limit: 5/min # \"quoted\"\nsecond line", null, null);
        AttemptContext context = new AttemptContext(attempt, attempt > 1 ? attempt - 1 : null, "alice",
                Instant.parse("2026-11-25T10:00:00Z"), "0.1.0", "kind-dev", "orchestrator");
        return new String(MetadataYaml.write(info, context, bytes), StandardCharsets.UTF_8);
    }

    /** The same list in Jackson's default YAML shape: doc marker, quoted strings, unindented list. */
    static String metadataInJacksonDefaultShape(long taskId, int attempt, Map<String, String> files) {
        List<Map<String, Object>> entries = new ArrayList<>();
        files.forEach((name, text) -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", name);
            entry.put("sha256", sha256(bytes));
            entry.put("size", bytes.length);
            entries.add(entry);
        });
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("task", Map.of("id", taskId, "service", "auth-service", "attempt", attempt));
        metadata.put("files", entries);
        metadata.put("createdBy", "task-console");
        return YAML.writeValueAsString(metadata);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Replaces the real file behind a key, as if the mount's content were corrupt. */
    static void overwrite(Path mount, String name, String text) {
        try {
            Files.writeString(mount.resolve("..data").toRealPath().resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void remove(Path mount, String name) {
        try {
            Files.delete(mount.resolve(name));
            Files.delete(mount.resolve("..data").toRealPath().resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
