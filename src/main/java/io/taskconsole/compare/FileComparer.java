package io.taskconsole.compare;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import com.github.difflib.patch.Patch;
import com.github.difflib.text.DiffRowGenerator;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Compares two sets of files (name to bytes, as a ConfigMap holds them) with java-diff-utils: lines
 * by Myers' algorithm, and within a changed line the words, split as the library's
 * {@link DiffRowGenerator#SPLITTER_BY_WORD} splits them.
 */
public final class FileComparer {

    /** Lines of context around a change in the unified diff, as {@code diff -u} gives. */
    public static final int CONTEXT = 3;

    private FileComparer() {
    }

    public static Comparison compare(String oldLabel, Map<String, byte[]> oldFiles, String newLabel,
                                     Map<String, byte[]> newFiles) {
        Set<String> names = new LinkedHashSet<>(oldFiles.keySet());
        names.addAll(newFiles.keySet());
        List<FileDiff> files = new ArrayList<>();
        for (String name : names) {
            files.add(file(name, oldLabel, oldFiles.get(name), newLabel, newFiles.get(name)));
        }
        return new Comparison(oldLabel, newLabel, files);
    }

    private static FileDiff file(String name, String oldLabel, byte[] oldBytes, String newLabel, byte[] newBytes) {
        String oldName = oldBytes == null ? "/dev/null" : oldLabel + "/" + name;
        String newName = newBytes == null ? "/dev/null" : newLabel + "/" + name;
        if (oldBytes != null && newBytes != null && Arrays.equals(oldBytes, newBytes)) {
            List<String> lines = text(oldBytes).map(FileComparer::lines).orElse(List.of());
            List<DiffLine> rows = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                rows.add(same(i, i, lines.get(i)));
            }
            return new FileDiff(name, FileDiff.Change.UNCHANGED, rows, List.of());
        }
        Optional<String> oldText = oldBytes == null ? Optional.of("") : text(oldBytes);
        Optional<String> newText = newBytes == null ? Optional.of("") : text(newBytes);
        if (oldText.isEmpty() || newText.isEmpty()) {
            return new FileDiff(name, FileDiff.Change.BINARY, List.of(),
                    List.of("Binary files " + oldName + " and " + newName + " differ"));
        }
        List<String> oldLines = lines(oldText.get());
        List<String> newLines = lines(newText.get());
        Patch<String> patch = DiffUtils.diff(oldLines, newLines);
        List<String> unified = new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(oldName, newName, oldLines, patch, CONTEXT));
        if (patch.getDeltas().isEmpty()) {
            // Same lines, other bytes: only the final newline differs. Said, so the file is not silently "equal".
            unified.add("--- " + oldName);
            unified.add("+++ " + newName);
            unified.add("(only the newline at the end of the file differs)");
        }
        FileDiff.Change change = oldBytes == null ? FileDiff.Change.ADDED
                : newBytes == null ? FileDiff.Change.REMOVED : FileDiff.Change.CHANGED;
        return new FileDiff(name, change, rows(oldLines, newLines, patch), unified);
    }

    /** Every line as a row: the deltas' lines, and the unchanged ones between them. */
    private static List<DiffLine> rows(List<String> oldLines, List<String> newLines, Patch<String> patch) {
        List<DiffLine> rows = new ArrayList<>();
        int o = 0;
        int n = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            for (; o < delta.getSource().getPosition(); o++, n++) {
                rows.add(same(o, n, oldLines.get(o)));
            }
            List<String> removed = delta.getSource().getLines();
            List<String> added = delta.getTarget().getLines();
            int paired = delta.getType() == DeltaType.CHANGE ? Math.min(removed.size(), added.size()) : 0;
            for (int i = 0; i < paired; i++, o++, n++) {
                rows.add(changed(o + 1, n + 1, removed.get(i), added.get(i)));
            }
            for (int i = paired; i < removed.size(); i++) {
                rows.add(new DiffLine(DiffLine.Kind.REMOVED, ++o, null, List.of(new Span(removed.get(i), false)), List.of()));
            }
            for (int i = paired; i < added.size(); i++) {
                rows.add(new DiffLine(DiffLine.Kind.ADDED, null, ++n, List.of(), List.of(new Span(added.get(i), false))));
            }
        }
        for (; o < oldLines.size(); o++, n++) {
            rows.add(same(o, n, oldLines.get(o)));
        }
        return rows;
    }

    private static DiffLine same(int oldIndex, int newIndex, String line) {
        List<Span> spans = List.of(new Span(line, false));
        return new DiffLine(DiffLine.Kind.SAME, oldIndex + 1, newIndex + 1, spans, spans);
    }

    /** A changed line pair, with the words that differ marked on each side. */
    static DiffLine changed(int oldNumber, int newNumber, String oldLine, String newLine) {
        List<String> oldWords = DiffRowGenerator.SPLITTER_BY_WORD.apply(oldLine);
        List<String> newWords = DiffRowGenerator.SPLITTER_BY_WORD.apply(newLine);
        Patch<String> words = DiffUtils.diff(oldWords, newWords);
        boolean[] oldChanged = new boolean[oldWords.size()];
        boolean[] newChanged = new boolean[newWords.size()];
        for (AbstractDelta<String> delta : words.getDeltas()) {
            mark(oldChanged, delta.getSource().getPosition(), delta.getSource().size());
            mark(newChanged, delta.getTarget().getPosition(), delta.getTarget().size());
        }
        return new DiffLine(DiffLine.Kind.CHANGED, oldNumber, newNumber, spans(oldWords, oldChanged),
                spans(newWords, newChanged));
    }

    private static void mark(boolean[] changed, int from, int size) {
        Arrays.fill(changed, from, from + size, true);
    }

    /** Neighbouring words of the same state joined, so a view draws few pieces. */
    private static List<Span> spans(List<String> words, boolean[] changed) {
        List<Span> spans = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            if (i > 0 && changed[i] != changed[i - 1]) {
                spans.add(new Span(run.toString(), changed[i - 1]));
                run.setLength(0);
            }
            run.append(words.get(i));
        }
        if (!run.isEmpty()) {
            spans.add(new Span(run.toString(), changed[words.size() - 1]));
        }
        return spans;
    }

    /** A file's lines; a final newline ends the last line rather than starting an empty one. */
    static List<String> lines(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    /** The bytes as UTF-8 text, or empty when they are not (a binary file). */
    private static Optional<String> text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.indexOf('\0') >= 0 ? Optional.empty() : Optional.of(text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
