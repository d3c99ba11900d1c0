package io.taskconsole.submit;

import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Task drafts for tests, built in memory. */
final class Drafts {

    static final String TASK_MD = """
            # Rate-limit failed logins

            Stop credential stuffing against /login.

            ## Acceptance criteria

            - [ ] The sixth failed login within a minute gets HTTP 429
            - [ ] The response has a Retry-After header
            """;
    static final String DESIGN_MD = """
            # Design

            Use a token bucket per account.

            ## Acceptance criteria

            - [ ] Limits are configurable
            """;

    private Drafts() {
    }

    static TaskInfo info(String title) {
        return new TaskInfo(new TaskId(1001), new ServiceName("auth-service"), title, null, null);
    }

    static TaskDraft draft(Path folder, TaskFile... extras) {
        List<TaskFile> files = new ArrayList<>(List.of(new TaskFile("task.md", TASK_MD),
                new TaskFile("design-spec.md", DESIGN_MD)));
        files.addAll(List.of(extras));
        return new TaskDraft(folder, info("Rate-limit failed logins"), files);
    }

    static AttemptContext context(int attempt, Integer previous) {
        return new AttemptContext(attempt, previous, "pm@example.com", Instant.parse("2026-11-25T16:20:45.123Z"),
                "1.2.3", "lab", "orchestrator");
    }
}
