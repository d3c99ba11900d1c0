package io.taskconsole.task;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One app instance per workspace: two windows autosaving the same task files would overwrite each
 * other's edits without either noticing. The lock is an OS file lock on {@code .task-console.lock}
 * in the workspace, so it ends with its process, a {@code kill -9} included, and a stale file never
 * locks anyone out; the file holds the owner's pid only to name it in the message.
 */
public final class WorkspaceLock implements AutoCloseable {

    public static final String FILE = ".task-console.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private WorkspaceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the workspace for this process, or says which process has it. */
    public static WorkspaceLock acquire(Path workspace) {
        Path file = workspace.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(workspace);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // this process holds it already, through another window
            }
            if (lock == null) {
                String owner = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw TaskConsoleException.badInput("The workspace " + workspace + " is open in another Task Console"
                                + (owner.isEmpty() ? "" : " (pid " + owner + ")"),
                        "Switch to that window, or close it first: two windows saving the same tasks would overwrite each other's edits.");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new WorkspaceLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw TaskConsoleException.failed("Cannot lock the workspace " + workspace + ": " + e.getMessage(),
                    "Check that the folder is writable.", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel below releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to release
            }
        }
    }
}
