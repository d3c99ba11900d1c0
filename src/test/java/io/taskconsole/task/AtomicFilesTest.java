package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheContentAndLeavesNoTempFileBehind() throws IOException {
        Path file = dir.resolve("task.md");
        AtomicFiles.writeString(file, "first");
        AtomicFiles.writeString(file, "second");

        assertThat(file).hasContent("second");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void savingKeepsTheModeTheUserGaveTheFile() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file modes only");
        Path file = dir.resolve("task.md");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-r--"));

        AtomicFiles.writeString(file, "new");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw-r--");
    }

    @Test
    void aNewFileGetsTheModeAnyNewFileGetsHereNotOwnerOnly() throws IOException {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file modes only");
        Path plain = Files.createFile(dir.resolve("made-the-usual-way"));

        Path file = dir.resolve("sub/task.yaml");
        AtomicFiles.writeString(file, "id: 1\n");

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }
}
