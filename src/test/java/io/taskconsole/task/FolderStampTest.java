package io.taskconsole.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStampTest {

    @TempDir
    Path temp;
    Path folder;
    Instant now;

    @BeforeEach
    void aTaskWrittenAMinuteAgo() throws Exception {
        folder = SampleTask.create(temp).folder();
        now = Instant.now();
        ageAll(Duration.ofMinutes(1));
    }

    @Test
    void anUntouchedSettledFolderIsUnchanged() {
        FolderStamp first = FolderStamp.of(folder, now);

        assertThat(first.settled()).isTrue();
        assertThat(FolderStamp.of(folder, now.plusSeconds(2)).unchangedSince(first)).isTrue();
    }

    @Test
    void aFileRewrittenToTheSameSizeIsAChangeThroughItsTime() throws Exception {
        FolderStamp before = FolderStamp.of(folder, now);
        Path task = folder.resolve(TaskFile.TASK_MD);
        String text = Files.readString(task);
        Files.writeString(task, text.replace('a', 'b'));
        Files.setLastModifiedTime(task, FileTime.from(now.minusSeconds(30)));

        assertThat(Files.size(task)).isEqualTo(text.length());
        assertThat(FolderStamp.of(folder, now).unchangedSince(before)).isFalse();
    }

    @Test
    void aNewOrRemovedMarkdownFileIsAChange() throws Exception {
        FolderStamp before = FolderStamp.of(folder, now);
        Path notes = Files.writeString(folder.resolve("notes.md"), "# Notes\n");
        Files.setLastModifiedTime(notes, FileTime.from(now.minusSeconds(30)));
        FolderStamp added = FolderStamp.of(folder, now);
        Files.delete(notes);

        assertThat(added.unchangedSince(before)).isFalse();
        assertThat(FolderStamp.of(folder, now).unchangedSince(added)).isFalse();
    }

    /**
     * A file modified within {@link FolderStamp#RACY} of the stamp could change again in the same tick
     * of a coarse clock, to the same size: such a stamp never vouches, and the folder is read again.
     */
    @Test
    void aStampTakenJustAfterAWriteNeverVouches() throws Exception {
        Path task = folder.resolve(TaskFile.TASK_MD);
        Files.setLastModifiedTime(task, FileTime.from(now.minusMillis(500)));
        FolderStamp racy = FolderStamp.of(folder, now);

        assertThat(racy.settled()).isFalse();
        assertThat(FolderStamp.of(folder, now.plusSeconds(10)).unchangedSince(racy)).isFalse();
        assertThat(FolderStamp.of(folder, now.plusSeconds(20))
                .unchangedSince(FolderStamp.of(folder, now.plusSeconds(10)))).isTrue();
    }

    @Test
    void hiddenEntriesSuchAsTheHistoryAreLeftOut() throws Exception {
        FolderStamp before = FolderStamp.of(folder, now);
        Path history = Files.createDirectories(folder.resolve(".history"));
        Files.writeString(history.resolve("helm-1.log"), "deployed\n");

        assertThat(FolderStamp.of(folder, now).unchangedSince(before)).isTrue();
    }

    @Test
    void aLinkIsStampedAsALinkNotAsWhatItPointsAt() throws Exception {
        FolderStamp before = FolderStamp.of(folder, now);
        Path spec = folder.resolve(TaskFile.DESIGN_SPEC_MD);
        Path elsewhere = Files.move(spec, temp.resolve("spec-elsewhere.md"));
        Files.createSymbolicLink(spec, elsewhere);

        assertThat(FolderStamp.of(folder, now).entries().get(TaskFile.DESIGN_SPEC_MD).kind()).isEqualTo('l');
        assertThat(FolderStamp.of(folder, now).unchangedSince(before)).isFalse();
    }

    @Test
    void anUnknownStampNeverMatches() {
        assertThat(FolderStamp.unknown().unchangedSince(FolderStamp.unknown())).isFalse();
        assertThat(FolderStamp.of(folder, now).unchangedSince(null)).isFalse();
    }

    private void ageAll(Duration age) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                Files.setLastModifiedTime(entry, FileTime.from(now.minus(age)));
            }
        }
    }
}
