package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.task.TaskFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class MetadataYamlTest {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private final AttemptFilesGenerator generator =
            new AttemptFilesGenerator(new CriteriaExtractor(), PromptTemplate.defaultTemplate());

    private AttemptFiles generate(AttemptContext context) {
        return generator.generate(Drafts.draft(Path.of("tasks/1001"), new TaskFile("notes.md", "Ünïcödé notes\n")),
                context);
    }

    @Test
    void everyFieldIsThereAndTheChecksumsMatchTheBytes() throws Exception {
        AttemptFiles files = generate(Drafts.context(3, null));

        JsonNode root = YAML.readTree(files.text("metadata.yaml"));

        assertThat(root.get("taskId").asLong()).isEqualTo(1001);
        assertThat(root.get("service").asString()).isEqualTo("auth-service");
        assertThat(root.get("title").asString()).isEqualTo("Rate-limit failed logins");
        assertThat(root.get("attempt").asInt()).isEqualTo(3);
        assertThat(root.has("previousAttempt")).isFalse();
        assertThat(root.get("submittedBy").asString()).isEqualTo("pm@example.com");
        assertThat(root.get("submittedAt").asString()).isEqualTo("2026-11-25T16:20:45.123Z");
        assertThat(Instant.parse(root.get("submittedAt").asString())).isEqualTo(Instant.parse("2026-11-25T16:20:45.123Z"));
        assertThat(root.get("appVersion").asString()).isEqualTo("1.2.3");
        assertThat(root.get("kubeContext").asString()).isEqualTo("lab");
        assertThat(root.get("namespace").asString()).isEqualTo("orchestrator");

        List<String> listed = new ArrayList<>();
        for (JsonNode entry : root.get("files")) {
            String name = entry.get("name").asString();
            listed.add(name);
            byte[] bytes = files.files().get(name);
            assertThat(entry.get("sha256").asString()).as(name).isEqualTo(sha256(bytes));
            assertThat(entry.get("size").asLong()).as(name).isEqualTo(bytes.length);
        }
        assertThat(listed).containsExactly("task.md", "design-spec.md", "notes.md", "acceptance-criteria.md", "prompt.md");
        assertThat(listed).doesNotContain("metadata.yaml");
    }

    @Test
    void aRetryNamesThePreviousAttempt() {
        JsonNode root = YAML.readTree(generate(Drafts.context(4, 2)).text("metadata.yaml"));
        assertThat(root.get("attempt").asInt()).isEqualTo(4);
        assertThat(root.get("previousAttempt").asInt()).isEqualTo(2);
    }

    @Test
    void fileEntriesAreWrittenOneKeyPerLineForTheInitScript() {
        AttemptFiles files = generate(Drafts.context(1, null));
        String yaml = files.text("metadata.yaml");

        Pattern entry = Pattern.compile("^  - name: (\\S+)\\n    sha256: ([0-9a-f]{64})\\n    size: ([0-9]+)$",
                Pattern.MULTILINE);
        Map<String, String[]> found = new LinkedHashMap<>();
        Matcher m = entry.matcher(yaml);
        while (m.find()) {
            found.put(m.group(1), new String[] {m.group(2), m.group(3)});
        }
        assertThat(found.keySet()).containsExactly("task.md", "design-spec.md", "notes.md", "acceptance-criteria.md",
                "prompt.md");
        found.forEach((name, hashAndSize) -> {
            assertThat(hashAndSize[0]).isEqualTo(sha256(files.files().get(name)));
            assertThat(hashAndSize[1]).isEqualTo(Integer.toString(files.files().get(name).length));
        });
        assertThat(yaml).contains("\nfiles:\n  - name: task.md\n");
        assertThat(yaml).doesNotStartWith("---");
    }

    @Test
    void writesUtf8AndSizesAreBytesNotCharacters() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("notes.md", "ä".getBytes(StandardCharsets.UTF_8));
        String yaml = new String(MetadataYaml.write(Drafts.info("Über"), Drafts.context(1, null), files),
                StandardCharsets.UTF_8);
        assertThat(yaml).contains("    size: 2\n").contains("Über");
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
