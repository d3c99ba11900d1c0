package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.markdown.CriteriaExtractor;
import io.taskconsole.submit.SubmissionValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleTaskTest {

    @TempDir
    Path workspace;

    @Test
    void theSampleIsACompleteTaskWithCriteria() {
        TaskDraft sample = SampleTask.create(workspace);

        assertThat(sample.folder()).isEqualTo(workspace.resolve("1001-rate-limit-failed-logins"));
        assertThat(sample.info().service().value()).isEqualTo("auth-service");
        assertThat(new SubmissionValidator().validateDraft(sample)).isEmpty();
        assertThat(new CriteriaExtractor().extract(sample.files())).isNotEmpty();
    }

    @Test
    void creatingItAgainKeepsTheUsersEdits() throws IOException {
        TaskDraft sample = SampleTask.create(workspace);
        Files.writeString(sample.folder().resolve("task.md"), "edited\n");

        TaskDraft again = SampleTask.create(workspace);

        assertThat(again.file("task.md")).map(TaskFile::content).contains("edited\n");
    }
}
