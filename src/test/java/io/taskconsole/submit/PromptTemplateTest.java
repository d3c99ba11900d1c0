package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.Criterion;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptTemplateTest {

    @TempDir
    Path workspace;

    private static List<Criterion> criteria(TaskDraft draft) {
        return new CriteriaExtractor().extract(draft.files());
    }

    @Test
    void theDefaultNamesTheTaskServiceFilesAndEveryCriterionId() {
        TaskDraft draft = Drafts.draft(workspace, new TaskFile("notes.md", "n"));

        String prompt = PromptTemplate.defaultTemplate().render(draft, criteria(draft));

        assertThat(prompt).startsWith("# Task 1001: Rate-limit failed logins\n")
                .contains("**auth-service**")
                .contains("4. `notes.md`: supporting material.")
                .contains("AC-1, AC-2, AC-3")
                .contains("`task-1001`")
                .doesNotContain("{{");
    }

    @Test
    void withoutCriteriaThePromptSaysSo() {
        TaskDraft draft = new TaskDraft(workspace, Drafts.info("t"), List.of(new TaskFile("task.md", "Just do it."),
                new TaskFile("design-spec.md", "")));
        assertThat(PromptTemplate.defaultTemplate().render(draft, criteria(draft)))
                .contains("there are none: say so in your report");
    }

    @Test
    void theWorkspaceTemplateWins() throws IOException {
        Files.createDirectories(workspace.resolve(".task-console"));
        Files.writeString(workspace.resolve(".task-console/prompt-template.md"), "Custom {{taskId}} for {{service}}\n");

        String prompt = PromptTemplate.forWorkspace(workspace).render(Drafts.draft(workspace), List.of());

        assertThat(prompt).isEqualTo("Custom 1001 for auth-service\n");
        assertThat(PromptTemplate.forWorkspace(workspace.resolve("elsewhere")).template())
                .isEqualTo(PromptTemplate.defaultText());
    }

    @Test
    void unknownOrMalformedPlaceholdersAreLeftAsTheyAre() {
        String prompt = new PromptTemplate("{{nope}} {{ taskId }} {{taskId}} {{task_id}} {{model}}")
                .render(Drafts.draft(workspace), List.of());
        assertThat(prompt).isEqualTo("{{nope}} {{ taskId }} 1001 {{task_id}} claude-sonnet-4-5");
    }

    @Test
    void dollarsAndBackslashesInTheTitleAreKept() {
        TaskInfo info = new TaskInfo(new TaskId(5), new ServiceName("svc"), "Cost $1 \\ $2 \\n {{taskId}}", null, null);
        TaskDraft draft = new TaskDraft(workspace, info, List.of(new TaskFile("task.md", "x")));

        assertThat(new PromptTemplate("T: {{title}}").render(draft, List.of()))
                .isEqualTo("T: Cost $1 \\ $2 \\n {{taskId}}");
    }

    @Test
    void anUntitledTaskSaysSo() {
        assertThat(new PromptTemplate("{{title}}").render(new TaskDraft(workspace, Drafts.info(""), List.of()), List.of()))
                .isEqualTo("(untitled)");
    }

    @Test
    void aChosenTemplateFileThatDoesNotExistIsNamed() {
        Path missing = workspace.resolve("nope.md");
        assertThatThrownBy(() -> PromptTemplate.fromFile(missing))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessage("Prompt template " + missing + " does not exist");
    }

    @Test
    void aWorkspaceTemplateThatIsALinkIsRefusedNamingItsTarget() throws IOException {
        Path secret = overrideLinkedTo("-id_rsa", "PRIVATE KEY");
        Path override = workspace.resolve(PromptTemplate.OVERRIDE_PATH);

        assertThatThrownBy(() -> PromptTemplate.forWorkspace(workspace))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("The workspace's prompt template " + override
                            + " is a symbolic link to " + secret + ": Task Console does not read templates through links");
                });
        Files.delete(secret);
    }

    @Test
    void savingKeepsAnEditedTemplateAndTheDefaultOrABlankOneRemovesTheOverride() throws IOException {
        Path override = PromptTemplate.saveForWorkspace(workspace, "Do {{taskId}} carefully.");

        assertThat(override).isEqualTo(workspace.resolve(PromptTemplate.OVERRIDE_PATH));
        assertThat(PromptTemplate.forWorkspace(workspace).template()).isEqualTo("Do {{taskId}} carefully.");

        PromptTemplate.saveForWorkspace(workspace, PromptTemplate.defaultText());
        assertThat(override).doesNotExist();

        PromptTemplate.saveForWorkspace(workspace, "Mine.");
        PromptTemplate.saveForWorkspace(workspace, "  \n");
        assertThat(override).doesNotExist();
        assertThat(PromptTemplate.forWorkspace(workspace).template()).isEqualTo(PromptTemplate.defaultText());
    }

    @Test
    void savingNeverWritesThroughALink() throws IOException {
        Path elsewhere = overrideLinkedTo("-bashrc", "export PATH");

        assertThatThrownBy(() -> PromptTemplate.saveForWorkspace(workspace, "Mine."))
                .isInstanceOf(IOException.class).hasMessageContaining("symbolic link");
        assertThat(Files.readString(elsewhere)).isEqualTo("export PATH");
        Files.delete(elsewhere);
    }

    /** Makes the workspace's template override a link to a new file beside the workspace holding {@code content}. */
    private Path overrideLinkedTo(String suffix, String content) throws IOException {
        Path outside = workspace.resolveSibling(workspace.getFileName() + suffix);
        Files.writeString(outside, content);
        Path override = workspace.resolve(PromptTemplate.OVERRIDE_PATH);
        Files.createDirectories(override.getParent());
        Files.createSymbolicLink(override, outside);
        return outside;
    }
}
