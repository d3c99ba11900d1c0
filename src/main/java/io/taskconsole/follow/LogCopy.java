package io.taskconsole.follow;

import io.taskconsole.task.AtomicFiles;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The local copy of one container's log, in the task's {@code .history/logs/} beside the helm logs:
 * Kubernetes deletes the pod, and its logs with it, {@code ttlSecondsAfterFinished} after the Job ends.
 *
 * <p>Lines are kept as the API server sent them, with their times, so a later follow resumes where the
 * copy ends instead of writing lines twice. Only appended to, a whole line at a time, and readable by
 * its owner alone (an agent's log may quote the code it works on).
 */
public final class LogCopy {

    private final Path file;

    private LogCopy(Path file) {
        this.file = file;
    }

    /** The copy of {@code container}'s log in {@code pod} of attempt {@code attempt} in {@code namespace}. */
    public static LogCopy in(Path historyFolder, String namespace, int attempt, String pod, String container) {
        return new LogCopy(historyFolder.resolve("logs")
                .resolve(namespace + "-run-" + attempt + "-" + pod + "-" + container + ".log"));
    }

    /**
     * The newest copy of {@code container}'s log of attempt {@code attempt}, whatever its namespace and
     * pod (a restart makes a new pod; its log is the one that saw the end).
     */
    public static java.util.Optional<LogCopy> newest(Path historyFolder, int attempt, String container) {
        Path logs = historyFolder.resolve("logs");
        if (!Files.isDirectory(logs, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return java.util.Optional.empty();
        }
        java.util.regex.Pattern name = java.util.regex.Pattern.compile(
                ".+-run-" + attempt + "-.+-" + java.util.regex.Pattern.quote(container) + "\\.log");
        try (java.util.stream.Stream<Path> files = Files.list(logs)) {
            return files.filter(f -> name.matcher(f.getFileName().toString()).matches())
                    // A kept log is a plain file: a link could make a reader show any file of the machine.
                    .filter(f -> Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .max(java.util.Comparator.comparing(LogCopy::modified))
                    .map(LogCopy::new);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    private static java.nio.file.attribute.FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file, java.nio.file.LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return java.nio.file.attribute.FileTime.fromMillis(0);
        }
    }

    public Path path() {
        return file;
    }

    public boolean exists() {
        return Files.isRegularFile(file);
    }

    /** The lines kept so far, oldest first; empty when there is no copy. */
    synchronized List<LogLines> read() throws IOException {
        if (!exists()) {
            return List.of();
        }
        List<LogLines> lines = new ArrayList<>();
        for (String raw : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lines.add(LogLines.parse(raw));
        }
        return lines;
    }

    /** The text of the lines kept so far, without their times. */
    public List<String> text() throws IOException {
        return read().stream().map(LogLines::text).toList();
    }

    synchronized void append(List<LogLines> lines) throws IOException {
        if (lines.isEmpty()) {
            return;
        }
        if (!exists()) {
            AtomicFiles.createOwnerOnlyDirectories(file.getParent());
            if (Files.getFileAttributeView(file.getParent(), PosixFileAttributeView.class) != null) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        }
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.raw().replace('\n', ' ')).append('\n'));
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.APPEND)) {
            out.write(text.toString());
        }
    }
}
