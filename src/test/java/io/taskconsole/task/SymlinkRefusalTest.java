package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task folder from git may hold {@code notes.md -> ~/.ssh/id_rsa}: the link's target is never
 * read into the draft, the link is listed with where it points, and nothing is written through it.
 */
class SymlinkRefusalTest {

    @TempDir
    Path temp;
    Path folder;
    Path secret;

    @BeforeEach
    void taskWithALinkToASecret() throws IOException {
        secret = temp.resolve("home/.ssh/id_rsa");
        Files.createDirectories(secret.getParent());
        Files.writeString(secret, "-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n");
        folder = temp.resolve("workspace/1001-rate-limit");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("task.yaml"), "id: 1001\nservice: auth-service\n");
        Files.writeString(folder.resolve("task.md"), "# Task\n");
        Files.writeString(folder.resolve("design-spec.md"), "# Design\n");
        Files.createSymbolicLink(folder.resolve("notes.md"), secret);
    }

    @Test
    void aLinkedFileIsNotReadAndIsListedWithItsTarget() {
        TaskDraft draft = TaskFolder.load(folder);

        assertThat(draft.files()).extracting(TaskFile::name).containsExactly("task.md", "design-spec.md");
        assertThat(draft.files()).noneMatch(f -> f.content().contains("PRIVATE KEY"));
        assertThat(TaskFolder.links(folder)).singleElement().satisfies(link -> {
            assertThat(link.name()).isEqualTo("notes.md");
            assertThat(link.target()).isEqualTo(secret.toString());
            assertThat(link.inside()).isFalse();
            assertThat(link.sentence()).isEqualTo("'notes.md' is a symbolic link to " + secret
                    + ", outside the task folder: Task Console does not read, send or write through links");
        });
    }

    @Test
    void aLinkedMainFileIsNotReadEither() throws IOException {
        Files.delete(folder.resolve("task.md"));
        Files.createSymbolicLink(folder.resolve("task.md"), secret);

        assertThat(TaskFolder.load(folder).file("task.md")).isEmpty();
        assertThat(TaskFolder.links(folder)).extracting(LinkedFile::name).containsExactly("notes.md", "task.md");
    }

    @Test
    void aLinkedTaskYamlRefusesTheFolderNamingTheLink() throws IOException {
        Path yaml = temp.resolve("elsewhere.yaml");
        Files.move(folder.resolve("task.yaml"), yaml);
        Files.createSymbolicLink(folder.resolve("task.yaml"), yaml);

        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("'task.yaml' is a symbolic link to " + yaml);
                });
    }

    @Test
    void savingNeverWritesThroughALink() throws IOException {
        assertThatThrownBy(() -> TaskFolder.saveFile(folder, new TaskFile("notes.md", "overwritten")))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("notes.md").hasMessageContaining("symbolic link to " + secret);

        assertThat(Files.readString(secret)).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----");
        assertThat(Files.isSymbolicLink(folder.resolve("notes.md"))).as("the link is left as it was").isTrue();
    }

    @Test
    void aLinkToAFileInsideTheFolderIsRefusedToo() throws IOException {
        Files.createSymbolicLink(folder.resolve("copy.md"), Path.of("task.md"));

        assertThat(TaskFolder.load(folder).files()).extracting(TaskFile::name).doesNotContain("copy.md");
        assertThat(TaskFolder.links(folder)).filteredOn(l -> l.name().equals("copy.md")).singleElement()
                .satisfies(l -> {
                    assertThat(l.inside()).isTrue();
                    assertThat(l.sentence()).startsWith("'copy.md' is a symbolic link to task.md:");
                });
    }

    @Test
    void aFileNameThatIsAPathIsNeverSavedOutsideTheFolder() {
        for (String name : new String[] {"../escape.md", "/tmp/escape.md", "sub/notes.md", "..", "."}) {
            assertThatThrownBy(() -> TaskFolder.saveFile(folder, new TaskFile(name, "x")))
                    .as(name)
                    .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                        assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                        assertThat(e.getMessage()).isEqualTo("'" + name + "' is not a file name inside the task folder");
                    });
        }
        assertThat(folder.getParent().resolve("escape.md")).doesNotExist();
    }

    /** The Task Master import's --out, or a new task: never through a link, never over a file that is there. */
    @Test
    void aNewTaskFolderIsNeverMadeThroughALinkNorOverExistingFiles() throws IOException {
        TaskInfo info = new TaskInfo(new TaskId(7), new ServiceName("auth-service"), "Login", null, null);
        List<TaskFile> files = List.of(new TaskFile("task.md", "# Login\n"), new TaskFile("design-spec.md", "# D\n"));

        Path repo = temp.resolve("repo");
        Files.createDirectories(repo);
        Files.writeString(repo.resolve("task.md"), "the repository's own task.md");
        assertThatThrownBy(() -> TaskFolder.createAt(repo, info, files))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessage(repo + " already has a task.md; not overwriting it");
        assertThat(repo.resolve("task.md")).hasContent("the repository's own task.md");
        assertThat(repo.resolve("task.yaml")).doesNotExist();

        Path link = temp.resolve("out-link");
        Files.createSymbolicLink(link, Files.createDirectories(temp.resolve("elsewhere")));
        assertThatThrownBy(() -> TaskFolder.createAt(link, info, files))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageStartingWith(link + " is a symbolic link");
        try (var left = Files.list(temp.resolve("elsewhere"))) {
            assertThat(left).isEmpty();
        }
    }
}
