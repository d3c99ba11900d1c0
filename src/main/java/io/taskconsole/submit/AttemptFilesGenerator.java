package io.taskconsole.submit;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.CriteriaDocument;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskInfo;
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
        return withMetadata(draft.info(), content(draft), context);
    }

    /**
     * Every file but {@code metadata.yaml}: none of them names the attempt, so a submission makes
     * them once and only adds the metadata for each attempt number it tries.
     */
    public Map<String, byte[]> content(TaskDraft draft) {
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
        return files;
    }

    /** {@code content} (any {@code metadata.yaml} in it replaced) with the metadata of {@code context}. */
    public static AttemptFiles withMetadata(TaskInfo info, Map<String, byte[]> content, AttemptContext context) {
        Map<String, byte[]> files = new LinkedHashMap<>(content);
        files.remove(AttemptFiles.METADATA_YAML);
        files.put(AttemptFiles.METADATA_YAML, MetadataYaml.write(info, context, files));
        return new AttemptFiles(files);
    }

    /**
     * Attempt N's files sent again as a new attempt: every file byte for byte, except
     * {@code metadata.yaml}, which records the new attempt and the one it retries.
     */
    public static AttemptFiles forRetry(TaskDraft draft, Map<String, byte[]> previousFiles, AttemptContext context) {
        return withMetadata(draft.info(), previousFiles, context);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
