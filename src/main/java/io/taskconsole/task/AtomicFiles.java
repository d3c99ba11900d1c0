package io.taskconsole.task;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
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
        write(target, content, false);
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * As {@link #writeString}, but only the owner may read the file (0600) and a folder made for it
     * is the owner's only (0700), where the file system has POSIX modes: for the app's own state
     * (settings, the session to restore), which names the user's clusters and folders.
     */
    public static void writeOwnerOnly(Path target, String content) throws IOException {
        createOwnerOnlyDirectories(target.toAbsolutePath().getParent());
        write(target, content.getBytes(StandardCharsets.UTF_8), true);
    }

    /** Creates {@code dir} and missing parents with mode 0700 (where POSIX); an existing folder is left as it is. */
    public static void createOwnerOnlyDirectories(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        if (Files.getFileAttributeView(nearestExisting(dir), PosixFileAttributeView.class) != null) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(dir);
        }
    }

    private static Path nearestExisting(Path dir) {
        Path p = dir.toAbsolutePath();
        while (p != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p == null ? dir.toAbsolutePath().getRoot() : p;
    }

    private static void write(Path target, byte[] content, boolean ownerOnly) throws IOException {
        if (Files.isSymbolicLink(target)) {
            throw new IOException(target + " is a symbolic link to " + Files.readSymbolicLink(target)
                    + "; not writing through it (replace the link with a regular file)");
        }
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            Files.write(tmp, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            if (ownerOnly && Files.getFileAttributeView(tmp, PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } else if (!ownerOnly) {
                keepPermissions(target, tmp);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (Files.isRegularFile(target) && Files.getFileAttributeView(target, PosixFileAttributeView.class) != null) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(target));
        }
    }
}
