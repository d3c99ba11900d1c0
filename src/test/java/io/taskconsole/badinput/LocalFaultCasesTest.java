package io.taskconsole.badinput;

import static io.taskconsole.badinput.BadInput.messageOf;
import static io.taskconsole.badinput.BadInput.shows;
import static org.assertj.core.api.Assertions.assertThat;

import io.taskconsole.task.ServiceName;
import io.taskconsole.task.TaskDraft;
import io.taskconsole.task.TaskFile;
import io.taskconsole.task.TaskFolder;
import io.taskconsole.task.TaskId;
import io.taskconsole.task.TaskInfo;
import io.taskconsole.task.WorkspaceLock;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Faults of the user's own machine while a task is open. */
@Timeout(120)
class LocalFaultCasesTest {

    @TempDir
    Path workspace;

    @Test
    @BadInputCase(id = "folder-deleted-while-open", area = "Local faults", input = "The task folder is deleted (or moved) while the task is open",
            shows = "Cannot save task.md: the task folder <folder> no longer exists (deleted or moved by another program). Your "
                    + "text is still in the editor: restore the folder (or copy the text out) and save again.",
            outcome = "The autosave refuses instead of making a new folder without task.yaml; the edit stays unsaved in the editor.")
    void folderDeletedWhileOpen() throws Exception {
        TaskDraft draft = TaskFolder.create(workspace, new TaskInfo(new TaskId(1), new ServiceName("svc"), "Gone", null, null), "# T\n", "# D\n");
        for (String name : new String[] {"task.md", "design-spec.md", "task.yaml"}) {
            Files.delete(draft.folder().resolve(name));
        }
        Files.delete(draft.folder());
        shows(messageOf(() -> TaskFolder.saveFile(draft.folder(), new TaskFile("task.md", "# Edited\n"))));
        assertThat(draft.folder()).doesNotExist();
    }

    @Test
    @BadInputCase(id = "two-instances-one-workspace", area = "Local faults",
            input = "A second Task Console opens the workspace another one (another process) has open",
            shows = "The workspace <folder> is open in another Task Console (pid <pid>). Switch to that window, or close it first: "
                    + "two windows saving the same tasks would overwrite each other's edits.",
            outcome = "The second one refuses to autosave into it; once the first ends (even by kill -9) the workspace is free again.")
    void twoInstances() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process other = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                WorkspaceLockHolder.class.getName(), workspace.toString()).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("locked");
            String seen = messageOf(() -> WorkspaceLock.acquire(workspace));
            shows(seen);
            assertThat(seen).contains("(pid " + other.pid() + ")");
        } finally {
            other.destroyForcibly();
            other.waitFor(60, TimeUnit.SECONDS);
        }
        try (WorkspaceLock mine = WorkspaceLock.acquire(workspace)) {
            assertThat(Files.readString(workspace.resolve(WorkspaceLock.FILE)).strip())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }
}
