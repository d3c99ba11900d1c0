package io.taskconsole.ui.common;

import io.taskconsole.task.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The console's own log file, whose path the Help menu shows: every error with its full details,
 * so the banner can stay one line. It never holds helm's output or anything from a kubeconfig.
 */
public final class AppLog {

    private static final long MAX_BYTES = 5L * 1024 * 1024;
    private final Path file;

    public AppLog(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    public synchronized void write(String level, String message, String details) {
        StringBuilder entry = new StringBuilder()
                .append(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                .append(' ').append(level).append(' ').append(message).append('\n');
        if (details != null && !details.isBlank()) {
            entry.append(details.strip()).append('\n');
        }
        try {
            AtomicFiles.createOwnerOnlyDirectories(file.getParent());
            if (Files.isSymbolicLink(file)) {
                throw new IOException(file + " is a symbolic link; not appending through it");
            }
            if (!Files.exists(file) && Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            if (Files.exists(file) && Files.size(file) > MAX_BYTES) {
                Files.move(file, file.resolveSibling(file.getFileName() + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(file, entry, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.err.print(entry);
            System.err.println("(could not write the log file " + file + ": " + e.getMessage() + ")");
        }
    }

    public void info(String message) {
        write("INFO", message, null);
    }

    public void error(String message, Throwable error) {
        write("ERROR", message, Notice.stackTrace(error));
    }
}
