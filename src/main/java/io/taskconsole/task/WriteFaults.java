package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;

/**
 * Says why saving a task file failed in the user's terms: a full disk and a read-only folder need
 * different fixes, and the operating system's words ("No space left on device", "Read-only file
 * system", EACCES) only hint at them. The text is always still in the editor: each message says so.
 */
public final class WriteFaults {

    private WriteFaults() {
    }

    public static TaskConsoleException saving(String name, Path folder, IOException e) {
        String reason = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                : String.valueOf(e.getMessage());
        if (reason.contains("No space left on device") || reason.contains("Disk quota exceeded")) {
            return TaskConsoleException.failed("Cannot save " + name + " in " + folder + ": the disk is full",
                    "Free some space on that disk, then save again (Ctrl+S); your text is still in the editor, "
                            + "and the file on disk keeps its last saved version.", e);
        }
        if (e instanceof AccessDeniedException || reason.contains("Read-only file system")) {
            return TaskConsoleException.failed("Cannot save " + name + ": the task folder " + folder
                            + " is read-only (" + reason + ")",
                    "Make the folder writable (chmod u+w, or remount the disk read-write), or copy the task folder "
                            + "somewhere you can write; your text is still in the editor.", e);
        }
        return TaskConsoleException.failed("Cannot save " + name + " in " + folder + ": " + e.getMessage(),
                "Check free disk space and the folder's permissions; your text is still in the editor.", e);
    }
}
