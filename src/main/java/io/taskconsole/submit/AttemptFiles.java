package io.taskconsole.submit;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of one attempt, in the order the agent reads them, exactly as they go into the
 * ConfigMap: {@code task.md}, {@code design-spec.md}, extra files, {@code acceptance-criteria.md},
 * {@code prompt.md}, {@code metadata.yaml}.
 */
public record AttemptFiles(Map<String, byte[]> files) {

    public static final String ACCEPTANCE_CRITERIA_MD = "acceptance-criteria.md";
    public static final String PROMPT_MD = "prompt.md";
    public static final String METADATA_YAML = "metadata.yaml";

    public AttemptFiles {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public String text(String name) {
        byte[] bytes = files.get(name);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    public long totalBytes() {
        return files.entrySet().stream().mapToLong(e -> e.getKey().length() + (long) e.getValue().length).sum();
    }
}
