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
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
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

    @Test
    @BadInputCase(id = "disk-full-autosave", area = "Local faults", input = "The disk fills up: an autosave of task.md finds no space left",
            shows = "Cannot save task.md in <folder>: the disk is full. Free some space on that disk, then save again (Ctrl+S); your "
                    + "text is still in the editor, and the file on disk keeps its last saved version.",
            outcome = "Banner and 'Not saved' under the editor; the edit stays in the editor; task.md keeps its last saved content "
                    + "(the write goes to a temp file first, removed again), and Ctrl+S writes it once there is room.")
    void diskFullWhileAutosaving() throws Exception {
        List<String> out = onSmallDisk("prepare-full", "rw");
        shows(line(out, "message: "));
        assertThat(line(out, "task.md: ")).as("the last saved version, whole").isEqualTo(DiskFaultHelper.BEFORE.strip());
        assertThat(line(out, "files: ")).as("no temp file left behind").isEqualTo("[design-spec.md, task.md, task.yaml]");
    }

    @Test
    @BadInputCase(id = "read-only-task-folder", area = "Local faults", input = "The task folder is on a read-only file system (or not writable)",
            shows = "Cannot save task.md: the task folder <folder> is read-only (Read-only file system). Make the folder writable "
                    + "(chmod u+w, or remount the disk read-write), or copy the task folder somewhere you can write; your text is still in the editor.",
            outcome = "Banner and 'Not saved'; the task opens and previews as usual, the edit stays in the editor, the files are untouched.")
    void readOnlyTaskFolder() throws Exception {
        List<String> out = onSmallDisk("prepare", "ro");
        shows(line(out, "message: "));
        assertThat(line(out, "task.md: ")).isEqualTo(DiskFaultHelper.BEFORE.strip());
    }

    /**
     * Runs {@link DiskFaultHelper} on a 256 KiB tmpfs of its own: a real full disk and a real
     * read-only mount, in a private mount namespace so nothing outside the test sees them.
     */
    private List<String> onSmallDisk(String prepare, String remount) throws Exception {
        Path dir = Files.createDirectories(workspace.resolve("small-disk"));
        String script = """
                set -e
                dir=$1; size=$2; prepare=$3; remount=$4; shift 4
                mount -t tmpfs -o "size=$size" tmpfs "$dir"
                "$@" "$prepare" "$dir"
                if [ "$remount" = ro ]; then mount -o remount,ro "$dir"; fi
                exec "$@" save "$dir"
                """;
        Process p = new ProcessBuilder("unshare", "--user", "--map-root-user", "--mount", "sh", "-c", script, "sh",
                dir.toString(), "256k", prepare, remount, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DiskFaultHelper.class.getName())
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        Assumptions.assumeFalse(output.startsWith("unshare:") || output.contains("mount: "),
                "this machine lets no process mount a small file system in a user namespace: " + output);
        assertThat(p.exitValue()).as(output).isZero();
        return output.lines().toList();
    }

    private static String line(List<String> out, String prefix) {
        return out.stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + out));
    }
}
