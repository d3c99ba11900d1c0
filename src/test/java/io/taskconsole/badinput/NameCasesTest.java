package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;

import io.taskconsole.submit.Problem;
import io.taskconsole.submit.PromptTemplate;
import io.taskconsole.submit.SubmissionValidator;
import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Task ids, service names, titles and file names a person might type. */
class NameCasesTest {

    private static final Path FOLDER = Path.of("/work/tasks/1001-x");
    private final SubmissionValidator validator = new SubmissionValidator();

    /** The problems the app lists and the CLI prints before submitting, one line each. */
    private String problems(TaskFile... extra) {
        List<TaskFile> files = new ArrayList<>(List.of(new TaskFile("task.md", "# Task\n\n## Acceptance criteria\n\n- works\n"),
                new TaskFile("design-spec.md", "# Design\n")));
        files.addAll(List.of(extra));
        TaskDraft draft = new TaskDraft(FOLDER, new TaskInfo(new TaskId(1001), new ServiceName("auth"), "T", null, null), files);
        List<Problem> found = validator.validate(draft, PromptTemplate.defaultTemplate());
        return found.stream().map(Problem::oneLine).collect(Collectors.joining("\n"));
    }

    @Test
    @BadInputCase(id = "task-id-text", area = "Names", input = "A task id that is not a number (`abc`)",
            shows = "Task id 'abc' is not a positive integer. Use a whole number of 1 or more, for example 1001.")
    void taskIdText() {
        shows(messageOf(() -> TaskId.parse("abc")));
    }

    @Test
    @BadInputCase(id = "task-id-zero", area = "Names", input = "Task id 0",
            shows = "Task id 0 is not a positive integer. Use a whole number of 1 or more, for example 1001.")
    void taskIdZero() {
        shows(messageOf(() -> TaskId.parse("0")));
    }

    @Test
    @BadInputCase(id = "task-id-huge", area = "Names", input = "A task id of 20 digits (past a 64-bit integer)",
            shows = "Task id '12345678901234567890' is not a positive integer. Use a whole number of 1 or more, for example 1001.")
    void taskIdHuge() {
        shows(messageOf(() -> TaskId.parse("12345678901234567890")));
    }

    @Test
    @BadInputCase(id = "service-case-underscore", area = "Names", input = "Service name with capitals and `_` (`Auth_Service`)",
            shows = "Service name 'Auth_Service' is not a DNS-1123 label (lower-case letters, digits and '-', starting and "
                    + "ending with a letter or digit). Use 'auth-service' instead.")
    void serviceCaseAndUnderscore() {
        shows(messageOf(() -> ServiceName.parse("Auth_Service")));
    }

    @Test
    @BadInputCase(id = "service-unicode", area = "Names", input = "Service name with accents and a space (`Zähler Dienst`)",
            shows = "Service name 'Zähler Dienst' is not a DNS-1123 label (lower-case letters, digits and '-', starting and "
                    + "ending with a letter or digit). Use 'zahler-dienst' instead.",
            outcome = "The suggestion keeps the letters: accents are dropped, not the letters that carry them.")
    void serviceUnicode() {
        shows(messageOf(() -> ServiceName.parse("Zähler Dienst")));
    }

    @Test
    @BadInputCase(id = "service-too-long", area = "Names", input = "Service name of 64 characters",
            shows = "Service name '<name>' is longer than 63 characters. Use '<shorter>' instead.")
    void serviceTooLong() {
        shows(messageOf(() -> ServiceName.parse("payments-".repeat(7) + "x")));
    }

    @Test
    @BadInputCase(id = "service-empty", area = "Names", input = "Empty service name",
            shows = "Service name '' is empty. Use 'my-service' instead.")
    void serviceEmpty() {
        shows(messageOf(() -> ServiceName.parse("  ")));
    }

    @Test
    @BadInputCase(id = "title-non-latin", area = "Names", input = "A title with no Latin letters (`日本語`)",
            shows = "7", outcome = "The task folder is named by its id alone; the title stays as written in task.yaml.")
    void titleWithoutLatinLetters() {
        shows(TaskFolder.folderName(new TaskInfo(new TaskId(7), new ServiceName("svc"), "日本語", null, null)));
    }

    @Test
    @BadInputCase(id = "title-accents-long", area = "Names", input = "A 300-character title with accents",
            shows = "8-cafe-creme-cafe-creme-cafe-creme-cafe-cr",
            outcome = "The folder name keeps the letters and stops at 40 characters after the id.")
    void longAccentedTitle() {
        shows(TaskFolder.folderName(new TaskInfo(new TaskId(8), new ServiceName("svc"), "Café crème ".repeat(28), null, null)));
    }

    @Test
    @BadInputCase(id = "file-space", area = "Names", input = "An extra file with a space (`my notes.md`)",
            shows = "my notes.md: The file name 'my notes.md' cannot be a ConfigMap key (allowed: letters, digits, '-', '_' "
                    + "and '.'). Rename the file, e.g. to 'my-notes.md'",
            outcome = "Listed in the app's problems and printed by the CLI; nothing is sent.")
    void fileNameWithSpace() {
        shows(problems(new TaskFile("my notes.md", "n")));
    }

    @Test
    @BadInputCase(id = "file-unicode", area = "Names", input = "An extra file with accents (`notes été.md`)",
            shows = "notes été.md: The file name 'notes été.md' cannot be a ConfigMap key (allowed: letters, digits, '-', '_' "
                    + "and '.'). Rename the file, e.g. to 'notes-ete.md'")
    void fileNameUnicode() {
        shows(problems(new TaskFile("notes été.md", "n")));
    }

    @Test
    @BadInputCase(id = "file-case-clash", area = "Names", input = "Two files that differ only in case (`Notes.md`, `notes.md`)",
            shows = "notes.md: 'notes.md' and 'Notes.md' differ only in case, so on a case-insensitive file system one "
                    + "overwrites the other. Merge them, or rename one of them")
    void fileNamesDifferingInCase() {
        shows(problems(new TaskFile("Notes.md", "a"), new TaskFile("notes.md", "b")));
    }

    @Test
    @BadInputCase(id = "file-reserved", area = "Names", input = "A file named like a generated one (`prompt.md`)",
            shows = "prompt.md: 'prompt.md' is generated by Task Console for every attempt. Rename your file, e.g. to "
                    + "'notes-prompt.md'")
    void reservedFileName() {
        shows(problems(new TaskFile("prompt.md", "mine")));
    }

    @Test
    @BadInputCase(id = "file-name-254", area = "Names", input = "A file name of 254 characters",
            shows = "<start>…: The file name is 254 characters long; a ConfigMap key may have at most 253. Rename the file, "
                    + "e.g. to '<shorter>.md'")
    void fileNameTooLong() {
        String name = "n".repeat(251) + ".md";
        String seen = problems(new TaskFile(name, "x"));
        shows(seen);
        String suggested = seen.substring(seen.indexOf("e.g. to '") + 9, seen.length() - 1);
        org.assertj.core.api.Assertions.assertThat(io.taskconsole.submit.ConfigMapLimits.isValidKey(suggested)).isTrue();
    }
}
