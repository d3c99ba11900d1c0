package io.taskconsole.submit;

import io.taskconsole.TaskConsoleException;
import io.taskconsole.task.AtomicFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A task's local record of its attempts, in {@code .history/} inside the task folder:
 * {@code attempts.json} plus one full helm log per attempt. Several submissions of one task may
 * finish at once (two retries), so updates take a file lock. A submission on its way is a
 * {@link PendingSubmission} in {@code pending/} until its record is added.
 */
public final class AttemptHistory {

    public static final String FOLDER = ".history";
    private static final String PENDING = "pending";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** One monitor per history folder in this JVM: a FileLock can't be taken twice by one process. */
    private static final ConcurrentHashMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path folder;

    public AttemptHistory(Path taskFolder) {
        this.folder = taskFolder.resolve(FOLDER);
    }

    public Path folder() {
        return folder;
    }

    public List<AttemptRecord> list() {
        Path file = folder.resolve("attempts.json");
        if (!Files.isRegularFile(file)) {
            return List.of();
        }
        try {
            List<AttemptRecord> records = JSON.readValue(Files.readString(file, StandardCharsets.UTF_8),
                    new TypeReference<List<AttemptRecord>>() { });
            return records.stream().sorted(Comparator.comparing(AttemptRecord::submittedAt)).toList();
        } catch (IOException | JacksonException e) {
            throw TaskConsoleException.failed("The attempt history " + file + " cannot be read: " + e.getMessage(),
                    "Move the file aside; the cluster still lists every attempt.", e);
        }
    }

    /** A new file for the log of an attempt, relative name included in the record. */
    public Path newLogFile(String namespace, int attempt) throws IOException {
        Files.createDirectories(folder.resolve("logs"));
        String base = "logs/" + namespace + "-run-" + attempt + "-" + System.currentTimeMillis();
        Path file = folder.resolve(base + ".log");
        for (int i = 1; Files.exists(file); i++) {
            file = folder.resolve(base + "-" + i + ".log");
        }
        return file;
    }

    public void add(AttemptRecord record) {
        try {
            Files.createDirectories(folder);
            // The file lock keeps other processes out; it is per JVM, so threads queue on the monitor first.
            synchronized (monitorFor(folder)) {
                addLocked(record);
            }
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot write the attempt history in " + folder + ": " + e.getMessage(),
                    "Check free disk space; the attempt itself is in the cluster.", e);
        }
    }

    private void addLocked(AttemptRecord record) throws IOException {
        try (FileChannel channel = FileChannel.open(folder.resolve(".lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock = channel.lock();
            try {
                List<AttemptRecord> records = new ArrayList<>(list());
                records.add(record);
                AtomicFiles.writeString(folder.resolve("attempts.json"), JSON.writeValueAsString(records));
            } finally {
                lock.release();
            }
        }
    }

    /**
     * Writes (or rewrites) a submission on its way. The first write must succeed before anything is
     * created in the cluster, so a submission that could not be recorded is never sent.
     */
    public void savePending(PendingSubmission pending) {
        try {
            Files.createDirectories(folder.resolve(PENDING));
            AtomicFiles.writeString(pendingFile(pending), JSON.writeValueAsString(pending));
        } catch (IOException | JacksonException e) {
            throw TaskConsoleException.failed("Cannot record the submission in " + folder.resolve(PENDING) + ": "
                    + e.getMessage(), "Check free disk space and permissions in the task folder, then submit again.", e);
        }
    }

    /** The submissions on their way or interrupted, oldest first; a file that can't be read is left for a person. */
    public List<PendingSubmission> pending() {
        Path dir = folder.resolve(PENDING);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<PendingSubmission> found = new ArrayList<>();
        try (var files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).toList()) {
                try {
                    found.add(JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), PendingSubmission.class));
                } catch (IOException | JacksonException e) {
                    // Written atomically, so only a hand edit breaks one: leave it where a person can see it.
                }
            }
        } catch (IOException e) {
            return List.of();
        }
        found.sort(Comparator.comparing(PendingSubmission::startedAt));
        return found;
    }

    /** Records how a pending submission ended, then forgets it as pending (in that order, so a crash between keeps both). */
    public void complete(AttemptRecord record, PendingSubmission pending) {
        add(record);
        discard(pending);
    }

    /** Forgets a pending submission that created nothing, or whose record is already in the history. */
    public void discard(PendingSubmission pending) {
        try {
            Files.deleteIfExists(pendingFile(pending));
        } catch (IOException e) {
            throw TaskConsoleException.failed("Cannot remove " + pendingFile(pending) + ": " + e.getMessage(),
                    "Check permissions in the task folder; the file can be deleted by hand.", e);
        }
    }

    private Path pendingFile(PendingSubmission pending) {
        if (!pending.id().matches("[0-9a-f-]{36}")) {
            throw new IllegalArgumentException("not a submission id: " + pending.id());
        }
        return folder.resolve(PENDING).resolve(pending.id() + ".json");
    }

    private static Object monitorFor(Path folder) {
        return MONITORS.computeIfAbsent(folder.toAbsolutePath().normalize(), p -> new Object());
    }

    public String readLog(AttemptRecord record) {
        return readLog(record.logFile());
    }

    /** The log at {@code logFile} (relative to this history), or a line saying why it can't be read. */
    public String readLog(String logFile) {
        if (logFile == null) {
            return "";
        }
        try {
            return Files.readString(folder.resolve(logFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(log not available: " + e.getMessage() + ")";
        }
    }
}
