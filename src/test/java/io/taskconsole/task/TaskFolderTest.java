package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskFolderTest {

    @TempDir
    Path workspace;

    private Path folder(String taskYaml) throws IOException {
        Path folder = workspace.resolve("1001-rate-limit");
        Files.createDirectories(folder);
        if (taskYaml != null) {
            Files.writeString(folder.resolve("task.yaml"), taskYaml);
        }
        return folder;
    }

    @Test
    void loadsTaskYamlTheTwoMainFilesAndExtraMarkdownButNothingElse() throws IOException {
        Path folder = folder("id: 1001\nservice: auth-service\ntitle: Rate-limit failed logins\n");
        Files.writeString(folder.resolve("task.md"), "# Task\n");
        Files.writeString(folder.resolve("design-spec.md"), "# Design\n");
        Files.writeString(folder.resolve("notes.md"), "Notes\n");
        Files.writeString(folder.resolve("architecture.md"), "Arch\n");
        Files.writeString(folder.resolve("diagram.png"), "not markdown");
        Files.writeString(folder.resolve("todo.txt"), "not markdown");
        Files.writeString(folder.resolve(".scratch.md"), "hidden");
        Files.createDirectories(folder.resolve("sub.md"));

        TaskDraft draft = TaskFolder.load(folder);

        assertThat(draft.info()).isEqualTo(new TaskInfo(new TaskId(1001), new ServiceName("auth-service"),
                "Rate-limit failed logins", "claude-code", "claude-sonnet-4-5"));
        assertThat(draft.files()).extracting(TaskFile::name)
                .containsExactly("task.md", "design-spec.md", "architecture.md", "notes.md");
        assertThat(draft.file("notes.md")).map(TaskFile::content).contains("Notes\n");
        assertThat(draft.folder()).isEqualTo(folder);
    }

    @Test
    void aMissingFolderIsNamed() {
        Path missing = workspace.resolve("nope");
        assertThatThrownBy(() -> TaskFolder.load(missing))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("Task folder " + missing + " does not exist");
                    assertThat(e.fix()).contains("task.yaml");
                });
    }

    @Test
    void aMissingTaskYamlNamesTheFolderAndWhatToWrite() throws IOException {
        Path folder = folder(null);
        Files.writeString(folder.resolve("task.md"), "# Task\n");
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Missing task.yaml in " + folder);
                    assertThat(e.fix()).contains("id: 1001").contains("service: my-service");
                });
    }

    @Test
    void malformedYamlNamesTheFile() throws IOException {
        Path folder = folder("id: 1001\nservice: [auth\n");
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith(folder.resolve("task.yaml") + " is not valid YAML");
                    assertThat(e.fix()).contains("YAML syntax");
                });
    }

    @Test
    void aYamlListInsteadOfAMappingIsExplained() throws IOException {
        Path folder = folder("- 1001\n- auth-service\n");
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("must be a YAML mapping with id and service");
    }

    @Test
    void anInvalidServiceNamesTheFileAndSuggestsAName() throws IOException {
        Path folder = folder("id: 1001\nservice: Auth_Service\n");
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).contains("'Auth_Service'")
                            .contains("(in " + folder.resolve("task.yaml") + ")");
                    assertThat(e.fix()).isEqualTo("Use 'auth-service' instead.");
                });
    }

    @Test
    void anInvalidIdNamesTheFile() throws IOException {
        Path folder = folder("id: -3\nservice: auth-service\n");
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("Task id '-3' is not a positive integer")
                .hasMessageContaining("(in " + folder.resolve("task.yaml") + ")");
    }

    @Test
    void missingIdOrServiceSaysWhichKeyToAdd() throws IOException {
        Path folder = folder("service: auth-service\n");
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo(folder.resolve("task.yaml") + " has no 'id'");
                    assertThat(e.fix()).contains("id: 1001");
                });
        Files.writeString(folder.resolve("task.yaml"), "id: 5\n");
        assertThatThrownBy(() -> TaskFolder.load(folder)).hasMessageEndingWith("has no 'service'");
    }

    @Test
    void latin1TextIsReportedWithTheFileAndTheOffsetOfTheFirstBadByte() throws IOException {
        Path folder = folder("id: 1001\nservice: auth-service\n");
        byte[] latin1 = "Café au lait".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(folder.resolve("task.md"), latin1);
        assertThatThrownBy(() -> TaskFolder.load(folder))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo(folder.resolve("task.md")
                            + " is not UTF-8 text (invalid bytes near offset 3)");
                    assertThat(e.fix()).contains("UTF-8").contains("iconv");
                });
    }

    @Test
    void theOffsetCountsBytesNotCharacters() throws IOException {
        Path file = workspace.resolve("notes.md");
        byte[] good = "ää".getBytes(StandardCharsets.UTF_8); // 4 bytes
        byte[] bytes = new byte[good.length + 2];
        System.arraycopy(good, 0, bytes, 0, good.length);
        bytes[4] = 'x';
        bytes[5] = (byte) 0xFF;
        Files.write(file, bytes);
        assertThatThrownBy(() -> TaskFolder.readUtf8(file)).hasMessageContaining("near offset 5");
    }

    @Test
    void aUtf8ByteOrderMarkIsStripped() throws IOException {
        Path folder = folder("id: 1001\nservice: auth-service\n");
        Files.write(folder.resolve("task.yaml"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "id: 1001\nservice: auth-service\n".getBytes(StandardCharsets.UTF_8)));
        Files.write(folder.resolve("task.md"), concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "# Task\n".getBytes(StandardCharsets.UTF_8)));

        TaskDraft draft = TaskFolder.load(folder);

        assertThat(draft.info().id()).isEqualTo(new TaskId(1001));
        assertThat(draft.file("task.md")).map(TaskFile::content).contains("# Task\n");
    }

    @Test
    void saveReplacesTheContentAndLeavesNoTemporaryFilesBehind() throws IOException {
        Path folder = folder("id: 1001\nservice: auth-service\n");
        Files.writeString(folder.resolve("task.md"), "old text that is longer than the new one\n");
        TaskDraft draft = new TaskDraft(folder, new TaskInfo(new TaskId(1001), new ServiceName("auth-service"),
                "New title", null, null), List.of(new TaskFile("task.md", "new\n"),
                new TaskFile("design-spec.md", "spec\n")));

        TaskFolder.save(draft);

        assertThat(Files.readString(folder.resolve("task.md"))).isEqualTo("new\n");
        assertThat(TaskFolder.load(folder).info().title()).isEqualTo("New title");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("task.yaml", "task.md", "design-spec.md");
        }
    }

    @Test
    void saveAndLoadRoundTripEveryField() {
        TaskInfo info = new TaskInfo(new TaskId(42), new ServiceName("billing"), "Title: with 'quotes' and #hash",
                "other-agent", "some-model");
        TaskDraft created = TaskFolder.create(workspace, info, "# T\n", "# D\n");

        TaskDraft loaded = TaskFolder.load(created.folder());

        assertThat(loaded.info()).isEqualTo(info);
        assertThat(loaded.files()).containsExactly(new TaskFile("task.md", "# T\n"), new TaskFile("design-spec.md", "# D\n"));
    }

    @Test
    void createRefusesToOverwriteAnExistingTask() throws IOException {
        TaskInfo info = new TaskInfo(new TaskId(7), new ServiceName("auth-service"), "Login limit", null, null);
        TaskDraft first = TaskFolder.create(workspace, info, "mine\n", "spec\n");

        assertThatThrownBy(() -> TaskFolder.create(workspace, info, "other\n", "other\n"))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).isEqualTo("A task folder " + first.folder() + " already exists");
                    assertThat(e.fix()).contains("another task id or title");
                });
        assertThat(Files.readString(first.folder().resolve("task.md"))).isEqualTo("mine\n");
    }

    @Test
    void folderNamesAreTheIdAndASlugOfTheTitle() {
        assertThat(TaskFolder.folderName(info(1001, "Rate-limit failed logins!"))).isEqualTo("1001-rate-limit-failed-logins");
        assertThat(TaskFolder.folderName(info(3, "  --Hello,   World--  "))).isEqualTo("3-hello-world");
        assertThat(TaskFolder.folderName(info(4, ""))).isEqualTo("4");
        assertThat(TaskFolder.folderName(info(5, "日本語"))).isEqualTo("5");
        String longName = TaskFolder.folderName(info(6, "a very long title that goes on and on well past forty characters"));
        assertThat(longName).startsWith("6-a-very-long-title").doesNotEndWith("-");
        assertThat(longName.length()).isLessThanOrEqualTo(2 + 40);
    }

    @Test
    void listFindsOnlyFoldersWithATaskYaml() throws IOException {
        TaskFolder.create(workspace, info(2, "Second"), "", "");
        TaskFolder.create(workspace, info(1, "First"), "", "");
        Files.createDirectories(workspace.resolve("not-a-task"));

        assertThat(TaskFolder.list(workspace)).extracting(p -> p.getFileName().toString())
                .containsExactly("1-first", "2-second");
        assertThat(TaskFolder.list(workspace.resolve("missing"))).isEmpty();
    }

    private static TaskInfo info(long id, String title) {
        return new TaskInfo(new TaskId(id), new ServiceName("svc"), title, null, null);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A file dropped on the editor is copied in under its name; the file it came from is untouched. */
    @Test
    void anExtraFileIsCopiedInFromOutside() throws IOException {
        Path folder = folder("id: 1001\nservice: auth-service\n");
        Path outside = Files.createDirectories(workspace.resolve("Downloads"));
        Path notes = Files.writeString(outside.resolve("api-notes.md"), "# API\n\u00e9t\u00e9\n");

        TaskFile added = TaskFolder.addExtraFile(folder, notes, 1024);

        assertThat(added).isEqualTo(new TaskFile("api-notes.md", "# API\n\u00e9t\u00e9\n"));
        assertThat(Files.readString(folder.resolve("api-notes.md"))).isEqualTo("# API\n\u00e9t\u00e9\n");
        assertThat(Files.exists(notes)).isTrue();
    }

    /** Each refusal says what and how to fix it, and leaves the task folder as it was. */
    @Test
    void anExtraFileIsRefusedWithTheReasonAndNothingIsReplaced() throws IOException {
        Path folder = folder("id: 1001\nservice: auth-service\n");
        Files.writeString(folder.resolve("task.md"), "# Mine\n");
        Files.writeString(folder.resolve("notes.md"), "# My notes\n");
        Path outside = Files.createDirectories(workspace.resolve("Downloads"));
        Path dir = Files.createDirectories(outside.resolve("specs.md"));
        Path text = Files.writeString(outside.resolve("todo.txt"), "x");
        Path spaced = Files.writeString(outside.resolve("My \u00c9t\u00e9 Notes.md"), "x");
        Path big = Files.writeString(outside.resolve("big.md"), "x".repeat(1025));
        Path clash = Files.writeString(outside.resolve("NOTES.md"), "# Theirs\n");
        Path main = Files.writeString(outside.resolve("task.md"), "# Theirs\n");
        Path latin1 = Files.write(outside.resolve("latin.md"), new byte[] {'c', 'a', 'f', (byte) 0xE9});
        Path link = Files.createSymbolicLink(outside.resolve("link.md"), main);

        assertRefused(folder, dir, "is a folder, not a Markdown file", "drop the .md files in it");
        assertRefused(folder, text, "todo.txt is not a Markdown file (its name does not end in .md)", "save it as .md");
        assertRefused(folder, spaced, "'My \u00c9t\u00e9 Notes.md' cannot be the name of a task file", "e.g. to 'my-ete-notes.md'");
        assertRefused(folder, big, "big.md is 1,025 bytes, more than the 1,024 bytes", "Shorten it");
        assertRefused(folder, clash, "The task already has a file named notes.md", "e.g. to 'NOTES-2.md'");
        assertRefused(folder, main, "The task has its own task.md; a dropped task.md never replaces it", "Rename the dropped file");
        assertRefused(folder, latin1, "is not UTF-8 text", "Save it as UTF-8");
        assertRefused(folder, link, "is a symbolic link", "Drop the file it points to");

        assertThat(Files.readString(folder.resolve("notes.md"))).isEqualTo("# My notes\n");
        assertThat(Files.readString(folder.resolve("task.md"))).isEqualTo("# Mine\n");
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly("notes.md", "task.md", "task.yaml");
        }
    }

    private static void assertRefused(Path folder, Path source, String what, String fix) {
        assertThatThrownBy(() -> TaskFolder.addExtraFile(folder, source, 1024))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining(what)
                .satisfies(e -> assertThat(((TaskConsoleException) e).fix()).contains(fix));
    }
}
