package io.taskconsole.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;

/**
 * Writes files so that a reader (or a crash) sees the old content or the new, never half of it:
 * write a temp file beside the target, then rename it over the target.
 *
 * <p>The rename replaces the file, so its permissions are the temp file's: an existing file's
 * mode is copied onto it, and a new one gets the mode the user's umask gives (not the owner-only
 * mode of {@link Files#createTempFile}), so saving never hides a task file from the user's group.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Refuses a target that is a symbolic link: the rename would replace the link, and a writer that
     * followed it could write anywhere (a task folder from git may hold {@code notes.md -> ~/.bashrc}).
     */
    public static void write(Path target, byte[] content) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link to " + Files.readSymbolicLink(target)
                    + "; not writing through it (replace the link with a regular file)");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            keepPermissions(target, tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }
}
