package io.taskconsole.helm;

/**
 * Receives helm's output line by line, on the thread that reads it.
 *
 * <p>{@link HelmRunner} calls it from several threads (one per stream, plus the waiter and the
 * caller of cancel for {@link Stream#INFO} notes), so it must be thread-safe and quick; a UI
 * should buffer lines and repaint in batches on its own thread. Lines come without their line
 * terminator; a line longer than 64 KiB arrives cut, with a note saying so.
 */
@FunctionalInterface
public interface OutputListener {

    /** Where a line came from: helm's stdout or stderr, or a note from Task Console about the run. */
    enum Stream {
        STDOUT, STDERR, INFO;

        /** What starts a line of this stream in an attempt's helm log file; stdout lines are unmarked. */
        public String marker() {
            return switch (this) {
                case STDOUT -> "";
                case STDERR -> "[stderr] ";
                case INFO -> "[info] ";
            };
        }

        /** The stream a line of an attempt's helm log file was written from, by its marker. */
        public static Stream ofMarked(String line) {
            return line.startsWith(STDERR.marker()) ? STDERR : line.startsWith(INFO.marker()) ? INFO : STDOUT;
        }
    }

    void onLine(Stream stream, String line);
}
