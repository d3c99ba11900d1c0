package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.taskconsole.TaskConsoleException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class AttemptHistoryTest {

    @TempDir
    Path taskFolder;

    private static AttemptRecord record(int attempt, Integer previous, Instant at) {
        return new AttemptRecord(attempt, previous, at, "lab", "orchestrator", "auth-service-task-1001-run-" + attempt,
                "auth-service-task-1001-run-" + attempt + "-files", "helm upgrade --install ...", 0, 1234L,
                AttemptResult.SUCCEEDED, null, "logs/orchestrator-run-" + attempt + ".log", null);
    }

    @Test
    void anEmptyHistoryListsNothing() {
        assertThat(new AttemptHistory(taskFolder).list()).isEmpty();
    }

    @Test
    void recordsComeBackAsAddedOldestFirst() {
        AttemptHistory history = new AttemptHistory(taskFolder);
        AttemptRecord second = record(2, 1, Instant.parse("2026-11-25T12:00:00Z"));
        AttemptRecord first = record(1, null, Instant.parse("2026-11-25T11:00:00Z"));
        history.add(second);
        history.add(first);

        assertThat(new AttemptHistory(taskFolder).list()).containsExactly(first, second);
        assertThat(history.folder()).isEqualTo(taskFolder.resolve(".history"));
        assertThat(taskFolder.resolve(".history/attempts.json")).isRegularFile();
    }

    @Test
    @Timeout(60)
    void twoThreadsAddingAtOnceKeepBothRecords() throws Exception {
        int perThread = 25;
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < 2; t++) {
                int base = t * perThread;
                futures.add(pool.submit(() -> {
                    start.await();
                    AttemptHistory history = new AttemptHistory(taskFolder);
                    for (int i = 1; i <= perThread; i++) {
                        history.add(record(base + i, null, Instant.parse("2026-11-25T10:00:00Z").plusSeconds(base + i)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(50, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(new AttemptHistory(taskFolder).list()).extracting(AttemptRecord::attempt)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 2 * perThread).boxed().toList());
    }

    @Test
    void aCorruptHistoryNamesTheFileAndWhatToDo() throws IOException {
        Path file = taskFolder.resolve(".history/attempts.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "[{\"attempt\": 1, \"submittedAt\": ");

        TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                () -> new AttemptHistory(taskFolder).list());

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).startsWith("The attempt history " + file + " cannot be read");
        assertThat(e.fix()).isEqualTo("Move the file aside; the cluster still lists every attempt.");
    }

    @Test
    void addingToACorruptHistoryDoesNotOverwriteIt() throws IOException {
        Path file = taskFolder.resolve(".history/attempts.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not json");

        TaskConsoleException e = catchThrowableOfType(TaskConsoleException.class,
                () -> new AttemptHistory(taskFolder).add(record(1, null, Instant.now())));

        assertThat(e).isNotNull();
        assertThat(Files.readString(file)).isEqualTo("not json");
    }

    @Test
    void logFilesAreNewFilesUnderLogs() throws IOException {
        AttemptHistory history = new AttemptHistory(taskFolder);
        Path log = history.newLogFile("orchestrator", 3);
        assertThat(log.getParent()).isEqualTo(taskFolder.resolve(".history/logs"));
        assertThat(log.getFileName().toString()).startsWith("orchestrator-run-3-").endsWith(".log");
        assertThat(log).doesNotExist();
    }
}
