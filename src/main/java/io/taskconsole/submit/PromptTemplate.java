package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.AtomicFiles;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The agent's instructions ({@code prompt.md}), from a template with {@code {{placeholders}}}.
 * A workspace may override the default with {@code .task-console/prompt-template.md}.
 *
 * <p>The prompt names files relative to itself and never the attempt number, so a retry can
 * send attempt N's prompt unchanged.
 */
public final class PromptTemplate {

    public static final String OVERRIDE_PATH = ".task-console/prompt-template.md";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([a-zA-Z]+)}}");

    private final String template;

    public PromptTemplate(String template) {
        this.template = template;
    }

    public static PromptTemplate defaultTemplate() {
        return new PromptTemplate(defaultText());
    }

    public static String defaultText() {
        try (InputStream in = PromptTemplate.class.getResourceAsStream("prompt-template.md")) {
            if (in == null) {
                throw new IllegalStateException("prompt-template.md is missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the default prompt template", e);
        }
    }

    /** The workspace's template where it has one, else the default. */
    public static PromptTemplate forWorkspace(Path workspace) {
        if (workspace != null) {
            Path custom = workspace.resolve(OVERRIDE_PATH);
            // The workspace is a git checkout too: a linked template could pull any file into prompt.md.
            if (Files.isSymbolicLink(custom) || Files.isSymbolicLink(custom.getParent())) {
                Path link = Files.isSymbolicLink(custom) ? custom : custom.getParent();
                throw TaskConsoleException.badInput("The workspace's prompt template " + link + " is a symbolic link to "
                                + linkTarget(link) + ": Task Console does not read templates through links",
                        "Replace the link with a copy of the template, or delete it to use the default.");
            }
            if (Files.isRegularFile(custom)) {
                return new PromptTemplate(TaskFolder.readUtf8(custom));
            }
        }
        return defaultTemplate();
    }

    /**
     * Keeps {@code text} as the workspace's template: a blank text or the default's removes the
     * override, so the workspace follows the default as it changes between versions. Written
     * atomically, never through a link.
     *
     * @return the override file, written or removed
     */
    public static Path saveForWorkspace(Path workspace, String text) throws IOException {
        Path file = workspace.resolve(OVERRIDE_PATH);
        if (text == null || text.isBlank() || text.equals(defaultText())) {
            Files.deleteIfExists(file);
        } else {
            AtomicFiles.writeString(file, text);
        }
        return file;
    }

    private static String linkTarget(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

    public static PromptTemplate fromFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw TaskConsoleException.badInput("Prompt template " + file + " does not exist", "Choose an existing file.");
        }
        return new PromptTemplate(TaskFolder.readUtf8(file));
    }

    public String template() {
        return template;
    }

    public String render(TaskDraft draft, List<Criterion> criteria) {
        StringBuilder extra = new StringBuilder();
        int n = 4;
        for (TaskFile file : draft.files()) {
            if (!TaskFolder.isMainFile(file.name())) {
                extra.append(n++).append(". `").append(file.name()).append("`: supporting material.\n");
            }
        }
        String ids = criteria.isEmpty() ? "there are none: say so in your report"
                : String.join(", ", criteria.stream().map(Criterion::id).toList());
        Map<String, String> values = Map.of(
                "taskId", draft.info().id().toString(),
                "title", draft.info().title().isEmpty() ? "(untitled)" : draft.info().title(),
                "service", draft.info().service().value(),
                "agent", draft.info().agent(),
                "model", draft.info().model(),
                "extraFiles", extra.toString(),
                "criteriaIds", ids);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }
}
