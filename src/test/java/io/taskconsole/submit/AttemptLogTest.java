package io.taskconsole.submit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.taskconsole.helm.OutputListener.Stream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttemptLogTest {

    @TempDir
    Path dir;

    @Test
    void marksStderrAndNotesSoALaterViewCanTellThemApart() throws IOException {
        Path file = dir.resolve("run-1.log");
        try (AttemptLog log = new AttemptLog(file)) {
            log.write(Stream.INFO, "$ helm upgrade --install x");
            log.write(Stream.STDOUT, "Release \"x\" has been upgraded.");
            log.write(Stream.STDERR, "WARNING: something");
            assertThat(log.flushAndCheck()).isEmpty();
        }
        assertThat(Files.readAllLines(file)).containsExactly(
                "[info] $ helm upgrade --install x", "Release \"x\" has been upgraded.", "[stderr] WARNING: something");
    }

    @Test
    void aFullDiskStopsTheLogButNeverThrowsAtTheListenerThatAlsoFeedsTheUsersView() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeTrue(Files.exists(devFull), "needs Linux's /dev/full to play a full disk");
        Path file = Files.createSymbolicLink(dir.resolve("run-1.log"), devFull);

        try (AttemptLog log = new AttemptLog(file)) {
            String line = "x".repeat(200);
            for (int i = 0; i < 1000; i++) {
                log.write(Stream.STDOUT, line);
            }
            assertThat(log.flushAndCheck()).as("why the log is incomplete").hasValueSatisfying(
                    why -> assertThat(why).containsIgnoringCase("space"));
        }
    }
}
