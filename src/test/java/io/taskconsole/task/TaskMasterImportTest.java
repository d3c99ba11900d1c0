package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.markdown.Criterion;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskMasterImportTest {

    @TempDir
    Path tmp;

    private final TaskMasterImport importer = new TaskMasterImport();

    private static Path fixture(String name) {
        try {
            return Path.of(TaskMasterImportTest.class.getResource("/taskmaster/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void importsATaggedTaskWithSubtasksAsTaskMarkdown() {
        ImportedTask task = importer.importTask(fixture("tagged-tasks.json"), new TaskId(2));

        assertThat(task.id()).isEqualTo(new TaskId(2));
        assertThat(task.title()).isEqualTo("Add idempotent payment capture endpoint");
        assertThat(task.tag()).isEqualTo("master");
        assertThat(task.taskMarkdown()).isEqualTo("""
                # Add idempotent payment capture endpoint

                > Imported from Task Master task 2 (tag master) · priority: high · status: pending · depends on: 1

                Expose POST /payments/{id}/capture that captures an authorised payment exactly once.

                ## Details

                Store an idempotency key per request in the captures table.
                A repeated request with the same key returns the first response unchanged.

                Use the existing PaymentGateway client; do not call the provider twice.

                ## Acceptance criteria

                - Capturing an authorised payment returns 200 and the captured amount
                - Repeating the request with the same Idempotency-Key returns the identical response without a second provider call
                - Capturing an unknown payment returns 404
                - Capturing a payment that is already refunded returns 409

                ## Subtasks

                - **2.1 Create the captures table**: Flyway migration for captures with a unique idempotency key.
                  _status: done_

                  Columns: id, payment_id, idempotency_key (unique), response_json, created_at.

                - **2.2 Implement the capture service**: Look up the key, call the gateway once, store the response.
                  _status: in-progress · depends on: 2.1_

                  Wrap lookup and insert in one transaction.

                  On a unique-key violation, reload and return the stored response.

                - **2.3 Expose the REST endpoint**: Controller, request validation and error mapping.
                  _status: pending · depends on: 2.2, 2.1_
                """);
    }

    @Test
    void onlyTheTestStrategyBecomesAcceptanceCriteriaNotTheSubtasks() {
        ImportedTask task = importer.importTask(fixture("tagged-tasks.json"), new TaskId(2));

        assertThat(new CriteriaExtractor().extract(task.files())).extracting(Criterion::text).containsExactly(
                "Capturing an authorised payment returns 200 and the captured amount",
                "Repeating the request with the same Idempotency-Key returns the identical response without a second provider call",
                "Capturing an unknown payment returns 404",
                "Capturing a payment that is already refunded returns 409");
    }

    @Test
    void theDesignSpecIsAPlaceholderSayingWhatToFillIn() {
        ImportedTask task = importer.importTask(fixture("tagged-tasks.json"), new TaskId(2));

        assertThat(task.designSpecMarkdown()).startsWith("# Design spec: Add idempotent payment capture endpoint\n")
                .contains("Task Master has no design spec", "## Context", "## Approach", "## Constraints", "## Out of scope");
        assertThat(task.files()).extracting(TaskFile::name).containsExactly(TaskFile.TASK_MD, TaskFile.DESIGN_SPEC_MD);
        assertThat(task.files().get(0).content()).isEqualTo(task.taskMarkdown());
    }

    @Test
    void numberedTestStrategyLinesBecomeOneCriterionEach() {
        ImportedTask task = importer.importTask(fixture("tagged-tasks.json"), new TaskId(3));

        assertThat(task.taskMarkdown()).contains("""
                ## Acceptance criteria

                - The OpenAPI file validates
                - The docs site shows the endpoint
                """).doesNotContain("## Details", "## Subtasks");
    }

    @Test
    void aOneLineTestStrategyIsOneCriterion() {
        ImportedTask task = importer.importTask(fixture("legacy-tasks.json"), new TaskId(7));

        assertThat(task.taskMarkdown()).endsWith("""
                ## Acceptance criteria

                - The sixth attempt within a minute gets HTTP 429 with a Retry-After header.
                """);
    }

    @Test
    void readsTheUntaggedShapeWithStringIds() {
        ImportedTask task = importer.importTask(fixture("legacy-tasks.json"), TaskId.parse("7"));

        assertThat(task.tag()).isNull();
        assertThat(task.title()).isEqualTo("Rate-limit the login endpoint");
        assertThat(task.taskMarkdown()).startsWith("""
                # Rate-limit the login endpoint

                > Imported from Task Master task 7 · priority: medium · status: pending · depends on: 5, 6

                Stop credential stuffing against /login.

                ## Details

                Allow 5 attempts per minute per account and per IP address.
                """);
    }

    @Test
    void aTaskWithOnlyATitleLeavesTheCriteriaForTheUserToWrite() {
        ImportedTask task = importer.importTask(fixture("legacy-tasks.json"), new TaskId(8));

        assertThat(task.taskMarkdown()).isEqualTo("""
                # Bare task

                > Imported from Task Master task 8

                ## Acceptance criteria

                <!-- Task Master gave no test strategy: list what must be true when this task is done. -->
                """);
    }

    @Test
    void aTaskWithoutTitleIsNamedByItsId() throws IOException {
        Path file = Files.writeString(tmp.resolve("tasks.json"), "{\"tasks\":[{\"id\":12,\"description\":\"Something\"}]}");

        assertThat(importer.importTask(file, new TaskId(12)).title()).isEqualTo("Task 12");
    }

    @Test
    void anIntroLineBeforeBulletsStaysAboveTheList() throws IOException {
        Path file = Files.writeString(tmp.resolve("tasks.json"), """
                {"tasks":[{"id":1,"title":"T","testStrategy":"Verify the following:\\n* [ ] login works\\n* logout works"}]}
                """);

        assertThat(importer.importTask(file, new TaskId(1)).taskMarkdown()).contains("""
                ## Acceptance criteria

                Verify the following:

                - login works
                - logout works
                """);
    }

    @Test
    void anIdInOneTagOfSeveralIsFoundWithoutNamingTheTag() {
        ImportedTask task = importer.importTask(fixture("two-tags.json"), new TaskId(9));

        assertThat(task.tag()).isEqualTo("feature-login");
        assertThat(task.title()).isEqualTo("Only in feature-login");
    }

    @Test
    void anIdInSeveralTagsNeedsTheTag() {
        assertThatThrownBy(() -> importer.importTask(fixture("two-tags.json"), new TaskId(1)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("Task 1 is in several tags", "master, feature-login");
                    assertThat(e.fix()).contains("tag");
                });

        assertThat(importer.importTask(fixture("two-tags.json"), new TaskId(1), "feature-login").title()).isEqualTo("Login one");
    }

    @Test
    void anUnknownTagListsTheTags() {
        assertThatThrownBy(() -> importer.importTask(fixture("two-tags.json"), new TaskId(1), "release"))
                .isInstanceOf(TaskConsoleException.class)
                .hasMessageContaining("no tag 'release'")
                .hasMessageContaining("master, feature-login");
    }

    @Test
    void listsEveryTaskForAPicker() {
        assertThat(importer.list(fixture("two-tags.json"))).containsExactly(
                new TaskMasterImport.Entry(new TaskId(1), "Master one", "pending", "master"),
                new TaskMasterImport.Entry(new TaskId(4), "Only in master", "pending", "master"),
                new TaskMasterImport.Entry(new TaskId(1), "Login one", "pending", "feature-login"),
                new TaskMasterImport.Entry(new TaskId(9), "Only in feature-login", "review", "feature-login"));
    }

    @Test
    void aMissingIdListsTheIdsThereAre() {
        assertThatThrownBy(() -> importer.importTask(fixture("tagged-tasks.json"), new TaskId(42)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("Task 42 is not in Task Master file", "tagged-tasks.json",
                            "its ids are 1, 2, 3");
                });
    }

    @Test
    void aLongIdListIsShortened() throws IOException {
        StringBuilder json = new StringBuilder("{\"tasks\":[");
        for (int i = 1; i <= 30; i++) {
            json.append(i > 1 ? "," : "").append("{\"id\":").append(i).append(",\"title\":\"t").append(i).append("\"}");
        }
        Path file = Files.writeString(tmp.resolve("tasks.json"), json.append("]}"));

        assertThatThrownBy(() -> importer.importTask(file, new TaskId(99)))
                .hasMessageContaining("its ids are 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, … (30 in all)");
    }

    @Test
    void aMissingFileSaysWhichAndWhereTaskMasterKeepsIt() {
        Path missing = tmp.resolve("nope").resolve("tasks.json");

        assertThatThrownBy(() -> importer.importTask(missing, new TaskId(1)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(missing.toString(), "does not exist");
                    assertThat(e.fix()).contains(".taskmaster/tasks/tasks.json");
                });
    }

    @Test
    void brokenJsonNamesTheLineAndColumn() {
        assertThatThrownBy(() -> importer.importTask(fixture("broken.json"), new TaskId(1)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.kind()).isEqualTo(TaskConsoleException.Kind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("broken.json is not valid JSON (line 3, column");
                });
    }

    @Test
    void anEmptyFileIsReported() throws IOException {
        Path file = Files.writeString(tmp.resolve("tasks.json"), "");

        assertThatThrownBy(() -> importer.importTask(file, new TaskId(1)))
                .isInstanceOf(TaskConsoleException.class).hasMessageContaining("is empty");
    }

    @Test
    void jsonOfAnotherShapeIsRejected() throws IOException {
        Path array = Files.writeString(tmp.resolve("array.json"), "[1, 2]");
        Path notAList = Files.writeString(tmp.resolve("obj.json"), "{\"tasks\": {\"1\": {}}}");

        assertThatThrownBy(() -> importer.importTask(fixture("wrong-shape.json"), new TaskId(1)))
                .isInstanceOfSatisfying(TaskConsoleException.class, e -> {
                    assertThat(e.getMessage()).contains("is not a Task Master task list", "no \"tasks\" list");
                    assertThat(e.fix()).contains("{\"master\": {\"tasks\": [...]}}");
                });
        assertThatThrownBy(() -> importer.importTask(array, new TaskId(1))).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> importer.importTask(notAList, new TaskId(1))).hasMessageContaining("\"tasks\" is not a list");
    }
}
