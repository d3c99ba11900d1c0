package io.taskconsole.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FileComparerTest {

    private static Map<String, byte[]> files(String... nameAndText) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < nameAndText.length; i += 2) {
            files.put(nameAndText[i], nameAndText[i + 1].getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    @Test
    void addedRemovedAndUnchangedFilesAreToldApart() {
        Comparison c = FileComparer.compare("attempt-1", files("task.md", "a\nb\n", "old.md", "x\n"),
                "attempt-2", files("task.md", "a\nb\n", "new.md", "y\nz\n"));

        assertThat(c.files()).extracting(FileDiff::name, FileDiff::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("task.md", FileDiff.Change.UNCHANGED),
                org.assertj.core.groups.Tuple.tuple("old.md", FileDiff.Change.REMOVED),
                org.assertj.core.groups.Tuple.tuple("new.md", FileDiff.Change.ADDED));
        assertThat(c.unified()).contains("--- attempt-1/old.md\n+++ /dev/null\n")
                .contains("--- /dev/null\n+++ attempt-2/new.md\n").contains("\n+y\n+z\n")
                .doesNotContain("task.md");
        assertThat(c.identical()).isFalse();
        assertThat(c.without("old.md").without("new.md").identical()).isTrue();
    }

    @Test
    void aChangedLineMarksOnlyTheWordsThatChanged() {
        Comparison c = FileComparer.compare("a", files("t.md", "keep\nThe limit is 5 per minute.\nend\n"),
                "b", files("t.md", "keep\nThe limit is 10 per hour.\nend\nmore\n"));

        List<DiffLine> lines = c.files().get(0).lines();
        assertThat(lines).extracting(DiffLine::kind).containsExactly(DiffLine.Kind.SAME, DiffLine.Kind.CHANGED,
                DiffLine.Kind.SAME, DiffLine.Kind.ADDED);
        assertThat(lines.get(1).oldSpans()).filteredOn(Span::changed).extracting(Span::text).containsExactly("5", "minute");
        assertThat(lines.get(1).newSpans()).filteredOn(Span::changed).extracting(Span::text).containsExactly("10", "hour");
        assertThat(lines.get(1).newText()).isEqualTo("The limit is 10 per hour.");
        assertThat(lines.get(3).newNumber()).isEqualTo(4);
        assertThat(c.files().get(0).describe()).isEqualTo("t.md: changed, +2 -1");
    }

    @Test
    void binaryFilesAndAMissingFinalNewlineAreNotCalledEqual() {
        Map<String, byte[]> old = new LinkedHashMap<>(Map.of("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1}));
        old.put("t.md", "a\n".getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> now = new LinkedHashMap<>(Map.of("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 2}));
        now.put("t.md", "a".getBytes(StandardCharsets.UTF_8));

        Comparison c = FileComparer.compare("a", old, "b", now);

        assertThat(c.files().get(0).change()).isEqualTo(FileDiff.Change.BINARY);
        assertThat(c.unified()).contains("Binary files a/logo.png and b/logo.png differ")
                .contains("(only the newline at the end of the file differs)");
        assertThat(c.changedNames()).containsExactly("logo.png", "t.md");
    }
}
