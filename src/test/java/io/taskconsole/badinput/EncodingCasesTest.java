package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files in encodings other than plain UTF-8, as editors on other systems save them. */
class EncodingCasesTest {

    @TempDir
    Path folder;

    @BeforeEach
    void taskYaml() throws IOException {
        Files.writeString(folder.resolve("task.yaml"), "id: 1001\nservice: auth-service\n");
        Files.writeString(folder.resolve("design-spec.md"), "# Design\n");
    }

    private void taskMd(byte[]... parts) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        Files.write(folder.resolve("task.md"), out.toByteArray());
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    @BadInputCase(id = "utf8-bom", area = "Encodings", input = "task.md saved with a UTF-8 byte-order mark",
            shows = "# Task", outcome = "Loads; the mark is dropped, so the first heading is a heading.")
    void utf8Bom() throws IOException {
        taskMd(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("# Task\n"));
        shows(TaskFolder.load(folder).file("task.md").orElseThrow().content().lines().findFirst().orElseThrow());
    }

    @Test
    @BadInputCase(id = "utf16", area = "Encodings", input = "task.md saved as UTF-16 (Windows Notepad's \"Unicode\")",
            shows = "<folder>/task.md is UTF-16 text, not UTF-8. Save it as UTF-8 in your editor, or convert it: "
                    + "iconv -f utf-16 -t utf-8.")
    void utf16() throws IOException {
        taskMd(new byte[] {(byte) 0xFF, (byte) 0xFE}, "# Task\n".getBytes(StandardCharsets.UTF_16LE));
        shows(messageOf(() -> TaskFolder.load(folder)));
    }

    @Test
    @BadInputCase(id = "nul-bytes", area = "Encodings", input = "NUL bytes in an extra .md file",
            shows = "<folder>/notes.md holds NUL bytes (the first at offset 4), so it is not a text file. Remove them, "
                    + "or keep the file out of the task folder: every .md file in it is sent to the agent.")
    void nulBytes() throws IOException {
        taskMd(utf8("# Task\n"));
        Files.write(folder.resolve("notes.md"), new byte[] {'a', 'b', 'c', '\n', 0, 'd'});
        shows(messageOf(() -> TaskFolder.load(folder)));
    }

    @Test
    @BadInputCase(id = "invalid-utf8", area = "Encodings", input = "task.md in Latin-1 (`Café` as one byte é)",
            shows = "<folder>/task.md is not UTF-8 text (invalid bytes near offset 3). Save it as UTF-8 in your editor, "
                    + "or convert it: iconv -f latin1 -t utf-8.")
    void invalidUtf8() throws IOException {
        taskMd("Café au lait".getBytes(StandardCharsets.ISO_8859_1));
        shows(messageOf(() -> TaskFolder.load(folder)));
    }

    @Test
    @BadInputCase(id = "crlf", area = "Encodings", input = "task.md with Windows line endings (CRLF)",
            shows = "AC-1 Logins are limited | AC-2 Admins are told",
            outcome = "Loads as written; the acceptance criteria are found exactly as with LF endings.")
    void crlf() throws IOException {
        taskMd(utf8("# Task\r\n\r\n## Acceptance criteria\r\n\r\n- Logins are limited\r\n- Admins are told\r\n"));
        String md = TaskFolder.load(folder).file("task.md").orElseThrow().content();
        shows(new CriteriaExtractor().extract(new TaskFile("task.md", md)).stream()
                .map(c -> c.id() + " " + c.text()).collect(Collectors.joining(" | ")));
    }

    @Test
    @BadInputCase(id = "one-2mb-line", area = "Encodings", input = "task.md of one 2 MB line with no line break",
            shows = "files: The task's files total 2.01 MiB, 1.01 MiB over the 1 MiB ConfigMap limit (task.md 2.00 MiB, "
                    + "<others>). Shorten the largest files or move big material (logs, data) into the repository and link to it",
            outcome = "Loads and previews (in parts); submitting is refused before anything is sent.")
    void oneHugeLine() throws IOException {
        taskMd(utf8("x".repeat(2 * 1024 * 1024)));
        var draft = TaskFolder.load(folder);
        shows(new io.taskconsole.submit.SubmissionValidator().validate(draft, io.taskconsole.submit.PromptTemplate.defaultTemplate())
                .stream().map(io.taskconsole.submit.Problem::oneLine).collect(Collectors.joining("\n")));
    }
}
