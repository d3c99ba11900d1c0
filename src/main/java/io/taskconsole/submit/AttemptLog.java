package io.taskconsole.submit;

import io.taskconsole.helm.OutputListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One attempt's full helm log on disk; stderr lines and notes are marked so a later view can tell
 * them apart. It is written from helm's reader threads, beside the user's live view of the same
 * lines: a full disk must not cost the user that view, so a failed write stops the log and is
 * remembered, to be reported once the run is over, instead of failing the listener.
 */
final class AttemptLog implements AutoCloseable {

    private final Path path;
    private final BufferedWriter writer;
    private IOException failure;

    AttemptLog(Path path) throws IOException {
        this.path = path;
        this.writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    }

    static AttemptLog open(AttemptHistory history, String namespace, int attempt) throws IOException {
        return new AttemptLog(history.newLogFile(namespace, attempt));
    }

    Path path() {
        return path;
    }

    synchronized void write(OutputListener.Stream stream, String line) {
        if (failure != null) {
            return;
        }
        try {
            writer.write(stream.marker());
            writer.write(line);
            writer.newLine();
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Writes out what is buffered; then says why the log is incomplete, if it is. */
    synchronized Optional<String> flushAndCheck() {
        if (failure == null) {
            try {
                writer.flush();
            } catch (IOException e) {
                failure = e;
            }
        }
        return Optional.ofNullable(failure).map(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    @Override
    public synchronized void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // flushAndCheck reported what was lost; closing only releases the file
        }
    }
}
