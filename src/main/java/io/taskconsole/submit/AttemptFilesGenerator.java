package io.taskconsole.submit;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.CriteriaDocument;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes an attempt's files from a draft: the PM's Markdown as written, the extracted
 * acceptance criteria, the agent's prompt, and {@code metadata.yaml} with every file's checksum.
 */
public final class AttemptFilesGenerator {

    private final CriteriaExtractor extractor;
    private final PromptTemplate promptTemplate;

    public AttemptFilesGenerator(CriteriaExtractor extractor, PromptTemplate promptTemplate) {
        this.extractor = extractor;
        this.promptTemplate = promptTemplate;
    }

    public AttemptFiles generate(TaskDraft draft, AttemptContext context) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String main : List.of(TaskFile.TASK_MD, TaskFile.DESIGN_SPEC_MD)) {
            draft.file(main).ifPresent(f -> files.put(f.name(), f.bytes()));
        }
        for (TaskFile file : draft.files()) {
            files.putIfAbsent(file.name(), file.bytes());
        }
        List<Criterion> criteria = extractor.extract(draft.files());
        files.put(AttemptFiles.ACCEPTANCE_CRITERIA_MD, utf8(new CriteriaDocument(criteria).toMarkdown()));
        files.put(AttemptFiles.PROMPT_MD, utf8(promptTemplate.render(draft, criteria)));
        files.put(AttemptFiles.METADATA_YAML, MetadataYaml.write(draft.info(), context, files));
        return new AttemptFiles(files);
    }

    /**
     * Attempt N's files sent again as a new attempt: every file byte for byte, except
     * {@code metadata.yaml}, which records the new attempt and the one it retries.
     */
    public static AttemptFiles forRetry(TaskDraft draft, Map<String, byte[]> previousFiles, AttemptContext context) {
        Map<String, byte[]> files = new LinkedHashMap<>(previousFiles);
        files.remove(AttemptFiles.METADATA_YAML);
        files.put(AttemptFiles.METADATA_YAML, MetadataYaml.write(draft.info(), context, files));
        return new AttemptFiles(files);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
